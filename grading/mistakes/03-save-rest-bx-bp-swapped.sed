# SAVE_REST writes rbx and rbp into each other's slot
# file: labs/03-partial-frame/entry_64.asm
# expect: on the slow path (at do_syscall_64, for the same getpid), pt_regs->bx = 0x5a5a5a5a00000b01, which is the user's rbp (expected rbx
/^%macro SAVE_REST/,/^%endmacro/ {
s/\[rsp \+ PTREGS_BX\], rbx/[rsp + PTREGS_BX], RBP/
s/\[rsp \+ PTREGS_BP\], rbp/[rsp + PTREGS_BP], rbx/
s/RBP/rbp/
}
