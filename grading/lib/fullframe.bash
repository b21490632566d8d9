# fullframe.bash - checks for the labs that save the whole frame on the
# fast path, clear the registers and call handlers with pt_regs (04 on):
# seen from GDB and from the kernel's own code. Load after lib/entrylab,
# lib/abi (REG_PATTERN) and lib/exits.

# the frame of the current task, for GDB expressions
FRAME='((struct pt_regs *)(cpu_data.top_of_stack - sizeof(struct pt_regs)))'

# The handlers GDB stops at in the regs probe, each at its syscall, in the
# order the probe makes them (mmap, then getpid: common/user/bin/regs.c).
# Their numbers differ: a stop is known by its frame's orig_ax.
HANDLER_STOPS=("sys_mmap 9" "__x64_sys_getpid 39")

# at_handler NN HANDLER NR: GDB output at the first instruction of HANDLER
# for the regs probe's syscall NR (the first of its three flag sets), as
# "REG name value" lines and "FRAME address"; the session's last lines
# when GDB never stopped there. One watcher of regs stops at every handler
# of HANDLER_STOPS, in the lab's shared session of watched programs
# (watch.bash).
at_handler() {
        watched "$1" handler_stops regs
        awk -v nr="$3" '
                match($0, /AT -?[0-9]+$/) { on = (substr($0, RSTART + 3) == nr); found += on; next }
                on { print }
                NF { last[++k % 5] = $0 }
                END { if (!found) for (i = k - 4; i <= k; i++) if (i > 0) print last[i % 5] }' <<< "$output"
}

# watch_handler_stops NN I regs: GDB at each of HANDLER_STOPS in turn; a
# stop prints "AT nr", the registers and the frame's address
watch_handler_stops() {
        local site stop r n=0
        watch_symbol site regs regs_after_syscall || return 0
        for stop in "${HANDLER_STOPS[@]}"; do
                if [ $n = 0 ]; then
                        watch_arm "$2" "${stop% *} if $FRAME->ip == $site && $FRAME->orig_ax == ${stop#* }" "${stop% *}"
                else
                        watch_break "$2" "${stop% *} if $FRAME->ip == $site && $FRAME->orig_ax == ${stop#* }"
                        watch_continue "${stop% *}"
                fi
                n=$((n + 1))
                # one stop each: the handler runs again for the next flag set
                echo 'delete $bpnum'
                echo "printf \"AT %ld\\n\", $FRAME->orig_ax"
                for r in rax rbx rcx rdx rsi rdi rbp rsp r8 r9 r10 r11 r12 r13 r14 r15; do
                        echo "printf \"REG $r %#lx\\n\", \$$r"
                done
                echo "printf \"FRAME %#lx\\n\", $FRAME"
        done
        watch_end $n
}

# check_registers_cleared NN: the regs probe loads a pattern into every
# register and calls getpid, which takes no argument; at the handler's
# first instruction no register may hold any of the user's values but rdi
# and rsi, which the entry keeps (PUSH_AND_CLEAR_REGS): rbx, rbp, rdx and
# r8-r15 hold nothing the user chose.
check_registers_cleared() {
        require_boot
        run at_handler "$1" __x64_sys_getpid 39
        grep -q "REG rax" <<< "$output" || fail "GDB never stopped at __x64_sys_getpid: $(gdb_last 3)"
        local line name value reg bad=
        while read -r _ name value; do
                for reg in rdx r10 r8 r9 rbx rbp r12 r13 r14 r15; do
                        [ "$value" = "${REG_PATTERN[$reg]}" ] &&
                                bad+=" $name holds the user's $reg ($value);"
                done
        done < <(grep -o "REG [a-z0-9]* [0-9a-fx]*" <<< "$output")
        [ -z "$bad" ] || fail "at __x64_sys_getpid (no arguments):$bad"
}

# check_handler_gets_frame NN: the pt_regs convention seen from GDB: at a
# wrapper's first instruction rdi is the task's frame; at the handler
# behind a six-argument syscall (mmap) the C argument registers hold the six
# values the user passed (the fourth from r10, in rcx; fd is an int).
check_handler_gets_frame() {
        require_boot
        run at_handler "$1" __x64_sys_getpid 39
        [[ $output =~ REG\ rdi\ (0x[0-9a-f]+) ]] || fail "GDB never stopped at __x64_sys_getpid: $(gdb_last 3)"
        local rdi=${BASH_REMATCH[1]}
        [[ $output =~ FRAME\ (0x[0-9a-f]+) ]] || fail "no frame address"
        [ "$rdi" = "${BASH_REMATCH[1]}" ] || fail "at __x64_sys_getpid rdi=$rdi, the frame is at ${BASH_REMATCH[1]}"
        run at_handler "$1" sys_mmap 9
        local want got
        for want in "rdi ${REG_PATTERN[rdi]}" "rsi ${REG_PATTERN[rsi]}" "rdx ${REG_PATTERN[rdx]}" \
                    "rcx ${REG_PATTERN[r10]}" "r8 0x55555555" "r9 ${REG_PATTERN[r9]}"; do
                set -- $want
                [[ $output =~ REG\ $1\ (0x[0-9a-f]+) ]] || fail "GDB never stopped at sys_mmap: $(gdb_last 3)"
                got=${BASH_REMATCH[1]}
                # the fifth argument, fd, is an int: only its low half counts
                [ "$1" = r8 ] && got=$(printf "%#x" $(( got & 0xffffffff )))
                [ "$got" = "$2" ] || fail "sys_mmap's argument in $1 is $got, the user passed $2"
        done
}

