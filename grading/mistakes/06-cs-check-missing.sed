# the six checks without cs: a 32-bit cs in the frame leaves by SYSRET, which loads __USER_CS
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: lab 06 boots, runs every program
# expect: sigregs: compat ud2 trapped: traps=2 signo=4 cs=0x33 
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ { /^ +cmp +qword \[rsp \+ PTREGS_CS\], __USER_CS/ { N; d } }
