# exits.bash - which way a syscall left the kernel, seen from GDB, and what
# a path costs under icount. For the labs that have more than one exit
# (02 on). Load after lib/entrylab.

# lab_kernel NN: the lab's kernel.elf
lab_kernel() {
        echo "$ENTRYLAB_ROOT/build/$(lab_dir "$1")/kernel.elf"
}

# sysretq_addrs NN: every SYSRETQ in the lab's kernel, found in its code
# rather than by a label, so a student's own labels do not matter. The
# 32-bit SYSRET of ignore_sysret (sysretl) is not one of them.
sysretq_addrs() {
        local a
        # once per test file and lab (file_cached): a session of lab 06 asks
        # up to eight times, and the kernel does not change under a test file
        file_cached "sysretq.$1" sysretq_in_kernel "$1" || { sysretq_in_kernel "$1"; return; }
        while read -r a; do
                echo "$a"
        done < "$FILE_CACHED"
}
sysretq_in_kernel() {
        objdump -d --no-show-raw-insn "$(lab_kernel "$1")" |
                awk '$2 == "sysretq" { sub(":", "", $1); print "0x" $1 }'
}

# bench_getpid_site: the return address of bench's timed SYSCALL, the one
# in the `syscall; dec; jnz` loop (getpid is the first number it times)
bench_getpid_site() {
        objdump -d --no-show-raw-insn "$ENTRYLAB_ROOT/build/user/bin/bench" |
                awk 'prev && $2 == "dec" { sub(":", "", $1); print "0x" $1; exit }
                     { prev = ($2 == "syscall") }'
}

# exit_breaks NN RIP [sigreturn]: GDB commands that stop at every SYSRETQ
# returning to RIP (in rcx) and at the IRETQ returning to RIP from a
# syscall (the saved ip; orig_ax, just below it, is -1 for an interrupt,
# which may return to the same rip). rt_sigreturn sets orig_ax to -1 too:
# with "sigreturn", where RIP is reached through one, GDB notes each
# rt_sigreturn in $sigreturn, and its IRETQ counts as well (the watcher
# sets $sigreturn back to 0 after each exit)
exit_breaks() {
        local a sigreturn=
        # first, so that its commands can never attach to another breakpoint
        if [ "${3:-}" = sigreturn ]; then
                printf '%s\n' 'set $sigreturn = 0' 'break sys_rt_sigreturn' commands silent \
                        'set $sigreturn = 1' continue end
                sigreturn=' || $sigreturn'
        fi
        for a in $(sysretq_addrs "$1"); do
                echo "break *$a if \$rcx == $2"
        done
        echo "break native_irq_return_iret if *(unsigned long *)\$rsp == $2 && (*(long *)(\$rsp - 8) != -1$sigreturn)"
}

# exit_breaks_of_task NN: GDB breakpoints at both exits (every SYSRETQ of
# lab NN and the IRETQ), taken only by the task whose pid GDB holds in $p
exit_breaks_of_task() {
        local a
        for a in $(sysretq_addrs "$1"); do
                echo "break *$a if cpu_data.current_task->pid == \$p"
        done
        echo 'break native_irq_return_iret if cpu_data.current_task->pid == $p'
}

# print_exit: GDB commands that print which exit GDB stopped at
print_exit() {
        printf "%s\n" "if \$pc == &native_irq_return_iret" "printf \"EXIT iretq\\n\"" else "printf \"EXIT sysretq\\n\"" end
}

# printed TAG: PRINTED = "TAG word TAG word ...", each "TAG word" GDB
# printed in $output, in order: print_exit's "EXIT sysretq", print_label's
# "LABEL int_ret_from_sys_call" (read in the shell: no subshell, no grep)
printed() {
        local rest=$output re="$1 ([a-z_]*)(.*)"
        PRINTED=
        while [[ $rest =~ $re ]]; do
                PRINTED+="${PRINTED:+ }$1 ${BASH_REMATCH[1]}"
                rest=${BASH_REMATCH[2]}
        done
}

