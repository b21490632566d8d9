# libc.bash - what an ordinary C library asks of the kernel, and what
# Linux's x86 selftests built with musl need: the checks of libcstart, brk,
# nanosleep and devnull, each a program that says ok or FAIL line by line.

# libc_start_passes NN: libcstart on lab NN, every line ok (the auxiliary
# vector, the FS base and SSE registers kept per task across a switch, the
# thread id, tkill and its error order, writev, the terminal query, mprotect
# and madvise (PROT_SEM, unknown advice), mremap to the top page and not
# above it, sigaltstack with SA_ONSTACK and SS_AUTODISARM, ioperm and
# setresuid)
libc_start_passes() {
        local log=$BATS_TEST_TMPDIR/libcstart-$1.log
        program_passes "$1" libcstart 24 "writev in"
        assert_equal "$(grep -c '^libcstart: writev in three pieces$' "$log.lf")" 1
}

# program_passes NN PROG COUNT [INFO]: PROG on lab NN, its COUNT check lines
# all ok and its own tally "PROG: 0 failure(s)"; lines "PROG: INFO..." say
# what it saw and are no checks. The serial log is left in
# $BATS_TEST_TMPDIR/PROG-NN.log, without its CRs in .log.lf
program_passes() {
        local log=$BATS_TEST_TMPDIR/$2-$1.log line n=0
        boot_lab "$1" "$log" "$2" || fail "lab $1: $(cat "$log.verdict")"
        tr -d '\r' < "$log" > "$log.lf"
        while read -r line; do
                [[ $line == *' ok' ]] || fail "lab $1: $2 check failed: $line"
                n=$((n + 1))
        done < <(grep "^$2: " "$log.lf" | grep -v -e "failure(s)$" ${4:+-e "^$2: $4"})
        assert_equal "$n" "$3"
        assert_equal "$(grep "^$2: [0-9]* failure" "$log.lf")" "$2: 0 failure(s)"
}

# brk_passes NN: the brk program on lab NN; the break it starts with, and
# the one after its execve, is the page after the ELF's highest PT_LOAD
# (memsz, so the bss), as readelf reads the packed binary
brk_passes() {
        local log=$BATS_TEST_TMPDIR/brk-$1.log type off vaddr paddr filesz memsz rest end=0 want
        program_passes "$1" brk 8 start=
        while read -r type off vaddr paddr filesz memsz rest; do
                [ "$type" = LOAD ] && [ $((vaddr + memsz)) -gt $end ] && end=$((vaddr + memsz))
        done < <(readelf -lW "$ENTRYLAB_ROOT/build/user/bin/brk")
        want=$(printf '%#x' $(( (end + 4095) & ~4095 )))
        assert_equal "$(grep '^brk: start=' "$log.lf")" "brk: start=$want"
        assert_equal "$(grep -c "^brk: after execve, brk(0)=$want, " "$log.lf")" 1
}

# nanosleep_passes NN: the nanosleep program on lab NN, every check ok
# (lengths on the guest's clock, wake-ups by the tick, signals, restart)
nanosleep_passes() {
        program_passes "$1" nanosleep 21
}

# devnull_passes NN: the devnull program on lab NN, every check ok (open,
# read, write and close of /dev/null, O_CLOEXEC, a tracer's out-of-range
# number, PTRACE_DETACH: what syscall_numbering needs)
devnull_passes() {
        program_passes "$1" devnull 7
}
