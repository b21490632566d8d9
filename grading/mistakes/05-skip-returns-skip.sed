# phase 1 passes seccomp's SKIP on as its answer (1) instead of 0: a syscall the filter answered goes to phase 2 and leaves by IRET
# file: labs/05-two-phase-trace/syscall.c
# expect: SECCOMP_RET_ERRNO is answered in phase 1: the syscall is skipped, -EPERM, by sysretq (GDB)
# expect: getppid did not leave by sysretq
/SECCOMP_PHASE1_SKIP/,/ret = 0;/ { /^ +ret = 0;/d }
