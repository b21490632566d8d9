# FIXUP_TOP_OF_STACK takes the flags from r11 itself, not from its slot: right only while nothing since the entry used r11
# file: labs/03-partial-frame/entry_64.asm
# expect: after FIXUP_TOP_OF_STACK, at int_ret_from_sys_call
# expect: flags 0
/^%macro FIXUP_TOP_OF_STACK/,/^%endmacro/ s/^( +mov +)%1, \[rsp \+ PTREGS_R11\]$/\1%1, r11/
