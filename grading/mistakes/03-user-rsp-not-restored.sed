# SYSRET returns on the kernel stack: the user rsp is not reloaded
# file: labs/03-partial-frame/entry_64.asm
# expect: the user rsp was not restored
/^ +mov +rsp, \[gs:PER_CPU_USER_RSP\] +; user stack/d
