# the bound check signed: nr = -1 calls sys_call_table[-1]
# file: labs/02-sysret-fastpath/syscall.c
# expect: kernel panic in do_syscall_64 (labs/02-sysret-fastpath/syscall.c:
# expect: syscall -1
s/\(unsigned long\)nr < NR_syscalls/nr < NR_syscalls/
