# trace.bash - ptrace and seccomp, the services of the entry work
# (syscall_trace_enter, syscall_exit_work): what every lab keeps once they
# exist. The programs join the file-wide boot; each check reads $SERIAL.
# Load after lib/abi.

TRACE_PROGRAMS="ptrace_syscall seccomp_filter seccomp_bad seccomp_fast"
ALL_PROGRAMS="$ALL_PROGRAMS $TRACE_PROGRAMS"

# passed PROGRAM WHAT...: each "PROGRAM: WHAT: ok" line was printed
passed() {
        local prog=$1 what
        shift
        for what in "$@"; do
                has_line "$prog: $what: ok" ||
                        fail "no '$prog: $what: ok'; $prog said: $(tr -d '\r' < "$SERIAL" | grep -F "$prog: ${what%%:*}" | head -3)"
        done
}

# no FAIL from any trace program, and each said "0 failure(s)"
check_trace_programs_pass() {
        require_boot
        local prog
        for prog in $TRACE_PROGRAMS; do
                has_line "$prog: 0 failure(s)" || fail "$prog: $(serial "$prog: .*FAIL" | head -3)"
        done
}

check_ptrace_changes() {
        require_boot
        passed "ptrace_syscall: tracer" \
                "execve stops the tracee with SIGTRAP (0x57f)" \
                "SETOPTIONS TRACESYSGOOD" \
                "every syscall stop reports SIGTRAP|0x80" \
                "the tracee's exit reaches wait4, status 0"
        passed "ptrace_syscall: child" \
                "getpid became getppid at the entry stop" \
                "write's buffer and length changed" \
                "exit skipped with orig_ax = -1, ax = 0x1234" \
                "getppid's result changed at the exit stop"
        # the write printed what the tracer chose, not what the child asked
        has_line "ptrace_syscall: child: this line was chosen by the tracer" || fail "the tracer's buffer was not written"
        ! has_line "ptrace_syscall: child: the tracer did not change this write" || fail "the child's own buffer was written"
}

check_ptrace_regs() {
        require_boot
        passed "ptrace_syscall: tracer" \
                "GETREGS at the entry stop shows the child's registers" \
                "SETREGS" \
                "GETREGS returns what SETREGS wrote" \
                "exit stop: getpid ran, the new registers stayed" \
                "PEEKUSR orig_ax = 39"
        passed "ptrace_syscall: child" \
                "rip moved by SETREGS" \
                "rsp moved by SETREGS" \
                "rbx rbp r12-r15 set by SETREGS" \
                "AC and DF set by SETREGS"
}

check_ptrace_privilege() {
        require_boot
        passed "ptrace_syscall: tracer" \
                "SETREGS with the kernel CS = -EIO" \
                "SETREGS with the kernel SS = -EIO" \
                "a refused SETREGS changes nothing" \
                "SETREGS cannot clear IF or raise IOPL" \
                "non-canonical rip 0x800000000000: SETREGS = 0, SIGSEGV stop, the tracee dies of SIGSEGV" \
                "CS 0x13 (kernel code, RPL 3): SETREGS = 0, SIGSEGV stop, the tracee dies of SIGSEGV"
        passed "ptrace_syscall: child" "IF kept and IOPL 0 despite SETREGS"
        # the bad frames were the tracee's faults at IRET, not the kernel's
        [ "$(serial 'ptrace_syscall\[[0-9]*\]: #GP general protection at ip 0x800000000000 ' | wc -l)" = 1 ] ||
                fail "no #GP at the non-canonical rip: $(serial 'ptrace_syscall\[')"
        [ "$(serial 'ptrace_syscall\[[0-9]*\]: #GP general protection at ip 0x40[0-9a-f]* sp 0x7fff[0-9a-f]* error 0x10: killed by signal 11' | wc -l)" = 1 ] ||
                fail "no #GP for CS 0x13 at IRET: $(serial 'ptrace_syscall\[')"
}

check_ptrace_errors() {
        require_boot
        has_line "ptrace_syscall: TRACEME twice = -1" || fail "TRACEME twice is not -EPERM"
        passed "ptrace_syscall: tracer" \
                "GETREGS to a bad pointer = -EFAULT" \
                "SETREGS from a bad pointer = -EFAULT" \
                "an unknown request = -EIO" \
                "an unknown option = -EINVAL" \
                "GETREGS on a process not traced by us = -ESRCH" \
                "GETREGS on a running tracee = -ESRCH" \
                "CONT on a running tracee = -ESRCH" \
                "PTRACE_KILL on a running tracee: it dies of SIGKILL" \
                "PTRACE_KILL at a stop: the tracee dies of SIGKILL" \
                "kill(SIGKILL) of a stopped tracee: it dies of SIGKILL"
}

check_seccomp_actions() {
        require_boot
        passed seccomp_filter \
                "allow-all: seccomp() = 0" "allow-all: PR_GET_SECCOMP = 2" "allow-all: getppid runs" \
                "no_new_privs starts 0" "PR_SET_NO_NEW_PRIVS" "no_new_privs reads 1" \
                "errno: prctl(PR_SET_SECCOMP) = 0" "errno: getpid = -42, skipped" \
                "errno: data 0xffff is capped at -4095" \
                "errno: write(99, ...) = -7 (the filter read args[0])" "errno: write(1, ...) allowed" \
                "trap: SIGSYS handler installed" "trap: the handler ran once" \
                "trap: si_code SYS_SECCOMP, si_errno = data 7" \
                "trap: si_syscall 110, si_arch AUDIT_ARCH_X86_64" \
                "trap: si_call_addr = the rip after SYSCALL" \
                "trap: the handler's rax is the number (rolled back)" \
                "trap: getppid skipped, returns the handler's rax" \
                "trap without a handler: killed by SIGSYS" \
                "kill-process: killed by SIGSYS" "kill-thread: killed by SIGSYS" \
                "strict: seccomp(SET_MODE_STRICT) = 0, write still works" \
                "strict: getpid kills with SIGKILL"
}

