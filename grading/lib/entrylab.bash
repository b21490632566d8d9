# entrylab.bash - helpers every .bats file loads: booting a lab, reading its
# serial log, driving GDB. Load with:  load lib/entrylab
# the root is two folders above this file, wherever the test file lives
# (each test is a new process that loads this file: no fork where a
# pattern will do)
case ${BASH_SOURCE[0]} in
/*/grading/lib/entrylab.bash) ENTRYLAB_ROOT=${BASH_SOURCE[0]%/grading/lib/entrylab.bash} ;;
*) ENTRYLAB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd) ;;
esac
BOOT=$ENTRYLAB_ROOT/grading/lib/boot
# the bugs the kit's own tests plant in the reference (sed scripts): they
# name lines of solutions, so they are not in a student tree
PLANTED=$ENTRYLAB_ROOT/grading/mistakes/planted

# tree_as_is DEST: a copy of the kit as it stands, sources and build (make
# rebuilds only what a test then edits), for a test that plants a bug or
# breaks a lab; none of the trees other tests made under build/
tree_as_is() {
        mkdir -p "$1"
        tar -C "$ENTRYLAB_ROOT" --exclude=./.git --exclude=./build/handout --exclude=./build/grade \
                --exclude=./build/tmp -cf - . | tar -C "$1" -xf -
}
# Tests run make themselves: an outer make -jN must not lend them its
# jobserver (its pipes are closed here, and make would warn about it)
unset MAKEFLAGS MFLAGS MAKELEVEL
# A boot takes about half a second here; ENTRYLAB_BOOT_TIMEOUT bounds one
# (a hang is reported after it).
BOOT_TIMEOUT=${ENTRYLAB_BOOT_TIMEOUT:-10}
# bats-support and bats-assert: their files sourced as their load.bash
# does, without the dirname it forks for each
for _f in "${ENTRYLAB_BATS_LIB:-/usr/lib/bats}"/bats-support/src/*.bash \
          "${ENTRYLAB_BATS_LIB:-/usr/lib/bats}"/bats-assert/src/*.bash; do
        source "$_f"
done
unset _f
# a panic told as an oops; the frame audit
source "$ENTRYLAB_ROOT/grading/lib/oops.bash"
source "$ENTRYLAB_ROOT/grading/lib/audit.bash"
# checks that watch programs under GDB share one boot
source "$ENTRYLAB_ROOT/grading/lib/watch.bash"
# listening PORT: a TCP stub is up (make qemu-gdb's port)
source "$ENTRYLAB_ROOT/grading/lib/listening.bash"

# lab_numbers: the labs of this tree, "01 02 ..."
lab_numbers() {
        (cd "$ENTRYLAB_ROOT/labs" && ls -d [0-9][0-9]-* | cut -c1-2 | xargs)
}

# lab_dir NN -> the lab's folder name (01 -> 01-iret-only)
lab_dir() {
        local name
        lab_dir_to name "$1" && echo "$name"
}
# lab_dir_to VAR NN: the same, into VAR (no subshell: every boot asks)
lab_dir_to() {
        local d
        for d in "$ENTRYLAB_ROOT"/labs/"$2"-*; do
                [ -d "$d" ] && { printf -v "$1" %s "${d##*/}"; return 0; }
        done
        return 1
}

# skip_in_student_tree: skip a test of the kit itself that needs the
# reference's solutions (handing out, stripping one exercise, comparing
# with the reference's figures) in a student tree, where `make handout`
# removed them: some exercise there has no solution marker.
skip_in_student_tree() {
        local marked solved
        marked=$(count_lines '^[[:space:]]*(/\*|;) >>> exercise: ')
        solved=$(count_lines '^[[:space:]]*(/\*|//|;) --- solution ---')
        [ "$marked" = "$solved" ] ||
                skip "a student tree (make handout): this test needs the reference's solutions"
}

# skip_unless_reference_gcc WHAT: skip a test that compares a figure of the
# reference's (WHAT: where it is written) with this tree's kernels when
# they were built by another GCC than the one that made the figures
# (grading/reference.gcc): other code, other figures, which say nothing of
# the written ones.
skip_unless_reference_gcc() {
        local made_with gcc_here
        read -r made_with < "$ENTRYLAB_ROOT/grading/reference.gcc"
        gcc_here=$(gcc -dumpfullversion)
        [ "$gcc_here" = "$made_with" ] ||
                skip "built with gcc $gcc_here; $1 was measured with gcc $made_with"
}

# count_lines ERE: the lines of the kernel's sources (where exercises live)
# that match
count_lines() {
        cat $(find "$ENTRYLAB_ROOT/common" "$ENTRYLAB_ROOT/labs" -type f \( -name '*.c' -o -name '*.h' \
                -o -name '*.asm' -o -name '*.inc' \)) | grep -cE "$1" || true
}

# boot_lab NN LOG "programs..." [timeout]: one boot; LOG.verdict holds the
# harness's line when it did not end well. Status: 0 = all well.
# The guest can print anything, so the boot runs under the cost plugin,
# which sees from outside every SYSCALL that came back to user space, and
# witness_boot holds the serial log to that count.
boot_lab() {
        local lab plugin status
        lab_dir_to lab "$1" || { echo "no lab $1" >&2; return 2; }
        if [ -z "${AHEAD_OFF:-}" ] && boot_taken_ahead "$1" "$2" "$3" "${4:-$BOOT_TIMEOUT}"; then
                return "$AHEAD_STATUS"
        fi
        cost_plugin
        plugin=$COST_PLUGIN
        rm -f "$2.sites"
        "$BOOT" --lab "$lab" --append "$3" --timeout "${4:-$BOOT_TIMEOUT}" --quiet --log "$2" \
                ${plugin:+--plugin "$plugin,witness=1,out=$2.sites"} \
                2>"$2.verdict"
        status=$?
        [ -z "$plugin" ] || witness_boot "$lab" "$2" "$3" || status=1
        return $status
}

# cost_plugin: COST_PLUGIN = the plugin's path for this QEMU, found once
# per test file (empty, with one notice, when this QEMU loads none)
cost_plugin() {
        COST_PLUGIN=
        if file_cached cost-plugin "$ENTRYLAB_ROOT/grading/lib/cost-plugin"; then
                read -r COST_PLUGIN < "$FILE_CACHED" || true
        else
                COST_PLUGIN=$("$ENTRYLAB_ROOT/grading/lib/cost-plugin" 2>/dev/null)
        fi
}