# Bench's exits, watched in one GDB session. Several checks watch how
# bench's syscalls leave the kernel, each at its own point of the program,
# and a GDB session costs more than what a check does in it (a QEMU and a
# GDB started). So a lab file names in BENCH_EXITS the watchers its checks
# use, in bench's order: its own execve (init's child), the getpid loop,
# the sched_yield loop, the traced child, the signal round trips. The
# first check to ask makes one session of them all (session_once), and
# each check reads its watcher's part: what GDB printed from that
# watcher's "WATCH name" line to the next one. A watcher that is not in
# BENCH_EXITS gets a session of its own.
#   bench_watch_NAME NN: the GDB commands of watcher NAME; each starts with
#   "delete" and ends at the last exit it judges

# bench_exits NN NAME: $output = what watcher NAME printed
bench_exits() {
        local dir=$BATS_FILE_TMPDIR/bench-exits
        if [[ " ${BENCH_EXITS:-} " == *" $2 "* ]]; then
                session_once "$dir" bench_exits_session "$1" $BENCH_EXITS
                output=$(< "$dir/out")
        else
                output=$(bench_exits_session "$1" "$2") || true
        fi
        watcher_part "$2" bench
}

# bench_exits_session NN NAME...: one session of bench under GDB, with
# these watchers in turn
bench_exits_session() {
        local lab=$1 w
        shift
        for w in "$@"; do
                echo "printf \"WATCH $w\\n\""
                "bench_watch_$w" "$lab"
        done > "$BATS_TEST_TMPDIR/bench-exits.gdb"
        printf '%s\n' kill quit >> "$BATS_TEST_TMPDIR/bench-exits.gdb"
        gdb_session "$lab" bench < "$BATS_TEST_TMPDIR/bench-exits.gdb" 2>&1
}

# bench_watch_execve NN: bench's own execve, as iret_after_commands
bench_watch_execve() {
        iret_after_commands "$1" sys_execve
}

# bench_watch_getpid NN: the first three exits of the timed getpid loop
bench_watch_getpid() {
        local site
        site=$(bench_getpid_site) || fail "no timed SYSCALL in bench"
        echo delete
        exit_breaks "$1" "$site"
        printf '%s\n' continue "$(print_exit)" continue "$(print_exit)" continue "$(print_exit)"
}

# bench_watch_exit_work NN: a getpid of the loop with TIF_NEED_RESCHED set
# from GDB in the handler, and the next one
bench_watch_exit_work() {
        local site
        site=$(bench_getpid_site) || fail "no timed SYSCALL in bench"
        cat <<GDB
delete
break sys_getpid if ((struct pt_regs *)(cpu_data.top_of_stack - sizeof(struct pt_regs)))->ip == $site
continue
set var cpu_data.current_task->thread_info.flags |= 1 << 3
printf "FLAGS %#lx\n", cpu_data.current_task->thread_info.flags
delete
$(exit_breaks "$1" "$site")
continue
$(print_exit)
printf "AX %ld PID %d\n", ((struct pt_regs *)(cpu_data.top_of_stack - sizeof(struct pt_regs)))->ax, cpu_data.current_task->pid
continue
$(print_exit)
GDB
}

# check_sysret_for_getpid NN: a plain getpid, nothing pending, leaves by
# SYSRETQ
check_sysret_for_getpid() {
        require_boot
        [ -n "$(sysretq_addrs "$1")" ] || fail "no sysretq in lab $1's kernel"
        bench_exits "$1" getpid
        printed EXIT
        [ -n "$PRINTED" ] || fail "bench's getpid never reached an exit instruction after syscall_return_via_sysret (did the process die, or the kernel?): $(gdb_last 3)"
        [ "$PRINTED" = "EXIT sysretq EXIT sysretq EXIT sysretq" ] ||
                fail "sent to syscall_return_via_sysret, three of bench's getpids must leave by sysretq; they left by: $PRINTED"
}

# check_iret_after_execve NN: execve rewrote the frame; SYSRET could not
# restore it, so the return into the new program is an IRET (bench's own
# execve, by init's child, is the first in that boot)
check_iret_after_execve() {
        require_boot
        bench_exits "$1" execve
        judge_iret_after
}

