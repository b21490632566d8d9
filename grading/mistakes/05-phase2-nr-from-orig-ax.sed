# the slow path runs the number in orig_ax, not the one phase 2 returned: a syscall phase 2 cancelled (-1) still runs
# file: labs/05-two-phase-trace/entry_64.asm
# expect: init: seccomp_filter exited with status 1: seccomp_filter: trace without a tracer: -ENOSYS: FAIL (got
/^tracesys_phase2:/,/call +do_syscall_64/ s/^( +)mov( +)rsi, rax/\1movsxd\2rsi, dword [rsp + PTREGS_ORIG_AX]/
