# SYSRET's rflags taken from the ip slot
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: r11 changed: before 0x2d7, after 0x40
s/^( +mov +r11, \[rsp \+ )PTREGS_FLAGS( - PTREGS_ORIG_AX\].*)$/\1PTREGS_IP\2/
