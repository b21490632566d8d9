# phase 1 returns seccomp's verdict alone: ptrace's entry work (TIF_SYSCALL_TRACE) never reaches phase 2
# file: labs/05-two-phase-trace/syscall.c
# expect: init: ptrace_syscall exited with status 1: ptrace_syscall: tracer: every syscall stop reports SIGTRAP|0x80: FAIL
s/^( +)return work \? 1 : ret;$/\1return ret;/
