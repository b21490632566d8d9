# FIXUP_TOP_OF_STACK puts __USER_DS in the cs slot and __USER_CS in the ss slot
# file: labs/03-partial-frame/entry_64.asm
# expect: on the slow path (at do_syscall_64, for the same getpid), pt_regs->cs = 0x2b, which is __USER_DS (expected __USER_CS 0x33)
/^%macro FIXUP_TOP_OF_STACK/,/^%endmacro/ {
s/PTREGS_SS\], __USER_DS/PTREGS_SS], __USER_XX/
s/PTREGS_CS\], __USER_CS/PTREGS_CS], __USER_DS/
s/__USER_XX/__USER_CS/
}
