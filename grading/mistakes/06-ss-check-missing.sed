# the six checks without ss: a frame with another ss leaves by SYSRET, which loads __USER_DS
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: lab 06 boots, runs every program
# expect: sigregs: badss frame refused: traps=1 
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ { /^ +cmp +qword \[rsp \+ PTREGS_SS\], __USER_DS/ { N; d } }