# check_iret_with_exit_work NN: a getpid with work pending on the way out
# (TIF_NEED_RESCHED, set from GDB in the handler) leaves by IRET after the
# work is done; the work done, the next one is back on SYSRET.
check_iret_with_exit_work() {
        require_boot
        bench_exits "$1" exit_work
        [[ $output =~ FLAGS\ (0x[0-9a-f]+) ]] && (( BASH_REMATCH[1] & 0x8 )) ||
                fail "GDB could not set TIF_NEED_RESCHED (bit 3) in the handler (GDB: $(gdb_lines FLAGS))"
        printed EXIT
        assert_equal "${PRINTED//EXIT /}" "iretq sysretq"
        # the IRET returned getpid's answer: the pid
        [[ $output =~ AX\ ([0-9]+)\ PID\ ([0-9]+) ]] || fail "no result: $output"
        assert_equal "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
}

# check_fork_child_regs: the fork probe's child (regs program) sees rax = 0
# and every pattern its parent loaded, callee-saved registers included
check_fork_child_regs() {
        require_boot
        local reg
        serial_match 'regs: fork-child'
        [ -n "$SERIAL_MATCH" ] || fail "the fork child did not report"
        parse_fields "$SERIAL_MATCH"
        assert_equal "${F[rax]:-}" 0x0
        for reg in rbx rbp r12 r13 r14 r15 rdi rsi rdx r10 r8 r9; do
                [ "${F[$reg]:-}" = "${REG_PATTERN[$reg]}" ] ||
                        fail "fork child: $reg=${F[$reg]:-}, its parent had ${REG_PATTERN[$reg]}"
        done
}

# check_unwritten_slots_never_read NN: at every SYSCALL, GDB fills the ten
# slots a partial frame leaves unwritten (ss, sp, flags, cs and the six
# callee-saved ones) with a poison before the entry code runs. A path that
# pops or IRETs a slot it did not write hands the poison to user space: a
# register pattern breaks, or the IRET faults. regs, initregs, sigregs,
# iopl and ptrace_syscall (a tracer rewriting the frame at its stops) must
# run as on an unpoisoned boot.
POISON=0x5a5a5a5a5a5a5a5a
check_unwritten_slots_never_read() {
        require_boot
        local off
        {
                echo delete
                echo break entry_SYSCALL_64
                echo commands
                echo silent
                # two block writes, one read: each is a round trip to QEMU's
                # stub, at every syscall of five programs
                echo 'set $top = cpu_data.top_of_stack'
                echo "set var *(unsigned long (*)[4])(\$top - 32) = {$POISON, $POISON, $POISON, $POISON}"
                echo "set var *(unsigned long (*)[6])(\$top - 168) = {$POISON, $POISON, $POISON, $POISON, $POISON, $POISON}"
                echo continue
                echo end
                echo continue
        } | gdb_session "$1" "regs initregs sigregs iopl ptrace_syscall" >/dev/null || true
        # the checks read $BATS_FILE_TMPDIR/serial.log: give them this boot's
        local dir=$BATS_TEST_TMPDIR/poisoned
        mkdir -p "$dir"
        tr -d "\r" < "$BATS_TEST_TMPDIR/qemu-gdb.out" > "$dir/serial.log"
        # the kernel survived; the programs' own lines say the rest (not
        # init's status: ptrace_syscall's PTRACE_KILL-while-running check
        # depends on timing that GDB's stops change)
        grep -q "^init exited with status" "$dir/serial.log" ||
                fail "the poisoned boot did not end: $(tail -3 "$dir/serial.log")"
        checks_on_log "$dir" "the boot with the unwritten slots poisoned" \
                check_regs_preserved check_rcx_r11 check_initial_regs \
                check_sigreturn_regs check_iopl check_ptrace_regs
}

# at_probe_syscall: GDB commands that stop at the entry of a syscall of
# frameprobe (init=/bin/frameprobe), its registers the probe's pattern:
# where `make gdb` stopped (its first syscall, a getpid) or the next one
at_probe_syscall() {
        printf "%s\n" "if \$rbx != $AUDIT_PATTERN" delete \
                "break entry_SYSCALL_64 if \$rbx == $AUDIT_PATTERN" continue end
}

