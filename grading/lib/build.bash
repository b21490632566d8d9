# build.bash - build_lab ROOT LAB: a lab's kernel, built as make builds it,
# for the commands that show several labs at once (grade, and bench's
# history, diff and table). Sourced by grading/grade and grading/lib/bench.
#
# Only when it is missing or older than its sources: graded or measured as
# it stands, it would not be what the lab's sources say. A lab that does
# not build keeps the compiler's message in build/LAB.log and loses its
# kernel.elf (make leaves the old one when a compile fails), so that no
# caller can mistake the last good build for this one; the caller names it
# and goes on with the other labs. One lab at a time: the labs share the
# user programs' build. Fails when the lab has no kernel now. (MAKEFLAGS
# emptied: a make -jN that ran the caller as a plain command lends it no
# jobserver, and its make would warn.)
build_lab() {
        local root=$1 lab=$2
        [ -d "$root/labs/$lab" ] || return 1
        MAKEFLAGS= make -q -s -C "$root" "build/$lab/kernel.elf" 2>/dev/null < /dev/null && return 0
        if [ -f "$root/build/$lab/kernel.elf" ]; then
                echo "lab ${lab%%-*}: build/$lab/kernel.elf is older than its sources: building it"
        else
                echo "lab ${lab%%-*}: building build/$lab/kernel.elf"
        fi
        mkdir -p "$root/build"
        MAKEFLAGS= make -k -s -C "$root" "build/$lab/kernel.elf" > "$root/build/$lab.log" 2>&1 < /dev/null 3>&- && return 0
        rm -f "$root/build/$lab/kernel.elf"
        return 1
}

# build_error ROOT LAB: the compiler's first complaint of a lab that did not
# build, in one line (for a table's footnote; build/LAB.log has them all)
build_error() {
        local line
        line=$(grep -m1 -E 'error|Error|undefined' "$1/build/$2.log" 2>/dev/null) ||
                line="no build/$2/kernel.elf"
        echo "${line:0:160}"
}
