#!/usr/bin/env bats
# The grading harness judged from outside: what `make grade` and
# `make handout` promise students and instructors. Not graded; part of
# `make test`.
load lib/entrylab
load lib/mistakes             # tree_copy

LABS_HERE=$(lab_numbers)

# a total line "total: X/Y": sets GOT and MAX
read_total() {
        [[ $1 =~ total:\ ([0-9]+)/([0-9]+) ]] || fail "no total line in: $1"
        GOT=${BASH_REMATCH[1]} MAX=${BASH_REMATCH[2]}
}

# Two labs, graded side by side as `make grade` grades all six: full marks
# for every lab is what make test's grading/labNN.bats show, one test a
# line; here what grade adds, the totals and the exports.
@test "make grade of two labs side by side on the reference: full marks, exit 0, and the exports agree with it" {
        local two
        two=$(echo $LABS_HERE | cut -d' ' -f1-2)
        run make -s -C "$ENTRYLAB_ROOT" grade LAB="$two" FORMAT=tap,junit,gradescope 3>&-
        assert_success
        read_total "$output"
        [ "$GOT" = "$MAX" ] && [ "$MAX" -gt 0 ] || fail "reference graded $GOT/$MAX"
        for nn in $two; do
                assert_output --regexp "lab $nn: ([0-9]+)/\\1"
                grep -q '^1\.\.[0-9]' "$ENTRYLAB_ROOT/build/grade/lab$nn.tap" || fail "lab$nn.tap is not TAP"
                grep -q '<testsuites' "$ENTRYLAB_ROOT/build/grade/lab$nn.xml" || fail "lab$nn.xml is not JUnit"
        done
        local json=$ENTRYLAB_ROOT/build/grade/results.json
        [ "$(jq .score "$json")" = "$GOT" ] || fail "results.json score $(jq .score "$json") != $GOT"
        [ "$(jq '[.tests[].score] | add' "$json")" = "$GOT" ]
        [ "$(jq '[.tests[].max_score] | add' "$json")" = "$MAX" ]
        [ "$(jq '[.tests[] | select(.name and .output and .visibility)] | length' "$json")" = \
          "$(jq '.tests | length' "$json")" ] || fail "a test lacks name, output or visibility"
}

@test "make grade names what is wrong: an unknown LAB, an unknown FORMAT" {
        run make -s -C "$ENTRYLAB_ROOT" grade LAB=foo 3>&-
        assert_failure
        assert_output --partial "unknown LAB=foo"
        [ "${#lines[@]}" -eq 1 ] || fail "more than one line: $output"
        run make -s -C "$ENTRYLAB_ROOT" grade LAB=01 FORMAT=csv 3>&-
        assert_failure
        assert_output --partial "unknown FORMAT=csv; choose tap, junit or gradescope"
}

@test "the grader's own settings: a bad one is one line before any lab is graded; a lab named twice is graded once" {
        local setting
        for setting in ENTRYLAB_BOOT_TIMEOUT=abc ENTRYLAB_BOOT_TIMEOUT=0 ENTRYLAB_BOOT_TIMEOUT=2.5 ENTRYLAB_BOOT_TIMEOUT=08 ENTRYLAB_GRADE_JOBS=0 ENTRYLAB_GRADE_JOBS=two; do
                run env "$setting" "$ENTRYLAB_ROOT/grading/grade" --no-build 01 3>&-
                assert_failure 2
                assert_output --regexp "^entrylab: ${setting%%=*}=${setting#*=} is not a number of"
                [ "${#lines[@]}" -eq 1 ] || fail "more than one line: $output"
        done
        # make's TIMEOUT is make's: the checks keep their own bound
        run env TIMEOUT=abc "$ENTRYLAB_ROOT/grading/grade" --no-build 00 00 3>&-
        assert_failure
        refute_output --partial "TIMEOUT"
        # (lab 00 has no tests: its one line, once)
        assert_equal "$(grep -c '^lab 00: FAILED: no grading/lab00.bats' <<< "$output")" 1
        assert_line "total: 0/0"
}

@test "missing bats helpers: make grade says so in one line and runs nothing" {
        ENTRYLAB_NO_INSTALL=1 ENTRYLAB_BATS_LIB=$BATS_TEST_TMPDIR/none \
                run make -s -C "$ENTRYLAB_ROOT" grade LAB=01 3>&-
        assert_failure
        assert_output --partial "entrylab: missing bats-support bats-assert; install with: sudo apt-get install -y bats-support bats-assert"
        [ "${#lines[@]}" -eq 1 ] || fail "more than one line: $output"
}

@test "a busy GDB port: make qemu-gdb says so in one line" {
        local port
        port=$(free_port)
        # the first stub takes the port; the second must not pretend to run
        "$BOOT" --lab "$(lab_dir 01)" --gdb "$port" --quiet --timeout 20 </dev/null >/dev/null 2>&1 3>&- &
        for _ in $(seq 100); do listening "$port" && break; sleep 0.1; done
        listening "$port" || fail "the first stub never listened"
        run make -s -C "$ENTRYLAB_ROOT" qemu-gdb LAB=01 GDBPORT="$port" 3>&-
        kill %1 2>/dev/null || true
        assert_failure
        assert_output --partial "entrylab: GDB port $port is busy"
}

