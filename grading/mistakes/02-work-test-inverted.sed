# the exit-work test inverted: SYSRET exactly when work is pending
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: iretq
s/^( +)jnz( +int_ret_from_sys_call.*)$/\1jz \2/
