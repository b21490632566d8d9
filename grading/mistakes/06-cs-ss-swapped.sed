# the six checks compare cs with __USER_DS and ss with __USER_CS: no frame passes, every rewritten frame leaves by IRET
# file: labs/06-opportunistic-sysret/entry_64.asm
# expect: sched_yield (exit work pending) leaves by sysretq
# expect: actual   : EXIT iretq EXIT iretq EXIT iretq
/; >>> exercise: 06-six-checks/,/; <<< exercise: 06-six-checks/ {
        s/^( +cmp +qword \[rsp \+ PTREGS_CS\], )__USER_CS/\1__USER_DS/
        t
        s/^( +cmp +qword \[rsp \+ PTREGS_SS\], )__USER_DS/\1__USER_CS/
}
