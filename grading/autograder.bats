#!/usr/bin/env bats
# make autograder and its run_autograder, against a fake Gradescope root
# (AUTOGRADER_ROOT): what a submission can and cannot change. Grades lab 01
# only (LABS=01), to stay short. Not graded; part of `make test`.
load lib/entrylab

# fake_root DIR: the unpacked zip in DIR/source, with the common objects
# setup.sh would have built (copied with their times, so make reuses them),
# and a tiny hidden test
fake_root() {
        mkdir -p "$1/source" "$1/submission" "$1/results"
        cp -a "$ENTRYLAB_ROOT/build/autograder/." "$1/source/"
        mkdir -p "$1/source/build" "$1/source/grading/hidden"
        cp -a "$ENTRYLAB_ROOT"/build/{include,kernel,user} "$1/source/build/"
        printf '@test "[3] a hidden check" {\n\ttrue\n}\n' > "$1/source/grading/hidden/lab01.bats"
}

# grade_fake DIR: run_autograder as Gradescope would, output in DIR.out
grade_fake() {
        AUTOGRADER_ROOT=$1 LABS=01 "$1/source/run_autograder" > "$1.out" 2>&1 < /dev/null 3>&-
}

setup_file() {
        make -s -C "$ENTRYLAB_ROOT" autograder > "$BATS_FILE_TMPDIR/make.out" 2>&1 || return 0
        # the fake roots where run_autograder's unprivileged build can reach
        # them, as it reaches /autograder (bats' own folders are private)
        ROOTS=$(mktemp -d /tmp/entrylab-autograder.XXXXXX)
        chmod 755 "$ROOTS"
        export ROOTS
        # the reference labs, one folder down, with a rigged copy of the
        # tests and the Makefile beside them
        local good=$ROOTS/good
        fake_root "$good"
        mkdir -p "$good/submission/entrylab/grading"
        cp -R "$ENTRYLAB_ROOT/labs" "$good/submission/entrylab/"
        printf '@test "[100] rigged" {\n\tfalse\n}\n' > "$good/submission/entrylab/grading/lab01.bats"
        printf 'build grade:\n\t@echo rigged\n' > "$good/submission/entrylab/Makefile"
        grade_fake "$good"
        # lab 01 with a compile error
        local bad=$ROOTS/bad
        fake_root "$bad"
        cp -R "$ENTRYLAB_ROOT/labs" "$bad/submission/"
        echo 'this is not C;' >> "$bad/submission/labs/01-iret-only/syscall.c"
        grade_fake "$bad"
        # lab 01 that takes the reference's entry code by a link, and the
        # hidden tests by an include (their path is no secret)
        local sly=$ROOTS/sly
        fake_root "$sly"
        cp -R "$ENTRYLAB_ROOT/labs" "$sly/submission/"
        ln -sf "$ENTRYLAB_ROOT/labs/01-iret-only/entry_64.asm" "$sly/submission/labs/01-iret-only/entry_64.asm"
        # a name make's recipes would hand the shell as a command
        touch "$sly/submission/labs/01-iret-only/z;touch\${IFS}PLANTED;.c"
        echo "#include \"$sly/source/grading/hidden/lab01.bats\"" >> "$sly/submission/labs/01-iret-only/syscall.c"
        grade_fake "$sly"
        # lab 01 whose build never ends: a file that includes itself twice
        local bomb=$ROOTS/bomb
        fake_root "$bomb"
        cp -R "$ENTRYLAB_ROOT/labs" "$bomb/submission/"
        printf '#if __INCLUDE_LEVEL__ < 40\n#include "bomb.c"\n#include "bomb.c"\n#endif\n' \
                > "$bomb/submission/labs/01-iret-only/bomb.c"
        ENTRYLAB_BUILD_TIMEOUT=5 grade_fake "$bomb"
}

teardown_file() {
        [ -z "${ROOTS:-}" ] || rm -rf "$ROOTS"
}

@test "make autograder writes a zip with setup.sh and run_autograder at its top" {
        [ -s "$ENTRYLAB_ROOT/build/autograder.zip" ] || fail "no zip: $(cat "$BATS_FILE_TMPDIR/make.out")"
        run zip -sf "$ENTRYLAB_ROOT/build/autograder.zip"
        assert_line "  setup.sh"
        assert_line "  run_autograder"
        assert_line "  grading/grade"
        refute_line --regexp '^  build/'
}

