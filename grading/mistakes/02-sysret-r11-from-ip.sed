# SYSRET's rflags taken from the ip slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: back in user space, r11 = 0x40
# expect: (the return rip) (expected the flags 0x2d7)
s/^( +mov +r11, \[rsp \+ )PTREGS_FLAGS( - PTREGS_ORIG_AX\].*)$/\1PTREGS_IP\2/
