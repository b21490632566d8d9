#!/usr/bin/env bats
# make fuzz: a short run on every lab finds nothing, the same seed gives the
# same bytes, and planted bugs are caught within the short run: lab 03's
# fast exit reading an unwritten slot, lab 06 without its canonical or its
# ss check, an exit that leaves a kernel address in r8. Not graded; part
# of `make test`. The bugs are planted in a copy of the solved tree, never in
# the sources.
load lib/entrylab
load lib/mistakes             # tree_copy

FUZZ=$ENTRYLAB_ROOT/grading/lib/fuzz
SHORT=3000                      # rounds per run: seconds per lab
SEED=20260105

# the planted tree: every bug in a lab of its own, built once
setup_file() {
        local tree=$BATS_FILE_TMPDIR/planted labs=$ENTRYLAB_ROOT/labs
        [ -d "$labs/01-iret-only" ] && [ -d "$labs/03-partial-frame" ] && [ -d "$labs/04-full-frame" ] &&
                [ -d "$labs/06-opportunistic-sysret" ] || return 0
        # the reference's build copied in: only the planted labs are built again
        tree_copy "$tree" --solved || return 1
        # lab 03: the fast exit restores r12 from its unwritten slot
        sed -i 's/^\(\s*add\s*rsp, PTREGS_R11\s*; skip the six unwritten slots\)/        mov     r12, [rsp + PTREGS_R12]\n\1/' \
                "$tree/labs/03-partial-frame/entry_64.asm"
        # lab 04: the SYSRET exit leaves a kernel text address in r8
        sed -i -f "$PLANTED/04-kernel-address-in-r8.sed" "$tree/labs/04-full-frame/entry_64.asm"
        # lab 01: the kernel panics at the 100th getppid (nr 110)
        sed -i '/^__visible void do_syscall_64/,/^{/ s|^{|{ static int planted_n; if (nr == 110 \&\& ++planted_n == 100) panic("planted");|' \
                "$tree/labs/01-iret-only/syscall.c"
        sed -i '1i #include "kernel.h"' "$tree/labs/01-iret-only/syscall.c"
        # lab 06: the exit checks lose "rip canonical"
        sed -i -f "$PLANTED/06-no-canonical-check.sed" "$tree/labs/06-opportunistic-sysret/entry_64.asm"
        # and "ss == __USER_DS"
        sed -i -f "$PLANTED/06-no-ss-check.sed" "$tree/labs/06-opportunistic-sysret/entry_64.asm"
        make -s -C "$tree" build >"$BATS_FILE_TMPDIR/planted-build.log" 2>&1 3>&-
}

# skip_unless_planted: the bugs are planted in the reference's text of labs
# 01, 03, 04 and 06 (setup_file plants none where one is missing)
skip_unless_planted() {
        skip_in_student_tree
        [ -d "$ENTRYLAB_ROOT/labs/06-opportunistic-sysret" ] || skip "no lab 06 here"
}

planted() {
        local tree=$BATS_FILE_TMPDIR/planted
        [ -f "$tree/build/03-partial-frame/kernel.elf" ] ||
                fail "the planted tree did not build: $(tail -5 "$BATS_FILE_TMPDIR/planted-build.log" 2>/dev/null)"
        grep -q "$1" "$tree/labs/$2/${3:-entry_64.asm}" || fail "the bug was not planted in $2: no '$1'"
        echo "$tree"
}

# short_fuzz NN: a clean run of the lab
short_fuzz() {
        local lab
        lab=$(lab_dir "$1") || skip "no lab $1 here"
        run "$FUZZ" --out "$BATS_TEST_TMPDIR" --seed "$SEED" --count "$SHORT" "$lab" 3>&-
        assert_success
        assert_output --regexp "fuzz: lab $1: [0-9]+ syscalls, [0-9]+ sigreturns, 0 violations \\(seed $SEED, count $SHORT\\)"
        assert_output --partial "entrylab: lab $lab: all well"
        refute_output --partial "VIOLATION"
}

@test "lab 01: a short fuzz finds no violation" { short_fuzz 01; }
@test "lab 02: a short fuzz finds no violation" { short_fuzz 02; }
@test "lab 03: a short fuzz finds no violation" { short_fuzz 03; }
@test "lab 04: a short fuzz finds no violation" { short_fuzz 04; }
@test "lab 05: a short fuzz finds no violation" { short_fuzz 05; }
@test "lab 06: a short fuzz finds no violation, and no SYSRETQ faults (sysret watch)" {
        local lab
        lab=$(lab_dir 06) || skip "no lab 06 here"
        run "$FUZZ" --out "$BATS_TEST_TMPDIR" --seed "$SEED" --count "$SHORT" --watch-sysret "$lab" 3>&-
        assert_success
        assert_output --regexp "fuzz: lab 06: sysret watch: sysretq=[1-9][0-9]* faulted=0"
        refute_output --partial "VIOLATION"
}

