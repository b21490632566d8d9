# signals.bash - the signal services every lab keeps: rt_sigaction,
# rt_sigprocmask, kill, delivery, rt_sigreturn, exceptions as signals,
# iopl, -EFAULT for bad user pointers. Each check reads $SERIAL, the
# file-wide boot of ALL_PROGRAMS (abi.bash), which these programs join.

SIGNAL_PROGRAMS="sigbasic sigregs sigfault syscall_nt single_step_syscall sysret_rip iopl syscall_arg_fault"
ALL_PROGRAMS="$ALL_PROGRAMS $SIGNAL_PROGRAMS"

# expect PREFIX <<< "lines": the program printed exactly these lines
# under PREFIX, in this order
expect_lines() {
        local want
        want=$(cat)
        assert_serial "$1" "$want"
}

check_sig_basic() {
        require_boot
        expect_lines 'sigbasic: ' <<'EOF_'
sigbasic: kill-self: ret=0 hits=1 sig=10 signo=10 code=0 pid_is_self=1 ok
sigbasic: frame: layout=1 aligned=1 uc_sigmask=0x0 blocked_in_handler=0x200 ok
sigbasic: mask-after-return: blocked=0x0 ok
sigbasic: block: old=0x0 while_blocked=0 after_unblock=1 ok
sigbasic: block-all: blocked=0xfffffffffffbfeff ok
sigbasic: sigprocmask-errors: how=-22 size=-22 ok
sigbasic: sigaction-errors: size=-22 sig0=-22 sig65=-22 sigkill=-22 sigstop=-22 query_kill=0 ok
sigbasic: kill-errors: sig65=-22 sig-1=-22 nopid=-3 sig0=0 init_sigterm=0 ok
sigbasic: resethand: hits=1 handler_after=0 second_status=0xc ok
sigbasic: nodefer: default_depth=1 nodefer_depth=2 ok
sigbasic: sa_mask: order=10,-10,12,-12 ok
sigbasic: kill-child: sig=15 kill=0 status=0xf ok
sigbasic: kill-child: sig=2 kill=0 status=0x2 ok
sigbasic: kill-child: sig=11 kill=0 status=0xb ok
sigbasic: kill-child: sig=3 kill=0 status=0x3 ok
sigbasic: kill-child: sig=9 kill=0 status=0x9 ok
sigbasic: kill-blocked-child: alive_after_ignored=1 status=0x9 ok
sigbasic: wait4-eintr: wait4=-4 handled=1 then=1 status=0x9 ok
sigbasic: wait4-restart: wait4_is_child=1 handled=1 status=0x700 ok
sigbasic: sigchld: code=1 status=3 pid_is_child=1 ok
sigbasic: no-restorer: status=0xb ok
sigbasic: sigchld-ignored: forked=100 wait4=-10 ok
sigbasic: fpu-handler: xmm0=0x0 mxcsr=0x1f80 (a fresh FPU) ok
sigbasic: fpu-frame: fpstate_placed=1 xmm0=0x123456789abcdef mxcsr=0x3f80 ok
sigbasic: fpu-sigreturn: xmm0=0x123456789abcdef mxcsr=0x3f80 ok
sigbasic: fpu-frame-write: xmm0=0xfeedface mxcsr=0x3f80 ok
sigbasic: fpu-bad-mxcsr: child status=0x0 ok
sigbasic: 0 failure(s)
EOF_
}

# the registers sigregs loads (IN) and its handler writes (OUT), by name
sigregs_line() {        # sigregs_line LABEL BASE FLAGS
        local names=(rax rbx rcx rdx rsi rdi rbp r8 r9 r10 r11 r12 r13 r14 r15) i line=$1: reg
        for i in "${!names[@]}"; do
                printf -v reg ' %s=%#x' "${names[$i]}" $(($2 + i))
                line+=$reg
        done
        echo "$line rflags=$3 cs=0x33 ss=0x2b ok"
}

