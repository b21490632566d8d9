# hang.bash - where a hung kernel was, from outside: grading/lib/boot gives
# a lab's boot a QEMU monitor on two FIFOs ($watch.mon.in, $watch.mon.out);
# the watcher asks it for the registers and the current task shortly before
# the bound, and a hang's verdict names the place and the task:
#
#   hang: no verdict within 10s of CPU time; the CPU was in do_syscall_64+0x0
#   (labs/01-iret-only/syscall.c:9) (5 of 5 samples), task init[1]
#
# Sourced by boot, which sets watch, timeout, kernel and root.
. "$root/grading/lib/oops.bash"     # elf_symbol, oops_where

# The bound counts QEMU's CPU time, not the clock. Under icount a kernel
# that hangs keeps QEMU busy (halted with interrupts off too: with
# sleep=off QEMU never waits for the guest), and a boot on a machine
# loaded with other work takes longer but no more CPU: on 2 cores with
# six labs graded at once, a clock's bound called a boot of three rounds
# of programs a hang at 20 s, at its power-off.

# watch_start: the watcher, in the background; it holds none of the
# caller's descriptors (bats waits for whoever holds its pipes). It reads
# QEMU's CPU time ten times a second; 1.2 s of CPU before the bound it
# samples where the CPU is, and at the bound it ends QEMU and makes
# $watch.hung: boot reports the hang.
watch_start() {
        (
                for fd in /proc/$BASHPID/fd/*; do
                        fd=${fd##*/}
                        [ "$fd" -gt 2 ] && eval "exec $fd>&-"
                done
                exec </dev/null >/dev/null 2>&1
                trap 'kill $reader 2>/dev/null; exit 0' TERM
                local qpid= ticks sampled=
                # /proc counts CPU time in clock ticks (USER_HZ: 100 on x86)
                local bound=$(( ${timeout%%.*} * 100 ))
                local sample_at=$((bound - 120))
                watch_qemu || exit 0
                while watch_cpu_ticks; do
                        if [ -z "$sampled" ] && [ "$ticks" -ge $sample_at ]; then
                                watch_sample
                                sampled=1
                        fi
                        if [ "$ticks" -ge $bound ]; then
                                : > "$watch.hung"
                                kill -TERM "$qpid" 2>/dev/null
                                read -rt 2 <> "$watch.nap" || true
                                kill -KILL "$qpid" 2>/dev/null
                                exit 0
                        fi
                        # a read that times out: no sleep process to outlive us
                        read -rt 0.1 <> "$watch.nap" || true
                done
        ) &
        watcher=$!
}

# watch_qemu: qpid = QEMU's pid: under the timeout(1) that boot starts
# after the watcher (a child of boot, $$ in this subshell), its child, or
# further down when ENTRYLAB_QEMU is a script that runs QEMU as a child
watch_qemu() {
        local kids c comm p depth
        for _ in {1..100}; do
                kids=$(< /proc/$$/task/$$/children)
                for c in $kids; do
                        read -r comm < /proc/$c/comm 2>/dev/null || continue
                        [ "$comm" = timeout ] || continue
                        p=$c
                        for depth in 1 2 3 4; do
                                qpid=
                                # (the list ends without a newline: read sets qpid, and fails)
                                read -r qpid _ < /proc/$p/task/$p/children 2>/dev/null || true
                                [ -n "$qpid" ] || break
                                read -r comm < /proc/$qpid/comm 2>/dev/null || break
                                [[ $comm != qemu* ]] || return 0
                                p=$qpid
                        done
                done
                read -rt 0.05 <> "$watch.nap" || true
        done
        qpid=
        return 1
}

