# the fast path tests rcx as if it still held SYSCALL's return rip: here it holds the current task, a canonical kernel address
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: the top page: a return address of 2^47 forced at entry leaves by iretq, SIGSEGV at 2^47 in user mode
/; >>> exercise: 06-fastpath-checks/,/; <<< exercise: 06-fastpath-checks/ { /^ +mov +rcx, \[rsp \+ PTREGS_CX\]/d }
