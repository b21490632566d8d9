# rcx pushed in the flags slot
# file: labs/01-iret-only/entry_64.asm
# expect: pt_regs->flags = 0x40
# expect: which is the user's rcx (the return rip) (expected r11
s/^( +push +)r11( +; pt_regs->flags)$/\1rcx\2/
