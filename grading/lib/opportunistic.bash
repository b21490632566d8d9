# opportunistic.bash - checks for the lab that looks at the frame before it
# chooses SYSRET (06): each of the six checks, seen failing from GDB, and
# the returns that SYSRET now wins. Load after lib/entrylab, lib/exits,
# lib/timing and lib/fullframe (FRAME).

# site_after PROGRAM SYMBOL[+N]: the address SYMBOL (+ N) in PROGRAM: the
# return address of a SYSCALL labelled SYMBOL is SYMBOL+2
site_after() {
        local a
        a=$(symbol "$1" "${2%+*}") || fail "no ${2%+*} in build/user/bin/$1"
        [[ $2 == *+* ]] && a=$(( a + ${2##*+} ))
        printf "%#x\n" "$a"
}

# The frame edits, one for each check SYSRET needs, named as the check
# ("WHAT|GDB commands"): each makes a frame that SYSRET could not give back
# as IRET will, so its exit must be IRETQ.
FRAME_EDITS=(
        "rcx == rip|set var $FRAME->cx = $FRAME->ip + 1"
        "rip canonical|set var $FRAME->cx = $FRAME->ip = 0x7ffffffffffff000"
        "cs == __USER_CS|set var $FRAME->cs = 0x23"
        "r11 == rflags|set var $FRAME->r11 = $FRAME->flags ^ 1"
        "no RF|set var $FRAME->flags = $FRAME->r11 = $FRAME->flags | 0x10000"
        "no TF|set var $FRAME->flags = $FRAME->r11 = $FRAME->flags | 0x100"
        "ss == __USER_DS|set var $FRAME->ss = 0"
)

# bench_watch_frame_edits NN: a watcher of bench's exits (exits.bash) that
# makes every frame edit in turn: each of bench's next sched_yields (exit
# work pending: the checked exit) has its frame edited once the handler
# returned, and GDB prints the exit it took. Before that exit instruction
# runs, GDB puts back what it edited (on IRET's frame, or in rcx and r11
# for a SYSRET), so that bench goes on as if nothing had happened.
bench_watch_frame_edits() {
        local entry
        echo delete
        for entry in "${FRAME_EDITS[@]}"; do
                echo 'break sys_sched_yield if cpu_data.current_task->pid != 1'
                echo continue
                echo 'set $p = cpu_data.current_task->pid'
                echo finish_at_caller
                echo "set \$o_ip = $FRAME->ip"
                echo "set \$o_cs = $FRAME->cs"
                echo "set \$o_flags = $FRAME->flags"
                echo "set \$o_sp = $FRAME->sp"
                echo "set \$o_ss = $FRAME->ss"
                echo "${entry#*|}"
                echo "printf \"EDITED ${entry%%|*}: cx %#lx ip %#lx cs %#lx r11 %#lx flags %#lx ss %#lx\n\", $FRAME->cx, $FRAME->ip, $FRAME->cs, $FRAME->r11, $FRAME->flags, $FRAME->ss"
                echo delete
                exit_breaks_of_task "$1"
                echo continue
                print_exit
                cat <<'GDB'
if $pc == &native_irq_return_iret
  set var ((unsigned long *)$rsp)[0] = $o_ip
  set var ((unsigned long *)$rsp)[1] = $o_cs
  set var ((unsigned long *)$rsp)[2] = $o_flags
  set var ((unsigned long *)$rsp)[3] = $o_sp
  set var ((unsigned long *)$rsp)[4] = $o_ss
else
  set var $rcx = $o_ip
  set var $r11 = $o_flags
end
delete
GDB
        done
}

# check_frame_edit_irets NN WHAT: the frame edited for the check WHAT
# (FRAME_EDITS) left by IRETQ: a watcher of bench's exits (exits.bash),
# in the session the lab file's BENCH_EXITS share.
check_frame_edit_irets() {
        require_boot
        local out edited exit rest
        bench_exits "$1" frame_edits
        out=$output
        [[ $out == *"EDITED $2: "* ]] ||
                fail "$2: GDB never made this edit; the session ended: $(grep -v '^$' <<< "$out" | tail -n 2 | tr '\n' ' ')"
        # the edit's line, then the first exit after it, before the next edit
        rest=${out#*"EDITED $2: "}
        edited=${rest%%$'\n'*} rest=${rest#"$edited"} rest=${rest%%EDITED *}
        exit=
        if [[ $rest =~ EXIT\ [a-z]+ ]]; then exit=${BASH_REMATCH[0]}; fi
        [ "$exit" = "EXIT iretq" ] ||
                fail "$2: the frame (EDITED $edited) left by ${exit:-no exit at all}"
}

# check_exits_by NN EXIT PROGRAM: the first returns to PROGRAM's call site
# of EXITS_BY_RETURN (SYMBOL+N, site_after), as many as it says, all leave
# by EXIT. A watcher of PROGRAM, in the lab's shared session of watched
# programs (watch.bash).
check_exits_by() {
        require_boot
        watched "$1" exits_by "$3"
        judge_exits_by "$2" "${EXITS_BY_RETURN[$3]#* }"
}

# the call site check_exits_by watches in each program, and how many of
# its returns
declare -gA EXITS_BY_RETURN=(
        [single_step_syscall]="ss_after_syscall 1"
)

# watch_exits_by NN I PROGRAM: check_exits_by's watcher: from the first
# syscall that will return to the site, each return's exit
watch_exits_by() {
        local ret n i
        [ -n "${EXITS_BY_RETURN[$3]:-}" ] || { echo "printf \"no EXITS_BY_RETURN for $3\\n\""; return 0; }
        set -- "$1" "$2" "$3" ${EXITS_BY_RETURN[$3]}
        ret=$(site_after "$3" "$4" 2>/dev/null) || { echo "printf \"no $4 in build/user/bin/$3\\n\""; return 0; }
        n=$5
        watch_arm "$2" "entry_SYSCALL_64 if \$rcx == $ret" "a syscall that returns to $4"
        echo 'delete $w'
        exit_breaks "$1" "$ret"
        for ((i = 1; i <= n; i++)); do
                watch_continue "return $i to $4"
                print_exit
        done
        watch_end $((n + 1))
}

# exits_by_commands NN PROGRAM RETURN N ARM [sigreturn]: check_exits_by's
# GDB commands; "sigreturn" when RETURN is reached through rt_sigreturn
exits_by_commands() {
        local ret i
        ret=$(site_after "$2" "$3")
        echo delete
        [ -n "$5" ] && printf "%s\n" "break $5" continue delete
        exit_breaks "$1" "$ret" "${6:-}"
        for ((i = 0; i < $4; i++)); do
                echo continue
                print_exit
                # the next interrupt is no longer an rt_sigreturn's
                [ -z "${6:-}" ] || echo 'set $sigreturn = 0'
        done
}

# judge_exits_by EXIT N: the exits in $output are N times EXIT
judge_exits_by() {
        local want=() i
        for ((i = 0; i < $2; i++)); do want+=("EXIT $1"); done
        printed EXIT
        assert_equal "$PRINTED" "${want[*]}"
}

# bench's exits that the checks here watch (exits.bash: bench_exits), and
# the first three returns of each
bench_watch_sched_yield() { exits_by_commands "$1" bench bench_site_sched_yield+2 3 sys_sched_yield; }
bench_watch_traced() { exits_by_commands "$1" bench bench_site_traced+2 3 ptrace_report_syscall_entry; }
bench_watch_kill() { exits_by_commands "$1" bench bench_site_kill+2 3 sys_rt_sigaction sigreturn; }

# check_bench_exits_by NN EXIT WATCHER: the three returns to the syscall
# that bench's WATCHER looks at (sched_yield, traced, kill) leave by EXIT
check_bench_exits_by() {
        require_boot
        bench_exits "$1" "$3"
        judge_exits_by "$2" 3
}

# check_top_page_irets NN: GDB makes a getpid of the regs probe look as if
# it had been the last instruction below 2^47 (rcx = 2^47 at entry, so the
# ip and cx slots both say 2^47): the exit must be IRETQ, never a SYSRETQ to
# a non-canonical rip, and the process must get SIGSEGV at 2^47, in user
# mode, from the faulting IRET (the kernel goes on: init starts its next
# program, or ends). A watcher of regs, in the lab's shared session
# (watch.bash); the serial lines it reads are regs'.
check_top_page_irets() {
        require_boot
        watched "$1" top_page_irets regs
        saw "EXIT iretq" "the getpid whose return address GDB set to 2^47 did not leave by iretq: a SYSRETQ to a non-canonical rip faults in the kernel, at CPL 0, with the user's rsp"
        saw "IRET ip 0x800000000000($|[^0-9a-f])" "the IRET frame's rip is not 2^47, where the process must take its SIGSEGV" "IRET ip"
        local log
        log=$(tr -d '\r' < "$WATCHED_SERIAL" 2>/dev/null)
        grep -qE 'regs\[[0-9]+\]: .*killed by signal 11' <<< "$log" ||
                fail "regs was not killed by SIGSEGV: $(grep -i 'regs\|fault\|signal' <<< "$log" | tail -3)"
        [[ $output == *"INIT WENT ON"* || $log == *"init exited with status"* ]] ||
                fail "the kernel did not carry on: $(tail -3 <<< "$log")"
        [[ $log != *"Kernel panic"* ]] || fail "kernel panic: $(grep -A2 'Kernel panic' <<< "$log")"
}

# watch_top_page_irets NN I regs: at regs' getpid, rcx set to 2^47; its
# exit, the IRET frame's ip; then whether init starts its next program
watch_top_page_irets() {
        local site
        watch_symbol site regs regs_after_syscall || return 0
        watch_arm "$2" "entry_SYSCALL_64 if \$rcx == $site && \$rax == 39" "regs' getpid"
        echo 'set $p = cpu_data.current_task->pid'
        echo 'set $rcx = 0x800000000000'
        echo 'delete $w'
        exit_breaks_of_task "$1"
        watch_continue "the getpid's exit"
        print_exit
        echo 'printf "IRET ip %#lx\n", *(unsigned long *)$rsp'
        # on to init's next fork (the count stops GDB there), if any
        echo 'delete $w-$bpnum'
        echo continue
        printf '%s\n' "if $WATCH_ENDED" 'printf "INIT WENT ON\n"' end
        watch_end 2
}

# check_null_syscall_budget NN MAX: bench's getpid round trip, from the
# user's SYSCALL to the first user instruction after it, retires at most
# MAX instructions: the trip column of bench's table, which the cost plugin
# counted from outside the guest (not the icount column, the figure the
# guest's bench printed), and which the lab's cycle checks make anyway
check_null_syscall_budget() {
        require_boot
        local tsv=$BATS_TEST_TMPDIR/bench-$1.tsv n
        lab_bench_tsv "$tsv" "$1"
        n=$(bench_field "$tsv" "$1" getpid trip) && [[ $n =~ ^[0-9]+$ ]] ||
                fail "lab $1: no getpid figure in bench's table: $n"
        (( n <= $2 )) || fail "getpid: $n instructions per round trip; the budget is $2"
}

# check_cycles_vs_reference NN OTHER PATH...: on each PATH the entry path
# costs fewer modelled cycles in lab NN than in the reference lab OTHER
# (entry_vs_reference, timing.bash); the instructions are printed beside,
# not judged (the six checks add some)
check_cycles_vs_reference() {
        require_boot
        entry_vs_reference "$1" "$2" fewer entry_cycles "${@:3}"
}

# check_full_restore_met NN: TIF_FULL_RESTORE asks for the checked exit;
# once the checks have judged the frame the request is met, whichever exit
# they chose. In bench, the rt_sigreturn back to the syscall a signal struck
# leaves by SYSRET: at that SYSRETQ the flag must be clear, or every later
# syscall of the process would take the slow exit for nothing.
check_full_restore_met() {
        require_boot
        bench_exits "$1" full_restore
        saw "EXIT sysretq" "the rt_sigreturn after the kill did not leave by sysretq, though its frame passes the six checks"
        saw "FULL_RESTORE 0" "TIF_FULL_RESTORE was still set at the SYSRETQ: the checks met the request, and every later syscall of the process would take the checked exit for nothing"
}

# bench_watch_full_restore NN: the exit of the rt_sigreturn after the next
# kill, and the flag there
bench_watch_full_restore() {
        echo delete
        echo 'break sys_kill'
        echo continue
        echo delete
        echo 'break sys_rt_sigreturn'
        echo continue
        echo 'set $p = cpu_data.current_task->pid'
        echo delete
        exit_breaks_of_task "$1"
        echo continue
        print_exit
        # bit 10: TIF_FULL_RESTORE (common/include/thread_info.h)
        echo 'printf "FULL_RESTORE %d\n", (cpu_data.current_task->thread_info.flags >> 10) & 1'
}

# the checks here that drive GDB or make bench's table, which may run
# ahead (entrylab.bash)
may_run_ahead check_exits_by check_bench_exits_by check_top_page_irets check_full_restore_met check_cycles_vs_reference check_null_syscall_budget
