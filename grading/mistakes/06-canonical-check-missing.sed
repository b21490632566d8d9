# the six checks without the canonical test of rip
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: rip not canonical: rt_sigreturn to 2^47 (sysret_rip) leaves by iretq
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ { /^ +CANONICAL_OR_FAIL rcx, r11/d }