# check_fast_path_leaves_slots_unwritten NN: GDB poisons every slot at the
# entry of the probe's first getpid (at_probe_syscall; nothing is pending
# at entry: the fast path) and reads them back in the handler: the ten the
# fast path leaves still hold the poison, the eleven it saves do not. The
# probe runs as init, so no fork, execve or earlier exit runs first: the
# partial save is judged whatever the ptregs stub and FIXUP_TOP_OF_STACK do.
check_fast_path_leaves_slots_unwritten() {
        require_boot own-boot
        local off written=() unwritten=()
        # pt_regs' slots by their distance below the stack's top
        local -A slot=([8]=ss [16]=sp [24]=flags [32]=cs [40]=ip [48]=orig_ax [56]=di
                [64]=si [72]=dx [80]=cx [88]=ax [96]=r8 [104]=r9 [112]=r10 [120]=r11
                [128]=bx [136]=bp [144]=r12 [152]=r13 [160]=r14 [168]=r15)
        local left=" 8 16 24 32 128 136 144 152 160 168 "
        run gdb_session "$1" init=/bin/frameprobe < <(
                at_probe_syscall
                for off in "${!slot[@]}"; do
                        echo "set var *(unsigned long *)(cpu_data.top_of_stack - $off) = $POISON"
                done
                echo delete
                echo break sys_getpid
                echo continue
                for off in "${!slot[@]}"; do
                        echo "printf \"SLOT -$off %#lx\\n\", *(unsigned long *)(cpu_data.top_of_stack - $off)"
                done
                echo kill
                echo quit
        )
        [[ $output == *"SLOT -"* ]] || fail "GDB never stopped at the probe's sys_getpid: $(gdb_last 3)"
        # GDB filled every slot with POISON before the SYSCALL: the ten the
        # fast path leaves must still hold it, the eleven it saves must not
        for off in "${!slot[@]}"; do
                if [[ $left == *" $off "* ]]; then
                        [[ $output == *"SLOT -$off $POISON"* ]] || written+=("${slot[$off]}")
                else
                        [[ $output != *"SLOT -$off $POISON"* ]] || unwritten+=("${slot[$off]}")
                fi
        done
        [ "${#written[@]}" -eq 0 ] ||
                fail "the fast path wrote slots it must leave to SAVE_REST and FIXUP_TOP_OF_STACK: ${written[*]} (GDB had filled them with $POISON)"
        [ "${#unwritten[@]}" -eq 0 ] ||
                fail "the fast path left slots it must write: ${unwritten[*]} (they still hold $POISON, which GDB put there)"
}

# check_iret_after NN PROGRAM: in PROGRAM, the first time its syscall of
# IRET_AFTER_BREAK is reached (a function, with an optional `if`
# condition), the task's next exit to user space is an IRET because of
# what the function did (it rewrote the frame, or left work pending). A
# reschedule the timer happened to ask for meanwhile is withdrawn from GDB
# once the function has returned, so that it cannot be the reason. Its
# watcher shares a boot with the lab's others (PROGRAM_WATCHES, watch.bash).
check_iret_after() {
        require_boot
        watched "$1" iret_after "$2"
        judge_iret_after
}

# the syscall check_iret_after watches in each program
declare -gA IRET_AFTER_BREAK=(
        [sigregs]=sys_rt_sigreturn
        [sysret_rip]=sys_rt_sigreturn
        [sigbasic]='sys_kill if $rdi == cpu_data.current_task->pid'
        [iopl]='sys_iopl if (unsigned int)$rdi <= 3'
        [seccomp_filter]=seccomp_phase2
)

# watch_iret_after NN I PROGRAM: check_iret_after's watcher (watch.bash)
watch_iret_after() {
        local at=${IRET_AFTER_BREAK[$3]:-}
        [ -n "$at" ] || { echo "printf \"no IRET_AFTER_BREAK for $3\\n\""; return 0; }
        watch_arm "$2" "$at" "${at%% if *}"
        iret_after_stop "$1"
        echo end
}

