# tracesys ignores phase 1's result and always rejoins the fast path: phase 2 (ptrace stops, SECCOMP_RET_TRACE) never runs
# file: labs/05-two-phase-trace/entry_64.asm
# expect: tracesys went to: fastpath rax=110 fastpath rax=
/^tracesys:/,/^tracesys_phase2:/ { /^ +test +rax, rax/d; /^ +jnz +tracesys_phase2/d }
