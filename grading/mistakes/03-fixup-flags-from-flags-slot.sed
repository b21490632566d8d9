# FIXUP_TOP_OF_STACK copies the flags slot onto itself: IRET loads whatever the stack held there
# file: labs/03-partial-frame/entry_64.asm
# expect: on the slow path (at do_syscall_64, for the same getpid), pt_regs->flags =
# expect: (expected r11 0x2d7)
/^%macro FIXUP_TOP_OF_STACK/,/^%endmacro/ s/\[rsp \+ PTREGS_R11\]/[rsp + PTREGS_FLAGS]/