@test "AUTOGRADER_LABS takes numbers or folder names, as LAB does; anything else is one line" {
        run make -s -C "$ENTRYLAB_ROOT" autograder AUTOGRADER_LABS="07" BUILD="$BATS_TEST_TMPDIR/b" 3>&-
        assert_failure
        assert_line --index 0 --partial "entrylab: unknown AUTOGRADER_LABS=07; choose one or more of:"
        [ ! -e "$BATS_TEST_TMPDIR/b/autograder.zip" ] || fail "a zip was written"
        run make -s -C "$ENTRYLAB_ROOT" autograder AUTOGRADER_LABS="02-sysret-fastpath 01" BUILD="$BATS_TEST_TMPDIR/b" 3>&-
        assert_success
        assert_equal "$(< "$BATS_TEST_TMPDIR/b/autograder/autograder-labs")" "01 02"
}

@test "the zip holds the handout and the hidden tests: no solution, no answers, no catalogue of mistakes" {
        [ -s "$ENTRYLAB_ROOT/build/autograder.zip" ] || fail "no zip: $(cat "$BATS_FILE_TMPDIR/make.out")"
        git -C "$ENTRYLAB_ROOT" grep -q -e '--- solution ---' -- labs || skip "a student tree: it has no solutions to keep out"
        run zip -sf "$ENTRYLAB_ROOT/build/autograder.zip"
        refute_output --partial "ANSWERS.md"
        refute_output --partial "grading/mistakes/"
        local lab file
        for lab in "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/; do
                for file in "$lab"*.c "$lab"*.asm; do
                        [ -f "$file" ] || continue
                        # (the tree the zip was made of: no unzip needed)
                        run cat "$ENTRYLAB_ROOT/build/autograder/labs/${file#"$ENTRYLAB_ROOT"/labs/}"
                        assert_success
                        refute_output --partial -- "--- solution ---"
                done
        done
}

@test "a submission reads neither a solution nor the hidden tests: links are left out, the build cannot read them" {
        [ "$(id -u)" = 0 ] || skip "needs root, as Gradescope runs run_autograder: it builds as nobody"
        local json=$ROOTS/sly/results/results.json
        [ -s "$json" ] || fail "no results.json: $(tail -n 20 "$ROOTS/sly.out")"
        run cat "$ROOTS/sly.out"
        assert_line "autograder: labs/01-iret-only/entry_64.asm is a symbolic link: left out"
        assert_line --regexp '^autograder: labs/01-iret-only/z.*PLANTED.*: a name of other characters than letters, digits and _\.\+-: left out$'
        run find "$ROOTS/sly" -name PLANTED
        assert_output ""
        # and the student reads why, at the top of the summary
        run jq -r .output "$json"
        assert_line "autograder: labs/01-iret-only/entry_64.asm is a symbolic link: left out"
        run jq -r '.score' "$json"
        assert_output 0
        run jq -r '.tests[0].output' "$json"
        assert_output --partial "Permission denied"
        # the hidden test's text is nowhere a student sees
        run jq -r '.output, (.tests[] | select(.visibility == "visible") | .name, .output)' "$json"
        refute_output --partial "a hidden check"
        refute_output --partial "true"
}

@test "the reference labs get full marks; the score is the sum of the tests" {
        local json=$ROOTS/good/results/results.json
        [ -s "$json" ] || fail "no results.json: $(tail -n 20 "$ROOTS/good.out")"
        run jq -r '[.score, ([.tests[].score] | add), ([.tests[].max_score] | add), (.tests | length)] | @tsv' "$json"
        local score sum max n
        read -r score sum max n <<< "$output"
        [ "$n" -gt 10 ] || fail "only $n tests in results.json"
        [ "$score" = "$sum" ] || fail "score $score, but the tests add up to $sum"
        [ "$score" = "$max" ] || fail "the reference scored $score/$max: $(jq -r '.tests[] | select(.score < .max_score) | .name' "$json")"
}

@test "hidden tests count and are marked after_published; the others are visible" {
        local json=$ROOTS/good/results/results.json
        run jq -r '.tests[] | select(.name | test("hidden check")) | "\(.score) \(.max_score) \(.visibility)"' "$json"
        assert_output "3 3 after_published"
        run jq -r '[.tests[] | select(.name | test("hidden check") | not) | .visibility] | unique | join(",")' "$json"
        assert_output "visible"
        # before the grades are published, neither the summary nor stdout
        # (which lists every test) gives the hidden ones away
        run jq -r '"\(.stdout_visibility) \(.output)"' "$json"
        assert_output --regexp '^after_published visible tests: ([0-9]+)/\1; the hidden tests are shown when the grades are published$'
        run jq -r '.score' "$json"
        [ "$output" = "$(jq '[.tests[].score] | add' "$json")" ] || fail "score $output is not the sum of every test's"
}