check_sigreturn_regs() {
        require_boot
        local mode
        for mode in honest hostile badss compat; do
                assert_serial "sigregs: $mode handler saw" \
                        "$(sigregs_line "sigregs: $mode handler saw" 0xa1a2a3a4a5a6a700 0x40ed7)"
                assert_serial "sigregs: $mode handler:" \
                        "sigregs: $mode handler: rip_is_ud2=1 rsp_ok=1 handler_df_tf=0x0 signo=4 code=2 addr_is_rip=1 trapno=6 ok"
        done
        # every register, rip and the user flags as the handler wrote them;
        # cs taken from the frame: __USER32_CS runs the ud2 in 32-bit mode,
        # whose signal frame does not vouch for its ss (UC_SIGCONTEXT_SS
        # alone), and sigreturn from there reaches 64-bit code again with
        # the kernel's ss written into that frame replaced by __USER_DS
        assert_serial 'sigregs: honest after' \
                "$(sigregs_line 'sigregs: honest after sigreturn' 0x5152535455565700 0x40a03)"
        assert_serial 'sigregs: compat ud2' \
                'sigregs: compat ud2 trapped: traps=2 signo=4 cs=0x23 rip_is_compat_ud2=1 uc_flags=0x2 ok'
        assert_serial 'sigregs: compat after' \
                "$(sigregs_line 'sigregs: compat after sigreturn' 0x5152535455565700 0x40a03)"
}

# a frame asking for kernel CS/SS, IOPL 3, NT and IF off: rt_sigreturn
# takes the segments at RPL 3 and the user flags only, the IRET refuses
# __KERNEL_CS | 3 (#GP, error code 0x10) and the task gets SIGSEGV at the
# rip it asked for, still in user mode, without IOPL or NT; its handler
# puts the user segments back (and the kernel is still there to say so).
# A frame made in 64-bit mode vouches for its ss: an LDT selector there
# (0x2f, with rcx = rip and r11 = rflags, as SYSRET would take it) is
# kept, and refused by the IRET (#GP 0x2c: there is no LDT)
check_sigreturn_hostile() {
        require_boot
        assert_serial 'sigregs: hostile frame' \
                'sigregs: hostile frame refused: traps=2 signo=11 code=0x80 trapno=13 err=0x10 rip_is_resume=1 cs=0x13 ss=0x1b rflags=0x40a03 regs_ok=1 ok'
        assert_serial 'sigregs: badss frame' \
                'sigregs: badss frame refused: traps=2 signo=11 code=0x80 trapno=13 err=0x2c rip_is_resume=1 cs=0x33 ss=0x2f rflags=0x40a03 regs_ok=1 ok'
        assert_serial 'sigregs: badss after' \
                "$(sigregs_line 'sigregs: badss after sigreturn' 0x5152535455565700 0x40a03)"
        assert_serial 'sigregs: hostile after' \
                "$(sigregs_line 'sigregs: hostile after sigreturn' 0x5152535455565700 0x40a03)"
        assert_serial 'sigregs: 0 failure' "sigregs: 0 failure(s)"
}

# each exception from user mode, caught: Linux's signal, si_code, si_addr,
# and the sigcontext's trapno, err, cr2 (the last #PF's), rip
check_exception_signals() {
        require_boot
        expect_lines 'sigfault: ' <<'EOF_'
sigfault: de: signo=8 code=0x1 addr=insn+0 trapno=0 err=0x0 cr2=0x0 rip=insn+0 ok
sigfault: ud: signo=4 code=0x2 addr=insn+0 trapno=6 err=0x0 cr2=0x0 rip=insn+0 ok
sigfault: bp: signo=5 code=0x80 addr=0x0 trapno=3 err=0x0 cr2=0x0 rip=insn+1 ok
sigfault: gp: signo=11 code=0x80 addr=0x0 trapno=13 err=0x0 cr2=0x0 rip=insn+0 ok
sigfault: pf-read: signo=11 code=0x1 addr=0x10 trapno=14 err=0x4 cr2=0x10 rip=insn+0 ok
sigfault: pf-write: signo=11 code=0x2 addr=read_only trapno=14 err=0x7 cr2=read_only rip=insn+0 ok
sigfault: pf-kernel: signo=11 code=0x1 addr=0xffffffff80100000 trapno=14 err=0x5 cr2=0xffffffff80100000 rip=insn+0 ok
sigfault: pf-exec: signo=11 code=0x2 addr=data_page trapno=14 err=0x15 cr2=data_page rip=data_page ok
sigfault: db: signo=5 code=0x2 addr=insn+1 trapno=1 err=0x0 cr2=data_page rip=insn+1 ok
sigfault: 0 failure(s)
EOF_
        # handled faults are not reported as kills on the console
        assert_serial 'sigfault\[' ""
}

