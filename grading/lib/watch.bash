# watch.bash - checks that each watch one program under GDB share one boot
# of all their programs and one GDB session: a session costs a boot and
# GDB's start (about half a second of CPU here) before a check does
# anything in it. Sourced by entrylab.bash.
#
# A lab file lists the watchers in PROGRAM_WATCHES, "WATCHER:PROGRAM" each,
# in the order they boot. The first check to ask makes the session
# (session_once), and each reads its own part, from its "WATCH
# WATCHER:PROGRAM" line to the next one. A watcher not listed gets a
# session of its own, the same way.
#
# A stop that never comes (a student's kernel that never gets there) must
# cost only its own check. So GDB counts the programs init starts ($prog,
# at each fork of pid 1). It stops GDB where init starts a watcher's
# program, which arms the watcher's breakpoints then, held to that program,
# and where init starts the next program, which ends the watcher: the next
# one still sees its whole program.
#   watch_WATCHER NN I PROGRAM: the GDB commands of WATCHER for program
#   number I (from 1). They start with watch_arm, make further breakpoints
#   held to the program with watch_break, go on to each further stop with
#   watch_continue, end with watch_end, and delete only the breakpoints
#   they made.

# WATCH_ENDED: GDB's test, after a continue, that the watched program has
# ended: GDB stopped where init (pid 1) starts the next one. Not $prog:
# after a continue inside an if block, GDB runs the counting breakpoint's
# commands only once the whole block is done.
WATCH_ENDED='$prog > $watching || cpu_data.current_task->pid == 1'

# watched NN WATCHER PROGRAM: $output = what WATCHER printed for PROGRAM;
# WATCHED_SERIAL = the serial log of that boot
watched() {
        local dir=$BATS_FILE_TMPDIR/program-watches progs="$2:$3"
        if [[ " ${PROGRAM_WATCHES:-} " == *" $2:$3 "* ]]; then
                progs=$PROGRAM_WATCHES
                session_once "$dir" watch_session "$1" $progs
                output=$(< "$dir/out")
                WATCHED_SERIAL=$dir/qemu-gdb.out
        else
                output=$(watch_session "$1" "$2:$3") || true
                WATCHED_SERIAL=$BATS_TEST_TMPDIR/qemu-gdb.out
        fi
        watcher_part "$2:$3" "the session of $progs"
}

# watch_symbol VAR PROGRAM SYMBOL: VAR = SYMBOL's address in the user
# program; when it has none, the watcher's GDB part says so, and this fails
# (the watcher then makes no breakpoint)
watch_symbol() {
        local addr
        addr=$(symbol "$2" "$3") || { echo "printf \"no $3 in build/user/bin/$2\\n\""; return 1; }
        printf -v "$1" %s "$addr"
}

# watch_session NN WATCHER:PROGRAM...: one boot of the programs, each
# watcher in turn
watch_session() {
        local lab=$1 w i=0 programs=
        shift
        {
                echo delete
                printf '%s\n' 'set $prog = 0' 'set $watching = 0' \
                        'break sys_fork if cpu_data.current_task->pid == 1' \
                        commands silent 'set $prog = $prog + 1' 'if $prog < $watching' continue end end
                for w in "$@"; do
                        i=$((i + 1))
                        programs+=" ${w#*:}"
                        echo "printf \"WATCH $w\\n\""
                        "watch_${w%%:*}" "$lab" $i "${w#*:}"
                done
                printf '%s\n' kill quit
        } > "$BATS_TEST_TMPDIR/watch.gdb"
        gdb_session "$lab" "${programs# }" < "$BATS_TEST_TMPDIR/watch.gdb" 2>&1
}

# watch_arm I "FUNCTION [if CONDITION]" WHAT: program I's first stop, at
# FUNCTION (when CONDITION holds there); the commands after it run in an
# `else` that the watcher closes with `end`. When the program ends first,
# "ENDED before WHAT" is printed instead. $w is the stop's breakpoint, and
# every breakpoint the watcher makes after it has a higher number. It is
# set only once init has started program I (the count stops GDB there):
# armed during an earlier program, a breakpoint on a busy path (the IRET
# of every timer tick) would stop GDB thousands of times for nothing.
watch_arm() {
        echo "set \$watching = $1"
        printf '%s\n' 'if $prog < $watching' continue end
        watch_break "$1" "$2"
        echo 'set $w = $bpnum'
        watch_continue "$3"
}

# watch_break I "FUNCTION [if CONDITION]": a breakpoint held to program I
watch_break() {
        local fn=${2%% if *} cond=
        [[ $2 != *" if "* ]] || cond=" && (${2#* if })"
        echo "break $fn if \$prog == $1$cond"
}

# watch_continue WHAT [COMMAND]: on to the watcher's next stop (continue,
# or COMMAND: finish_at_caller); when its program ends first, its
# breakpoints go and "ENDED before WHAT" is printed, else the commands
# after it run in an `else` (watch_end closes it)
watch_continue() {
        printf '%s\n' "${2:-continue}" "if $WATCH_ENDED" 'delete $w-$bpnum' "printf \"ENDED before $1\\n\"" else
}

# watch_end N: the watcher's breakpoints deleted, its N stops closed
watch_end() {
        local i
        echo 'delete $w-$bpnum'
        for ((i = 0; i < $1; i++)); do echo end; done
}

# watcher_part NAME WHERE: $output, a session of several watchers, cut to
# what watcher NAME printed: from its "WATCH NAME" line to the next one
watcher_part() {
        local rest=${output#*"WATCH $1"$'\n'}
        [ "$rest" != "$output" ] || fail "GDB never came to watcher $1 in $2: $(gdb_last 3)"
        output=${rest%%WATCH *}
}
