# the six checks without ss: a frame with another ss leaves by SYSRET, which loads __USER_DS
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: ss != __USER_DS: another ss in the frame leaves by iretq
# expect: ss == __USER_DS: the frame
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ { /^ +cmp +qword \[rsp \+ PTREGS_SS\], __USER_DS/ { N; d } }
