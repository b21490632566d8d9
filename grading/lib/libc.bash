# libc.bash - what an ordinary C library asks of the kernel (Linux's x86
# selftests, built with musl, need it all): the libcstart program's checks.

# libc_start_passes NN: libcstart on lab NN, every line ok (the auxiliary
# vector, the FS base and SSE registers kept per task across a switch, the
# thread id, tkill, writev, the terminal query, mprotect, madvise, mremap to
# the top page and not above it, sigaltstack with SA_ONSTACK, ioperm and setresuid)
libc_start_passes() {
        local log=$BATS_TEST_TMPDIR/libcstart-$1.log line n=0
        boot_lab "$1" "$log" libcstart || fail "lab $1: $(cat "$log.verdict")"
        while read -r line; do
                [[ $line == *' ok' ]] || fail "lab $1: libcstart check failed: $line"
                n=$((n + 1))
        done < <(tr -d '\r' < "$log" | grep '^libcstart: ' | grep -v '^libcstart: writev in\|failure(s)$')
        assert_equal "$n" 20
        assert_equal "$(tr -d '\r' < "$log" | grep -c '^libcstart: writev in three pieces$')" 1
        assert_equal "$(tr -d '\r' < "$log" | grep '^libcstart: [0-9]* failure')" "libcstart: 0 failure(s)"
}