@test "the same seed gives the same bytes; another seed, other rounds; the result carries both" {
        local lab a b
        lab=$(lab_dir 01) || skip "no lab 01 here"
        for s in 5 5 6; do
                "$BOOT" --lab "$lab" --append "fuzz SEED=$s COUNT=500 LAB=01" --quiet \
                        --log "$BATS_TEST_TMPDIR/$s.$RANDOM.log" --timeout 60 3>&- || fail "seed $s did not pass"
        done
        a=$(ls "$BATS_TEST_TMPDIR"/5.*.log | head -1)
        b=$(ls "$BATS_TEST_TMPDIR"/5.*.log | tail -1)
        [ "$a" != "$b" ] || fail "two runs of seed 5 expected"
        cmp "$a" "$b" || fail "seed 5 gave different bytes twice"
        ! cmp -s "$a" "$BATS_TEST_TMPDIR"/6.*.log || fail "seeds 5 and 6 gave the same bytes"
        grep -q "^fuzz: lab 01: .* (seed 5, count 500)" <(tr -d '\r' < "$a") || fail "no seed in the result: $(tail -3 "$a")"
}

@test "bad input: SEED or COUNT not a number is one clear line" {
        run "$FUZZ" --seed abc --count 10 01-iret-only 3>&-
        assert_failure
        assert_output "entrylab: fuzz: SEED must be a number, not 'abc'"
}

# caught LAB PLANT EXPECTED [fuzz options]: the short run of the planted
# lab fails, with the EXPECTED line (a regex)
caught() {
        local tree lab=$1 plant=$2 expected=$3
        shift 3
        skip_unless_planted
        tree=$(planted "$plant" "$lab") || fail "$tree"
        run "$tree/grading/lib/fuzz" --out "$BATS_TEST_TMPDIR" --seed "$SEED" --count "$SHORT" "$@" "$lab" 3>&-
        assert_failure
        assert_output --regexp "$expected"
}

@test "planted: lab 03's fast exit reading an unwritten slot (r12) is caught" {
        caught 03-partial-frame "mov     r12, \[rsp + PTREGS_R12\]" \
                "fuzz: VIOLATION seed=$SEED round=[0-9]+ syscall=[a-z_]+\\(0x[0-9a-f]+\\) reg=r12 "
}

@test "planted: an exit leaving a kernel address in r8 (lab 04) is caught" {
        caught 04-full-frame "lea     r8, \[rel entry_SYSCALL_64\]" \
                "fuzz: VIOLATION seed=$SEED round=[0-9]+ syscall=[a-z_]+\\(0x[0-9a-f]+\\) reg=r8 kernel-address "
}

@test "planted: lab 06 without its canonical check is caught (sysret watch)" {
        caught 06-opportunistic-sysret "^;.*; rip canonical" \
                "fuzz: lab 06: sysret watch: sysretq=[0-9]+ faulted=[1-9]" --watch-sysret
        assert_output --partial "VIOLATION seed=$SEED lab 06: SYSRETQ to a non-canonical rip"
}

@test "planted: lab 06 without its ss check is caught (a frame with an ss the IRET refuses leaves by SYSRET)" {
        caught 06-opportunistic-sysret "^;.*PTREGS_SS\], __USER_DS" \
                "fuzz: VIOLATION seed=$SEED round=[0-9]+ syscall=rt_sigreturn\\(0x[0-9a-f]+\\) reg=cs:ss want=0x33[0-9a-f]{4} got=0x33002b"
}

@test "planted: a kernel panic mid-run is a violation naming the last round printed" {
        local tree
        skip_unless_planted
        tree=$(planted "planted_n" 01-iret-only syscall.c) || fail "$tree"
        run "$tree/grading/lib/fuzz" --out "$BATS_TEST_TMPDIR" --seed "$SEED" --count "$SHORT" --every 100 01-iret-only 3>&-
        assert_failure
        assert_output --regexp "fuzz: VIOLATION seed=$SEED round=[1-9][0-9]*\\+ lab 01: no result line \\(lab 01-iret-only: kernel panic.*the last round printed: fuzz: seed=$SEED round=[1-9][0-9]*"
}
