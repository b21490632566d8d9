# timing.bash - timing checks on instruction counts and modelled cycles
# (never wall time): helpers for grading/bench.bats and for the lab files
# that compare one stage with another. Load after lib/entrylab.
BENCH=$ENTRYLAB_ROOT/grading/lib/bench
COSTS_TXT=$ENTRYLAB_ROOT/grading/plugin/costs.txt
# make bench on the reference solution, kept in the repository (bench.bats
# checks that it is current): what one stage is compared with in another
REFERENCE_TSV=$ENTRYLAB_ROOT/grading/reference.tsv

# bench_tsv FILE [LAB ...]: make bench's table for these labs into FILE
bench_tsv() {
        local out=$1
        shift
        # a lab without figures has n/a rows: no table, so that no check
        # reads one, and lab_bench_tsv's others say why in their own words
        "$BENCH" run --out "$out" --no-plot "$@" >"$out.stdout" 2>&1 ||
                { rm -f "$out"; fail "bench failed: $(tail -n 3 "$out.stdout")"; }
}

# lab_bench_tsv FILE LAB: bench_tsv of one lab, for the lab files' checks:
# the table is made once per test file (lab 04's two checks read the same:
# under icount a second run prints the same bytes), by the first test to
# ask, while the others wait (session_once). bench.bats, which judges bench
# itself, runs it each time.
lab_bench_tsv() {
        local dir=$BATS_FILE_TMPDIR/bench-table-$2
        session_once "$dir" bench_tsv "$dir/bench.tsv" "$2"
        if [ -s "$dir/bench.tsv" ]; then
                cp "$dir/bench.tsv" "$1"
        else
                # the test that made it failed: this one says why in its own words
                bench_tsv "$1" "$2"
        fi
}

# bench_field FILE LAB PATH COLUMN: one figure (columns: icount trip kernel
# user cycles exit entry entry_cycles); LAB is a number or a folder name
bench_field() {
        local lab cols fields i at=
        lab_dir_to lab "$2" || lab=$2
        {
                IFS=$'\t' read -ra cols
                for i in "${!cols[@]}"; do
                        [ "${cols[$i]}" = "$4" ] && at=$i
                done
                [ -n "$at" ] || return 1
                while IFS=$'\t' read -ra fields; do
                        [ "${fields[0]}" = "$lab" ] && [ "${fields[1]}" = "$3" ] || continue
                        echo "${fields[$at]}"
                        return 0
                done
        } < "$1"
        return 1
}

# cost_weight PATTERN: the cycles costs.txt gives a pattern (first match)
cost_weight() {
        awk -v p="$1" '$1 == p { print $2; exit }' "${COSTS:-$COSTS_TXT}"
}

# Lab B returns from getpid with SYSRET where lab A used IRET, and the model
# says so: B's entry path is cheaper by the IRET-SYSRET weight, less what
# B's extra instructions (one cycle each) add back. Lab A's figures are the
# reference's (grading/reference.tsv), so that a student's unfinished lab A
# never costs points in lab B. Labs are compared on their entry paths alone
# (make bench's entry and entry_cycles, grading/lib/bench): the syscalls'
# own work, which the GCC that built the kernel changes by thousands of
# instructions on fork or execve, is left out of both. For lab files:
#   check_sysret_beats_iret 01 02
check_sysret_beats_iret() {
        require_boot
        local tsv=$BATS_TEST_TMPDIR/bench-$2.tsv a b ca cb ta tb w extra
        lab_bench_tsv "$tsv" "$2"
        a=$(bench_field "$REFERENCE_TSV" "$1" getpid exit) b=$(bench_field "$tsv" "$2" getpid exit)
        assert_equal "reference lab $1 exit: $a" "reference lab $1 exit: iretq"
        assert_equal "lab $2 exit: $b" "lab $2 exit: sysretq"
        ca=$(bench_field "$REFERENCE_TSV" "$1" getpid entry_cycles) cb=$(bench_field "$tsv" "$2" getpid entry_cycles)
        ta=$(bench_field "$REFERENCE_TSV" "$1" getpid entry) tb=$(bench_field "$tsv" "$2" getpid entry)
        w=$(( $(cost_weight iretq) - $(cost_weight sysretq) ))
        extra=$(( tb > ta ? tb - ta : 0 ))
        (( ca - cb >= w - extra )) ||
                fail "getpid's entry path: reference lab $1 $ca cycles, lab $2 $cb: expected lab $2 cheaper by >= $w - $extra"
}

# entry_vs_reference NN OTHER fewer|more COLUMN PATH...: on each PATH, lab
# NN's entry path is below (fewer) or above (more) the reference lab
# OTHER's on make bench's COLUMN: entry (instructions per round trip) or
# entry_cycles (modelled cycles). The syscall's own work is left out, since
# the GCC that built the kernel changes it, and the reference's figures come
# from grading/reference.tsv, so that a student's own lab OTHER does not
# matter. Both labs' figures in both units are printed beside.
entry_vs_reference() {
        local lab=$1 other=$2 way=$3 column=$4 tsv=$BATS_TEST_TMPDIR/bench-$1.tsv p mine theirs costs
        shift 4
        lab_bench_tsv "$tsv" "$lab"
        for p in "$@"; do
                mine=$(bench_field "$tsv" "$lab" "$p" "$column") theirs=$(bench_field "$REFERENCE_TSV" "$other" "$p" "$column") ||
                        fail "no $p figure for lab $other in grading/reference.tsv"
                echo "$p, the entry path: lab $other $(bench_field "$REFERENCE_TSV" "$other" "$p" entry) instructions," \
                        "$(bench_field "$REFERENCE_TSV" "$other" "$p" entry_cycles) cycles;" \
                        "lab $lab $(bench_field "$tsv" "$lab" "$p" entry) instructions, $(bench_field "$tsv" "$lab" "$p" entry_cycles) cycles"
                [[ $mine =~ ^[0-9]+$ ]] || fail "lab $lab, $p: no figure ($mine)"
                case $column in
                entry) costs="retires $mine instructions per round trip" ;;
                entry_cycles) costs="costs $mine modelled cycles" ;;
                esac
                case $way in
                fewer) (( mine < theirs )) || fail "$p: lab $lab's entry path $costs, lab $other's $theirs: expected fewer" ;;
                more) (( mine > theirs )) || fail "$p: lab $lab's entry path $costs, lab $other's $theirs: expected more" ;;
                esac
        done
}

# check_path_vs_reference NN OTHER fewer|more PATH...: entry-path
# instructions against the reference lab OTHER's
check_path_vs_reference() {
        require_boot
        entry_vs_reference "$1" "$2" "$3" entry "${@:4}"
}

# Every path the lab serves leaves by EXIT (iretq or sysretq):
#   exits_taken 01 iretq getpid exit-work fork execve
exits_taken() {
        local lab=$1 want=$2 tsv=$BATS_TEST_TMPDIR/bench-exit-$1.tsv p x
        shift 2
        bench_tsv "$tsv" "$lab"
        for p in "$@"; do
                x=$(bench_field "$tsv" "$lab" "$p" exit) || fail "no row for $p"
                [ "$x" = n/a ] && continue
                [[ $x =~ ^$want(\+$want)*$ ]] || fail "lab $lab, $p: exit $x, expected $want"
        done
}

# the checks here that make bench's table of their lab (two boots under
# the cost plugin), which may run ahead (entrylab.bash)
may_run_ahead check_sysret_beats_iret check_path_vs_reference
