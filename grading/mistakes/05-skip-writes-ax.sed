# phase 1 cancels a SKIP through ax, not orig_ax: the filter's answer is overwritten with -1 and the syscall runs anyway on the fast path
# file: labs/05-two-phase-trace/syscall.c
# expect: seccomp_filter: errno: getpid = -42, skipped: FAIL
# expect: seccomp_fast: ERRNO: getppid skipped, -EPERM: FAIL (got 1)
/SECCOMP_PHASE1_SKIP/,/ret = 0;/ s/regs->orig_ax = -1;/regs->ax = -1;/
