# the bp slot reserved (sub rsp, 8) as lab 03's fast path did, not written: the full frame has garbage there
# file: labs/04-full-frame/entry_64.asm
# expect: frame audit, syscall 39 (getpid): pt_regs->bp =
# expect: (expected rbp 0x5a5a5a5a00000b01)
/^%macro PUSH_AND_CLEAR_REGS/,/^%endmacro/ s/^( +)push( +)rbp( +); pt_regs->bp/\1sub\2rsp, 8\3; pt_regs->bp/
