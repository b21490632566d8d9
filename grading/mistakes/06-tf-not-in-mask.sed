# the flags test looks at RF only: a single-stepping frame leaves by SYSRET
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: TF set in the frame from GDB leaves by iretq
# expect: no TF: the frame
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ s/^( +test +r11, )X86_EFLAGS_RF \| X86_EFLAGS_TF/\1X86_EFLAGS_RF/