@test "the handout builds, every lab boots, and it grades below full marks" {
        skip_in_student_tree
        local tree=$BATS_TEST_TMPDIR/handout
        run make -s -C "$ENTRYLAB_ROOT" handout BUILD=build 3>&-
        assert_success
        tree_copy "$tree"
        # below full marks is all this needs: each lab stops at its first failure
        ENTRYLAB_FIRST_FAILURE=1 run make -s -C "$tree" grade 3>&-
        assert_failure
        read_total "$output"
        [ "$GOT" -lt "$MAX" ] || fail "the handout graded $GOT/$MAX"
        # each lab's kernel came up: no panic, deadlock, hang, reset or garbage
        refute_output --regexp "kernel panic|deadlocked|hang: no verdict|triple fault|garbage|QEMU failed"
        local graded=$output
        for nn in $LABS_HERE; do
                [[ $graded == *"lab $nn: "* ]] || fail "lab $nn was not graded: $graded"
                run "$tree/grading/lib/boot" --lab "$(lab_dir "$nn")" --quiet --timeout 10 </dev/null 3>&-
                [[ $output == *"a program failed"* || $status = 0 ]] || fail "lab $nn of the handout: $output"
        done
}

# A test is named after the exercise it judges: "[3] 02-work-mask: ...",
# or "[2] 06-six-checks, 06-checks-in-c: ..." when two exercises answer it.
# Students see in the grade which tests are their exercise's; here those
# tests stand in for the whole lab's grade, which make test used to run
# twice for every exercise (most of its time). Failing a test named after
# the exercise is losing its points; passing one that fails with none
# written is earning them. grading/exercise-table grades each case in full,
# for the table of points per exercise.
#
# exercise_tests TREE NN NAME...: run, in TREE, only lab NN's tests named
# after the exercises NAME: one line each, "ok", "FAILED" or "skipped", and
# the test's name
exercise_tests() {
        local tree=$1 nn=$2 alt
        shift 2
        alt=$(IFS='|'; echo "$*")
        (cd "$tree" && bats --formatter tap -f "^\[[0-9]+\] ([0-9a-z-]+, )*($alt)(, [0-9a-z-]+)*: " \
                "grading/lab$nn.bats" 3>&- </dev/null 2>&1) |
                sed -n -e 's/^ok [0-9]* \(.*\) # skip.*/skipped \1/p' -e t \
                        -e 's/^ok [0-9]* /ok /p' -e 's/^not ok [0-9]* /FAILED /p' |
                # a test's own line, not bats' (a failed setup_file is no
                # failed test of the exercise)
                grep -E '^(ok|FAILED|skipped) \[[0-9]+\] ' || true
}

