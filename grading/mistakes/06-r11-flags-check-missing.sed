# the six checks without r11 == rflags: a frame whose r11 differs from its flags leaves by SYSRET, which loads r11 into rflags
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: init: iopl exited with status 1: iopl: iopl0_outb=SIGSEGV trapno=13 iopl(4)=-22 iopl(3)=0 level=0
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ { /^ +cmp +r11, \[rsp \+ PTREGS_FLAGS\]/ { N; d } }
