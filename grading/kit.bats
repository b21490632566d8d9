#!/usr/bin/env bats
# The kit itself, as its users meet it: commands, bad input, the harness's
# verdicts. Not graded; part of `make test`.
load lib/entrylab
load lib/libc
load lib/mistakes             # tree_copy

MAKE_="make -s -C $ENTRYLAB_ROOT"

# without TOOL: a PATH holding every command of this machine but that one
path_without() {
        local dir=$BATS_TEST_TMPDIR/bin
        mkdir -p "$dir"
        # one ln for all: the last link of a name wins, so the directories go
        # in reverse PATH order (a machine has thousands of commands)
        ln -sf /sbin/* /usr/sbin/* /bin/* /usr/bin/* /usr/local/bin/* "$dir"/ 2>/dev/null
        rm -f "$dir/$1"
        echo "$dir"
}

# last_lab: the NN of the highest lab in the tree (a handout holds labs
# 01 .. NN only)
last_lab() {
        local d
        for d in "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*; do :; done
        d=$(basename "$d"); echo "${d:0:2}"
}

# a stand-in for QEMU that writes $1 to the serial file and exits with $2
fake_qemu() {
        local fake=$BATS_TEST_TMPDIR/fake-qemu
        cat > "$fake" <<FAKE
#!/usr/bin/env bash
for a in "\$@"; do case \$a in file:*) printf '$1' > "\${a#file:}" ;; esac; done
exit $2
FAKE
        chmod +x "$fake"
        echo "$fake"
}

@test "make help lists every command, one line each" {
        run $MAKE_ help
        assert_success
        for t in "make " "make run" "make qemu " "make qemu-gdb" "make gdb" "make test"; do
                assert_output --partial "  $t"
        done
}

@test "the kit stands alone: no tracked file points at the design notes or seeds outside the repository" {
        # students clone the repository alone: every fact they need is in docs/
        git -C "$ENTRYLAB_ROOT" rev-parse --git-dir >/dev/null 2>&1 || skip "not a git checkout"
        local s=shared
        run git -C "$ENTRYLAB_ROOT" grep -n -I -e "\.\./$s" -e "$s/design" -e "$s/seeds"
        [ "$status" -eq 1 ] || fail "files point at notes students do not have: $output"
}

@test "an unknown LAB is one line naming the valid choices" {
        for bad in 9 1 07 xx 01-iret; do
                run $MAKE_ run LAB=$bad
                assert_failure
                assert_equal "${#lines[@]}" 1
                assert_output --partial "unknown LAB=$bad; choose one of: 01"
        done
}

@test "a TIMEOUT or SYSCALL the kit does not take is one line naming it" {
        for bad in abc 0 -3 1e3; do
                run $MAKE_ run LAB=01 TIMEOUT=$bad
                assert_failure
                assert_equal "${lines[0]}" "entrylab: TIMEOUT=$bad is not a number of seconds"
                # and make's own line that the recipe failed
                assert_equal "${#lines[@]}" 2
                assert_line --index 1 --regexp '^make: \*\*\* .*run.* Error'
        done
        for bad in "" nosuch exit_work; do
                run $MAKE_ trace LAB=01 SYSCALL=$bad
                assert_failure
                assert_line --index 0 --partial "entrylab: trace: SYSCALL takes a path of make bench's: getpid, exit-work"
                assert_equal "${#lines[@]}" 2
        done
}

@test "LAB takes the number or the folder name" {
        run $MAKE_ run LAB=01-iret-only ARGS=demo
        assert_success
        assert_output --partial "entrylab: lab 01-iret-only"
}

@test "a missing nasm is one line with the apt-get command" {
        run env PATH="$(path_without nasm)" ENTRYLAB_NO_INSTALL=1 make -s -C "$ENTRYLAB_ROOT" build
        assert_failure
        assert_equal "${#lines[@]}" 1
        assert_output --partial "entrylab: missing nasm; install with: sudo apt-get install -y nasm"
}

@test "a missing qemu-system-x86_64 is one line with the apt-get command" {
        run env PATH="$(path_without qemu-system-x86_64)" ENTRYLAB_NO_INSTALL=1 make -s -C "$ENTRYLAB_ROOT" run LAB=01
        assert_failure
        assert_equal "${#lines[@]}" 1
        assert_output --partial "missing qemu-system-x86_64; install with: sudo apt-get install -y qemu-system-x86"
}

@test "make run prints the demo and a cost line, and the same bytes every time" {
        run $MAKE_ run LAB=01
        assert_success
        local first=$output
        assert_output --partial "demo: fork() ="
        assert_output --regexp "bench: getpid +[0-9]+\.[0-9]"
        assert_output --partial "entrylab: lab 01-iret-only: all well"
        # then the whole history: every path, every lab here, cycles and exit
        local p history=path
        for p in $(lab_numbers); do
                history+=" +lab $p"
        done
        assert_output --regexp "$history"
        for p in getpid exit-work traced seccomp fork execve signal iopl; do
                assert_line --regexp "^$p +[0-9]+ (iretq|sysretq)"
        done
        run $MAKE_ run LAB=01
        assert_equal "$output" "$first"
}

@test "a failing program makes make run fail, naming it" {
        run $MAKE_ run LAB=01 ARGS="nonexistent demo"
        assert_failure
        assert_output --partial "init: cannot run /bin/nonexistent: error -2"
        assert_output --partial "demo: getpid()"                # the rest still ran
        assert_output --partial "a program failed (init exited non-zero)"
}

@test "a bench path that fails makes make run fail, naming it" {
        skip_in_student_tree
        # lab 02 without its work-mask test: every syscall leaves by SYSRET,
        # so no signal handler ever runs
        local tree=$BATS_TEST_TMPDIR/nomask
        tree_as_is "$tree"
        sed -i -f "$PLANTED/02-no-work-mask.sed" "$tree/labs/02-sysret-fastpath/entry_64.asm"
        ! grep -q "_TIF_ALLWORK_MASK$" "$tree/labs/02-sysret-fastpath/entry_64.asm" || fail "the mask test is still there"
        run make -s -C "$tree" run LAB=02 3>&-
        assert_failure
        assert_output --partial "bench: signal: FAILED: 0 of 5 handlers ran"
        assert_output --partial "a program failed (init exited non-zero)"
        refute_output --partial "all well"
}

@test "lab 02's bug hunt: the figure its README gives is what a stray bit 12 costs under 3.13's mask" {
        skip_in_student_tree
        skip_unless_reference_gcc "lab 02's README"
        local tree=$BATS_TEST_TMPDIR/bughunt want got
        want=$(grep -o "bench's getpid line reads [0-9]*" "$ENTRYLAB_ROOT/labs/02-sysret-fastpath/README.md" |
                grep -o '[0-9]*$')
        [ -n "$want" ] || fail "no figure in lab 02's README"
        tree_as_is "$tree"
        sed -i -f "$PLANTED/02-mask-3.13.sed" "$tree/labs/02-sysret-fastpath/entry_64.asm"
        grep -q "0x1000feff" "$tree/labs/02-sysret-fastpath/entry_64.asm" || fail "the mask was not replaced"
        # the README's steps: BREAK=sys_getpid, set the bit, delete, continue
        # make qemu-gdb builds the edited lab first
        (ENTRYLAB_ROOT=$tree ENTRYLAB_GDB_VIA_MAKE=1; gdb_session 02 bench >/dev/null) <<'GDB'
delete
break sys_getpid
continue
set var cpu_data.current_task->thread_info.flags |= 1 << 12
delete
continue
GDB
        got=$(tr -d '\r' < "$BATS_TEST_TMPDIR/qemu-gdb.out" | awk '$1 == "bench:" && $2 == "getpid" { print $3 }')
        assert_equal "getpid ${got%.*}" "getpid $want"
}

# The figures a lab's README gives beside its commands, against what
# measures them: make trace's "N instructions, C cycles, EXIT" and make
# run's "bench: getpid X" against grading/reference.tsv (which bench.bats
# holds to the kernel), make grade's "T tests" against the lab's file.
@test "the figures beside make run, make trace and make grade in the labs' READMEs are the reference's and the grade's" {
        local readme lab nn line path want got n=0
        for readme in "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/README.md; do
                lab=$(basename "$(dirname "$readme")"); nn=${lab:0:2}
                while IFS= read -r line; do
                        n=$((n + 1))
                        case $line in
                        *"make trace LAB=$nn SYSCALL="*)
                                path=$(sed -E 's/.*SYSCALL=([a-z0-9-]+).*/\1/' <<< "$line")
                                want=$(sed -E 's/.*# *([0-9]+) instructions, ([0-9]+) cycles, ([a-z+]+).*/\1 \2 \3/' <<< "$line")
                                got=$(awk -F'\t' -v l="$lab" -v p="$path" '$1 == l && $2 == p { print $4, $7, $8 }' \
                                        "$ENTRYLAB_ROOT/grading/reference.tsv") ;;
                        *"make run LAB=$nn"*)
                                want=$(grep -oE 'bench: getpid [0-9.]+' <<< "$line")
                                got="bench: getpid $(awk -F'\t' -v l="$lab" '$1 == l && $2 == "getpid" { print $3 }' \
                                        "$ENTRYLAB_ROOT/grading/reference.tsv")" ;;
                        *"make grade LAB=$nn"*)
                                want=$(grep -oE '[0-9]+ tests' <<< "$line")
                                got="$(grep -c '^@test' "$ENTRYLAB_ROOT/grading/lab$nn.bats") tests" ;;
                        esac
                        [ "$want" = "$got" ] || fail "$lab/README.md: \"$line\": the figure is \"$want\", measured \"$got\""
                done < <(grep -E "make (run|trace|grade) LAB=$nn[^#]*# .*[0-9]" "$readme")
                # make run's history: "lab NN's column: C EXIT, ...", paths in
                # reference.tsv's order
                want=$(tr -s '\n ' '  ' < "$readme" | grep -oE "lab $nn's column: [^)]*" | sed 's/.*column: //' || true)
                [ -n "$want" ] || continue
                n=$((n + 1))
                got=$(awk -F'\t' -v l="$lab" '$1 == l { printf "%s%s %s", sep, $7, $8; sep = ", " }' \
                        "$ENTRYLAB_ROOT/grading/reference.tsv")
                [ "$want" = "$got" ] || fail "$lab/README.md: make run's history: the figures are \"$want\", measured \"$got\""
        done
        # labs 04 on give figures beside their commands; 01-03 none
        [ -n "$(lab_dir 04)" ] || skip "no lab here gives figures beside its commands"
        [ "$n" -gt 0 ] || fail "no figures found beside a command in lab 04's README or later"
        echo "$n figures checked"
}