check_seccomp_trace() {
        require_boot
        passed seccomp_filter \
                "trace without a tracer: -ENOSYS" \
                "trace: stop 0x705 with event message 0x77 at getppid" \
                "trace: second stop, message 0x78 at getpid" \
                "trace: the tracer skipped getppid with ax = 555" \
                "trace: getpid ran after its stop" \
                "trace: two stops, the tracee exits 0"
}

check_seccomp_stack_inherit() {
        require_boot
        passed seccomp_filter \
                "stacked: a later ALLOW does not undo ERRNO" \
                "stacked: newest ERRNO wins, TRACE is weaker" \
                "stacked: KILL_PROCESS beats all" \
                "inherited: the fork child's getpid = -3" \
                "inherited: the fork child's mode is 2" \
                "inherited: the filter survives execve in the child" \
                "inherited: the parent's getpid = -3"
}

check_seccomp_numbers() {
        require_boot
        passed seccomp_filter \
                "numbers: 1000 reaches the filter (-33)" \
                "numbers: -1 reaches the filter (-34)" \
                "numbers: 500 allowed, then -ENOSYS" \
                "numbers: 0x7fffffff allowed, then -ENOSYS"
}

check_seccomp_bad_programs() {
        require_boot
        local what
        while IFS= read -r what; do
                has_line "seccomp_bad: $what = -22: ok" || fail "not -EINVAL: $(serial "seccomp_bad: ${what%% *}")"
        done <<'EOF'
unknown opcode
conditional jump past the end
JA past the end
JA backwards (k = -2)
last instruction not RET
misaligned load (k = 1)
load past seccomp_data (k = 64)
byte load (packet op)
indirect load (packet op)
MOD (not for seccomp)
division by constant 0
shift by 32
scratch memory read before written
scratch memory index 16
memory written on one path only
length 0
length 4097
unknown flag
unknown operation
prctl mode 3
prctl with a bad program
EOF
        has_line "seccomp_bad: bad sock_fprog pointer = -14: ok" || fail "bad sock_fprog pointer"
        has_line "seccomp_bad: bad filter pointer = -14: ok" || fail "bad filter pointer"
        has_line "seccomp_bad: nothing installed: PR_GET_SECCOMP = 0: ok" || fail "a refused filter was installed"
        has_line "seccomp_bad: ST then LD MEM = 0: ok" || fail "a valid scratch-memory program was refused"
        has_line "seccomp_bad: 4096-instruction filters stacked: 7, then -12: ok" ||
                fail "path limit: $(serial 'seccomp_bad: 4096')"
}

# Filters and tracees give back every page: three runs free what one does.
check_trace_no_page_leak() {
        check_no_page_leak "$1" "$TRACE_PROGRAMS"
}
leak_boots_ahead check_trace_no_page_leak "$TRACE_PROGRAMS"

# From outside: the tracee's return from the syscall stop where the tracer
# rewrote its frame is an IRET of exactly that frame (rip at the landing,
# AC and DF set, the new rbx/r15 already restored), whatever the lab's
# fast path would have done (force_iret; CVE-2014-4699). Its watcher shares
# a boot with the lab's others (PROGRAM_WATCHES, watch.bash).
check_gdb_ptrace_iret() {
        require_boot
        local landing
        landing=$(symbol ptrace_syscall trace_regs_landing) || fail "no trace_regs_landing in ptrace_syscall"
        watched "$1" ptrace_iret ptrace_syscall
        [[ $output =~ IRET\ ip\ (0x[0-9a-f]+)\ cs\ 0x33\ flags\ (0x[0-9a-f]+)\ ss\ 0x2b\ rbx\ 0x1010101010101010\ r15\ 0x6060606060606060 ]] ||
                fail "no IRET of the tracer's frame: $(grep -E 'IRET|ENDED|Breakpoint|Error|error' <<< "$output" | head -5)"
        assert_equal "${BASH_REMATCH[1]}" "$landing"
        local flags=$((BASH_REMATCH[2]))
        (( (flags & 0x40600) == 0x40600 )) || fail "flags $(printf %#x $flags): want AC, DF and IF set"
        [[ $output =~ ptrace_syscall\[[0-9]+\],\ TIF\ flags ]] ||
                fail "the IRET of the tracer's frame was not ptrace_syscall's: $(grep 'TIF flags' <<< "$output" | head -1)"
}

# watch_ptrace_iret NN I PROGRAM: check_gdb_ptrace_iret's watcher: the
# IRET to the landing the tracer wrote (watch.bash)
watch_ptrace_iret() {
        local landing
        watch_symbol landing "$3" trace_regs_landing || return 0
        watch_arm "$2" "native_irq_return_iret if *(unsigned long *)\$rsp == $landing" "the IRET to trace_regs_landing"
        echo 'delete $w'
        echo 'printf "IRET ip %#lx cs %#lx flags %#lx ss %#lx rbx %#lx r15 %#lx\n", *(unsigned long *)$rsp, *(unsigned long *)($rsp + 8), *(unsigned long *)($rsp + 16), *(unsigned long *)($rsp + 32), $rbx, $r15'
        echo whoami
        echo end
}

# the checks here that drive GDB, which may run ahead (entrylab.bash)
may_run_ahead check_gdb_ptrace_iret
