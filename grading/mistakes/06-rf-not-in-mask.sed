# the flags test looks at TF only: a frame with RF leaves by SYSRET, which cannot restore RF
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: RF set: a frame with RF (as a sigreturn may leave it) leaves by iretq
# expect: no RF: the frame
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ s/^( +test +r11, )X86_EFLAGS_RF \| X86_EFLAGS_TF/\1X86_EFLAGS_TF/