# NT, AC, DF, TF set across a syscall are still set after it
check_syscall_nt() {
        require_boot
        expect_lines 'syscall_nt: ' <<'EOF_'
syscall_nt: none: flags_after=0x200 getppid_ok=1 traps_ge_3=0 ok
syscall_nt: NT: flags_after=0x4200 getppid_ok=1 traps_ge_3=0 ok
syscall_nt: AC: flags_after=0x40200 getppid_ok=1 traps_ge_3=0 ok
syscall_nt: DF: flags_after=0x600 getppid_ok=1 traps_ge_3=0 ok
syscall_nt: NT|AC|DF: flags_after=0x44600 getppid_ok=1 traps_ge_3=0 ok
syscall_nt: TF: flags_after=0x300 getppid_ok=1 traps_ge_3=1 ok
syscall_nt: TF|NT: flags_after=0x4300 getppid_ok=1 traps_ge_3=1 ok
syscall_nt: 0 failure(s)
EOF_
}

# TF across SYSCALL: SIGTRAP in user mode right after it, TF kept, no hang
check_single_step_syscall() {
        require_boot
        local line
        serial_match 'single_step_syscall: '; line=$SERIAL_MATCH
        [[ $line =~ ^single_step_syscall:\ getpid_ok=1\ traps_gt_1=1\ first_trap=after_syscall\+[01]\ cs=0x33\ tf_after=1\ tf_after_sigreturn=1\ ok$ ]] ||
                fail "single_step_syscall: $line"
}

# rt_sigreturn to every non-canonical rip from 2^47 to 2^63: SIGSEGV in user
# mode at exactly that rip
check_sysret_rip() {
        require_boot
        local line rip n=0
        while read -r line; do
                parse_fields "$line"       # no subshell per field: 37 lines
                rip=${F[rip]:-}
                [ "${F[segv]:-}" = 1 ] || fail "no SIGSEGV for rip $rip: $line"
                [ "${F[at]:-}" = "$rip" ] || fail "SIGSEGV for rip $rip reported at ${F[at]:-}"
                [ "${F[cs]:-}" = 0x33 ] || fail "SIGSEGV for rip $rip not in user mode: $line"
                n=$((n + 1))
        done < <(serial 'sysret_rip: rip=')
        assert_equal "$n" 37
        serial 'sysret_rip: rip=' | grep -q '^sysret_rip: rip=0x800000000000 ' || fail "2^47 not tested"
        serial 'sysret_rip: rip=' | grep -q '^sysret_rip: rip=0x8000000000000000 ' || fail "2^63 not tested"
        assert_serial 'sysret_rip: 37' "sysret_rip: 37 rips, 0 failure(s)"
}

check_iopl() {
        require_boot
        expect_lines 'iopl: ' <<'EOF_'
iopl: iopl0_outb=SIGSEGV trapno=13 iopl(4)=-22 iopl(3)=0 level=3 iopl3_outb=works ok
iopl: fork child inherits: status=0x0 ok
iopl: after execve: iopl=0 outb=SIGSEGV
iopl: execve resets: status=0x0 ok
iopl: back to 0: iopl(0)=0 outb=SIGSEGV ok
iopl: 0 failure(s)
EOF_
}

# every pointer-taking syscall answers -EFAULT to every kind of bad pointer
check_syscall_arg_fault() {
        require_boot
        local line n=0
        while read -r line; do
                [[ $line =~ \)\ =\ -14\ ok$ ]] || fail "not -EFAULT: $line"
                n=$((n + 1))
        done < <(serial 'syscall_arg_fault: [a-z0-9_-]*(')
        assert_equal "$n" 41
        assert_equal "$(serial 'syscall_arg_fault: syscall with' | grep -c 'getpid_ok=1 ok$')" 3
        assert_serial 'syscall_arg_fault: signal frame' \
                "syscall_arg_fault: signal frame on an unmapped stack: status=0xb ok"
        assert_serial 'syscall_arg_fault: [0-9]' "syscall_arg_fault: 0 failure(s)"
}
