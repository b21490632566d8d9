# no swapgs before SYSRET: user space runs with the kernel's GS base
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: a swapgs is missing
/^entry_SYSRETQ_unsafe_stack:/,/sysret/ s/^( +)swapgs( .*)?$/\1nop/
