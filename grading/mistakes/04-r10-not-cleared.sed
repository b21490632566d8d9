# r10 (the 4th argument) is not cleared, since the handler "needs" it: it reads it from the frame now
# file: labs/04-full-frame/entry_64.asm
# expect: after PUSH_AND_CLEAR_REGS these still hold the user's values: r10
/^%macro PUSH_AND_CLEAR_REGS/,/^%endmacro/ { /^ +xor +r10d, r10d/d }
