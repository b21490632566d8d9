# twophase.bash - checks for the labs whose entry work runs in two phases
# (05 on): a syscall whose only entry work is a seccomp filter rejoins the
# fast path. Load after lib/entrylab, lib/exits, lib/timing, lib/fullframe.

# fast_site NAME: the address of seccomp_fast's labelled SYSCALL NAME
fast_site() {
        symbol seccomp_fast "seccomp_fast_$1" || fail "no seccomp_fast_$1 in build/user/bin/seccomp_fast"
}

# sysret_regs_check: GDB commands, at a SYSRETQ, that print rcx, r11 and
# what they must be: the frame's ip and flags (the stack still holds the
# frame SYSCALL's entry built, just below the top)
sysret_regs_check() {
        echo "printf \"SYSRET rcx %#lx ip %#lx r11 %#lx saved %#lx\\n\", \$rcx, $FRAME->ip, \$r11, $FRAME->r11"
}

# check_filtered_getpid_sysret NN: under seccomp_fast's filter, which allows
# getpid, getpid leaves by sysretq three times in a row, with rcx = the
# return rip (the SYSCALL's address + 2) and r11 = the user's rflags as
# SYSCALL saved them (pt_regs->r11; SYSRET reloads the flags slot). A
# watcher of seccomp_fast, in the lab's shared session (watch.bash).
check_filtered_getpid_sysret() {
        require_boot
        local site ret
        site=$(fast_site allow)
        ret=$(printf '%#x' $(( site + 2 )))
        watched "$1" filtered_getpid_sysret seccomp_fast
        printed EXIT
        assert_equal "$PRINTED" "EXIT sysretq EXIT sysretq EXIT sysretq"
        local line
        while read -r line; do
                set -- $line
                [ "$3" = "$ret" ] && [ "$5" = "$ret" ] || fail "SYSRET with rcx=$3, frame ip=$5, the return rip is $ret"
                [ "$7" = "$9" ] || fail "SYSRET with r11=$7, SYSCALL saved the rflags $9 (pt_regs->r11)"
        done < <(grep -o 'SYSRET rcx .*' <<< "$output")
}

# watch_filtered_getpid_sysret NN I seccomp_fast: from the allowed
# getpid's entry, its first three exits, with rcx and r11 at a SYSRETQ
watch_filtered_getpid_sysret() {
        local ret i
        watch_symbol ret seccomp_fast seccomp_fast_allow || return 0
        ret=$(printf '%#x' $(( ret + 2 )))
        watch_arm "$2" "entry_SYSCALL_64 if \$rcx == $ret" "the allowed getpid"
        echo 'delete $w'
        exit_breaks "$1" "$ret"
        for i in 1 2 3; do
                watch_continue "the allowed getpid's exit $i"
                print_exit
                echo 'if $pc != &native_irq_return_iret'
                sysret_regs_check
                echo end
        done
        watch_end 4
}

# check_errno_skips_by_sysret NN: SECCOMP_RET_ERRNO is answered in phase
# 1: seccomp_fast's getppid is skipped, gets -EPERM, and leaves by sysretq
check_errno_skips_by_sysret() {
        require_boot
        passed "seccomp_fast" "ERRNO: getppid skipped, -EPERM"
        watched "$1" errno_skips_by_sysret seccomp_fast
        never_saw "RAN sys_getppid" "getppid ran: the filter's ERRNO must skip the syscall"
        saw "EXIT sysretq" "the ERRNO'd getppid did not leave by sysretq: phase 1 alone answered it, and nothing asks for IRET"
        saw "AX -1$|AX -1[^0-9]" "getppid did not return -EPERM (-1), the filter's answer"
}

# watch_errno_skips_by_sysret NN I seccomp_fast: from the ERRNO'd
# getppid's entry, its handler (it must not run) or its exit, and rax
watch_errno_skips_by_sysret() {
        local ret
        watch_symbol ret seccomp_fast seccomp_fast_errno || return 0
        ret=$(printf '%#x' $(( ret + 2 )))
        watch_arm "$2" "entry_SYSCALL_64 if \$rcx == $ret" "the ERRNO'd getppid"
        echo 'delete $w'
        watch_break "$2" sys_getppid
        exit_breaks "$1" "$ret"
        watch_continue "the ERRNO'd getppid's exit"
        printf '%s\n' 'if $pc == &sys_getppid' 'printf "RAN sys_getppid\n"' else
        print_exit
        echo 'printf "AX %ld\n", (long)$rax'
        echo end
        watch_end 2
}