# exercise_lab FILE: the lab whose tests judge an exercise in FILE
exercise_lab() {
        case $1 in
        labs/*) local nn=${1#labs/}; echo "${nn:0:2}" ;;
        *) echo "${LABS_HERE%% *}" ;;
        esac
}

# exercise_results TREE NAME FILE NN HOW: exercise NAME's tests (lab NN's)
# in TREE, its build option set and the tree built, into RESULTS; or WHY
# not, saying HOW the exercise was left ("stripped", "written alone")
exercise_results() {
        RESULTS= WHY=
        if ! WHY=$(exercise_option "$1" "$2" "$3" "$4" 2>&1); then
                :
        elif ! make -s -C "$1" build >/dev/null 2>&1 3>&-; then
                WHY="exercise $2 $5: lab $4 does not build"
        else
                RESULTS=$(exercise_tests "$1" "$4" "$2")
        fi
}

# strip_exercise LANE "NAME FILE": the exercise stripped alone, in a tree
# of its own; prints how many of its tests fail, or "FAIL: why"
strip_exercise() {
        local name=${2%% *} file=${2#* } nn tree
        nn=$(exercise_lab "$file")
        tree=$BATS_TEST_TMPDIR/$name
        tree_copy "$tree" --only "$name"
        exercise_results "$tree" "$name" "$file" "$nn" stripped
        if [ -z "$WHY" ] && [ -z "$RESULTS" ]; then
                WHY="lab $nn has no test named after exercise $name (\"[N] $name: ...\")"
        elif [ -z "$WHY" ] && ! grep -q '^FAILED ' <<< "$RESULTS"; then
                WHY="exercise $name stripped, and its tests still pass: $RESULTS"
        fi
        rm -rf "$tree"
        [ -z "$WHY" ] || { echo "FAIL: $WHY"; return 0; }
        echo "$name stripped: $(grep -c '^FAILED ' <<< "$RESULTS") of its $(wc -l <<< "$RESULTS") tests fail"
}

@test "every exercise is graded: stripping it alone fails a test named after it" {
        skip_in_student_tree
        local exercises
        run "$ENTRYLAB_ROOT/grading/handout" --list "$ENTRYLAB_ROOT"
        [ "${#lines[@]}" -ge 2 ] || fail "fewer than two exercises: $output"
        # an exercise kept in a later lab (01-build-frame in lab 02) is judged
        # once, in the lab it belongs to; the exercises in lanes side by side
        mapfile -t exercises < <(awk '!seen[$1]++ { print $1 " " $2 }' <<< "$output")
        run in_lanes strip_exercise "${exercises[@]}"
        echo "$output"
        ! grep -q '^FAIL: ' <<< "$output" || fail "$(sed -n 's/^FAIL: //p' <<< "$output")"
        [ "$(grep -c ' stripped: ' <<< "$output")" -eq "${#exercises[@]}" ] ||
                fail "not every exercise was judged: $output"
}

# The exercises a student can see working one at a time: with only NAME of
# its lab written (the lab's other exercises left as the handout's
# starters), a test named after NAME passes that fails with none of them
# written. Where a lab's starters cannot run on their own, the exercise is
# judged on its own boot (the GDB checks at the top of labNN.bats).
# Such a check is judged even when the file-wide boot hung (require_boot
# own-boot): in lab 03, FIXUP_TOP_OF_STACK written without the ptregs stub
# hangs that boot (rt_sigreturn, run from the fast path, leaves through
# sysret_careful, whose macro overwrites the sp and flags it wrote), yet
# its own check, on the probe's boot, still passes.
EARN_ALONE="01-build-frame 01-dispatch 02-work-mask 02-fastpath-exit 03-partial-save 03-fixup-top-of-stack 03-ptregs-stub 04-push-and-clear 04-force-iret 04-fastpath-dispatch 04-ptregs-dispatch 05-phase1 05-rejoin-fastpath 06-six-checks 06-fastpath-checks 06-checks-in-c"

# earn_none LANE "NN NAME": lab NN with none of its exercises written (the
# handout's --alone NAME, with NAME stripped as well): the tests of all its
# exercises, in one run, into none-NN.results; or prints "FAIL: why"
earn_none() {
        local nn=${2%% *} name=${2#* } tree results
        tree=$BATS_TEST_TMPDIR/none-$nn
        "$ENTRYLAB_ROOT/grading/handout" --alone "$name" "$ENTRYLAB_ROOT" "$tree.1" >/dev/null
        if ! TREE_SRC=$tree.1 tree_copy "$tree" --only "$name"; then
                echo "FAIL: no tree without $nn's exercises"
        elif ! make -s -C "$tree" build >/dev/null 2>&1 3>&-; then
                echo "FAIL: lab $nn with no exercise written does not build"
        else
                results=$(exercise_tests "$tree" "$nn" $(awk -v p="$nn-" 'index($1, p) == 1 { print $1 }' <<< "$EXERCISE_LIST" | sort -u))
                if [ -n "$results" ]; then
                        echo "$results" > "$BATS_TEST_TMPDIR/none-$nn.results"
                else
                        echo "FAIL: lab $nn: no test named after its exercises"
                fi
        fi
        rm -rf "$tree" "$tree.1"
}

# earn_alone LANE NAME: the exercise written alone; prints the tests it
# earns (they pass, and failed with none written), or "FAIL: why"
earn_alone() {
        local name=$2 nn=${2:0:2} tree file earned
        file=$(awk -v n="$name" -v d="labs/$(lab_dir "$nn")/" '$1 == n && index($2, d) == 1 { print $2; exit }' <<< "$EXERCISE_LIST")
        tree=$BATS_TEST_TMPDIR/alone-$name
        tree_copy "$tree" --alone "$name"
        exercise_results "$tree" "$name" "$file" "$nn" "written alone"
        if [ -z "$WHY" ]; then
                earned=$(sed -n 's/^ok //p' <<< "$RESULTS" |
                        grep -Fxf - <(sed -n 's/^FAILED //p' "$BATS_TEST_TMPDIR/none-$nn.results" 2>/dev/null)) ||
                        WHY="exercise $name written alone passes none of its tests that fail with none written: $RESULTS"
        fi
        rm -rf "$tree"
        [ -z "$WHY" ] || { echo "FAIL: $WHY"; return 0; }
        echo "$name alone earns: $(tr '\n' ';' <<< "$earned")"
}

@test "each exercise earns points alone: written alone, it passes a test of its own that fails with none written" {
        skip_in_student_tree
        local name names=() nones=()
        local -A first
        EXERCISE_LIST=$("$ENTRYLAB_ROOT/grading/handout" --list "$ENTRYLAB_ROOT")
        # every exercise of the labs present is held to it
        for name in $(awk '{ print $1 }' <<< "$EXERCISE_LIST" | sort -u); do
                [[ " $EARN_ALONE " == *" $name "* ]] || fail "exercise $name is not in EARN_ALONE"
        done
        for name in $EARN_ALONE; do
                [ -n "$(lab_dir "${name:0:2}")" ] || continue
                names+=("$name")
                [ -n "${first[${name:0:2}]:-}" ] || { first[${name:0:2}]=$name; nones+=("${name:0:2} $name"); }
        done
        # each lab with none written, then each exercise alone, in lanes
        run in_lanes earn_none "${nones[@]}"
        [ -z "$output" ] || fail "$(sed 's/^FAIL: //' <<< "$output")"
        run in_lanes earn_alone "${names[@]}"
        echo "$output"
        ! grep -q '^FAIL: ' <<< "$output" || fail "$(sed -n 's/^FAIL: //p' <<< "$output")"
        [ "$(grep -c ' alone earns: ' <<< "$output")" -eq "${#names[@]}" ] ||
                fail "not every exercise was judged: $output"
}

# The injected faults, all in one tree and one grade: lab 01 hangs in
# do_syscall_64 (its first syscall's C); lab 02 triple-faults and lab 06
# panics at sysret_check, their fast path's exit, which the first syscall
# takes (in both the boot test follows the audit); lab 03 is intact.
# Grading the four must name each failure and give lab 03 full marks.
# What bounds the time is asserted, never the time itself (a slow or busy
# machine is no failure): a broken lab costs its file-wide boot, ended
# with QEMU status STATUS (124 for the timeout), and beside it only the
# frame audit's own boot and GDB (a panic must not hide the audit; under a
# hang the audit's boot is ended with the file-wide one, which costs no
# second timeout): every other check calls require_boot first. The boots
# are counted in ENTRYLAB_BOOT_LOG; the labs run side by side, so in any
# order.
INJECTED="01 hang 02 triple 06 panic"
INJECT_INTACT=03

# inject_code KIND: the C statement that breaks the kernel so
inject_code() {
        case $1 in
        hang) echo 'for (;;) asm volatile("");' ;;        # interrupts are off here
        triple) echo 'static const struct { u16 limit; u64 base; } __attribute__((packed)) none = { 0, 0 }; asm volatile("lidt %0; int3" : : "m"(none));' ;;
        panic) echo 'panic("injected fault");' ;;
        esac
}

# inject_plant TREE NN KIND: lab 01's fault at the top of do_syscall_64;
# another lab's in a function of its own, called at sysret_check with
# interrupts off
inject_plant() {
        local dir code
        dir=$1/labs/$(lab_dir "$2")
        code=$(inject_code "$3")
        if [ "$2" = 01 ]; then
                sed -i "/^__visible void do_syscall_64/,/^{/ s|^{|{ $code|" "$dir/syscall.c"
        else
                printf '\n__visible void inject_fault(void)\n{\n        %s\n}\n' "$code" >> "$dir/syscall.c"
                sed -i 's/^sysret_check:$/extern inject_fault\n&\n        cli\n        call    inject_fault/' "$dir/entry_64.asm"
                grep -qx '        call    inject_fault' "$dir/entry_64.asm" || fail "no sysret_check in lab $2"
        fi
        grep -qF "$code" "$dir/syscall.c" || fail "the injection did not apply to lab $2"
        sed -i '1i #include "kernel.h"' "$dir/syscall.c"
}

# inject_grade: the tree with every fault planted, graded once per test
# file; its output in $output, its boots in INJECT_BOOTS
inject_grade() {
        skip_in_student_tree
        local dir=$BATS_FILE_TMPDIR/inject nn kind labs=() i
        INJECT_BOOTS=$dir/boots.log
        local -a spec=($INJECTED)
        for nn in $INJECT_INTACT $(printf '%s\n' "${spec[@]}" | grep -x '[0-9]*'); do
                lab_dir "$nn" >/dev/null || skip "the kit has no lab $nn"
                labs+=("$nn")
        done
        if [ ! -e "$dir/output" ]; then
                mkdir -p "$dir"
                tree_copy "$dir/tree" --solved
                for ((i = 0; i < ${#spec[@]}; i += 2)); do
                        nn=${spec[$i]} kind=${spec[$i + 1]}
                        inject_plant "$dir/tree" "$nn" "$kind"
                done
                make -s -C "$dir/tree" build >/dev/null 2>&1 3>&- || fail "the injected build failed"
                : > "$INJECT_BOOTS"
                local st=0
                (cd "$dir/tree" && ENTRYLAB_BOOT_LOG=$INJECT_BOOTS grading/grade "${labs[@]}" 3>&-) > "$dir/output" 2>&1 || st=$?
                echo "$st" > "$dir/status"
        fi
        output=$(< "$dir/output")
        status=$(< "$dir/status")
        # shown only if the test fails: each lab's score and time, the boots
        grep '^lab [0-9]*: ' <<< "$output" || true
        cat "$INJECT_BOOTS"
        assert_failure
        local intact
        intact=$(lab_dir $INJECT_INTACT)
        grep -q "^qemu start $intact " "$INJECT_BOOTS" || fail "lab $INJECT_INTACT's boots were not counted"
        grep -qx "gdb start $intact" "$INJECT_BOOTS" || fail "lab $INJECT_INTACT's GDB sessions were not counted"
        assert_output --regexp "lab $INJECT_INTACT: ([0-9]+)/\\1 in "
        assert_output --regexp "total: [0-9]+/[0-9]+"
}

# injected NN STATUS VERDICT: lab NN of the injected grade was named with
# VERDICT, and cost its file-wide boot (QEMU status STATUS) and the audit's
injected() {
        inject_grade
        local lab out want
        lab=$(lab_dir "$1")
        out=$(sed -n "/^lab $1 (/,/^lab $1: /p" <<< "$output")
        grep -qF "entrylab: lab $lab: $3" <<< "$out" || fail "lab $1 not reported as '$3': $out"
        # the boot's own verdict: a hang is a timeout (124, or 137 when
        # QEMU needed the KILL)
        want=$(printf 'qemu start %s timeout=%s\nqemu exit %s status=%s\ngdb start %s\nqemu start %s timeout=60' \
                "$lab" "$BOOT_TIMEOUT" "$lab" "$2" "$lab" "$lab")
        # the audit's QEMU exits as the kernel does, or, under a hang, is
        # killed without a line
        [ "$2" = 124 ] || want+=$(printf '\nqemu exit %s status=%s' "$lab" "$2")
        assert_equal "$(grep -w "$lab" "$INJECT_BOOTS" | sed 's/status=137$/status=124/' | sort)" "$(sort <<< "$want")"
}

@test "a kernel that hangs costs one boot timeout, is reported as a hang, and grading goes on" {
        # the verdict names where: the loop planted in do_syscall_64 (QEMU's monitor)
        injected 01 124 "hang: no verdict within ${BOOT_TIMEOUT}s of CPU time; the CPU was in do_syscall_64+0x"
        assert_output --partial "(labs/01-iret-only/syscall.c:"
}

@test "a kernel that triple-faults costs one boot, is reported as a reset, and grading goes on" {
        injected 02 0 "QEMU reset without a verdict (triple fault?)"
}

@test "a kernel that panics costs one boot, is reported as a panic, and grading goes on" {
        injected 06 5 "kernel panic"
}

# A kernel whose do_syscall_64, at init's first syscall, prints the serial
# log the reference recorded (every test program's boot) and powers off
# "all well": under icount every boot of the reference prints the same bytes,
# so such a log is easy to share. The cost plugin sees from outside that no
# program ran, so the boot is named, the log earns nothing, and the lab's
# grading stops there. A GDB session's boot is witnessed the same way.
@test "a kernel that replays a recorded serial log scores under 30/100" {
        local tree=$BATS_TEST_TMPDIR/replay lab01 recorded
        lab01=$(lab_dir 01)
        recorded=$BATS_TEST_TMPDIR/recorded.log
        load lib/abi
        load lib/signals
        load lib/trace
        boot_lab 01 "$recorded" "$ALL_PROGRAMS" ||
                fail "the reference's boot failed: $(cat "$recorded.verdict")"
        tree_copy "$tree" --solved
        # the lines after the kernel's own banner, which the real kernel prints
        tr -d '\r' < "$recorded" | tail -n +3 > "$tree/labs/$lab01/recorded.log"
        printf 'section .rodata\nglobal recorded_log\nrecorded_log: incbin "%s"\n db 0\n' \
                "$tree/labs/$lab01/recorded.log" > "$tree/labs/$lab01/replay.asm"
        local c=$tree/labs/$lab01/syscall.c code
        code='extern const char recorded_log[]; for (const char *p = recorded_log; *p; p++) serial_putc(*p); serial_flush(); machine_power_off(0);'
        sed -i "/^__visible void do_syscall_64/,/^{/ s|^{|{ $code|" "$c"
        grep -qF "$code" "$c" || fail "the replay did not apply"
        sed -i '1i #include "kernel.h"' "$c"
        make -s -C "$tree" build >/dev/null 2>&1 3>&- || fail "the replaying kernel does not build"
        # after its own banner (its memory line differs: the log makes it
        # longer) it prints the reference's bytes, and says all is well
        run "$tree/grading/lib/boot" --lab "$lab01" --quiet --timeout 10 --log "$BATS_TEST_TMPDIR/replayed.log" </dev/null 3>&-
        assert_success
        cmp "$tree/labs/$lab01/recorded.log" <(tr -d '\r' < "$BATS_TEST_TMPDIR/replayed.log" | tail -n +3) ||
                fail "the replaying kernel does not print the recorded log"
        run bash -c "cd '$tree' && grading/grade 01" 3>&-
        grep '^lab 01: ' <<< "$output" || true
        assert_failure
        assert_output --partial "lab $lab01: the serial log is not what ran"
        read_total "$output"
        [ "$GOT" -lt 30 ] || fail "the replaying kernel scores $GOT/$MAX"
        # a GDB session's boot is witnessed too (a kernel could replay on
        # one command line alone): the boot 01-dispatch's check makes,
        # under GDB, leaves the reason where its log was
        (ENTRYLAB_ROOT=$tree; printf '%s\n' continue kill | gdb_session 01 "demo enosys mmap" >/dev/null) || true
        run cat "$BATS_TEST_TMPDIR/qemu-gdb.out"
        assert_output --partial "lab $lab01: the serial log is not what ran"
}

# The witness needs the cost plugin. On a QEMU that loads none, a grade
# still runs (its cycle checks fail), but its first line says that the
# serial logs go unwitnessed, rather than passing a replayed log in silence.
@test "grade warns, in its first line, when this QEMU loads no cost plugin" {
        local qemu=$BATS_TEST_TMPDIR/qemu-without-plugins
        printf '%s\n' '#!/bin/sh' \
                'for a; do [ "$a" = -plugin ] && { echo "qemu: plugin support is not compiled in" >&2; exit 1; }; done' \
                'exec qemu-system-x86_64 "$@"' > "$qemu"
        chmod +x "$qemu"
        # lab 99 has no tests: the warning comes before any lab is graded
        run env ENTRYLAB_QEMU="$qemu" "$ENTRYLAB_ROOT/grading/grade" 99 3>&-
        assert_line --index 0 --partial "grade: warning: "
        assert_line --index 0 --partial "loads no cost plugin"
        assert_line --index 0 --partial "the serial logs go unwitnessed"
        run "$ENTRYLAB_ROOT/grading/grade" 99 3>&-
        refute_output --partial "grade: warning"
}

# A student grades the lab at hand while a later one, not reached yet,
# does not build: make grade builds only the labs it grades.
@test "make grade LAB=01 grades lab 01 while lab 06 does not build" {
        local tree=$BATS_TEST_TMPDIR/midway lab06
        lab06=$(lab_dir 06)
        tree_copy "$tree" --solved
        echo 'this is not C;' >> "$tree/labs/$lab06/syscall.c"
        rm -f "$tree/build/$lab06/kernel.elf"
        run env ENTRYLAB_STOP_ABOVE=1 make -s -C "$tree" grade LAB=01 3>&-
        assert_output --partial "lab 01 (01-iret-only)"
        assert_output --regexp $'\n  ok      \\[[0-9]+\\] '
        refute_output --partial "$lab06"
        [ ! -e "$tree/build/$lab06/kernel.elf" ] || fail "make grade LAB=01 built lab 06"
}

# grade stops a lab by interrupting its bats; a run started in the
# background by a shell without job control (a CI script's `cmd &`) has
# SIGINT ignored, and the stop must work there too
@test "grade --first-failure stops at the first failed test, even started with SIGINT ignored" {
        skip_in_student_tree
        local tree=$BATS_TEST_TMPDIR/first m=$ENTRYLAB_ROOT/grading/mistakes/01-cs-ss-swapped.sed file
        tree_copy "$tree" --solved
        file=$(mistake_field "$m" file)
        sed -E -i -f "$m" "$tree/$file"
        make -s -C "$tree" build >/dev/null 2>&1 3>&- || fail "the mistaken lab does not build"
        run bash -c "trap '' INT; cd '$tree' && grading/grade --first-failure --format tap --out '$tree/out' 01" 3>&-
        assert_failure
        assert_output --partial "not run: stopped at the failure above"
        run grep -c '^\(not \)\?ok ' "$tree/out/lab01.tap"
        assert_output 1
}

# The chain ahead runs checks in the background while bats runs the
# others: a check it ran must fail where it fails in bats, at its first
# failed command (errexit), and pass where it passes. A small test file
# of two such checks, on lab 01's boot of demo: its first test waits until
# the chain has ended (its process gone; the chain's boots and sessions
# have bounds of their own), so that both were run ahead.
@test "a check run ahead by the chain fails and passes as it does in bats" {
        skip_in_student_tree
        local f=$BATS_TEST_TMPDIR/ahead.bats at=@test
        # ($at: bats would take an @test at the start of a line here for one
        # of this file)
        cat > "$f" <<EOF
load $ENTRYLAB_ROOT/grading/lib/entrylab
setup_file() { boot_all_programs ${LABS_HERE%% *} demo; }
check_stops_at_a_failure() { require_boot; [ 1 = 2 ]; echo "went on after a failed command"; }
check_passes() { require_boot; echo "passed"; }
may_run_ahead check_stops_at_a_failure check_passes
$at "waits for the chain" {
        require_boot
        read -r chain < "\$BATS_FILE_TMPDIR/ahead/pid"
        while [ ! -e "\$BATS_FILE_TMPDIR/ahead/done" ] && kill -0 "\$chain" 2>/dev/null; do nap 100; done
        ls "\$BATS_FILE_TMPDIR"/ahead/checks/*/status > "$BATS_TEST_TMPDIR/ran-ahead"
}
$at "fails ahead" { check_stops_at_a_failure; }
$at "passes ahead" { check_passes; }
EOF
        run bats --formatter tap "$f" 3>&- </dev/null
        assert_line --regexp '^ok 1 waits for the chain'
        # the first test listed the status files of both: the chain ran them
        [ "$(grep -c '/ahead/checks/.*/status$' "$BATS_TEST_TMPDIR/ran-ahead")" = 2 ] ||
                fail "the chain did not run both: $(cat "$BATS_TEST_TMPDIR/ran-ahead")"
        assert_line 'not ok 2 fails ahead'
        refute_output --partial "went on after a failed command"
        assert_line 'ok 3 passes ahead'
}

