# phase 1 turns SECCOMP_RET_TRACE into a plain 1: phase 2 never hands it to seccomp_phase2, no tracer is told
# file: labs/05-two-phase-trace/syscall.c
# expect: init: seccomp_filter exited with status 1: seccomp_filter: trace without a tracer: -ENOSYS: FAIL
s/^( +)return ret;( +\/\* RET_TRACE: phase 2 \*\/)/\1return 1;\2/
