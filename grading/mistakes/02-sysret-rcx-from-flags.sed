# SYSRET's rip taken from the flags slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: the probe died after its syscall: frameprobe[
# expect: #PF page fault at ip 0x246
s/^( +mov +rcx, \[rsp \+ )PTREGS_IP( - PTREGS_ORIG_AX\].*)$/\1PTREGS_FLAGS\2/