# check_phase1_rewrites_nothing NN: GDB saves the frame at
# syscall_trace_enter_phase1 for seccomp_fast's ERRNO'd getppid, lets phase
# 1 run, and compares: only ax and orig_ax may differ
check_phase1_rewrites_nothing() {
        require_boot
        local s before after changed=
        watched "$1" phase1_rewrites_nothing seccomp_fast
        for s in $PHASE1_SLOTS; do
                [[ $output =~ BEFORE\ $s\ (0x[0-9a-f]+|0) ]] || fail "GDB never stopped in phase 1: $(gdb_last 3)"
                before=${BASH_REMATCH[1]}
                [[ $output =~ AFTER\ $s\ (0x[0-9a-f]+|0) ]] || fail "phase 1 never returned: $(gdb_last 3)"
                after=${BASH_REMATCH[1]}
                [ "$before" = "$after" ] && continue
                case $s in
                ax|orig_ax) ;;
                *) changed+=" $s $before -> $after;" ;;
                esac
        done
        [ -z "$changed" ] || fail "phase 1 rewrote pt_regs beyond ax and orig_ax:$changed"
        # the ERRNO filter did answer in phase 1: ax = -EPERM
        saw "AFTER ax 0xffffffffffffffff" "the ERRNO filter's answer is not in ax after phase 1: -EPERM (0xffffffffffffffff) belongs there" "AFTER ax"
}

# the frame's slots check_phase1_rewrites_nothing compares
PHASE1_SLOTS="r15 r14 r13 r12 bp bx r11 r10 r9 r8 ax cx dx si di orig_ax ip cs flags sp ss"

# watch_phase1_rewrites_nothing NN I seccomp_fast: the frame before and
# after phase 1 of the ERRNO'd getppid
watch_phase1_rewrites_nothing() {
        local site s
        watch_symbol site seccomp_fast seccomp_fast_errno || return 0
        watch_arm "$2" "syscall_trace_enter_phase1 if $FRAME->ip == $site + 2" "phase 1 of the ERRNO'd getppid"
        for s in $PHASE1_SLOTS; do echo "printf \"BEFORE $s %#lx\\n\", $FRAME->$s"; done
        watch_continue "phase 1's return" finish_at_caller
        for s in $PHASE1_SLOTS; do echo "printf \"AFTER $s %#lx\\n\", $FRAME->$s"; done
        watch_end 2
}

# check_filter_overhead_cut NN OTHER: the overhead of an allow-all filter
# over a bare getpid (bench's seccomp and getpid paths) on the entry path
# (the filter's own run left out: grading/lib/bench), lab NN against the
# reference lab OTHER (grading/reference.tsv). It must shrink in
# instructions, and in modelled cycles by at least the IRETQ - SYSRETQ
# weight: the exit is the part of seed 000's saving that a full-frame
# kernel still has to win.
check_filter_overhead_cut() {
        require_boot
        local tsv=$BATS_TEST_TMPDIR/bench-$1.tsv
        lab_bench_tsv "$tsv" "$1"
        local c0 c1 t0 t1 g
        c1=$(( $(bench_field "$tsv" "$1" seccomp entry_cycles) - $(bench_field "$tsv" "$1" getpid entry_cycles) ))
        t1=$(( $(bench_field "$tsv" "$1" seccomp entry) - $(bench_field "$tsv" "$1" getpid entry) ))
        c0=$(( $(bench_field "$REFERENCE_TSV" "$2" seccomp entry_cycles) - $(bench_field "$REFERENCE_TSV" "$2" getpid entry_cycles) ))
        t0=$(( $(bench_field "$REFERENCE_TSV" "$2" seccomp entry) - $(bench_field "$REFERENCE_TSV" "$2" getpid entry) ))
        echo "filter overhead on the entry path: lab $2 $t0 instructions, $c0 cycles; lab $1 $t1 instructions, $c1 cycles ($(( (c0 - c1) * 100 / c0 ))% fewer cycles)"
        assert_equal "lab $1 seccomp exit: $(bench_field "$tsv" "$1" seccomp exit)" "lab $1 seccomp exit: sysretq"
        (( t1 < t0 )) || fail "the filter costs $t1 instructions over getpid in lab $1, $t0 in lab $2: expected fewer"
        local w=$(( $(cost_weight iretq) - $(cost_weight sysretq) ))
        (( c0 - c1 >= w )) || fail "the filter's overhead fell by $(( c0 - c1 )) cycles (lab $2 $c0, lab $1 $c1): expected at least the IRET's $w"
}