# file_cached NAME COMMAND...: FILE_CACHED = a file that holds COMMAND's
# output (its stderr in NAME.err), made once per test file. The file is
# written whole before it is seen (mv), so that the chain ahead and a test
# may ask at once. Fails outside a test file (no BATS_FILE_TMPDIR).
file_cached() {
        [ -d "${BATS_FILE_TMPDIR:-}" ] || return 1
        FILE_CACHED=$BATS_FILE_TMPDIR/$1
        # the name is fixed here: a redirection is expanded in the forked
        # child, whose BASHPID is its own
        local new=$FILE_CACHED.$BASHPID
        [ -f "$FILE_CACHED" ] && return 0
        "${@:2}" > "$new" 2> "$FILE_CACHED.err" || true
        mv "$new" "$FILE_CACHED"
}

# witness_boot LAB LOG "programs...": every line a program prints is one
# write(2) (the user library buffers a line at a time), so a boot whose
# programs printed L lines made at least L syscalls that came back to user
# space. A kernel that prints a recorded log instead of running them does
# not: its boot is named so, and every check reading the log fails.
witness_boot() {
        local lines trips=0 names progs site n
        read -ra progs <<< "$3"
        [ ${#progs[@]} -gt 0 ] || return 0
        printf -v names '%s|' "${progs[@]}"
        # a line's name is at its start: the serial's \r at its end is no matter
        lines=$(grep -cE "^(${names%|})[:[]" "$2") || true
        if [ ! -f "$2.sites" ]; then
                # QEMU writes the plugin's record at any exit but a timeout's
                [[ $(< "$2.verdict") == *'hang: no verdict'* ]] && return 0
                echo "entrylab: lab $1: the cost plugin saw no round trip at all (no record written)" >> "$2.verdict"
                return 1
        fi
        while IFS=$'\t' read -r site n _; do
                [[ $site == \#* || ! $n =~ ^[0-9]+$ ]] || trips=$((trips + n))
        done < "$2.sites"
        [ "$lines" -le "$trips" ] && return 0
        echo "entrylab: lab $1: the serial log is not what ran: the programs printed $lines lines, but only $trips syscalls came back to user space (cost plugin, outside the guest)" > "$2.verdict"
        return 1
}

# The file-wide boot that most tests read: every test program in one run.
# Its verdict is kept so that each test can fail with the reason. It runs
# in the background, beside the first test (the frame audit, which boots
# its own kernel under GDB): on two cores the two take the time of one.
# Every other check waits for it in require_boot; SERIAL.done marks its end.
boot_all_programs() {
        SERIAL=$BATS_FILE_TMPDIR/serial.log
        echo "$1" > "$SERIAL.lab"
        mkdir -p "$BATS_FILE_TMPDIR/ahead/checks"
        tests_here || true
        # an exercise's own checks alone need none (boots_its_own)
        only_own_boot_tests && return 0
        # stdin, stdout and fd 3 closed: bats does not wait for it; bats'
        # errexit must not end the chain at a failed boot
        (
                # none of bats' traps, no errexit: the chain goes on (each
                # check ahead sets its own errexit)
                trap - ERR EXIT DEBUG
                set +e
                # the frame audit's probe first, outside GDB (audit.bash)
                boot_lab "$1" "$SERIAL" "frameprobe $2" "${3:-$BOOT_TIMEOUT}" || true
                boot_ahead_plan "$1" || true
                : > "$SERIAL.done"
                # the checks ahead beside the boots ahead
                ahead_checks_run &
                boot_ahead_run || true
                wait
                : > "$BATS_FILE_TMPDIR/ahead/done"
        ) </dev/null >/dev/null 2>&1 3>&- &
        echo $! > "$BATS_FILE_TMPDIR/ahead/pid"
        disown $!      # its end is no news for bats
}

# file_boot_wait: the file-wide boot (if this file made one) has ended (within its own bound: the
# boot's timeout and the hang watcher's look), or the test fails
file_boot_wait() {
        SERIAL=$BATS_FILE_TMPDIR/serial.log
        [ -e "$BATS_FILE_TMPDIR/ahead/pid" ] || return 0      # no file-wide boot here
        # (the boot's own bound is of CPU time; its clock's, ten times that)
        local until=$((SECONDS + 10 * BOOT_TIMEOUT + 30))
        while [ ! -e "$SERIAL.done" ] && [ $SECONDS -lt $until ]; do
                nap 50
        done
        [ -e "$SERIAL.done" ] || fail "the file-wide boot did not end within $((10 * BOOT_TIMEOUT + 30)) s"
}

# Boots ahead. A check that boots its own kernel (the page-leak and
# determinism checks) used to wait for it while the second core idled.
# Once the file-wide boot came up, boot_all_programs makes those boots in
# the background instead, one after another, and boot_lab hands each to
# the first check that asks for the same lab, programs and bound, once:
# two boots of the same programs stay two boots. A kernel that
# require_boot refuses costs no boot more (grade.bats counts them), and
# grade --first-failure, which stops at the first failed test, boots
# nothing ahead.
#   boot_ahead_for CHECK "programs" ...: the boots CHECK makes, in order;
#   booted ahead in a test file that calls CHECK
BOOTS_AHEAD=()
boot_ahead_for() {
        local check=$1 progs
        shift
        for progs in "$@"; do
                BOOTS_AHEAD+=("$check"$'\t'"$progs")
        done
}

# boot_ahead_plan NN: the registered boots of this test file, one key
# each, written before any check may look for them (require_boot waits)
boot_ahead_plan() {
        local dir=$BATS_FILE_TMPDIR/ahead entry n=0 key
        [ "${ENTRYLAB_FIRST_FAILURE:-0}" = 1 ] && return 0
        boot_came_up || return 0
        for entry in "${BOOTS_AHEAD[@]}"; do
                a_test_calls "${entry%%$'\t'*}" || continue
                n=$((n + 1))
                printf -v key %02d $n
                printf '%s\t%s\t%s\n' "$1" "${entry#*$'\t'}" "$BOOT_TIMEOUT" > "$dir/$key.key"
        done
}

# tests_here: TESTS_HERE = the test functions of this file that this run
# will run, in order (bats -f may choose a few), and TEST_BODY[FUNCTION]
# the code of each. bats lists them in its run folder, one
# "file<TAB>function" line each; fails without that list (TESTS_HERE
# then empty). Once, in setup_file: the code comes from one declare -f
# into a file, as a $(...) per test cost more than the first check ahead.
TESTS_HERE=()
declare -gA TEST_BODY=()
tests_here() {
        local list=${BATS_RUN_TMPDIR:-/nonexistent}/test_list_file.txt file fn= line
        TESTS_HERE=() TEST_BODY=()
        [ -f "$list" ] || return 1
        while IFS=$'\t' read -r file fn; do
                # (bats 1.10 and later write the function's name and its
                # arguments, shell-quoted: a plain @test has none, but the
                # name is followed by a space)
                fn=${fn%%[[:space:]]*}
                [ "$file" -ef "$BATS_TEST_FILENAME" ] && TESTS_HERE+=("$fn")
        done < "$list"
        [ ${#TESTS_HERE[@]} -gt 0 ] || return 0
        file=$BATS_FILE_TMPDIR/tests-here
        declare -f "${TESTS_HERE[@]}" > "$file"
        fn=
        while IFS= read -r line; do
                if [[ $line =~ ^([^[:space:]]+)\ \(\)\ *$ ]]; then
                        fn=${BASH_REMATCH[1]}
                elif [ -n "$fn" ]; then
                        TEST_BODY[$fn]+=$line$'\n'
                fi
        done < "$file"
        return 0
}

# a_test_calls CHECK: a test this run holds calls CHECK (a boot ahead is
# made only for such a check); without bats' list, the file names it
a_test_calls() {
        local fn
        if [ ${#TESTS_HERE[@]} -eq 0 ]; then
                grep -qw -- "$1" "${BATS_TEST_FILENAME:-/dev/null}"
                return
        fi
        for fn in "${TESTS_HERE[@]}"; do
                test_calls "$fn" "$1" && return 0
        done
        return 1
}

# boot_ahead_run: make the planned boots, in order. Each shares the CPU
# with the tests, which costs it time but no CPU: its bound, of QEMU's CPU
# time (boot), is the one it would have alone
boot_ahead_run() {
        local key lab progs bound status
        for key in "$BATS_FILE_TMPDIR"/ahead/*.key; do
                [ -e "$key" ] || continue
                IFS=$'\t' read -r lab progs bound < "$key"
                status=0
                AHEAD_OFF=1 boot_lab "$lab" "${key%.key}.log" "$progs" "$bound" || status=$?
                echo "$status" > "${key%.key}.status"
        done
}

# Checks ahead. A check that drives a kernel under GDB keeps one core busy
# for about a second, and a lab has up to twenty, one after another, while
# the other core idles. Once the file-wide boot ended, beside the boots
# ahead, the chain in the background runs the tests whose check is listed
# here, backwards (ahead_checks_run), while bats goes forwards. Each test
# is claimed first (a file under ahead/checks, NAME.claim) by whichever
# gets there first. A test the chain ran waits for it in require_boot,
# prints what its check printed, and ends with its status.
# Not under grade --first-failure or ENTRYLAB_STOP_ABOVE, which stop early.
#   may_run_ahead CHECK...: CHECKs that share nothing with other tests but
#   the file-wide boot (or a GDB session that the first of them to ask
#   makes and the others wait for: demo_session, at_handler), and may run
#   ahead
CHECKS_AHEAD=" "
may_run_ahead() {
        CHECKS_AHEAD+="$* "
}

# test_calls TEST "CHECKS": the test's body calls one of CHECKS (a word
# of its own, not in a longer name)
test_calls() {
        local body check re
        body=${TEST_BODY[$1]-}
        [ -n "$body" ] || body=$(declare -f "$1")
        for check in $2; do
                re="[[:space:]]$check([[:space:];]|\$)"
                [[ $body =~ $re ]] && return 0
        done
        return 1
}

# Checks that judge a boot of their own alone (require_boot own-boot: an
# exercise on the probe's boot): a run of none but these (grade.bats runs
# the tests named after one exercise) makes no file-wide boot.
#   boots_its_own CHECK...
CHECKS_OWN_BOOT=" "
boots_its_own() {
        CHECKS_OWN_BOOT+="$* "
}

# only_own_boot_tests: every test this run holds calls such a check
only_own_boot_tests() {
        local fn
        [ ${#TESTS_HERE[@]} -gt 0 ] || return 1
        for fn in "${TESTS_HERE[@]}"; do
                test_calls "$fn" "$CHECKS_OWN_BOOT" || return 1
        done
}

# ahead_checks_run: the chain's part, in the process that ran setup_file
# (where the test functions are defined). The tests that may run ahead
# are taken in two parts, each from its last test backwards: first those
# before the longest stretch of tests that bats runs itself (the ones that
# read the file-wide log), then those after it. So once the chain meets
# bats in the first part, bats goes through that stretch while the chain
# does the second part: both cores stay busy to the end. (From the very
# last test backwards, the chain met bats before that stretch, and bats
# went through it alone.)
ahead_checks_run() {
        local fn all=() at=() i split gap longest=0
        [ "${ENTRYLAB_FIRST_FAILURE:-0}" = 1 ] || [ -n "${ENTRYLAB_STOP_ABOVE:-}" ] && return 0
        boot_came_up || return 0
        for fn in "${TESTS_HERE[@]}"; do
                test_calls "$fn" "$CHECKS_AHEAD" && at+=(${#all[@]})
                all+=("$fn")
        done
        split=${#at[@]}
        for ((i = 1; i < ${#at[@]}; i++)); do
                gap=$((at[i] - at[i - 1]))
                ((gap > longest)) && longest=$gap split=$i
        done
        # a test bats claimed ends a part: bats has the ones before it
        for ((i = split - 1; i >= 0; i--)); do
                ahead_claim "${all[at[i]]}" || break
                ahead_check_run "${all[at[i]]}"
        done
        for ((i = ${#at[@]} - 1; i >= split; i--)); do
                ahead_claim "${all[at[i]]}" || break
                ahead_check_run "${all[at[i]]}"
        done
        return 0
}

# claim FILE: create FILE, and fail when it is there already: one of
# several shells (a test, the chain ahead) wins, as with mkdir, but within
# this shell (noclobber opens with O_EXCL): a claim is made in most tests,
# and a mkdir there costs a fork and an exec
claim() {
        local -
        set -C
        { : > "$1"; } 2>/dev/null
}

# ahead_claim TEST: the chain claims TEST; fails when bats had claimed it
ahead_claim() {
        claim "$BATS_FILE_TMPDIR/ahead/checks/$1.claim"
}

# ahead_check_run TEST: run the claimed TEST in the chain, under errexit as
# bats runs a test. (Never as part of a condition, such as "|| break":
# errexit is off in all that a condition runs, subshells included, and a
# failed check would go on to pass.)
ahead_check_run() {
        local dir=$BATS_FILE_TMPDIR/ahead/checks/$1 st
        mkdir -p "$dir/tmp"
        ( set -e; BATS_TEST_TMPDIR=$dir/tmp ENTRYLAB_AHEAD_LANE=1; "$1" ) > "$dir/out" 2>&1
        st=$?
        echo "$st" > "$dir/status"
}

# ahead_check_taken: in require_boot, for a check that may run ahead: claim
# this test, or, when the chain has it, wait for it and end the test as it
# did (bats' own way to end a test early, as its skip does, without the
# skip)
ahead_check_taken() {
        local d=$BATS_FILE_TMPDIR/ahead/checks/$BATS_TEST_NAME st
        [ -d "${d%/*}" ] || return 0
        claim "$d.claim" && return 0
        local until=$((SECONDS + 600))
        while [ ! -s "$d/status" ] && [ $SECONDS -lt $until ]; do
                nap 50
        done
        [ -s "$d/status" ] || fail "the check run ahead did not end within 600 s"
        # (this shell reads $(< file) itself; any other $(...) forks)
        local out
        out=$(< "$d/out")
        [ -z "$out" ] || printf '%s\n' "$out"
        st=$(< "$d/status")
        [ ! -e "$d/tmp/judged-another-boot" ] || : > "$BATS_TEST_TMPDIR/judged-another-boot"
        [ "$st" = 0 ] && BATS_TEST_COMPLETED=1
        exit "$st"
}

# A test file that ends before its checks took every boot ahead (bats -f,
# ENTRYLAB_STOP_ABOVE, a stop at a failure) ends the boots still to come
# (the file-wide boot too, when the first test stopped the lab):
# they would take the CPU from what runs next, and bats would wait for them
# (they hold its output pipes).
teardown_file() {
        local pid
        pid=$(cat "${BATS_FILE_TMPDIR:-/nonexistent}/ahead/pid" 2>/dev/null) || return 0
        # (the pid is the chain's until it wrote "done")
        [ -e "$BATS_FILE_TMPDIR/ahead/done" ] || stop_tree "$pid"
}

# stop_tree PID: kill PID and every process under it. Each is stopped as it
# is found, so that none starts another before the kill; QEMU, under
# timeout(1), is in a process group of its own.
stop_tree() {
        local tree=("$1") i=0 child
        while [ $i -lt ${#tree[@]} ]; do
                kill -STOP "${tree[$i]}" 2>/dev/null
                for child in $(cat /proc/"${tree[$i]}"/task/*/children 2>/dev/null); do
                        tree+=("$child")
                done
                i=$((i + 1))
        done
        kill -KILL "${tree[@]}" 2>/dev/null
        return 0
}

# boot_taken_ahead NN LOG "programs" BOUND: the boot ahead made for this,
# moved to LOG (LOG.verdict, LOG.sites) once it ended; sets AHEAD_STATUS
# to its status. Fails when none was made (then boot_lab boots).
boot_taken_ahead() {
        local dir=${BATS_FILE_TMPDIR:-}/ahead key n ext made
        [ -d "$dir" ] || return 1
        for key in "$dir"/*.key; do
                [ -e "$key" ] || continue
                IFS= read -r made < "$key"
                [ "$made" = "$1"$'\t'"$3"$'\t'"$4" ] || continue
                n=${key%.key}
                claim "$n.taken" || continue
                # the boots before it may still run, each within its bound
                # (of CPU time; on the clock, ten times that at most)
                local until=$((SECONDS + 10#${n##*/} * (10 * $4 + 30)))
                while [ ! -s "$n.status" ] && [ $SECONDS -lt $until ]; do
                        nap 50
                done
                [ -s "$n.status" ] || return 1
                for ext in "" .verdict .sites; do
                        rm -f "$2$ext"
                        [ ! -e "$n.log$ext" ] || mv "$n.log$ext" "$2$ext"
                done
                read -r AHEAD_STATUS < "$n.status"
                return 0
        done
        return 1
}

# boot_came_up: the file-wide boot ran as a kernel should (a failed program
# is for its own test to judge)
boot_came_up() {
        [ -s "$SERIAL" ] && { [ ! -s "$SERIAL.verdict" ] || grep -q "a program failed" "$SERIAL.verdict"; }
}

# require_boot: fail the current test at once, with the verdict and last
# lines, when the file-wide boot went wrong as a kernel: a panic, a hang, a
# triple fault, garbage. (A failed program is for its own test to judge: the
# other tests keep their points.) Every check calls it first, and above all
# every check that starts its own QEMU or GDB, so that a hanging kernel
# costs one timeout, not one per test (grade.bats counts the boots).
# With own-boot, a check that boots its own kernel and judges it alone (the
# frame audit, an exercise on its probe boot) is not stopped by the
# file-wide boot: a panic there must not hide what it would say, nor a hang
# (an exercise can be right while another one, or its starter, hangs the
# lab). After a hang its own GDB session is bounded as a boot is
# (OWN_BOOT_BOUND, gdb_session); once one of these hangs too (or the audit's,
# beside the file-wide boot, had to be stopped), the lab's grading stops:
# a hanging kernel costs at most two bounds.
require_boot() {
        trace_off
        # a check the chain may run ahead: once per test, not in the chain
        if [ -z "${ENTRYLAB_AHEAD_LANE:-}${AHEAD_ASKED:-}" ] && [[ $CHECKS_AHEAD == *" ${FUNCNAME[1]} "* ]]; then
                AHEAD_ASKED=1
                ahead_check_taken
        fi
        # beside: a check whose own boot goes beside the file-wide one, and
        # calls require_boot own-boot once it has (the frame audit)
        [ "${1:-}" = beside ] && { SERIAL=$BATS_FILE_TMPDIR/serial.log; return 0; }
        file_boot_wait
        if [ "${1:-}" = own-boot ]; then
                grep -qs "hang: no verdict" "$SERIAL.verdict" || return 0
                [ -z "${OWN_BOOT_STOPPED:-}" ] || boot_failed "$(cat "$SERIAL.verdict")"
                OWN_BOOT_BOUND=$BOOT_TIMEOUT
                return 0
        fi
        boot_came_up && { serial_load; return 0; }
        # a test file of checks on the file-wide boot must make it (a hidden
        # file is graded as a file of its own: it shares no visible file's)
        [ -e "$SERIAL.verdict" ] || [ -e "$BATS_FILE_TMPDIR/ahead/pid" ] ||
                boot_failed "no file-wide boot in ${BATS_TEST_FILENAME##*/}: its setup_file must call boot_all_programs NN \"programs\""
        [ -s "$SERIAL" ] || boot_failed "the kernel printed nothing: $(cat "$SERIAL.verdict" 2>/dev/null)"
        grep -q "kernel panic" "$SERIAL.verdict" && boot_failed "$(oops_explain)"
        boot_failed "$(cat "$SERIAL.verdict")"
}

# trace_off: bats' DEBUG trap off for the rest of the test. bats runs it
# before every command, to keep the stack trace it prints at a failure; it
# costs a third of a millisecond a command, so that a check that parses a
# log in the shell spent most of its time there. A failure is still placed
# at its check and test (the trace stops at require_boot, which every check
# calls first), and grade shows the check's own message, not the trace.
trace_off() {
        trap - DEBUG
}

# boot_failed MESSAGE: fail the test for the file-wide boot; the tests after
# it would all fail the same way, so the lab's grading stops (teardown)
boot_failed() {
        touch "$BATS_FILE_TMPDIR/boot-failed"
        fail "$1"
}

# checks_on_log DIR WHAT CHECK...: the CHECKs, which read the file-wide
# log, judge another boot's (DIR/serial.log; WHAT names it in a failure),
# each as a test runs it, ending at its first failed assertion. Never
# "check && check || fail": errexit is off in all that a condition runs,
# subshells included, and each check would count only its last command.
checks_on_log() {
        local BATS_FILE_TMPDIR=$1 what=$2 check
        # this log's lines, read afresh, and the test's own back after
        local SERIAL=$1/serial.log SERIAL_LOADED= SERIAL_LINES=()
        local -A SERIAL_BY_NAME=()
        shift 2
        echo "on $what:"
        for check; do
                "$check"
        done
}

# Reading the serial log. A check reads the file-wide log dozens of times,
# and in a test's shell (bats' whole code loaded) a fork costs 4 ms and a
# grep in it 13 ms here: the log is read into an array once per test
# process (mapfile, a builtin), and matched in the shell.

# serial PREFIX: the lines a program printed that start with PREFIX (a
# basic regular expression, as grep "^PREFIX" reads it), without the
# console's \r
serial() {
        serial_match "$1"
        [ -z "$SERIAL_MATCH" ] || printf '%s\n' "$SERIAL_MATCH"
}

# assert_serial PREFIX EXPECTED: those lines are EXPECTED (one per line)
assert_serial() {
        serial_match "$1"
        assert_equal "$SERIAL_MATCH" "$2"
}

# serial_match PREFIX: those lines in SERIAL_MATCH, one per line, without
# a subshell ($(serial ...) costs one: 4 to 5 ms in a test's shell)
serial_match() {
        serial_load
        serial_pattern "$1"
        local i line key=k${SERIAL_LIT%%[:[ ]*} indices
        SERIAL_MATCH=
        # a start that names its program whole: that program's lines alone
        if [ "$key" != "k$SERIAL_LIT" ]; then
                indices=${SERIAL_BY_NAME[$key]:-}
        else
                indices=${!SERIAL_LINES[*]}
        fi
        for i in $indices; do
                line=${SERIAL_LINES[i]}
                [[ $line == "$SERIAL_LIT"* ]] || continue
                [ -z "$SERIAL_RE" ] || [[ $line =~ $SERIAL_RE ]] || continue
                SERIAL_MATCH+=${SERIAL_MATCH:+$'\n'}$line
        done
}

# has_line LINE: the log holds exactly this line
has_line() {
        serial_load
        local i key=k${1%%[:[ ]*}
        for i in ${SERIAL_BY_NAME[$key]:-}; do
                [[ ${SERIAL_LINES[i]} == "$1" ]] && return 0
        done
        return 1
}

# serial_load: SERIAL_LINES, the log's lines without \r, and
# SERIAL_BY_NAME, the indices of the lines of each name (k and what a
# line has before its first ":", "[" or space: the program that printed
# it; a name may be empty),
# read once per process and log (SERIAL.lf, the log without \r, is made
# once per log). require_boot loads them, so that a check's subshells
# ($(serial ...)) find them made.
declare -gA SERIAL_BY_NAME=()
serial_load() {
        [ "$SERIAL.lf" -nt "$SERIAL" ] || tr -d '\r' < "$SERIAL" > "$SERIAL.lf"
        [ "${SERIAL_LOADED:-}" = "$SERIAL" ] && return 0
        mapfile -t SERIAL_LINES < "$SERIAL.lf"
        SERIAL_BY_NAME=()
        local i key
        for i in "${!SERIAL_LINES[@]}"; do
                key=k${SERIAL_LINES[i]%%[:[ ]*}
                SERIAL_BY_NAME[$key]+=" $i"
        done
        SERIAL_LOADED=$SERIAL
}

# serial_pattern BRE: SERIAL_LIT, the pattern's literal start (every line
# that matches starts with it), and SERIAL_RE, the whole pattern as the
# extended regular expression bash's =~ takes, anchored at the start
# (empty when the pattern is literal throughout: the start says it all).
# BRE's \( \) \{ \} \| \+ \? are ERE's operators; its ( ) { } | + ? are
# literal characters, which ERE must escape; a bracket expression is the
# same in both.
serial_pattern() {
        local p=$1 i=0 c literal=1 lit= re=^ end
        while [ $i -lt ${#p} ]; do
                c=${p:i:1}
                i=$((i + 1))
                case $c in
                \\)
                        c=${p:i:1}
                        i=$((i + 1))
                        case $c in
                        '('|')'|'{'|'}'|'|'|'+'|'?')
                                # \{ \+ \? repeat the character before; after
                                # \| a match may start otherwise
                                if [ $literal = 1 ]; then
                                        [[ $c != [{+?] ]] || lit=${lit%?}
                                        [ "$c" != '|' ] || lit=
                                fi
                                literal=0 re+=$c ;;
                        *)
                                [ $literal = 0 ] || lit+=$c
                                re+=\\$c ;;
                        esac ;;
                '[')
                        # to the closing ], which may also be the first
                        # member (after a ^)
                        end=$i
                        [ "${p:end:1}" = '^' ] && end=$((end + 1))
                        [ "${p:end:1}" = ']' ] && end=$((end + 1))
                        while [ $end -lt ${#p} ] && [ "${p:end:1}" != ']' ]; do
                                # a class: [:digit:]
                                if [[ ${p:end} == '[:'*':]'* ]]; then
                                        c=${p:end+2}
                                        c=${c%%:]*}
                                        end=$((end + ${#c} + 3))
                                fi
                                end=$((end + 1))
                        done
                        literal=0 re+=${p:i-1:end-i+2}
                        i=$((end + 1)) ;;
                '.')
                        literal=0 re+=. ;;
                '$')
                        # at the end, the end of the line; elsewhere, itself
                        if [ $i = ${#p} ]; then
                                literal=0 re+='$'
                        else
                                [ $literal = 0 ] || lit+=$c
                                re+=\\$c
                        fi ;;
                '*')
                        # repeats the character before: not part of every match
                        [ $literal = 0 ] || lit=${lit%?}
                        literal=0 re+='*' ;;
                '('|')'|'{'|'}'|'|'|'+'|'?'|'^')
                        [ $literal = 0 ] || lit+=$c
                        re+=\\$c ;;
                *)
                        [ $literal = 0 ] || lit+=$c
                        re+=$c ;;
                esac
        done
        SERIAL_LIT=$lit SERIAL_RE=
        [ $literal = 1 ] || SERIAL_RE=$re
}

# symbol PROGRAM NAME: a user program's symbol address, as 0x... lowercase.
# Its table is read once per test file (readelf and awk cost more than the
# checks that ask), again when the program was built since. The table
# is written whole before it is seen (mv): the chain ahead and a test may
# ask at once, and a half-written table once lost a symbol.
symbol() {
        local elf=$ENTRYLAB_ROOT/build/user/bin/$1 table name value new
        table=$BATS_FILE_TMPDIR/symbols.$1 new=$BATS_FILE_TMPDIR/symbols.$1.$BASHPID
        if [ ! "$table" -nt "$elf" ]; then
                readelf -sW "$elf" 2>/dev/null | awk '$8 != "" { print $8, $2 }' > "$new"
                mv "$new" "$table"
        fi
        while read -r name value; do
                [ "$name" = "$2" ] && { printf '%#x\n' "$((16#$value))"; return 0; }
        done < "$table"
        return 1
}

# parse_fields LINE: every key=value word of LINE into the array F, with no
# subshell (a check that reads hundreds of lines stays fast)
parse_fields() {
        declare -gA F=()
        local kv
        for kv in $1; do
                [[ $kv == *=* ]] && F[${kv%%=*}]=${kv#*=}
        done
        return 0
}

# field LINE KEY: the value of KEY=value in a line of key=value words
field() {
        local kv
        for kv in $1; do
                [ "${kv%%=*}" = "$2" ] && { echo "${kv#*=}"; return 0; }
        done
        return 1
}

# free_port [NN [VAR]]: a TCP port nobody listens on. Each lab, in each lane
# (ENTRYLAB_LANE, 0-3: the kit's self-tests grade copies of a lab side by
# side, in_lanes), draws from its own band of 250 ports, and the checks
# ahead of its tests from another, so that labs graded side by side (make
# grade) and a test beside its file's checks ahead never pick the same one
# between this check and QEMU's bind.
# With VAR, the port goes there, not to stdout (no subshell).
free_port() {
        local p try band=$(( (10#${1:-0} % 10 * 4 + ${ENTRYLAB_LANE:-0} % 4) * 2 + ${ENTRYLAB_AHEAD_LANE:-0} ))
        for ((try = 0; try < 50; try++)); do
                p=$((20000 + band * 250 + RANDOM % 250))
                listening "$p" && continue
                if [ -n "${2:-}" ]; then printf -v "$2" %s "$p"; else echo "$p"; fi
                return 0
        done
        return 1
}

# nap MS: wait MS milliseconds. A polling loop waits dozens of times a
# test, and sleep(1) costs a fork and an exec each time (4 to 9 ms of CPU
# in a test's shell): this reads with a timeout from a FIFO nobody writes
# to, opened afresh each time (read-write, so that the open never waits,
# and no descriptor is kept that a subshell could lose). A read that came
# back early, or no FIFO, is made up for by sleep(1).
nap() {
        local fifo=${BATS_FILE_TMPDIR:-/nonexistent}/nap.fifo start=${EPOCHREALTIME/./} left t
        if [ -p "$fifo" ] || mkfifo "$fifo" 2>/dev/null; then
                printf -v t '%d.%03d' $(($1 / 1000)) $(($1 % 1000))
                read -rt "$t" _ <> "$fifo" || true
        fi
        left=$(($1 * 1000 - (${EPOCHREALTIME/./} - start)))
        [ $left -gt 0 ] || return 0
        printf -v t '%d.%06d' $((left / 1000000)) $((left % 1000000))
        sleep "$t"
}

# saw REGEX WHY [KEY]: a line GDB printed ($output) matches REGEX, or the
# test fails with WHY and GDB's lines that begin with KEY (default: REGEX's
# first word): what it saw instead. bats-assert's assert_output would
# print the whole transcript, whose first lines are seldom the ones that
# matter, and grade shows the first 14 lines of a failure.
saw() {
        [[ $output =~ $1 ]] && return 0
        fail "$2 (GDB: $(gdb_lines "${3:-${1%% *}}"))"
}

# never_saw REGEX WHY [KEY]: no line GDB printed matches REGEX
never_saw() {
        [[ $output =~ $1 ]] || return 0
        fail "$2 (GDB: $(gdb_lines "${3:-${1%% *}}"))"
}

# gdb_said: the lines GDB printed ($output), each without its prompts
# ("(gdb) ", and "> " inside a command list: a command's output may
# follow them on the same line) and blank lines left out, into GDB_SAID
gdb_said() {
        local line
        GDB_SAID=()
        while IFS= read -r line; do
                line=${line%$'\r'}
                while [[ $line =~ ^(\(gdb\)\ ?|>\ ?|\ +)(.*)$ ]]; do line=${BASH_REMATCH[2]}; done
                [ -n "$line" ] && GDB_SAID+=("$line")
        done <<< "$output"
}

# gdb_lines KEY: the lines GDB printed that begin with KEY (six at most),
# joined by "; "
gdb_lines() {
        local line seen= n=0
        gdb_said
        for line in "${GDB_SAID[@]}"; do
                [[ $line == "$1 "* ]] || continue
                seen+="${seen:+; }$line"
                (( ++n < 6 )) || break
        done
        echo "${seen:-no $1 line}"
}

# gdb_last N: the last N lines GDB printed, joined by "; ": why a session
# ended early, in a line a failure can carry
gdb_last() {
        local line
        gdb_said
        local IFS=$'\x1f'
        line="${GDB_SAID[*]: -$1}"
        echo "${line//$'\x1f'/; }"
}

# stub_listens PORT|SOCKET PID SECONDS: QEMU's GDB stub listens on PORT, or
# its UNIX socket (a path) is there; fails once the boot (PID) has ended
# without it, or after SECONDS of wall time
stub_listens() {
        local until=$(( ${EPOCHREALTIME/./} + $3 * 1000000 ))
        until if [[ $1 == *[!0-9]* ]]; then [ -S "$1" ]; else listening "$1"; fi; do
                kill -0 "$2" 2>/dev/null && [ "${EPOCHREALTIME/./}" -lt $until ] || return 1
                nap 20
        done
}

# judged_another_boot: the test judges a boot of its own (a GDB session, a
# shared run): the file-wide log's last lines are no help at its failure
judged_another_boot() {
        : > "$BATS_TEST_TMPDIR/judged-another-boot"
}

# sweep_stale_sockets DIR: this user's GDB sockets in DIR of sessions whose
# shell is gone, removed. A session ended outright (a lab's grading stopped
# at a failure, the checks ahead ended with KILL at the file's end) cannot
# remove its own; QEMU removes it at a normal exit. Another user's are
# theirs (kill -0 cannot tell their live shells from dead ones), and a
# socket that cannot be removed is no reason to fail a session.
sweep_stale_sockets() {
        local old pid stale=()
        for old in "$1"/entrylab-gdb.*; do
                [ -S "$old" ] && [ -O "$old" ] || continue
                pid=${old#"$1"/entrylab-gdb.} pid=${pid%%.*}
                [[ $pid =~ ^[0-9]+$ ]] || continue
                [ -e "/proc/$pid" ] || stale+=("$old")
        done
        [ ${#stale[@]} -eq 0 ] || rm -f -- "${stale[@]}" 2>/dev/null || true
}

# gdb_session NN "programs" < commands: a paused QEMU with a GDB stub in
# the background, and GDB attached to it, stopped at entry_SYSCALL_64 (the
# default BREAK of `make gdb`); GDB reads the commands on stdin. Prints
# GDB's output. Both start through the scripts `make qemu-gdb` and `make gdb`
# run (grading/lib/boot, grading/lib/gdb), not through make: two makes per
# session cost more than a test's own checks. The stub is on a UNIX socket
# of the session's own: no port to choose (two lanes could pick the same),
# and its file shows that it is up, where a port is seen listening only in
# /proc/net/tcp, whose every read walks the host's whole table of
# connections (a quarter of the test shell's CPU in a session, measured).
# ENTRYLAB_GDB_VIA_MAKE=1 goes through the make targets, on a TCP port,
# exactly as a student runs them, build included (check_gdb_entry, and a
# test that edits a lab first). With ENTRYLAB_BOOT_LOG set (see
# grading/lib/boot), appends "gdb start LAB" to it: boot counts the QEMU
# of the session, this line the GDB.
gdb_session() {
        local lab stub= remote qpid out bound=${OWN_BOOT_BOUND:-60} st attempt base=${TMPDIR:-/tmp}
        local witness=()
        judged_another_boot
        lab_dir_to lab "$1" || return 2
        out=$BATS_TEST_TMPDIR/qemu-gdb.out
        # the session's serial log is witnessed as a lab's boot is (boot_lab):
        # checks read it, and the kernel could tell this boot from its
        # command line and print a recorded log in it alone
        # (make qemu-gdb boots as a student does, with no plugin)
        rm -f "$out.sites"
        if [ "${ENTRYLAB_GDB_VIA_MAKE:-0}" != 1 ]; then
                cost_plugin
                [ -z "$COST_PLUGIN" ] || witness=(--plugin "$COST_PLUGIN,witness=1,out=$out.sites")
        fi
        # a socket's path must fit in sun_path (108 bytes)
        [ ${#base} -lt 64 ] || base=/tmp
        sweep_stale_sockets "$base"
        # a QEMU that did not come up (it said why, or it did not listen
        # within 10 s on a loaded machine) is started once more before the
        # session is given up
        for attempt in 1 2; do
                [ -z "${ENTRYLAB_BOOT_LOG:-}" ] || echo "gdb start $lab" >> "$ENTRYLAB_BOOT_LOG"
                # its own process group, so that make, boot and QEMU can go at once
                if [ "${ENTRYLAB_GDB_VIA_MAKE:-0}" = 1 ]; then
                        free_port "${lab:0:2}" stub || return 2
                        remote=(--port "$stub")
                        setsid make -s -C "$ENTRYLAB_ROOT" qemu-gdb LAB="$lab" GDBPORT="$stub" ARGS="$2" TIMEOUT="$bound" \
                                </dev/null >"$out" 2>&1 3>&- &
                else
                        stub=$base/entrylab-gdb.$BASHPID.$attempt.$RANDOM
                        remote=(--socket "$stub")
                        setsid "$ENTRYLAB_ROOT/grading/lib/boot" --lab "$lab" --timeout "$bound" --append "$2" \
                                --interactive --gdb-socket "$stub" "${witness[@]}" </dev/null >"$out" 2>&1 3>&- &
                fi
                qpid=$!
                stub_listens "$stub" "$qpid" 10 && break
                echo "qemu-gdb never listened on $stub (try $attempt of 2): $(< "$out")"
                kill -- -"$qpid" 2>/dev/null
                wait "$qpid" 2>/dev/null
                [ $attempt = 1 ] || return 1
        done
        if [ "${ENTRYLAB_GDB_VIA_MAKE:-0}" = 1 ]; then
                timeout "$bound" make -s -C "$ENTRYLAB_ROOT" gdb LAB="$lab" GDBPORT="$stub" 2>&1 3>&-
        else
                timeout "$bound" "$ENTRYLAB_ROOT/grading/lib/gdb" --elf "$ENTRYLAB_ROOT/build/$lab/kernel.elf" \
                        "${remote[@]}" --break entry_SYSCALL_64 2>&1 3>&-
        fi
        st=$?
        # after a hang of the file-wide boot (require_boot own-boot), this one
        # hung too: say so, and end the lab's grading after this test
        if [ -n "${OWN_BOOT_BOUND:-}" ] && [ $st = 124 ]; then
                touch "$BATS_FILE_TMPDIR/boot-failed"
                echo "entrylab: lab $lab: this check's own boot ($2) hung too: no answer to GDB within ${bound}s"
        fi
        # GDB's kill ends QEMU; the timeout bounds it if GDB did not get there
        wait "$qpid" 2>/dev/null
        [ ${#witness[@]} -eq 0 ] || gdb_boot_witnessed "$lab" "$out" "$2"
        # QEMU removes its socket as it exits, but not when it was killed
        [[ $stub != */* || ! -e $stub ]] || rm -f "$stub"
}

# gdb_boot_witnessed LAB LOG "programs": witness_boot for a GDB session's
# boot. A log the plugin does not bear out is replaced by the reason:
# every check that reads it fails, and shows why in its last serial
# lines. QEMU writes the plugin's record at every exit but a KILL: GDB's
# kill, the kernel's power-off or reset, and the TERM of a session's
# timeout (a log cut short is still witnessed: its lines are fewer too).
# Sessions of init=/bin/frameprobe count no program lines: the probe is
# init, with no round trip of another before it, and what their checks
# read of its log (the probe's own report) can only fail them.
gdb_boot_witnessed() {
        [ -f "$2.sites" ] || return 0
        : > "$2.verdict"
        witness_boot "$@" && return 0
        cp "$2.verdict" "$2"
}

# session_once DIR COMMAND...: a run that a few checks share (a GDB
# session, bench's table), made by the first one to ask: COMMAND's output
# goes to DIR/out, and with BATS_TEST_TMPDIR=DIR a session's QEMU output
# to DIR/qemu-gdb.out. The others (in the chain ahead or not) wait for it,
# within a session's bound.
session_once() {
        local dir=$1 bound=$((${OWN_BOOT_BOUND:-60} + 30)) until
        judged_another_boot
        shift
        if claim "$dir.claim"; then
                mkdir -p "$dir"
                # in a subshell: whatever the run does (exit, an error that
                # ends the shell), the others waiting for it get its output
                (BATS_TEST_TMPDIR=$dir "$@") > "$dir/out.new" 2>&1 || true
                mv "$dir/out.new" "$dir/out"
        fi
        until=$((SECONDS + bound))
        while [ ! -e "$dir/out" ] && [ $SECONDS -lt $until ]; do
                nap 50
        done
        [ -e "$dir/out" ] || fail "the run in ${dir##*/}, which several checks share, did not end within $bound s"
}

# gdb_session_beside_boot NN "programs" < commands: gdb_session, into
# $output, while the file-wide boot may still run (the first test's, the
# frame audit's). A kernel that hangs would hold the session to its own
# bound: once the file-wide boot reports a hang, the session is ended, so
# that a hang costs one timeout (OWN_BOOT_STOPPED: require_boot own-boot
# then ends the lab's grading; a session that had ended is judged).
gdb_session_beside_boot() {
        local cmds=$BATS_TEST_TMPDIR/beside.gdb out=$BATS_TEST_TMPDIR/beside.out pid judged=
        cat > "$cmds"
        gdb_session "$@" < "$cmds" > "$out" 2>&1 &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
                # the verdict is whole once the boot is done: read it once
                if [ -z "$judged" ] && [ -e "$BATS_FILE_TMPDIR/serial.log.done" ]; then
                        judged=1
                        if grep -qs "hang: no verdict" "$BATS_FILE_TMPDIR/serial.log.verdict"; then
                                stop_tree "$pid"
                                OWN_BOOT_STOPPED=1
                                break
                        fi
                fi
                nap 50
        done
        wait "$pid" 2>/dev/null || true      # its status is judged from its output
        output=$(< "$out")
}

# A failed test shows the end of the file-wide serial log: the reason is
# often there (bats prints a test's output only when it fails). Not under
# a check that judged another boot, a GDB session's or a shared run's
# (judged_another_boot: a file, since most sessions run in subshells)
teardown() {
        [ -n "${BATS_TEST_COMPLETED:-}" ] || stop_after_failure
        [ -z "${BATS_TEST_COMPLETED:-}" ] || stop_above
        if [ -z "${BATS_TEST_COMPLETED:-}" ] && [ -e "$BATS_FILE_TMPDIR/serial.log.done" ] &&
           [ ! -e "$BATS_TEST_TMPDIR/judged-another-boot" ] &&
           [ -s "$BATS_FILE_TMPDIR/serial.log" ] &&
           ! grep -qs "kernel panic" "$BATS_FILE_TMPDIR/serial.log.verdict"; then
                echo "last serial lines:"
                tail -n 5 "$BATS_FILE_TMPDIR/serial.log" | tr -d '\r' | sed 's/^/  /'
        fi
}

# stop_after_failure: end the lab's grading after this failed test when the
# file-wide boot failed (every later test would say the same), or at the
# first failure under ENTRYLAB_FIRST_FAILURE=1 (grade --first-failure). An
# interrupt makes bats' file runner finish the test at hand and run no more;
# ENTRYLAB_STOPPED (set by grade) receives what the tests left out say.
stop_after_failure() {
        [ -e "$BATS_FILE_TMPDIR/boot-failed" ] || [ "${ENTRYLAB_FIRST_FAILURE:-0}" = 1 ] || return 0
        grep -qs bats-exec-file "/proc/$PPID/cmdline" || return 0
        [ -z "${ENTRYLAB_STOPPED:-}" ] ||
                echo "not run: stopped at the failure above" > "$ENTRYLAB_STOPPED"
        kill -INT "$PPID"
}

# stop_above: with ENTRYLAB_STOP_ABOVE=N, end the lab's grading once the
# tests passed so far are worth more than N points: the lab then grades
# above N whatever the rest does (grade.bats' "each exercise earns points
# alone" needs no more than that).
stop_above() {
        [ -n "${ENTRYLAB_STOP_ABOVE:-}" ] && [ -z "${BATS_TEST_SKIPPED:-}" ] || return 0
        [[ $BATS_TEST_DESCRIPTION =~ ^\[([0-9]+)\] ]] || return 0
        local f=$BATS_FILE_TMPDIR/points-passed got
        got=$(( $(cat "$f" 2>/dev/null || echo 0) + BASH_REMATCH[1] ))
        echo "$got" > "$f"
        (( got > ENTRYLAB_STOP_ABOVE )) || return 0
        grep -qs bats-exec-file "/proc/$PPID/cmdline" || return 0
        [ -z "${ENTRYLAB_STOPPED:-}" ] ||
                echo "not run: $got points passed, above $ENTRYLAB_STOP_ABOVE (ENTRYLAB_STOP_ABOVE)" > "$ENTRYLAB_STOPPED"
        kill -INT "$PPID"
}
