# three at once: the number in the ax slot, rbx and rbp swapped, and the
# dispatcher passing the cx slot as the fourth argument with a signed bound
# file: labs/01-iret-only/entry_64.asm
# file: labs/01-iret-only/syscall.c
# expect: frame audit
# expect: pt_regs->ax = 39 (the number), expected -ENOSYS
# expect: which is the user's rbp (expected rbx
s/^( +push +)-ENOSYS( +; pt_regs->ax.*)$/\1rax\2/
s/^( +push +)rbx( +; pt_regs->bx)$/\1RBP\2/
s/^( +push +)rbp( +; pt_regs->bp)$/\1rbx\2/
s/RBP/rbp/
s/regs->r10, regs->r8/regs->cx, regs->r8/
s/\(unsigned long\)nr < NR_syscalls/nr < NR_syscalls/
