# r8 cleared before it is pushed: the frame saves zero, not the 5th argument
# file: labs/04-full-frame/entry_64.asm
# expect: pt_regs->r8 = 0, which is zero (expected r8 0x5a5a5a5a00000b0a)
/^%macro PUSH_AND_CLEAR_REGS/,/^%endmacro/ {
/^ +push +r8 /{N;s/^( +push +r8 .*)\n( +xor +r8d, r8d.*)$/\2\n\1/}
}
