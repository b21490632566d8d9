# (planted by the kit's own tests: 02-no-work-mask.sed says why here)
# file: labs/04-full-frame/entry_64.asm
# the SYSRET exit leaves a kernel text address in r8
s/^global entry_SYSRETQ_unsafe_stack$/        lea     r8, [rel entry_SYSCALL_64]\n&/
