# rdi and rsi pushed in each other's slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: pt_regs->si = 0x5a5a5a5a00000b06, which is the user's rdi (expected rsi
s/^( +push +)rdi( +; pt_regs->di)$/\1RSI\2/
s/^( +push +)rsi( +; pt_regs->si)$/\1rdi\2/
s/RSI/rsi/