# iret_after_stop NN: at the syscall, the function's return, then the
# task's next exit (finish_at_caller, common/gdb/entrylab.gdb: GDB's own
# finish runs past lab 03's return from sys_kill, where a label sits)
iret_after_stop() {
        echo 'set $p = cpu_data.current_task->pid'
        echo 'printf "HIT pid %d\n", $p'
        echo 'delete $w'
        echo 'set $e = $bpnum'
        echo finish_at_caller
        printf '%s\n' "if $WATCH_ENDED" 'printf "ENDED before its return\n"' else
        echo "set var cpu_data.current_task->thread_info.flags &= ~(1UL << 3)"
        exit_breaks_of_task "$1"
        echo continue
        printf '%s\n' "if $WATCH_ENDED" 'printf "ENDED before its exit\n"' else
        print_exit
        echo end
        echo end
        printf '%s\n' 'while $e < $bpnum' 'set $e = $e + 1' 'delete $e' end
}

# iret_after_commands NN BREAK: the same stop at BREAK, in a session not
# counted by programs (bench's execve, among bench's watchers): every
# breakpoint goes first, and no program is ever past its watch
iret_after_commands() {
        printf '%s\n' delete 'set $prog = 0' 'set $watching = 0' "break $2" 'set $w = $bpnum' continue
        iret_after_stop "$1"
}

# judge_iret_after: what check_iret_after's commands printed ($output)
judge_iret_after() {
        saw "HIT pid [0-9]+" "GDB never stopped at the syscall it watches"
        never_saw "EXIT sysretq" "the return left by sysretq, where only iretq restores this frame safely"
        saw "EXIT iretq" "the return never reached iretq"
}

# print_label: GDB commands that print which of the two exits' labels GDB
# stopped at
print_label() {
        printf "%s\n" "if \$pc == &int_ret_from_sys_call" "printf \"LABEL int_ret_from_sys_call\\n\"" else \
                "printf \"LABEL syscall_return_via_sysret\\n\"" end
}

# check_work_mask_decides NN: sysret_check's test (02-work-mask) judged on
# its own, whatever the SYSRET exit does: bench's getpid, with
# TIF_NEED_RESCHED set from GDB in the handler, goes to
# int_ret_from_sys_call; the next one, with nothing pending, falls through
# to syscall_return_via_sysret. (GDB stops at the labels, not at the exit
# instructions, which 02-fastpath-exit writes.)
check_work_mask_decides() {
        require_boot
        local site at
        site=$(bench_getpid_site) || fail "no timed SYSCALL in bench"
        at="if ((struct pt_regs *)\$rsp)->ip == $site"
        run gdb_session "$1" bench <<GDB
delete
break sys_getpid if ((struct pt_regs *)(cpu_data.top_of_stack - sizeof(struct pt_regs)))->ip == $site
continue
set var cpu_data.current_task->thread_info.flags |= 1 << 3
delete
break int_ret_from_sys_call $at
break syscall_return_via_sysret $at
continue
$(print_label)
continue
$(print_label)
kill
quit
GDB
        printed LABEL
        assert_equal "${PRINTED//LABEL /}" "int_ret_from_sys_call syscall_return_via_sysret"
}

# check_sysret_exit_on_its_own NN: the SYSRET exit (02-fastpath-exit)
# judged on its own, whatever sysret_check decides: GDB sends bench's
# getpid from sysret_check straight to syscall_return_via_sysret (with
# interrupts off, as the cli there would leave them), and three of them in
# a row must leave by SYSRETQ to the user's rip.
check_sysret_exit_on_its_own() {
        require_boot
        local site
        site=$(bench_getpid_site) || fail "no timed SYSCALL in bench"
        run gdb_session "$1" bench <<GDB
delete
break sysret_check if ((struct pt_regs *)\$rsp)->ip == $site
commands
silent
set var \$eflags = \$eflags & ~0x200
set var \$pc = &syscall_return_via_sysret
continue
end
$(exit_breaks "$1" "$site")
continue
$(print_exit)
continue
$(print_exit)
continue
$(print_exit)
kill
quit
GDB
        printed EXIT
        [ -n "$PRINTED" ] ||
                fail "sent to syscall_return_via_sysret, bench's getpid reached no exit instruction (did the process or the kernel die on the way?): $(gdb_last 3)"
        [ "$PRINTED" = "EXIT sysretq EXIT sysretq EXIT sysretq" ] ||
                fail "sent to syscall_return_via_sysret, three of bench's getpids must leave by sysretq; they left by: $PRINTED"
}

