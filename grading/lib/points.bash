# points.bash - what a graded test is worth: the number in brackets at the
# start of its name, "[5] ...". Sourced by grade and class.

# points_in FILE: "points<TAB>name" of every @test in a bats file, so that a
# test that never reported (bats died, setup_file failed) still counts as lost
points_in() {
        sed -n 's/^[[:space:]]*@test[[:space:]]*"\(\[\([0-9]*\)\][^"]*\)".*/\2\t\1/p' "$1"
}
