# (planted by the kit's own tests: 02-no-work-mask.sed says why here)
# file: labs/02-sysret-fastpath/entry_64.asm
# lab 02's work mask as 3.13 had it, bit 12 in: its README's bug hunt
s/\(test    qword \[rcx + TASK_TI_FLAGS\]\), _TIF_ALLWORK_MASK$/\1, 0x1000feff/
