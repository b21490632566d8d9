#!/usr/bin/env bats
# The catalogue of typical mistakes (grading/mistakes/, grading/lib/
# mistakes.bash): each one, planted in a copy of the reference, must make
# its lab's first FAILED message name it. Not graded; part of `make test`.
# Each lab's grading stops at its first failure (grade --first-failure).
load lib/entrylab
load lib/mistakes

# catalogue NN: every mistake of lab NN, one after the other in each
# lane's tree, the lanes side by side (in_lanes)
catalogue() {
        local report=$BATS_TEST_TMPDIR/report m mistakes=()
        # the mistakes are planted in the reference's solutions
        skip_in_student_tree
        lab_dir "$1" >/dev/null || skip "no lab $1"
        for m in "$ENTRYLAB_ROOT"/grading/mistakes/"$1"-*.sed; do
                [ -e "$m" ] && mistakes+=("$m")
        done
        [ ${#mistakes[@]} -gt 0 ] || skip "no mistakes catalogued for lab $1"
        in_lanes catalogue_lane "${mistakes[@]}" > "$report"
        [ ! -s "$report" ] || fail "$(cat "$report")"
}

# catalogue_lane LANE MISTAKE: the mistake checked in the lane's tree, a
# copy of the reference made at its first mistake
catalogue_lane() {
        local tree=$BATS_TEST_TMPDIR/tree$1
        [ -d "$tree" ] || tree_copy "$tree" --solved
        mistake_check "$2" "$tree"
}

@test "lab 01: the first failure names each catalogued mistake" { catalogue 01; }
@test "lab 02: the first failure names each catalogued mistake" { catalogue 02; }
@test "lab 03: the first failure names each catalogued mistake" { catalogue 03; }
@test "lab 04: the first failure names each catalogued mistake" { catalogue 04; }
@test "lab 05: the first failure names each catalogued mistake" { catalogue 05; }
@test "lab 06: the first failure names each catalogued mistake" { catalogue 06; }
