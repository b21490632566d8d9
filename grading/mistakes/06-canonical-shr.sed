# the canonical test shifts back with shr, not sar: nothing is sign-extended, so 2^47 passes as canonical and SYSRET faults in ring 0
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: rip not canonical: rt_sigreturn to 2^47 (sysret_rip) leaves by iretq
/^%macro CANONICAL_OR_FAIL/,/^%endmacro/ s/^( +)sar( +%2, 64 - )/\1shr\2/
