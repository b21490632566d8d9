# (planted by the kit's own tests: 02-no-work-mask.sed says why here)
# file: labs/06-opportunistic-sysret/entry_64.asm
# the exit checks lose "rip canonical" (the line stays, commented out)
s/^\(\s*CANONICAL_OR_FAIL rcx, r11\s*; rip canonical\)/;\1/
