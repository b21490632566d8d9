# round 2 with the frame fixed: the dispatcher passes the cx slot as the
# fourth argument and checks the bound signed (nr = -1 would call
# sys_call_table[-1]). The audit names the argument first; fixed, the
# signed bound is 01-signed-bound, whose panic is named in do_syscall_64.
# file: labs/01-iret-only/syscall.c
# expect: frame audit
# expect: 4th argument = 0x
# expect: which is the user's rcx (the return rip) (expected r10
s/regs->r10, regs->r8/regs->cx, regs->r8/
s/\(unsigned long\)nr < NR_syscalls/nr < NR_syscalls/
