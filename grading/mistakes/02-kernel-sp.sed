# the kernel rsp pushed in the sp slot instead of the parked user rsp
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: pt_regs->sp = 0xffff
# expect: a kernel address (expected rsp
s/^( +push +)qword \[gs:PER_CPU_USER_RSP\]( +; pt_regs->sp)$/\1rsp\2/
