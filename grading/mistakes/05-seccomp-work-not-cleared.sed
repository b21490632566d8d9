# phase 1 does not take _TIF_SECCOMP off the work it did: every filtered syscall goes on to phase 2 and IRET
# file: labs/05-two-phase-trace/syscall.c
# expect: under an allow-all filter getpid leaves by sysretq, rcx and r11 right (GDB)
# expect: actual   : EXIT iretq
/^ +work &= ~_TIF_SECCOMP;/d