# watch_cpu_ticks: ticks = QEMU's CPU time so far, all its threads; fails
# once QEMU has ended
watch_cpu_ticks() {
        local stat
        read -r stat < /proc/$qpid/stat 2>/dev/null || return 1
        # the fields after "pid (comm) ": state first, utime and stime 12th and 13th
        set -- ${stat##*) }
        [ "$1" != Z ] || return 1
        ticks=$((${12} + ${13}))
}

# watch_sample: five samples of the registers, 0.1 s apart, and the task,
# through QEMU's monitor, into $watch.samples
watch_sample() {
        # QEMU opened both FIFOs read-write: these opens never block
        exec 5>"$watch.mon.in" 6<"$watch.mon.out"
        cat <&6 > "$watch.samples" & reader=$!
        for _ in 1 2 3 4 5; do
                echo "info registers" >&5
                sleep 0.1
        done
        watch_task
        sleep 0.1
        kill $reader
}

# watch_task: the current task's pid and name, read through the monitor at
# cpu_data.current_task (the offsets the build wrote for the entry code)
watch_task() {
        local inc=$root/build/include/asm-offsets.inc percpu cur comm pid task
        percpu=$(elf_symbol "$kernel" cpu_data)
        read -r cur pid comm < <(awk '$2 == "PER_CPU_CURRENT" { c = $3 } $2 == "TASK_PID" { p = $3 }
                $2 == "TASK_COMM" { m = $3 } END { print c, p, m }' "$inc" 2>/dev/null)
        [ -n "$percpu" ] && [ -n "$cur" ] && [ -n "$pid" ] && [ -n "$comm" ] || return 0
        cur=$(printf '%x' $((16#$percpu + cur)))
        echo "x /1gx 0x$cur" >&5
        # the reply may take a while: a CPU spinning with interrupts off
        # answers the monitor only when its block of code ends
        for _ in 1 2 3 4 5 6 7 8 9 10; do
                sleep 0.05
                task=$(tr -d '\r' < "$watch.samples" | grep -ao "^0*$cur: 0x[0-9a-f]*" | tail -n 1 | cut -d' ' -f2)
                [ -z "$task" ] || break
        done
        [ -n "$task" ] || return 0
        printf 'PID %x\nCOMM %x\n' $((task + pid)) $((task + comm)) > "$watch.task"
        echo "x /1wd $(printf '%#x' $((task + pid)))" >&5
        echo "x /2gx $(printf '%#x' $((task + comm)))" >&5
        for _ in 1 2 3 4 5 6 7 8 9 10; do
                sleep 0.05
                ! grep -aq "^0*$(printf '%x' $((task + comm))):" "$watch.samples" || break
        done
}

# watch_stop: end the watcher (most boots end long before it samples)
watch_stop() {
        [ -n "${watcher:-}" ] || return 0
        kill "$watcher" 2>/dev/null
        wait "$watcher" 2>/dev/null
}

# hang_task: "comm[pid]" of the task the CPU ran, from the watcher's reads
hang_task() {
        local pidaddr commaddr pid words w name= i c
        pidaddr=$(sed -n 's/^PID //p' "$watch.task" 2>/dev/null)
        commaddr=$(sed -n 's/^COMM //p' "$watch.task" 2>/dev/null)
        [ -n "$pidaddr" ] && [ -n "$commaddr" ] || return 0
        local log
        log=$(tr -d '\r' < "$watch.samples")
        pid=$(grep -ao "^0*$pidaddr: *-\?[0-9]*" <<< "$log" | tail -n 1 | awk '{ print $2 }')
        words=$(grep -ao "^0*$commaddr: 0x[0-9a-f]* 0x[0-9a-f]*" <<< "$log" | tail -n 1 | cut -d' ' -f2-)
        [ -n "$pid" ] && [ -n "$words" ] || return 0
        # comm: bytes of two little-endian words, up to the first NUL
        for w in $words; do
                for i in 0 1 2 3 4 5 6 7; do
                        c=$(( (16#${w#0x} >> (8 * i)) & 0xff ))
                        [ $c -ne 0 ] || break 2
                        name+=$(printf "\\$(printf '%03o' $c)")
                done
        done
        echo "$name[$pid]"
}

# hang_where: "; the CPU was in PLACE (n of 5 samples), ..." from the
# watcher's samples: a kernel address as function+offset (file:line), with
# the lab's ELF; a user one as such
hang_where() {
        [ -n "$watch" ] && [ -s "$watch.samples" ] || return 0
        local range lo hi rip w places=() task uelf
        # the task first: its program names a user RIP
        task=$(hang_task)
        uelf=$root/build/user/bin/${task%%[*}
        [ -n "$task" ] && [ -f "$uelf" ] || uelf=
        range=$(oops_text_range "$kernel") || return 0
        lo=$((16#${range% *})) hi=$((16#${range#* }))
        for rip in $(tr -d '\r' < "$watch.samples" | grep -ao 'RIP=[0-9a-f]*' | cut -d= -f2); do
                w=$((16#$rip))
                if (( w >= lo && w < hi )); then
                        places+=("$(oops_where "$kernel" "$w" | sed 's/ *(discriminator [0-9]*)//')")
                elif (( w >= 0 && w < 0x800000000000 )); then
                        if [ -n "$uelf" ]; then
                                places+=("$(oops_where "$uelf" "$w" | sed 's/ *(discriminator [0-9]*)//') in user space")
                        else
                                places+=("user space at $(printf '%#x' "$w")")
                        fi
                else
                        places+=("$(printf '%#x' "$w") (not kernel code)")
                fi
        done
        [ ${#places[@]} -gt 0 ] || return 0
        printf '; the CPU was in '
        printf '%s\n' "${places[@]}" | sort | uniq -c | sort -rn | head -n 3 |
                awk -v n=${#places[@]} '{ c = $1; sub(/^ *[0-9]+ /, ""); printf "%s%s (%d of %d samples)", (NR > 1 ? ", " : ""), $0, c, n }'
        [ -z "$task" ] || printf ', task %s' "$task"
}
