# SYSRET returns on the kernel stack: the user rsp is not reloaded
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: the user rsp was not restored
/^ +mov +rsp, \[rsp \+ PTREGS_SP - PTREGS_ORIG_AX\]/d
