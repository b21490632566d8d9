# rbx and rbp pushed in each other's slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: frame audit
# expect: pt_regs->bx = 0x5a5a5a5a00000b01, which is the user's rbp (expected rbx 0x5a5a5a5a00000b00)
s/^( +push +)rbx( +; pt_regs->bx)$/\1RBP\2/
s/^( +push +)rbp( +; pt_regs->bp)$/\1rbx\2/
s/RBP/rbp/