@test "files outside labs/ in a submission change nothing (its own grading/ and Makefile are ignored)" {
        local json=$ROOTS/good/results/results.json
        run jq -r '.tests[].name' "$json"
        refute_output --partial "rigged"
        run grep -c rigged "$ROOTS/good.out"
        assert_output 0
}

@test "a submission that does not build scores 0, and each test says why" {
        local json=$ROOTS/bad/results/results.json
        [ -s "$json" ] || fail "no results.json: $(tail -n 20 "$ROOTS/bad.out")"
        run jq -r '[.score, ([.tests[].score] | add), (.tests | length)] | @tsv' "$json"
        local score sum n
        read -r score sum n <<< "$output"
        [ "$score" = 0 ] && [ "$sum" = 0 ] && [ "$n" -gt 10 ] || fail "score $score, sum $sum, $n tests"
        run jq -r '.tests[0].output' "$json"
        assert_output --partial "lab 01 does not build"
        assert_output --partial "syscall.c"
        assert_output --partial "error"
}

@test "an upload without labs/ gets score 0 and a one-line reason" {
        local dir=$BATS_TEST_TMPDIR/empty
        mkdir -p "$dir/source" "$dir/submission"
        cp -a "$ENTRYLAB_ROOT/build/autograder/." "$dir/source/"
        touch "$dir/submission/README.txt"
        AUTOGRADER_ROOT=$dir run "$dir/source/run_autograder"
        assert_output --partial "no labs/ folder"
        run jq -r '"\(.score) \(.output)"' "$dir/results/results.json"
        assert_output --partial "0 the submission has no labs/ folder"
        # a labs/ that is a link (to the kit's own, on an instructor's machine)
        # is no labs/ folder either
        rm -rf "$dir/results" "$dir/submission"/*
        ln -s "$ENTRYLAB_ROOT/labs" "$dir/submission/labs"
        AUTOGRADER_ROOT=$dir run "$dir/source/run_autograder"
        assert_output --partial "no labs/ folder"
}

@test "make grade-class grades each folder as the autograder does: one line a student, and scores.tsv" {
        # the uploads above: the reference one folder down (with a rigged
        # grading/ and Makefile), a compile error, and no labs/ at all
        local class=$BATS_TEST_TMPDIR/class
        mkdir -p "$class/empty"
        cp -R "$ROOTS/good/submission" "$class/alice"
        cp -R "$ROOTS/bad/submission" "$class/bob"
        touch "$class/empty/README.txt"
        # a file beside the folders, as in Gradescope's export
        touch "$class/submission_metadata.yml"
        # a student of the last run, not in this one: their files go
        mkdir -p "$ENTRYLAB_ROOT/build/class"
        printf 'name\tscore\tmax\tlabs\ncarol\t0\t0\tnot graded\n' > "$ENTRYLAB_ROOT/build/class/scores.tsv"
        touch "$ENTRYLAB_ROOT/build/class/carol.json" "$ENTRYLAB_ROOT/build/class/carol.log"
        run make -s -C "$ENTRYLAB_ROOT" grade-class LAB=01 SUBMISSIONS="$class/*" 3>&-
        assert_success
        assert_line "class: $class/submission_metadata.yml is not a folder: left out"
        assert_line --regexp '^alice: 100/100  \(01 100/100\)$'
        assert_line --regexp '^bob: 0/100  \(01 0/100\)$'
        # and why
        assert_line "  labs/01-iret-only does not build"
        [ ! -e "$ENTRYLAB_ROOT/build/class/carol.json" ] && [ ! -e "$ENTRYLAB_ROOT/build/class/carol.log" ] ||
                fail "the last run's carol.json or carol.log is still there"
        assert_line "empty: 0: the submission has no labs/ folder: upload the kit's labs/ folder (or the whole repository, or a zip of it)"
        refute_output --partial rigged
        run cut -f1-3 "$ENTRYLAB_ROOT/build/class/scores.tsv"
        assert_output "$(printf 'name\tscore\tmax\nalice\t100\t100\nbob\t0\t100\nempty\t0\t100')"
        run jq -r .score "$ENTRYLAB_ROOT/build/class/alice.json"
        assert_output 100
}

@test "a build that never ends is stopped at its bound, and its lab scores 0 with the reason" {
        local json=$ROOTS/bomb/results/results.json
        [ -s "$json" ] || fail "no results.json: $(tail -n 20 "$ROOTS/bomb.out")"
        run cat "$ROOTS/bomb.out"
        assert_line "autograder: labs/01-iret-only did not build within 5 s"
        run jq -r '"\(.score) \(.tests[0].output)"' "$json"
        assert_output --partial "0 lab 01 does not build"
        assert_output --partial "took more than 5 s: stopped"
}
