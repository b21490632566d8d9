# rdi pushed in the dx slot
# file: labs/03-partial-frame/entry_64.asm
# expect: pt_regs->dx = 0x5a5a5a5a00000b06, which is the user's rdi (expected rdx
s/^( +push +)rdx( +; pt_regs->dx)$/\1rdi\2/
