# the fast path skips the canonical test: a SYSCALL in the top page would SYSRET to 2^47
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: the top page: a return address of 2^47 forced at entry leaves by iretq
/; >>> exercise: 06-fastpath-checks/,/; <<< exercise: 06-fastpath-checks/ { /^ +CANONICAL_OR_FAIL rcx, r11/d }
