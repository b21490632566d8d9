# __USER_CS and __USER_DS pushed in each other's slot
# file: labs/01-iret-only/entry_64.asm
# expect: pt_regs->ss = 0x33, which is __USER_CS (expected __USER_DS 0x2b)
s/^( +push +)__USER_DS( +; pt_regs->ss)$/\1__USER_XS\2/
s/^( +push +)__USER_CS( +; pt_regs->cs)$/\1__USER_DS\2/
s/__USER_XS/__USER_CS/
