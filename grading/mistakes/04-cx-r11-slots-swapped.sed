# r11 pushed in the cx slot and rcx in the r11 slot
# file: labs/04-full-frame/entry_64.asm
# expect: pt_regs->r11 = 0, which is zero (expected r11 0x2d7)
# expect: pt_regs->cx = 0x2d7, which is the user's r11 (rflags) (expected rcx
/^%macro PUSH_AND_CLEAR_REGS/,/^%endmacro/ {
s/^( +push +)rcx( +; pt_regs->cx)/\1R11\2/
s/^( +push +)r11( +; pt_regs->r11)/\1rcx\2/
s/R11/r11/
}
