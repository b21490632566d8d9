# no swapgs at entry: the per-CPU data is read through the user's GS
# file: labs/03-partial-frame/entry_64.asm
# expect: kernel panic in entry_SYSCALL_64 (labs/03-partial-frame/entry_64.asm:
# expect: swapgs
/^entry_SYSCALL_64:/,/PER_CPU_USER_RSP/ s/^( +)swapgs( .*)?$/\1nop/
