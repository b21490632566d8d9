# round 1 with the ax slot fixed: rbx and rbp swapped, and the dispatcher
# passing the cx slot as the fourth argument with a signed bound
# file: labs/01-iret-only/entry_64.asm
# file: labs/01-iret-only/syscall.c
# expect: frame audit
# expect: pt_regs->bx = 0x5a5a5a5a00000b01, which is the user's rbp (expected rbx 0x5a5a5a5a00000b00)
s/^( +push +)rbx( +; pt_regs->bx)$/\1RBP\2/
s/^( +push +)rbp( +; pt_regs->bp)$/\1rbx\2/
s/RBP/rbp/
s/regs->r10, regs->r8/regs->cx, regs->r8/
s/\(unsigned long\)nr < NR_syscalls/nr < NR_syscalls/
