# the fourth argument taken from the cx slot (the return rip) instead of r10
# file: labs/02-sysret-fastpath/syscall.c
# expect: r10
s/regs->r10, regs->r8/regs->cx, regs->r8/
