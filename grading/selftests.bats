#!/usr/bin/env bats
# make selftests: Linux's own x86 selftests, unmodified, on every lab and on
# a Debian Linux under the same QEMU. One run for the file (setup_file);
# the planted bugs run their lab again in a copy of the tree, beside the
# same Linux column. Needs linux-source-6.12, musl-tools, linux-libc-dev and
# apt access for Debian's kernel (grading/lib/need-tools selftests).
load lib/entrylab
load lib/mistakes             # tree_copy

setup_file() {
        export ST_OUT=$BATS_FILE_TMPDIR/selftests.out
        "$ENTRYLAB_ROOT/grading/lib/selftests" > "$ST_OUT" 2> "$ST_OUT.err" 3>&-
        echo $? > "$ST_OUT.status"
}

# the default selftests, as the script names them
default_tests() {
        sed -n '/^DEFAULT="/,/"$/p' "$ENTRYLAB_ROOT/grading/lib/selftests" | tr -d '"' | sed 's/^DEFAULT=//' | xargs
}

@test "the table: a row per selftest, a column for Linux and each lab, OK/FAIL/SKIP in every cell" {
        local header row t
        header=$(grep '^selftest (OK/FAIL/SKIP)' "$ST_OUT") || fail "no table: $(tail -n 5 "$ST_OUT" "$ST_OUT.err")"
        assert_equal "$(echo $header)" "selftest (OK/FAIL/SKIP) linux $(lab_numbers)"
        for t in $(default_tests); do
                row=$(grep "^$t " "$ST_OUT") || fail "no row for $t"
                # the name, then one cell per kernel: ok/fail/skip and maybe a verdict
                [ "$(echo "$row" | grep -oE '[0-9]+/[0-9]+/[0-9]+' | wc -l)" -eq $(( $(lab_numbers | wc -w) + 1 )) ] ||
                        fail "row for $t has not one cell per kernel: $row"
        done
        # build/selftests.tsv: a header and one line per selftest and kernel
        local tsv=$ENTRYLAB_ROOT/build/selftests.tsv
        assert_equal "$(head -n 1 "$tsv")" "$(printf 'selftest\tkernel\tok\tfail\tskip\tverdict')"
        assert_equal "$(tail -n +2 "$tsv" | wc -l)" $(( $(default_tests | wc -w) * ($(lab_numbers | wc -w) + 1) ))
        # Linux ran them all: each exited (none missing), sysret_rip's 52 checks passed
        run awk -F'\t' '$2 == "linux" && $6 == "missing"' "$tsv"
        assert_output ""
        assert_equal "$(awk -F'\t' '$1 == "sysret_rip" && $2 == "linux" { print $3 "/" $4 }' "$tsv")" "52/0"
        # and syscall_numbering's 701 (the issue's headline figure)
        assert_equal "$(awk -F'\t' '$1 == "syscall_numbering" && $2 == "linux" { print $3 "/" $4 }' "$tsv")" "701/0"
}

@test "no lab fails a selftest check that Linux passes (make selftests exits 0)" {
        run cat "$ST_OUT"
        refute_output --partial "WORSE THAN LINUX"
        assert_equal "$(cat "$ST_OUT.status")" 0
        # and the comparison had something to say: every lab passed sysret_rip's 52
        # and syscall_numbering's 701
        assert_equal "$(awk -F'\t' '$1 == "sysret_rip" && $2 != "linux" && $3 == 52 && $4 == 0' \
                "$ENTRYLAB_ROOT/build/selftests.tsv" | wc -l)" "$(lab_numbers | wc -w)"
        assert_equal "$(awk -F'\t' '$1 == "syscall_numbering" && $2 != "linux" && $3 == 701 && $4 == 0' \
                "$ENTRYLAB_ROOT/build/selftests.tsv" | wc -l)" "$(lab_numbers | wc -w)"
}

# planted LAB SELFTESTS SED FILE: a copy of the tree with the bug (SED: a sed
# expression, or a script of $PLANTED), its lab
# run on the selftests beside the Linux column of setup_file's run
planted() {
        # the bug is planted in the reference's text of lab $1
        skip_in_student_tree
        [ -n "$(lab_dir "$1")" ] || skip "no lab $1 here"
        local tree=$BATS_TEST_TMPDIR/tree
        # the reference's build (selftests included) copied in: only the
        # planted lab is built again
        tree_copy "$tree" --solved
        rm -rf "$tree/build/selftests/log" "$tree/build/selftests/programs.asm"*
        if [ -f "$3" ]; then sed -i -f "$3" "$tree/$4"; else sed -i "$3" "$tree/$4"; fi
        ! cmp -s "$tree/$4" "$ENTRYLAB_ROOT/$4" || fail "the bug was not planted in $4"
        make -s -C "$tree" build >/dev/null 3>&- || fail "the tree with the bug does not build"
        SELFTESTS_LINUX_LOGS=$ENTRYLAB_ROOT/build/selftests/log/linux \
                run "$tree/grading/lib/selftests" --labs "$1" --tests "$2" 3>&-
}

@test "a planted bug: lab 06 leaves by SYSRET without checking rcx == rip; sigtrap_loop fails where Linux passes" {
        planted 06 "sigtrap_loop sigaltstack" "$PLANTED/06-no-rcx-check.sed" labs/06-opportunistic-sysret/entry_64.asm
        assert_failure 1
        assert_output --partial "WORSE THAN LINUX: sigtrap_loop on lab 06"
}

@test "a planted bug: SFMASK without NT; syscall_nt fails where Linux passes" {
        planted 01 syscall_nt 's/X86_EFLAGS_IOPL | X86_EFLAGS_NT |/X86_EFLAGS_IOPL |/' common/arch/syscall.c
        assert_failure 1
        assert_output --partial "WORSE THAN LINUX: syscall_nt on lab 01"
}

@test "a planted bug: a tracer's out-of-range number returns the ax it wrote; syscall_numbering fails where Linux passes" {
        planted 04 syscall_numbering '/if (nr != -1 && (unsigned int)nr >= NR_syscalls)/{n;d}' common/kernel/ptrace.c
        assert_failure 1
        assert_output --partial "WORSE THAN LINUX: syscall_numbering on lab 04"
}
