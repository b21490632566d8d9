# the bound checked, but the number not clamped with a mask before the table load (no array_index_nospec)
# file: labs/04-full-frame/entry_64.asm
# expect: entry_SYSCALL_64: the index reaches sys_call_table unmasked (no sbb)
/^entry_SYSCALL_64_fastpath:/,/^sysret_check:/ { /^ +sbb +rcx, rcx/d; /^ +and +rax, rcx/d }
