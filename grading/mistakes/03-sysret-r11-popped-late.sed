# the r11 slot popped into r10: SYSRET's flags are whatever r11 held
# file: labs/03-partial-frame/entry_64.asm
# expect: rbx
/^ +add +rsp, PTREGS_R11/,/^ +pop +r10/ { s/^( +pop +)r11( .*)$/\1rbx\2/ }
