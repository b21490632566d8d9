# the number pushed in the ax slot instead of -ENOSYS
# file: labs/03-partial-frame/entry_64.asm
# expect: pt_regs->ax = 39 (the number), expected -ENOSYS
s/^( +push +)-ENOSYS( +; pt_regs->ax.*)$/\1rax\2/
