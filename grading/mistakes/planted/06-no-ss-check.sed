# (planted by the kit's own tests: 02-no-work-mask.sed says why here)
# file: labs/06-opportunistic-sysret/entry_64.asm
# the exit checks lose "ss == __USER_DS": the compare is commented out, and
# the jne after it tests check 5's flags, which let every frame through
s/^\(\s*cmp\s*qword \[rsp + PTREGS_SS\], __USER_DS.*\)$/;\1/