# check_rejoin_decides NN: tracesys's use of phase 1's answer
# (05-rejoin-fastpath) judged on its own, whatever phase 1 computes: GDB
# sends two of the probe's syscalls (init=/bin/frameprobe) to tracesys
# (TIF_SYSCALL_AUDIT set at the entry, cleared in phase 1) and, when phase
# 1 returns, stands in for its answer. 0 with the number in the frame
# changed (to getppid, 110) must rejoin entry_SYSCALL_64_fastpath with
# rax = 110; 1 must go to tracesys_phase2 with rax = 1.
check_rejoin_decides() {
        require_boot own-boot
        local flags='cpu_data.current_task->thread_info.flags' answer
        run gdb_session "$1" init=/bin/frameprobe < <(
                at_probe_syscall
                for answer in 0 1; do
                        [ "$answer" = 0 ] || printf "%s\n" delete "break entry_SYSCALL_64" continue
                        printf "%s\n" "set var $flags |= 1 << 7" delete \
                                "break syscall_trace_enter_phase1" continue "set var $flags &= ~(1 << 7)" finish_at_caller \
                                "set var \$rax = $answer"
                        [ "$answer" = 1 ] || echo 'set var ((struct pt_regs *)$rsp)->orig_ax = 110'
                        printf "%s\n" delete "break entry_SYSCALL_64_fastpath" "break tracesys_phase2" continue \
                                'if $pc == &entry_SYSCALL_64_fastpath' 'printf "WENT fastpath rax=%d\n", $rax' \
                                else 'printf "WENT phase2 rax=%d\n", $rax' end
                done
                echo kill
                echo quit
        )
        local went
        went=$(grep -o "WENT [a-z0-9]* rax=-*[0-9]*" <<< "$output" | cut -d" " -f2- | paste -sd" " -)
        [ "$went" = "fastpath rax=110 phase2 rax=1" ] ||
                fail "tracesys went to: $went (phase 1 answering 0, then 1; expected fastpath rax=110 phase2 rax=1)"
}

# check_phase2_gets_phase1_result NN: phase 1's answer reaches phase 2 as
# its third argument (phase1_result, rdx): without it phase 2 reads
# whatever phase 1 left in rdx, and a RET_TRACE result is handed to
# seccomp_phase2 or not by chance. Judged on the probe's own boot, as
# check_rejoin_decides: GDB sends a syscall to tracesys (TIF_SYSCALL_AUDIT
# set at the entry, cleared in phase 1), stands in for phase 1's answer
# with a RET_TRACE result (SECCOMP_RET_TRACE | 42) and reads rdi and rdx
# when phase 2 is called.
check_phase2_gets_phase1_result() {
        require_boot own-boot
        local flags='cpu_data.current_task->thread_info.flags' want=0x7ff0002a
        run gdb_session "$1" init=/bin/frameprobe < <(
                at_probe_syscall
                printf "%s\n" "set var $flags |= 1 << 7" delete \
                        "break syscall_trace_enter_phase1" continue "set var $flags &= ~(1 << 7)" finish_at_caller \
                        "set var \$rax = $want" delete "break syscall_trace_enter_phase2" continue \
                        'if $pc == &syscall_trace_enter_phase2' \
                        "printf \"PHASE2 rdi %#lx frame %#lx rdx %#lx\\n\", \$rdi, $FRAME, \$rdx" end
                echo kill
                echo quit
        )
        [[ $output =~ PHASE2\ rdi\ (0x[0-9a-f]+|0)\ frame\ (0x[0-9a-f]+|0)\ rdx\ (0x[0-9a-f]+|0) ]] ||
                fail "phase 1 answered $want (a RET_TRACE result), but GDB never stopped in syscall_trace_enter_phase2: $(gdb_last 3)"
        [ "${BASH_REMATCH[3]}" = "$want" ] ||
                fail "phase 2 was not given phase 1's result: syscall_trace_enter_phase2 got phase1_result (rdx) = ${BASH_REMATCH[3]}, phase 1 returned $want (rax)"
        [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] ||
                fail "phase 2 got rdi = ${BASH_REMATCH[1]}, not the frame (${BASH_REMATCH[2]})"
}

# the checks here that drive GDB or make bench's table, which may run
# ahead (entrylab.bash)
may_run_ahead check_errno_skips_by_sysret check_filtered_getpid_sysret check_phase1_rewrites_nothing check_phase2_gets_phase1_result check_rejoin_decides check_filter_overhead_cut
# the checks here that judge the probe's boot alone (entrylab.bash)
boots_its_own check_rejoin_decides check_phase2_gets_phase1_result
