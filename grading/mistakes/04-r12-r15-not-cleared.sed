# only the registers a C call may clobber are cleared, as if callee-saved ones were safe: r12-r15 keep the user's values
# file: labs/04-full-frame/entry_64.asm
# expect: after PUSH_AND_CLEAR_REGS these still hold the user's values: r12 r13 r14 r15
/^%macro PUSH_AND_CLEAR_REGS/,/^%endmacro/ { /^ +xor +r1[2-5]d, r1[2-5]d/d }
