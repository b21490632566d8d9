# r11 pushed in the ip slot
# file: labs/01-iret-only/entry_64.asm
# expect: pt_regs->ip = 0x2d7, which is the user's r11 (rflags) (expected rcx
s/^( +push +)rcx( +; pt_regs->ip)$/\1r11\2/
