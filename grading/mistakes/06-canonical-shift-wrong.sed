# the canonical test shifts by 64 - 49 (one bit too few): 2^47 passes as canonical and SYSRET faults in ring 0
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: rip not canonical: rt_sigreturn to 2^47 (sysret_rip) leaves by iretq
/^%macro CANONICAL_OR_FAIL/,/^%endmacro/ s/64 - \(__VIRTUAL_MASK_SHIFT \+ 1\)/64 - (__VIRTUAL_MASK_SHIFT + 2)/g
