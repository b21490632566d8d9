# rcx pushed in the r11 slot (the flags SYSRET will restore)
# file: labs/03-partial-frame/entry_64.asm
# expect: pt_regs->r11 = 0x40
# expect: which is the user's rcx (the return rip) (expected r11 0x2d7)
s/^( +push +)r11( +; pt_regs->r11 = user rflags)$/\1rcx\2/