# between LAB FUNCTION START END [LABELS]: the code of FUNCTION, from the
# first line matching START to the first after it matching END, within 100
# instructions; with LABELS, past the symbols that follow it too (an asm
# entry point and its own labels), else only up to the next symbol
between() {
        objdump -d --no-show-raw-insn -M intel "$(lab_kernel "$1")" |
                awk -v f="<$2>:" -v s="$3" -v e="$4" -v labels="${5:-}" '
                        $2 == f { infn = 1; next }
                        infn && !labels && /^[0-9a-f]+ <.*>:$/ { exit }
                        !infn || !/^ *[0-9a-f]+:/ { next }
                        ++n > 100 { exit }
                        infn && !on && $0 ~ s { on = 1 }
                        on { print }
                        on && $0 ~ e { exit }'
}

# check_nospec_clamp NN: between the bound check of the number and the load
# from sys_call_table, both the fast path (entry_SYSCALL_64) and the slow
# path (do_syscall_64) mask the index with sbb (array_index_nospec), so
# that a mispredicted bound reads inside the table
check_nospec_clamp() {
        require_boot
        local fn code table
        # objdump names the table by its address: [reg*8-0x...] in the top 2 GiB
        table=$(elf_symbol "$(lab_kernel "$1")" sys_call_table)
        [ -n "$table" ] || fail "no sys_call_table in lab $1's kernel"
        table=$(printf "%#x" $(( -0x$table )))
        for fn in entry_SYSCALL_64 do_syscall_64; do
                code=$(between "$1" "$fn" "cmp" "\\*8-$table\\]" "$([ $fn = entry_SYSCALL_64 ] && echo labels)")
                grep -q -- "\*8-$table\]" <<< "$code" || fail "$fn: no load from sys_call_table after a compare"
                grep -qw sbb <<< "$code" || fail "$fn: the index reaches sys_call_table unmasked (no sbb): $(tr -s ' \t' ' ' <<< "$code" | cut -d' ' -f3- | paste -sd';')"
        done
}

# check_fork_exits NN: fork from the regs probe: the parent returns by
# sysretq (its frame is as SYSCALL left it), the child's first return to
# user space is ret_from_fork's iretq. A watcher of regs, in the lab's
# shared session of watched programs (watch.bash).
check_fork_exits() {
        require_boot
        watched "$1" fork_exits regs
        [[ $output =~ FORK\ parent\ ([0-9]+)\ child\ ([0-9]+) ]] || fail "GDB never saw the fork: $(gdb_last 3)"
        local parent=${BASH_REMATCH[1]} child=${BASH_REMATCH[2]} exits
        exits=$(grep -oE '(PID [0-9]+|EXIT [a-z]+)' <<< "$output" | paste -sd' ' | sed 's/ EXIT/:/g')
        [[ $exits == *"PID $parent: sysretq"* ]] || fail "fork's parent (pid $parent) did not leave by sysretq: $exits"
        [[ $exits == *"PID $child: iretq"* ]] || fail "fork's child (pid $child) did not leave by iretq: $exits"
}

# watch_fork_exits NN I regs: at regs' fork, the parent's and the child's
# pids, then the first two returns to the fork's call site, each with its
# task's pid and its exit
watch_fork_exits() {
        local site
        watch_symbol site regs regs_after_syscall || return 0
        watch_arm "$2" "sys_fork if $FRAME->ip == $site" "regs' fork"
        echo 'set $parent = cpu_data.current_task->pid'
        watch_continue "sys_fork's return" finish_at_caller
        echo 'set $child = $rax'
        echo 'printf "FORK parent %d child %d\n", $parent, $child'
        # no reschedule due: exit work would make the parent leave by IRET
        echo "set var cpu_data.current_task->thread_info.flags &= ~(1UL << 3)"
        echo 'delete $w'
        exit_breaks "$1" "$site"
        watch_continue "the fork's first return"
        echo 'printf "PID %d\n", cpu_data.current_task->pid'
        print_exit
        watch_continue "the fork's second return"
        echo 'printf "PID %d\n", cpu_data.current_task->pid'
        print_exit
        watch_end 4
}

