# r8 and r9 pushed in each other's slot
# file: labs/03-partial-frame/entry_64.asm
# expect: pt_regs->r9 = 0x5a5a5a5a00000b0a, which is the user's r8 (expected r9
s/^( +push +)r8( +; pt_regs->r8)$/\1R9\2/
s/^( +push +)r9( +; pt_regs->r9)$/\1r8\2/
s/R9/r9/
