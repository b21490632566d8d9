# SYSRET's rflags taken from the ip slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: the probe died after its syscall
# expect: TF came back set: the flags after SYSRET are r11
s/^( +mov +r11, \[rsp \+ )PTREGS_FLAGS( - PTREGS_ORIG_AX\].*)$/\1PTREGS_IP\2/
