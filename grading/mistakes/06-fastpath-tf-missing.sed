# the fast path checks only RF: a single-stepping user's syscall leaves by SYSRET and the trap comes in the kernel, or never
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: TF set: single_step_syscall's syscall leaves by iretq
/; >>> exercise: 06-fastpath-checks/,/; <<< exercise: 06-fastpath-checks/ s/^( +test +qword \[rsp \+ PTREGS_R11\], )X86_EFLAGS_RF \| X86_EFLAGS_TF/\1X86_EFLAGS_RF/
