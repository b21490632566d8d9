# Bugs the kit's own tests plant in the reference (grading/kit.bats,
# fuzz.bats, selftests.bats) to see a check catch them. They name lines of
# solutions, so they live here, beside the catalogue of mistakes, which
# the handout leaves out. Each: sed -f FILE on the file it names.
# file: labs/02-sysret-fastpath/entry_64.asm
# lab 02 without its work-mask test: every syscall leaves by SYSRET, so no
# signal handler ever runs
/^        test    qword \[rcx + TASK_TI_FLAGS\], _TIF_ALLWORK_MASK$/{N;d}
