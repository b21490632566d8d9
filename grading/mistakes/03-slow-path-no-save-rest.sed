# the slow path completes only the top of the frame: SAVE_REST left out, bx, bp, r12-r15 unwritten
# file: labs/03-partial-frame/entry_64.asm
# expect: on the slow path (at do_syscall_64, for the same getpid), pt_regs->bx =
# expect: (expected rbx 0x5a5a5a5a00000b00)
/^entry_SYSCALL64_slow_path:/,/call +do_syscall_64/ { /^ +SAVE_REST/d }
