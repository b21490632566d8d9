# phase 1's SKIP leaves orig_ax alone: the ERRNO'd syscall runs anyway on the fast path
# file: labs/05-two-phase-trace/syscall.c
# expect: init: seccomp_filter exited with status 1: seccomp_filter: errno: getpid = -42, skipped: FAIL
/SECCOMP_PHASE1_SKIP/,/ret = 0;/ { /regs->orig_ax = -1;/d }
