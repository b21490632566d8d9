# the number pushed in the ax slot instead of -ENOSYS
# file: labs/01-iret-only/entry_64.asm
# expect: pt_regs->ax = 39 (the number), expected -ENOSYS
s/^( +push +)-ENOSYS( +; pt_regs->ax.*)$/\1rax\2/