# check_fixup_completes_top NN: FIXUP_TOP_OF_STACK (lab 03's
# 03-fixup-top-of-stack) judged on its own, whatever the entry wrote: on
# the probe's first getpid (at_probe_syscall: no ptregs syscall runs
# before it), GDB records the user's rsp and rflags at the entry,
# sets TIF_NEED_RESCHED in the handler so that the exit goes through
# sysret_careful, poisons the four slots of the IRET frame there, before
# the macro runs, and r11 (scratch by then: C may have used it, so the
# flags come from the r11 slot), and reads them at int_ret_from_sys_call:
# each must hold the user's value again.
check_fixup_completes_top() {
        require_boot own-boot
        local r='((struct pt_regs *)$rsp)'
        run gdb_session "$1" init=/bin/frameprobe <<GDB
$(at_probe_syscall)
set \$usp = \$rsp
set \$ufl = \$r11
delete
break sys_getpid
continue
set var cpu_data.current_task->thread_info.flags |= 1 << 3
delete
break sysret_careful
continue
set var $r->ss = $POISON
set var $r->sp = $POISON
set var $r->flags = $POISON
set var $r->cs = $POISON
set var \$r11 = $POISON
delete
break int_ret_from_sys_call
continue
printf "TOP cs %#lx ss %#lx sp %d flags %d\n", $r->cs, $r->ss, $r->sp == \$usp, $r->flags == \$ufl
kill
quit
GDB
        local top
        top=$(grep -o "TOP .*" <<< "$output") || fail "GDB never reached int_ret_from_sys_call: $output"
        [ "$top" = "TOP cs 0x33 ss 0x2b sp 1 flags 1" ] ||
                fail "after FIXUP_TOP_OF_STACK, at int_ret_from_sys_call (1 = the user's value; poison $POISON): $top"
}

# check_ptregs_stub_restarts NN: stub_ptregs_64 (lab 03's 03-ptregs-stub)
# judged on its own, whatever the frame and FIXUP_TOP_OF_STACK do: GDB
# turns the probe's first getpid into a ptregs syscall at the fast path's
# dispatch (rax = __NR_iopl, whose table entry is ptregs_sys_iopl). Called
# from the fast path, the stub must leave it for the slow path with
# interrupts off and rsp = struct pt_regs *, and the slow path must then
# run the number orig_ax still holds (getpid), not iopl.
check_ptregs_stub_restarts() {
        require_boot own-boot
        run gdb_session "$1" init=/bin/frameprobe <<GDB
$(at_probe_syscall)
delete
break entry_SYSCALL_64_fastpath
continue
set var \$rax = 172
delete
break entry_SYSCALL64_slow_path
break sys_iopl
continue
if \$pc == &entry_SYSCALL64_slow_path
printf "STUB slow_path rsp-is-pt_regs %d IF %d\n", (unsigned long)\$rsp == cpu_data.top_of_stack - sizeof(struct pt_regs), (\$eflags >> 9) & 1
else
printf "STUB went on to sys_iopl\n"
end
delete
break sys_getpid
break sys_iopl
continue
if \$pc == &sys_getpid
printf "RAN getpid\n"
else
printf "RAN iopl\n"
end
kill
quit
GDB
        saw "STUB slow_path rsp-is-pt_regs 1 IF 0" "called from the fast path, the ptregs stub must go on to entry_SYSCALL64_slow_path with rsp = struct pt_regs * and interrupts off (1 and 0 here)"
        saw "RAN " "the slow path never reached a handler"
        never_saw "RAN iopl" "the slow path ran iopl, the number in rax, not the one orig_ax holds (getpid)"
}

# the checks here that drive GDB, which may run ahead (entrylab.bash)
may_run_ahead check_sysret_for_getpid check_iret_after_execve check_iret_with_exit_work check_fork_child_regs check_unwritten_slots_never_read check_fast_path_leaves_slots_unwritten check_iret_after check_work_mask_decides check_sysret_exit_on_its_own check_fixup_completes_top check_ptregs_stub_restarts
# the checks here that judge the probe's boot alone (entrylab.bash)
boots_its_own check_fast_path_leaves_slots_unwritten check_fixup_completes_top check_ptregs_stub_restarts