# A shared boot of several programs under GDB (watch.bash): each
# watcher's breakpoints hold in its own program only (GDB counts the
# programs init starts), so that one whose stop never comes ends where the
# next program starts, and the next watcher still sees its whole program.
@test "a GDB session of several programs: a watcher whose stop never comes costs only its own check" {
        skip_in_student_tree
        load lib/exits
        local lab=${LABS_HERE##* } all
        # sigregs' rt_sigreturn made never to come: a condition that never holds
        IRET_AFTER_BREAK[sigregs]='sys_rt_sigreturn if 0'
        all=$(watch_session "$lab" iret_after:sigregs iret_after:sigbasic) || true
        output=$all
        watcher_part iret_after:sigregs "the boot"
        assert_output --partial "ENDED before sys_rt_sigreturn"
        refute_output --partial "HIT pid"
        output=$all
        watcher_part iret_after:sigbasic "the boot"
        judge_iret_after
}

@test "a GDB session of several programs: a watcher's later stop that never comes ends its part, not a stop elsewhere" {
        skip_in_student_tree
        load lib/exits
        load lib/fullframe
        local lab=${LABS_HERE##* } all
        # the probe's getpid, the second handler stop, made never to come
        # (a number no syscall has): GDB stops next where init starts the
        # second regs, inside the watcher's if block
        HANDLER_STOPS=("sys_mmap 9" "__x64_sys_getpid 4095")
        all=$(watch_session "$lab" handler_stops:regs fork_exits:regs) || true
        output=$all
        watcher_part handler_stops:regs "the boot"
        assert_output --partial "ENDED before __x64_sys_getpid"
        assert_output --regexp "AT 9"
        refute_output --regexp "AT 4095"
        output=$all
        watcher_part fork_exits:regs "the boot"
        assert_output --regexp "FORK parent [0-9]+ child [0-9]+"
        printed EXIT
        assert_equal "$PRINTED" "EXIT sysretq EXIT iretq"
}

@test "a GDB socket left by a session ended outright is swept; a live session's is kept" {
        local dir=$BATS_TEST_TMPDIR/sockets dead q i
        mkdir -p "$dir"
        # a pid whose process has ended
        bash -c 'exit 0' &
        dead=$!
        wait "$dead"
        # QEMU makes each socket, and killed outright leaves it (QEMU
        # itself: a timeout around it would be what the KILL ends)
        for i in "$dead" $$; do
                ( exec qemu-system-x86_64 -nodefaults -no-reboot -display none -S \
                        -gdb "unix:$dir/entrylab-gdb.$i.1.1,server=on,wait=off" < /dev/null > /dev/null 2>&1 3>&- ) &
                q=$!
                for _ in $(seq 250); do
                        [ -S "$dir/entrylab-gdb.$i.1.1" ] && break
                        nap 20
                done
                kill -KILL "$q"
                wait "$q" || true
                [ -S "$dir/entrylab-gdb.$i.1.1" ] || fail "no socket left by a killed QEMU: the test shows nothing"
        done
        sweep_stale_sockets "$dir"
        [ ! -e "$dir/entrylab-gdb.$dead.1.1" ] || fail "the ended session's socket is still there"
        [ -S "$dir/entrylab-gdb.$$.1.1" ] || fail "the live session's socket was removed"
}

# The tests above judge lab 01's checks by counting boots; this holds every
# lab's checks to the same rule without booting: a check's first line is
# require_boot, or a call of another check (which then starts with it).
@test "every check in grading/lib starts with require_boot" {
        run awk '/^check_[a-z0-9_]*\(\) \{$/ {
                        name = $1; getline
                        if ($1 != "require_boot" && $1 !~ /^check_/) print FILENAME ": " name " starts with:" $0
                }' "$ENTRYLAB_ROOT"/grading/lib/*.bash
        assert_success
        assert_output ""
}

@test "hidden tests count in the grade, are marked for Gradescope, and stay out of the handout" {
        skip_in_student_tree
        local tree=$BATS_TEST_TMPDIR/hidden
        tree_copy "$tree" --solved
        mkdir -p "$tree/grading/hidden"
        cat > "$tree/grading/hidden/lab01.bats" <<'HIDDEN'
load ../lib/entrylab
load ../lib/abi
setup_file() { boot_all_programs 01 "demo"; }
TEST "[3] hidden: the demo's getpid is a positive pid" {
        require_boot
        [[ $(serial "demo: getpid") =~ getpid\(\)\ =\ [1-9] ]]
}
TEST "[2] hidden: a check that fails" { false; }
TEST "a test without points counts for nothing" { true; }
HIDDEN
        # (written as TEST here: bats would take an @test line in this file for its own)
        sed -i 's/^TEST /@test /' "$tree/grading/hidden/lab01.bats"
        # the copy's sources are newer than the build it copied: grade builds
        # lab 01 before it grades it (make gdb's check, which may run ahead,
        # would otherwise rebuild the kernel while other checks read it)
        run bash -c "cd '$tree' && grading/grade --format gradescope --out '$tree/out' 01" 3>&-
        assert_failure
        assert_line "lab 01: build/01-iret-only/kernel.elf is older than its sources: building it"
        # the visible tests all pass; the hidden ones add 3 of their 5 points
        local visible
        visible=$(awk -F"[][]" '/^@test "\[/ { s += $2 } END { print s }' "$ENTRYLAB_ROOT/grading/lab01.bats")
        assert_output --regexp "lab 01: $((visible + 3))/$((visible + 5)) in"
        assert_output --partial "FAILED  [2] hidden: a check that fails"
        run jq -c ".tests[] | select(.visibility == \"after_published\") | .name" "$tree/out/results.json"
        [ "${#lines[@]}" = 2 ] || fail "hidden tests in results.json: $output"
        [ "$(jq .score "$tree/out/results.json")" = $((visible + 3)) ]
        "$tree/grading/handout" "$tree" "$BATS_TEST_TMPDIR/handout2" >/dev/null
        [ ! -e "$BATS_TEST_TMPDIR/handout2/grading/hidden" ] || fail "hidden tests in the handout"
}

@test "make handout LAB=02 holds labs 01 and 02 only, and they build" {
        skip_in_student_tree
        local tree=$BATS_TEST_TMPDIR/upto
        tree_copy "$tree" --upto 02
        [ -d "$tree/labs/01-iret-only" ] && [ -d "$tree/labs/02-sysret-fastpath" ] || fail "labs 01 and 02 missing"
        run ls "$tree/labs"
        assert_output "$(printf '01-iret-only\n02-sysret-fastpath')"
        [ ! -e "$tree/grading/lab03.bats" ] || fail "lab 03's tests in a handout without lab 03"
        # nothing that names a solution: the catalogue of mistakes, the answers
        [ ! -e "$tree/grading/mistakes" ] || fail "grading/mistakes in the handout"
        [ -z "$(find "$tree" -path "$tree/build" -prune -o -name ANSWERS.md -print)" ] ||
                fail "ANSWERS.md in the handout"
        run make -s -C "$tree" build 3>&-
        assert_success
}

# A fake cgroup tree (grading/lib/jobs.bash reads ENTRYLAB_CGROUP_FS and
# ENTRYLAB_PROC_CGROUP): v1's cpu and memory controllers, v2's unified
# files, and a container's view, where /proc names a path outside what is
# mounted. nproc says 8, more than any limit here, whatever this machine
# has: each limit must show.
@test "labs graded side by side: one per CPU, fewer under a cgroup's CPU quota or memory limit (v1, v2, a container)" {
        local fs=$BATS_TEST_TMPDIR/cg n=8
        export ENTRYLAB_CGROUP_FS=$fs ENTRYLAB_PROC_CGROUP=$BATS_TEST_TMPDIR/self-cgroup
        source "$ENTRYLAB_ROOT/grading/lib/jobs.bash"
        nproc() { echo 8; }
        # v1, no limit anywhere: one lab per CPU
        mkdir -p "$fs/cpu/a/b" "$fs/memory/a"
        printf '4:cpu,cpuacct:/a/b\n9:memory:/a\n0::/\n' > "$ENTRYLAB_PROC_CGROUP"
        for d in "$fs/cpu" "$fs/cpu/a" "$fs/cpu/a/b"; do
                echo -1 > "$d/cpu.cfs_quota_us"; echo 100000 > "$d/cpu.cfs_period_us"
        done
        echo 9223372036854771712 > "$fs/memory/memory.limit_in_bytes"
        echo 9223372036854771712 > "$fs/memory/a/memory.limit_in_bytes"
        assert_equal "$(grade_jobs)" "$n"
        # half a CPU (Gradescope's default): one lab at a time
        echo 50000 > "$fs/cpu/a/b/cpu.cfs_quota_us"
        assert_equal "$(cpu_quota_cpus)" 1
        assert_equal "$(grade_jobs)" 1
        # a quota above, 2.5 CPUs, rounds up; the tightest one counts
        echo -1 > "$fs/cpu/a/b/cpu.cfs_quota_us"
        echo 250000 > "$fs/cpu/a/cpu.cfs_quota_us"
        assert_equal "$(cpu_quota_cpus)" 3
        assert_equal "$(grade_jobs)" 3
        # 768 MiB (Gradescope's default) holds two labs' peaks
        echo $((768 << 20)) > "$fs/memory/a/memory.limit_in_bytes"
        assert_equal "$(memory_limit_mib)" 768
        assert_equal "$(grade_jobs)" 2
        # v2: cpu.max and memory.max of the process's own cgroup
        rm -rf "$fs"/*
        mkdir -p "$fs/x"
        printf '0::/x\n' > "$ENTRYLAB_PROC_CGROUP"
        echo "max 100000" > "$fs/x/cpu.max"
        echo max > "$fs/x/memory.max"
        assert_equal "$(grade_jobs)" "$n"
        echo "150000 100000" > "$fs/x/cpu.max"
        assert_equal "$(grade_jobs)" 2
        echo $((512 << 20)) > "$fs/x/memory.max"
        assert_equal "$(grade_jobs)" 1
        # a container's v1 view: /proc says /docker/ID, the mount's top is it
        rm -rf "$fs"/*
        mkdir -p "$fs/cpu"
        printf '4:cpu:/docker/0123abcd\n' > "$ENTRYLAB_PROC_CGROUP"
        echo 50000 > "$fs/cpu/cpu.cfs_quota_us"; echo 100000 > "$fs/cpu/cpu.cfs_period_us"
        assert_equal "$(grade_jobs)" 1
        # no cgroups at all: nproc
        rm -f "$ENTRYLAB_PROC_CGROUP"
        run grade_jobs           # and says nothing of the missing file
        assert_output "$n"
}
