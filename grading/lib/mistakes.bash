# mistakes.bash - the catalogue of typical mistakes (grading/mistakes/):
# each one a sed script planted in a copy of the reference, with the words
# the first FAILED message of its lab's grading must contain.
#
# A mistake file, grading/mistakes/NN-name.sed:
#
#   # what the student did, in one line
#   # file: labs/01-iret-only/entry_64.asm
#   # expect: pt_regs->bx = 0x5a5a5a5a00000b01, which is the user's rbp
#   s/.../.../
#
# (one or more "expect:" lines, all required; sed -E syntax. A mistake that
# spans files has a "file:" line for each: the script is applied to each,
# and must change each.)

source "$ENTRYLAB_ROOT/grading/lib/jobs.bash"     # grade_jobs

# tree_copy DEST [handout options]: a tree to change (from TREE_SRC, default
# the reference), with the reference's
# build/ copied in so that make rebuilds only what the change touched
tree_copy() {
        local dest=$1
        shift
        "$ENTRYLAB_ROOT/grading/handout" "$@" "${TREE_SRC:-$ENTRYLAB_ROOT}" "$dest" >/dev/null || return 1
        mkdir -p "$dest/build"
        tar -C "$ENTRYLAB_ROOT/build" --exclude=./handout --exclude=./grade --exclude=./tmp -cf - . |
                tar -C "$dest/build" -xf -
}

# mistake_field FILE KEY: the values of "# KEY: value" lines, one a line
mistake_field() {
        sed -n "s/^# $2: //p" "$1"
}

# mistake_first_failure TREE NN: the first FAILED test of the lab's grading
# in TREE, with its message (grade stops there)
mistake_first_failure() {
        (cd "$1" && grading/grade --first-failure "$2" 3>&- </dev/null) |
                awk '/^  FAILED / { if (seen) exit; seen = 1 } seen'
}

# mistake_check MISTAKE TREE: plant the mistake in TREE (a copy of the
# reference whose sources are put back first), build, grade until the
# first failure; prints what is wrong, nothing when the message names it
mistake_check() {
        local m=$1 tree=$2 files file nn first word
        nn=$(basename "$m" | cut -c1-2)
        files=$(mistake_field "$m" file)
        [ -n "$files" ] || { echo "$(basename "$m"): no '# file:' line"; return; }
        for file in $files; do
                [ -f "$tree/$file" ] || { echo "$(basename "$m"): no file '$file'"; return; }
                cp "$ENTRYLAB_ROOT/$file" "$tree/$file"
                sed -E -i -f "$m" "$tree/$file"
                if cmp -s "$ENTRYLAB_ROOT/$file" "$tree/$file"; then
                        echo "$(basename "$m"): the sed script changed nothing in $file"
                        first=none
                fi
        done
        if [ "${first:-}" = none ]; then
                :
        elif ! make -s -C "$tree" build >/dev/null 2>&1 3>&-; then
                echo "$(basename "$m"): the mistaken lab does not build"
        else
                first=$(mistake_first_failure "$tree" "$nn")
                while read -r word; do
                        [[ $first == *"$word"* ]] && continue
                        echo "$(basename "$m"): the first failure does not say '$word':"
                        echo "${first:-  (no test failed)}" | head -n 12
                        break
                done < <(mistake_field "$m" expect)
        fi
        for file in $files; do
                cp "$ENTRYLAB_ROOT/$file" "$tree/$file"
        done
}

# exercise_option TREE NAME FILE NN: an extension exercise names the build
# option that turns it on (lab 06's checks in C); set it in TREE's config of
# lab NN, so that the exercise is graded with it. Fails, saying so, when
# the config has no line for the option.
exercise_option() {
        local option config
        option=$(sed -n "/>>> exercise: $2\\b/,/--- s/p" "$ENTRYLAB_ROOT/$3" |
                grep -o "CONFIG_[A-Z0-9_]*=y" | head -1)
        [ -n "$option" ] || return 0
        config=$(echo "$1/labs/$4"-*/config)
        sed -i "s/^# *$option\$/$option/" "$config"
        grep -qx "$option" "$config" || { echo "exercise $2: no $option line in $config" >&2; return 1; }
}

# in_lanes FUNC ITEM...: FUNC LANE ITEM for every ITEM, in lanes side by
# side, one per core (grade_jobs: as few as a cgroup's CPU quota and
# memory allow; at most 4; ENTRYLAB_LANES): lane L takes items L,
# L + lanes, ... in order, each lane in a tree of its own (FUNC's to make),
# its GDB ports in a band of their own (ENTRYLAB_LANE, free_port). Prints
# what each lane printed, lane after lane. The self-tests that grade many
# copies of a lab used to keep one core busy and the other idle.
in_lanes() {
        local fn=$1 n lane dir=$BATS_TEST_TMPDIR/lanes
        shift
        n=${ENTRYLAB_LANES:-$(grade_jobs)}
        (( n > 4 )) && n=4
        (( n > $# )) && n=$#
        (( n < 1 )) && n=1
        mkdir -p "$dir"
        for ((lane = 0; lane < n; lane++)); do
                (
                        # bats' errexit must not end a lane at a failed item
                        set +e
                        export ENTRYLAB_LANE=$lane
                        items=("$@")
                        for ((i = lane; i < ${#items[@]}; i += n)); do
                                "$fn" "$lane" "${items[$i]}"
                        done
                ) > "$dir/$lane" 2>&1 </dev/null 3>&- &
        done
        wait
        for ((lane = 0; lane < n; lane++)); do
                cat "$dir/$lane"
        done
}
