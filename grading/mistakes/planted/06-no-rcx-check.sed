# (planted by the kit's own tests: 02-no-work-mask.sed says why here)
# file: labs/06-opportunistic-sysret/entry_64.asm
# SYSRET without checking rcx == rip
/cmp     rcx, \[rsp + PTREGS_IP\]/{n;/jne     opportunistic_sysret_failed/d}