# check_fork_called_from_fastpath NN: the fast path calls every handler
# itself, fork's among them (lab 03 sent fork through a ptregs stub and
# its slow path): at __x64_sys_fork's first instruction, in demo's GDB
# session (demo_session), the return address on the stack is after a call
# between entry_SYSCALL_64_fastpath and sysret_check, not in do_syscall_64
# or a stub. (Between the two labels, not in the first one's symbol: a
# student's local label, .ok:, is a symbol of its own.)
check_fork_called_from_fastpath() {
        require_boot
        demo_session "$1" __x64_sys_fork
        output=$(< "$DEMO_GDB")
        [[ $output =~ CALLER\ (0x[0-9a-f]+) ]] ||
                fail "GDB never stopped at __x64_sys_fork: $(gdb_last 3)"
        local ret=${BASH_REMATCH[1]} elf from to
        elf=$(lab_kernel "$1")
        from=$(elf_symbol "$elf" entry_SYSCALL_64_fastpath)
        to=$(elf_symbol "$elf" sysret_check)
        [ -n "$from" ] && [ -n "$to" ] || fail "no entry_SYSCALL_64_fastpath or sysret_check in lab $1's kernel"
        # the call is the byte before its return address (a call may be
        # the last instruction before sysret_check)
        (( ret - 1 >= 16#$from && ret - 1 < 16#$to )) ||
                fail "__x64_sys_fork was called from $(oops_where "$elf" "$ret" return), not from entry_SYSCALL_64_fastpath"
}

# check_cleared_after_push NN: PUSH_AND_CLEAR_REGS (04-push-and-clear)
# judged on its own, whatever the dispatch does: at the probe's first
# getpid (init=/bin/frameprobe, every register a pattern), GDB records the
# user's registers at the entry and stops where the entry code goes on
# after the macro (entry_SYSCALL_64_fastpath or entry_SYSCALL64_slow_path,
# whichever comes first): rbx, rbp, rdx and r8-r15 must no longer hold
# the user's values.
check_cleared_after_push() {
        require_boot own-boot
        local regs="rdx r8 r9 r10 r11 rbx rbp r12 r13 r14 r15" r
        run gdb_session "$1" init=/bin/frameprobe < <(
                at_probe_syscall
                for r in $regs; do echo "set \$u_$r = \$$r"; done
                echo delete
                echo break entry_SYSCALL_64_fastpath
                echo break entry_SYSCALL64_slow_path
                echo continue
                for r in $regs; do echo "printf \"USER $r %d\\n\", \$$r == \$u_$r"; done
                echo kill
                echo quit
        )
        [ "$(grep -o "USER [a-z0-9]* [01]" <<< "$output" | wc -l)" = 11 ] ||
                fail "GDB never got past PUSH_AND_CLEAR_REGS: $(gdb_last 3)"
        local kept
        kept=$(grep -o "USER [a-z0-9]* 1" <<< "$output" | awk '{ printf " %s", $2 }')
        [ -z "$kept" ] || fail "after PUSH_AND_CLEAR_REGS these still hold the user's values:$kept"
}

# check_force_iret_decides NN: sysret_check's test (04-force-iret) judged
# on its own, whatever the dispatch does: GDB sends the probe's three
# syscalls (init=/bin/frameprobe) from entry_SYSCALL_64_fastpath straight to
# sysret_check, with TIF_NEED_RESCHED set, nothing pending, then
# TIF_FULL_RESTORE set (a rewritten frame): they must go to
# int_ret_from_sys_call, syscall_return_via_sysret, int_ret_from_sys_call.
check_force_iret_decides() {
        require_boot own-boot
        local flags='cpu_data.current_task->thread_info.flags' change
        run gdb_session "$1" init=/bin/frameprobe < <(
                at_probe_syscall
                printf "%s\n" delete "break entry_SYSCALL_64_fastpath" continue
                for change in "|= 1 << 3" "&= ~(1 << 3)" "|= 1 << 10"; do
                        printf "%s\n" "set var \$pc = &sysret_check" "set var $flags $change" \
                                "break int_ret_from_sys_call" "break syscall_return_via_sysret" continue
                        print_label
                        printf "%s\n" delete "break entry_SYSCALL_64_fastpath" continue
                done
                echo kill
                echo quit
        )
        local want="int_ret_from_sys_call syscall_return_via_sysret int_ret_from_sys_call"
        printed LABEL
        PRINTED=${PRINTED//LABEL /}
        [ "$PRINTED" = "$want" ] ||
                fail "sysret_check sent a reschedule, nothing pending, TIF_FULL_RESTORE to: $PRINTED (expected $want)"
}

# the checks here that drive GDB or make bench's table, which may run
# ahead (entrylab.bash)
may_run_ahead check_registers_cleared check_handler_gets_frame check_nospec_clamp check_fork_exits check_fork_called_from_fastpath check_cleared_after_push check_force_iret_decides
# the checks here that judge the probe's boot alone (entrylab.bash)
boots_its_own check_cleared_after_push check_force_iret_decides
