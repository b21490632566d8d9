# tracesys's test of phase 1's result inverted: a content phase 1 goes on to phase 2, and a syscall that needs phase 2 rejoins the fast path
# file: labs/05-two-phase-trace/entry_64.asm
# expect: tracesys went to: phase2 rax=0 fastpath rax=
/^tracesys:/,/^tracesys_phase2:/ s/^( +)jnz( +tracesys_phase2)/\1jz \2/