# The cost tables of the labs' READMEs and answers, against
# grading/reference.tsv: a column headed "trip NN", "cycles NN" or "exit
# NN" holds that reference lab's figure, a column headed "NN" (the
# history) "cycles exit", and a "change" or "Δ" column the difference of
# the two before it. A row counts when its first cell is a path, alone or
# followed by a "(...)" gloss; bold marks are read through.
@test "the cost tables in the labs' READMEs and answers are grading/reference.tsv's" {
        local doc line cells=() head=() i h want got path n=0 nn
        local -A ref=()
        while IFS=$'\t' read -r lab path _ trip _ _ cycles exit _; do
                ref[${lab:0:2} $path trip]=$trip ref[${lab:0:2} $path cycles]=$cycles
                ref[${lab:0:2} $path exit]=$exit
        done < <(tail -n +2 "$ENTRYLAB_ROOT/grading/reference.tsv")
        for doc in "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/README.md "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/ANSWERS.md "$ENTRYLAB_ROOT"/README.md; do
                [ -f "$doc" ] || continue               # a handout has no answers
                head=()
                while IFS= read -r line; do
                        [[ $line == "|"* ]] || { head=(); continue; }
                        line=${line//\*\*/}
                        IFS='|' read -ra cells <<< "${line#|}"
                        for i in "${!cells[@]}"; do
                                cells[i]=${cells[i]#"${cells[i]%%[! ]*}"}
                                cells[i]=${cells[i]%"${cells[i]##*[! ]}"}
                        done
                        if [ "${cells[0]}" = path ]; then head=("${cells[@]}"); continue; fi
                        [ ${#head[@]} -gt 0 ] && [[ ${cells[0]} != -* ]] || continue
                        path=${cells[0]%% (*}
                        [ -n "${ref[01 $path trip]:-}" ] || continue
                        for i in "${!head[@]}"; do
                                h=${head[i]} want=${cells[i]:-}
                                if [[ $h =~ ^(trip|cycles|exit)\ ([0-9][0-9])$ ]]; then
                                        got=${ref[${BASH_REMATCH[2]} $path ${BASH_REMATCH[1]}]:-none}
                                elif [[ $h =~ ^[0-9][0-9]$ ]]; then
                                        got="${ref[$h $path cycles]:-none} ${ref[$h $path exit]:-none}"
                                elif [[ $h == change || $h == Δ ]] && ((i >= 3)) &&
                                     [[ ${cells[i - 1]} =~ ^[0-9]+$ && ${cells[i - 2]} =~ ^[0-9]+$ ]]; then
                                        got=$(( ${cells[i - 1]} - ${cells[i - 2]} ))
                                        ((got > 0)) && got=+$got
                                        want=${want/−/-}
                                else
                                        continue
                                fi
                                n=$((n + 1))
                                [ "$want" = "$got" ] ||
                                        fail "${doc#$ENTRYLAB_ROOT/}: $path, column \"$h\": the table says \"$want\", grading/reference.tsv \"$got\""
                        done
                done < "$doc"
        done
        [ "$n" -gt 100 ] || fail "only $n figures found in the tables"
        echo "$n figures checked"
}

# A handout sends students to tests by name ("[2] 04-push-and-clear: right
# after …"): each name a lab's README or answers quote, up to its "…", is
# the start of a test of that lab, with the same points.
@test "every test the labs' READMEs and answers quote by name exists, with those points" {
        local doc nn quote n=0 names bad=
        for doc in "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/README.md "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/ANSWERS.md; do
                [ -f "$doc" ] || continue
                nn=$(basename "$(dirname "$doc")" | cut -c1-2)
                names=$(sed -n 's/^@test "\(\[[0-9]*\] [^"]*\)".*/\1/p' "$ENTRYLAB_ROOT/grading/lab$nn.bats" | tr -s ' ')
                while IFS= read -r quote; do
                        n=$((n + 1))
                        awk -v q="$quote" 'index($0, q) == 1 { found = 1 } END { exit !found }' <<< "$names" ||
                                bad+="${doc#"$ENTRYLAB_ROOT"/}: no test \"$quote\""$'\n'
                done < <(tr '\n' ' ' < "$doc" | tr -s ' ' | grep -o '"\[[0-9]*\] [^"]*"' |
                        sed 's/^"//; s/"$//; s/ *…$//; s/ *\.\.\.$//')
        done
        [ -z "$bad" ] || fail "$bad"
        # labs 04 on quote tests by name; 01-03 (a handout of them) none
        [ -n "$(lab_dir 04)" ] || skip "no lab here quotes a test by name"
        [ "$n" -gt 0 ] || fail "no test quoted by name"
        echo "$n quotes checked"
}

@test "a kernel that hangs is called a hang within TIMEOUT of QEMU's CPU time" {
        run $MAKE_ run LAB=01 ARGS=spin TIMEOUT=3
        assert_failure
        assert_line --partial "entrylab: lab 01-iret-only: hang: no verdict within 3s of CPU time"
        # where it hung and in what, from QEMU's monitor (spin loops in user space)
        assert_line --regexp "hang: no verdict within 3s of CPU time; the CPU was in (.*, )?main\+0x[0-9a-f]+ \(common/user/bin/spin.c:[0-9]+\) in user space \([1-5] of 5 samples\).*, task spin\[[0-9]+\]"
}

# throttled_qemu SECONDS: an ENTRYLAB_QEMU that gets QEMU as little CPU as
# a heavily loaded machine would, for its first SECONDS: stopped, but for
# 0.02 s a second. It writes the boot's wall time, in ms, to qemu.wall.
throttled_qemu() {
        local q=$BATS_TEST_TMPDIR/throttled-qemu
        cat > "$q" <<Q
#!/usr/bin/env bash
start=\${EPOCHREALTIME/./}
qemu-system-x86_64 "\$@" &
qemu=\$!
for _ in \$(seq $1); do
        kill -STOP \$qemu 2>/dev/null
        sleep 0.98
        kill -CONT \$qemu 2>/dev/null
        sleep 0.02
done
wait \$qemu
status=\$?
echo \$(( (\${EPOCHREALTIME/./} - start) / 1000 )) > "$BATS_TEST_TMPDIR/qemu.wall"
exit \$status
Q
        chmod +x "$q"
        echo "$q"
}

@test "a boot that gets little CPU (a loaded machine) is judged by QEMU's CPU time, not called a hang" {
        # two rounds of four programs: more CPU than the throttle's slices
        # give in 5 s (0.1 s), less than the bound of 4 s of CPU on a
        # machine 2.5 times slower than one where they take 0.8 s
        ENTRYLAB_QEMU=$(throttled_qemu 5) run $MAKE_ run LAB=01 ARGS="forkwait exectest fault mmap forkwait exectest fault mmap" TIMEOUT=4
        assert_success
        assert_line --partial "entrylab: lab 01-iret-only: all well (init exited 0)"
        # what makes this a test: the boot outlasted its bound on the clock
        local wall
        wall=$(< "$BATS_TEST_TMPDIR/qemu.wall")
        [ "$wall" -gt 4000 ] || fail "the throttled boot took $wall ms, not longer than its bound of 4 s"
}

@test "a real triple fault is called a reset without a verdict" {
        # from GDB: unmap the #PF, #NP and #DF gates, then make the kernel
        # fault: #PF -> #NP -> #DF -> shutdown, which -no-reboot turns into exit
        run gdb_session 01 demo <<'GDB'
delete
break do_syscall_64
continue
set var idt[14].type = 0
set var idt[11].type = 0
set var idt[8].type = 0
set $rdi = 16
continue
quit
GDB
        run cat "$BATS_TEST_TMPDIR/qemu-gdb.out"
        assert_output --partial "entrylab: lab 01-iret-only: QEMU reset without a verdict (triple fault?)"
        refute_output --partial "KERNEL PANIC"
}

@test "a kill from GDB is called so, not a reset" {
        run gdb_session 01 demo <<'GDB'
kill
quit
GDB
        run cat "$BATS_TEST_TMPDIR/qemu-gdb.out"
        assert_output --partial "entrylab: lab 01-iret-only: ended from GDB (kill or quit), no verdict"
        refute_output --partial "triple fault"
}

@test "make gdb right after an edit waits for make qemu-gdb's build" {
        # a copy of the tree (sources and build), one source just edited
        local tree=$BATS_TEST_TMPDIR/edited port
        tree_as_is "$tree"
        touch "$tree/labs/01-iret-only/entry_64.asm"
        port=$(free_port)
        setsid make -s -C "$tree" qemu-gdb LAB=01 ARGS=demo GDBPORT="$port" TIMEOUT=60 \
                </dev/null >"$BATS_TEST_TMPDIR/qemu-gdb.out" 2>&1 3>&- &
        run timeout 90 make -s -C "$tree" gdb LAB=01 GDBPORT="$port" 3>&- <<'GDB'
info symbol $pc
kill
quit
GDB
        wait
        refute_output --partial "not in executable format"
        assert_output --partial "entry_SYSCALL_64 in section .text"
}

@test "make gdb on another lab's stub says so and leaves it waiting; a BREAK that names nothing leaves the kernel at its first instruction, where ptregs says so" {
        local port
        port=$(free_port)
        setsid make -s -C "$ENTRYLAB_ROOT" qemu-gdb LAB=01 ARGS=demo GDBPORT="$port" TIMEOUT=60 \
                </dev/null >"$BATS_TEST_TMPDIR/qemu-gdb.out" 2>&1 3>&- &
        run timeout 90 make -s -C "$ENTRYLAB_ROOT" gdb LAB=03 GDBPORT="$port" 3>&- < /dev/null
        assert_failure
        assert_line "entrylab: QEMU's stub runs another lab, not 03-partial-frame: give make gdb the LAB that make qemu-gdb was given (the stub still waits)"
        refute_output --partial "Breakpoint 1,"
        # the stub waited: the right lab finds the kernel at its reset vector
        run timeout 60 make -s -C "$ENTRYLAB_ROOT" gdb LAB=01 GDBPORT="$port" BREAK=entry_SYSCALL_46 3>&- <<'GDB'
printf "PC %#lx\n", $pc
ptregs
kill
quit
GDB
        wait
        assert_line 'Function "entry_SYSCALL_46" not defined.'
        assert_line "entrylab: BREAK set no breakpoint: the kernel waits at its first instruction; break where you meant, then continue"
        assert_line --partial "PC 0xfff0"
        assert_line --partial "paging is not on yet: the kernel has not started"
        refute_output --partial "all well"
}

@test "a second make gdb on a stub that already has one is told so in one line, and fails" {
        local port held=$BATS_TEST_TMPDIR/held first
        port=$(free_port)
        setsid make -s -C "$ENTRYLAB_ROOT" qemu-gdb LAB=01 ARGS=demo GDBPORT="$port" TIMEOUT=60 \
                </dev/null >"$BATS_TEST_TMPDIR/qemu-gdb.out" 2>&1 3>&- &
        # the first GDB, stopped at entry_SYSCALL_64, holds the stub until
        # the second has tried
        printf 'shell touch %s\nshell while [ -e %s ]; do sleep 0.1; done\nkill\nquit\n' "$held" "$held" \
                > "$BATS_TEST_TMPDIR/first.gdb"
        timeout 90 make -s -C "$ENTRYLAB_ROOT" gdb LAB=01 GDBPORT="$port" \
                < "$BATS_TEST_TMPDIR/first.gdb" > "$BATS_TEST_TMPDIR/first.out" 2>&1 3>&- &
        first=$!
        for _ in $(seq 600); do [ -e "$held" ] && break; sleep 0.1; done
        [ -e "$held" ] || { rm -f "$held"; fail "the first GDB never attached: $(cat "$BATS_TEST_TMPDIR/first.out")"; }
        run timeout 60 make -s -C "$ENTRYLAB_ROOT" gdb LAB=01 GDBPORT="$port" 3>&- < /dev/null
        rm -f "$held"
        wait "$first"
        wait
        assert_failure
        assert_line "entrylab: GDB did not attach to QEMU's stub at 127.0.0.1:$port (GDB's reason is above): QEMU serves one GDB at a time, so check that make qemu-gdb runs and that no other GDB is attached"
        refute_output --partial "cannot subscript"
        # the first session was not disturbed
        grep -q "Breakpoint 1, entry_SYSCALL_64" "$BATS_TEST_TMPDIR/first.out"
}

@test "an init that failed without a line of its own is told apart: its first write failed" {
        ENTRYLAB_QEMU=$(fake_qemu 'memory: 9 KiB free\ninit exited with status 1: powering off\n' 3) run "$BOOT" --lab 01-iret-only --quiet
        assert_failure
        assert_output --partial "a program failed (init exited non-zero); init printed nothing: its first write() failed (does every syscall answer -ENOSYS?); last lines: "
        ENTRYLAB_QEMU=$(fake_qemu 'init: demo exited with status 1\ninit exited with status 1: powering off\n' 3) run "$BOOT" --lab 01-iret-only --quiet
        assert_failure
        assert_output --partial "a program failed (init exited non-zero); last lines: init: demo exited"
        # killed by a fault before it wrote: the fault line says why, not the hint
        ENTRYLAB_QEMU=$(fake_qemu 'init[1]: #PF page fault at ip 0x0: killed by signal 11\ninit exited with status 139: powering off\n' 3) run "$BOOT" --lab 01-iret-only --quiet
        assert_failure
        refute_output --partial "init printed nothing"
}

@test "a kernel panic is called a panic, with its last lines" {
        ENTRYLAB_QEMU=$(fake_qemu 'KERNEL PANIC: #GP\n' 5) run "$BOOT" --lab 01-iret-only --quiet
        assert_failure
        assert_output --partial "kernel panic; last lines: KERNEL PANIC: #GP"
}

# the real QEMU, through a wrapper that keeps its exit status in
# $BATS_TEST_TMPDIR/qemu.status: what the kernel chose, seen from outside
recording_qemu() {
        local rec=$BATS_TEST_TMPDIR/recording-qemu
        cat > "$rec" <<REC
#!/usr/bin/env bash
qemu-system-x86_64 "\$@"
status=\$?
echo \$status > "$BATS_TEST_TMPDIR/qemu.status"
exit \$status
REC
        chmod +x "$rec"
        echo "$rec"
}

@test "make run's kernel panic says where, in the lab's code, as make grade does" {
        local rip fake=$BATS_TEST_TMPDIR/panicking-qemu
        rip=$(elf_symbol "$ENTRYLAB_ROOT/build/01-iret-only/kernel.elf" entry_SYSCALL_64)
        [ -n "$rip" ] || fail "no entry_SYSCALL_64 in lab 01's kernel"
        # make run's boot: the serial line on stdout (not --quiet)
        printf '#!/usr/bin/env bash\nprintf "KERNEL PANIC: #GP general protection in kernel mode\\nRIP: 0010:%s RFLAGS: 00000046\\n"\nexit 5\n' "$rip" > "$fake"
        chmod +x "$fake"
        ENTRYLAB_QEMU=$fake run "$BOOT" --lab 01-iret-only
        assert_failure
        assert_output --partial "entrylab: lab 01-iret-only: kernel panic"
        assert_output --partial "kernel panic in entry_SYSCALL_64 (labs/01-iret-only/entry_64.asm:"
}

@test "a user-space deadlock is called a deadlock, naming who waits for what, never a panic" {
        # a tracee stops itself; its tracer waits for it again, and init for
        # the tracer: every task asleep, nothing left to wake one
        local nn lab last
        last=$(basename "$(ls -d "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/ | tail -n 1)")
        for nn in 01 "${last:0:2}"; do
                lab=$(lab_dir "$nn")
                rm -f "$BATS_TEST_TMPDIR/qemu.status"
                ENTRYLAB_QEMU=$(recording_qemu) run $MAKE_ run LAB="$nn" ARGS=deadlock TIMEOUT="$BOOT_TIMEOUT"
                assert_failure
                assert_equal "QEMU status $(cat "$BATS_TEST_TMPDIR/qemu.status")" "QEMU status 7"
                run tr -d '\r' <<< "$output"
                # the program's view: init ran it as pid 2, its child is pid 3
                assert_line "deadlock: child 3 stopped: wait4=3 stopped=1 sig=19"
                assert_line "deadlock: waiting again for the stopped child; nobody resumes it"
                refute_output --partial "deadlock: FAIL"
                # the kernel's: each task, its state and what it waits for
                assert_line "no task can run, and nothing can wake one:"
                assert_line "init[1] S: wait4 for child 2"
                assert_line "deadlock[2] S: wait4 for child 3"
                assert_line "deadlock[3] t: ptrace stop, until its tracer 2 resumes it"
                assert_line "entrylab: user processes deadlocked: powering off"
                # the harness's one line, with the last lines
                assert_line --regexp "^entrylab: lab $lab: user processes deadlocked \(every task asleep, none can be woken\); last lines: .*deadlock\[3\] t: ptrace stop"
                refute_output --regexp "[Pp]anic|PANIC|hang: no verdict"
        done
}

@test "garbage on the serial line is called garbage" {
        ENTRYLAB_QEMU=$(fake_qemu 'ok\001\377\376\n' 1) run "$BOOT" --lab 01-iret-only --quiet
        assert_failure
        assert_output --partial "the kernel printed garbage"
}

@test "make builds an ELF64 kernel with symbols for every lab" {
        local l
        for l in "$ENTRYLAB_ROOT"/labs/*/; do
                l=$(basename "$l")
                run readelf -h "$ENTRYLAB_ROOT/build/$l/kernel.elf"
                assert_output --partial "ELF64"
                run nm "$ENTRYLAB_ROOT/build/$l/kernel.elf"
                assert_output --partial " T entry_SYSCALL_64"
                assert_output --partial " T do_syscall_64"
        done
}

@test "a kernel fault dumps the registers and stops QEMU with the panic status" {
        # corrupt do_syscall_64's regs pointer from GDB: its store faults
        run gdb_session 01 demo <<'GDB'
delete
break do_syscall_64
continue
set $rdi = 16
continue
quit
GDB
        run cat "$BATS_TEST_TMPDIR/qemu-gdb.out"
        assert_output --partial "KERNEL PANIC: #PF page fault in kernel mode"
        assert_output --regexp "RIP: 0010:ffffffff8[0-9a-f]{7} RFLAGS"
        assert_output --regexp "CR2: 00000000000000[0-9a-f]{2} "         # a field of (struct pt_regs *)16
        assert_output --partial "entrylab: lab 01-iret-only: kernel panic"
}

@test "QEMUEXTRA reaches QEMU" {
        local log=$BATS_TEST_TMPDIR/qemu-int.log
        run $MAKE_ run LAB=01 ARGS=fault QEMUEXTRA="-d int -D $log"
        assert_success
        # QEMU logs the page faults the fault program provokes (vector 0x0e)
        run grep -c ' v=0e ' "$log"
        assert_success
        [ "$output" -gt 0 ]
}

# The PIC's tick reaches the CPU through the local APIC's LINT0 in ExtINT
# mode. SeaBIOS leaves LINT0 so, qboot leaves it masked: the kernel sets
# it itself (boot.asm), and QEMU's own log shows the ticks arrive.
@test "the timer ticks whatever the firmware left in the local APIC (qboot masks LINT0)" {
        local log=$BATS_TEST_TMPDIR/qemu-int.log
        [ -f /usr/share/qemu/qboot.rom ] || skip "no /usr/share/qemu/qboot.rom (Debian's qemu-system-data has it)"
        run $MAKE_ run LAB=01 ARGS=preempt QEMUEXTRA="-bios qboot.rom -d int -D $log"
        assert_success
        assert_output --partial "preempt: both children were preempted"
        # the tick's vector (IRQ_BASE + 0) as QEMU delivered it
        run grep -c ' v=20 ' "$log"
        assert_success
        [ "$output" -gt 10 ] || fail "QEMU delivered $output timer interrupts"
}

# QEMU exits 1 both when the kernel says all is well and when QEMU cannot
# start: the boot must not take the one for the other, with a serial log
# (make grade) or with the terminal as the console (make qemu-gdb)
@test "a QEMU that cannot start is called so, never all well" {
        local lab
        lab=$(lab_dir 01)
        run env QEMUEXTRA=-no-such-option "$ENTRYLAB_ROOT/grading/lib/boot" --lab "$lab" --quiet --log "$BATS_TEST_TMPDIR/serial.log" 3>&- </dev/null
        assert_failure
        assert_output --partial "QEMU failed (status 1, before the kernel ran): qemu-system-x86_64: -no-such-option: invalid option"
        run env QEMUEXTRA=-no-such-option "$ENTRYLAB_ROOT/grading/lib/boot" --lab "$lab" --interactive 3>&- </dev/null
        assert_failure
        assert_output --partial "QEMU failed (status 1, before the kernel ran)"
        refute_output --partial "all well"
}

# Seed 003: a syscall's entry points (sys_*, __x64_sys_*) are called only
# from user space, through the table; kernel code calls helpers. Read from
# the built kernels: any direct call or jump to an entry point from outside
# its own wrappers (__x64_sys_*, lab 03's ptregs_* stubs) is named.
@test "no kernel code calls a syscall's entry point itself (sys_*, __x64_sys_*): helpers instead" {
        local elf calls
        for elf in "$ENTRYLAB_ROOT"/build/[0-9][0-9]-*/kernel.elf; do
                calls=$(objdump -d --no-show-raw-insn "$elf" | awk '
                        /^[0-9a-f]+ <.*>:$/ { fn = substr($2, 2, length($2) - 3); next }
                        $2 ~ /^(call|jmp)/ && $NF ~ /^<(__x64_)?sys_[a-z_0-9]+>$/ {
                                callee = substr($NF, 2, length($NF) - 2)
                                if (fn != callee && fn !~ /^(__x64_sys_|ptregs_sys_)/)
                                        print fn " -> " callee
                        }')
                [ -z "$calls" ] || fail "$(basename "$(dirname "$elf")"): $calls"
        done
}

# Lab 06's extension exercise moves the six SYSRET checks to C (Linux 6.7's
# shape), selected in the lab's config: the same graded tests must pass
# whichever of the two a student writes.
@test "lab 06 with the SYSRET checks in C (CONFIG_X86_SYSRET_CHECKS_IN_C) gets full marks from lab06.bats" {
        [ -d "$ENTRYLAB_ROOT/labs/06-opportunistic-sysret" ] || skip "no lab 06 here"
        skip_in_student_tree
        local tree=$BATS_TEST_TMPDIR/checks-in-c
        # the reference's build copied in: only lab 06 is built again
        tree_copy "$tree" --solved
        sed -i 's/^# *CONFIG_X86_SYSRET_CHECKS_IN_C=y$/CONFIG_X86_SYSRET_CHECKS_IN_C=y/' "$tree/labs/06-opportunistic-sysret/config"
        grep -qx "CONFIG_X86_SYSRET_CHECKS_IN_C=y" "$tree/labs/06-opportunistic-sysret/config" || fail "the config has no CONFIG_X86_SYSRET_CHECKS_IN_C line"
        run make -s -C "$tree" build 3>&-
        assert_success
        # the C checks are what runs: the asm ones are not in this kernel
        objdump -d "$tree/build/06-opportunistic-sysret/kernel.elf" | grep -q "<sysret_verdict>:" ||
                fail "the kernel was not built with the checks in C"
        run make -s -C "$tree" grade LAB=06 3>&-
        assert_success
        assert_output --regexp "lab 06: ([0-9]+)/\\1"
}

# What a C library needs before main() and around it (make selftests runs
# musl programs): one boot of the IRET-only lab and one of the SYSRET lab
@test "a C library's start-up: auxv, FS base and SSE per task, gettid/tkill, writev, ioctl, mprotect/mremap/madvise, sigaltstack, ioperm, setresuid (lab 01 and the last lab)" {
        libc_start_passes 01
        libc_start_passes "$(last_lab)"
}

# brk and nanosleep, as a C library uses them (musl's malloc asks brk
# first): the IRET-only lab and the last one
@test "brk: the break after the bss, zeroed growth, the old break when refused, fork and execve (lab 01 and the last lab)" {
        brk_passes 01
        brk_passes "$(last_lab)"
}

@test "nanosleep: at least the time asked on the guest's clock, woken by the tick, -EINTR with rem, restart after a tracer's stop (lab 01 and the last lab)" {
        nanosleep_passes 01
        nanosleep_passes "$(last_lab)"
}

@test "/dev/null: open, read, write, close, O_CLOEXEC; a tracer's out-of-range number gets -ENOSYS; PTRACE_DETACH (lab 01 and the last lab)" {
        devnull_passes 01
        devnull_passes "$(last_lab)"
}

@test "finish_at_caller (entrylab.gdb) stops at sys_kill's return in lab 03, where a label sits at the return address" {
        [ -d "$ENTRYLAB_ROOT"/labs/03-partial-frame ] || skip "no lab 03 in this tree"
        run gdb_session 03 sigbasic <<'GDB'
delete
break sys_kill if $rdi == cpu_data.current_task->pid
continue
set $p = cpu_data.current_task->pid
set $kills = 0
delete
break sys_kill
commands
silent
set $kills = $kills + 1
continue
end
finish_at_caller
printf "BACK pid %d of %d, kills since %d, at the label %d\n", cpu_data.current_task->pid, $p, $kills, $pc == &entry_SYSCALL_64_after_fastpath_call
kill
quit
GDB
        # the same task, at the return address, before any other kill ran
        assert_output --regexp "BACK pid ([0-9]+) of \1, kills since 0, at the label 1"
}

# make handout from a git checkout (its own, or a course's repository that
# holds the kit in a folder): git's files (tracked or added), never an
# untracked one (a student's submission, a hidden test's .orig), which it
# names; and its self-tests (kit.bats, fuzz.bats ...) name no line of a
# solution (the bugs they plant are in grading/mistakes/planted/, left
# out), and all still load, so make test runs there
@test "make handout hands out git's files only, and its self-tests name no line of a solution" {
        skip_in_student_tree
        command -v git >/dev/null || skip "no git here"
        local src=$BATS_TEST_TMPDIR/clone ho f upto solution
        mkdir -p "$src"
        tar -C "$ENTRYLAB_ROOT" --exclude=./.git --exclude=./build -cf - . | tar -C "$src" -xf -
        git -C "$src" init -q && git -C "$src" add -A
        mkdir -p "$src/submissions/carol/labs/01-iret-only" "$src/grading/hidden"
        echo "carol's work" > "$src/submissions/carol/labs/01-iret-only/entry_64.asm"
        echo "a hidden test" > "$src/grading/hidden/lab01.bats.orig"
        echo "the answers" > "$src/labs/01-iret-only/ANSWERS.md.orig"
        echo "a new hint" > "$src/labs/01-iret-only/hint.md"
        # every line of every solution, blanks squeezed (12 characters or more;
        # not $lines: run sets it)
        solution=$(cd "$ENTRYLAB_ROOT" && awk '
                /^[ \t]*(\/\*|;) >>> exercise: / { st = 1; next }
                /^[ \t]*(\/\*|\/\/|;) --- solution ---/ { st = 2; next }
                /^[ \t]*(\/\*|;) <<< exercise: / { st = 0; next }
                st == 2 { sub(FILENAME ~ /asm$/ ? ";.*" : "//.*|/\\*.*", ""); gsub(/[ \t]+/, " "); sub(/^ /, ""); sub(/ $/, "")
                        if (length($0) >= 12) print }' labs/*/*.c labs/*/*.asm | sort -u)
        [ -n "$solution" ] || fail "no solution lines found"
        for upto in "" 02; do
                ho=$BATS_TEST_TMPDIR/handout$upto
                run "$ENTRYLAB_ROOT/grading/handout" ${upto:+--upto $upto} "$src" "$ho"
                assert_success
                assert_line --regexp "^handout: left out 2 untracked file\(s\).*labs/01-iret-only/hint.md submissions/carol/labs/01-iret-only/entry_64.asm"
                [ -f "$ho/labs/01-iret-only/README.md" ] || fail "a tracked file is missing"
                for f in submissions grading/hidden labs/01-iret-only/ANSWERS.md.orig labs/01-iret-only/hint.md grading/mistakes; do
                        [ ! -e "$ho/$f" ] || fail "$f in the handout${upto:+ --upto $upto}"
                done
                for f in "$ENTRYLAB_ROOT"/grading/*.bats; do
                        case ${f##*/} in lab[0-9][0-9].bats) continue ;; esac
                        f=$ho/grading/${f##*/}
                        [ -f "$f" ] || fail "${f##*/} is not in the handout: make test names it"
                        run bats --count "$f"
                        assert_success
                        run grep -nF -f <(echo "$solution") <(sed -E 's/\\s[*+]?/ /g; s/\\[()]//g; s/\\//g; s/[[:space:]]+/ /g' "$f")
                        [ -z "$output" ] || fail "${f##*/} of the handout${upto:+ --upto $upto} names a solution: $output"
                done
        done
        # the kit as a folder of a course's repository: git's files under it
        local course=$BATS_TEST_TMPDIR/course
        mkdir -p "$course"
        rm -rf "$src/.git"
        mv "$src" "$course/entrylab"
        git -C "$course" init -q && git -C "$course" add entrylab
        git -C "$course" rm -q --cached -r entrylab/submissions entrylab/grading/hidden \
                entrylab/labs/01-iret-only/ANSWERS.md.orig entrylab/labs/01-iret-only/hint.md
        ho=$BATS_TEST_TMPDIR/handout-course
        run "$ENTRYLAB_ROOT/grading/handout" "$course/entrylab" "$ho"
        assert_success
        assert_line --regexp "^handout: left out 2 untracked file\(s\).*labs/01-iret-only/hint.md submissions/carol/labs/01-iret-only/entry_64.asm"
        [ -f "$ho/labs/01-iret-only/README.md" ] || fail "a tracked file is missing"
        for f in submissions labs/01-iret-only/hint.md; do
                [ ! -e "$ho/$f" ] || fail "$f in the handout of a course's repository"
        done
}
