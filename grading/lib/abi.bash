# abi.bash - what every lab must keep, whatever its entry path looks like:
# the syscall ABI, the services, the selftest scenarios. A labNN.bats calls
# these; what is specific to a stage is written in that lab's file.
# Each check reads $SERIAL, the file-wide boot of ABI_PROGRAMS.

ABI_PROGRAMS="demo forkwait exectest enosys regs initregs fault compat preempt mmap"

# Programs of the services (signals.bash, trace.bash) join the same boot.
ALL_PROGRAMS="$ABI_PROGRAMS"

# boot_failures: each program init saw fail (five at most), with the first
# line where it said FAIL or the kernel killed it: what the boot's verdict
# ("N program(s) failed") does not name
boot_failures() {
        local name why
        while read -r name; do
                why=$(serial "$name[:[]" | grep -m1 -E "FAIL|killed by signal") || true
                printf "\n  %s" "$(serial "init: $name " | head -n 1)${why:+: $why}"
        done < <(serial "init: " | sed -nE "s/^init: ([a-z0-9_]+) (exited with status|killed by signal) .*/\1/p" | head -n 5)
}

check_boots() {
        require_boot
        [ -s "$SERIAL.verdict" ] && fail "$(cat "$SERIAL.verdict")$(boot_failures)"
        [[ $(serial 'init exited') =~ ^init\ exited\ with\ status\ 0:\ powering\ off ]] ||
                fail "init's last words: $(serial 'init exited')"
}

check_getpid() {
        require_boot
        local line pid ppid child
        serial_match 'demo: getpid()'; line=$SERIAL_MATCH
        [[ $line =~ getpid\(\)\ =\ ([0-9]+),\ getppid\(\)\ =\ ([0-9]+) ]] || fail "no getpid line: $line"
        pid=${BASH_REMATCH[1]} ppid=${BASH_REMATCH[2]}
        assert_equal "$ppid" 1                          # init ran demo
        [ "$pid" -gt 1 ] || fail "demo's pid is $pid"
        serial_match 'demo: child:'; line=$SERIAL_MATCH
        [[ $line =~ getpid\(\)\ =\ ([0-9]+),\ getppid\(\)\ =\ ([0-9]+) ]] || fail "no child line: $line"
        child=${BASH_REMATCH[1]}
        assert_equal "${BASH_REMATCH[2]}" "$pid"        # the child's parent is demo
        [ "$child" != "$pid" ] || fail "child and parent share pid $pid"
        assert_serial 'demo: fork()' "demo: fork() = $child; wait4() = $child, child exit status 42"
}

check_fork_wait() {
        require_boot
        local parent i line pid ppid want
        parent=$(serial 'forkwait: parent' | sed 's/.*pid=//')
        [ -n "$parent" ] || fail "forkwait did not report its pid"
        declare -A status_of
        # one pass over the log: "forkwait: child I pid=... ppid=..."
        local -A child_line
        while read -r line; do
                set -- $line
                child_line[$3]=$line
        done < <(serial 'forkwait: child ')
        for i in $(seq 0 39); do
                line=${child_line[$i]:-}
                parse_fields "$line"
                pid=${F[pid]:-} ppid=${F[ppid]:-}
                [ -n "$pid" ] || fail "child $i did not run"
                assert_equal "$ppid" "$parent"
                status_of[$pid]=$((10 + i))
        done
        assert_equal "$(serial 'forkwait: reaped' | wc -l)" 40
        # the first wait4 names child 0's pid; every child's status arrives
        while read -r line; do
                parse_fields "$line"
                pid=${F[pid]:-}
                want=${status_of[$pid]:-none}
                assert_equal "${F[status]:-}" "$want"
                unset "status_of[$pid]"
        done < <(serial 'forkwait: reaped')
        assert_equal "${#status_of[@]}" 0
        assert_serial 'forkwait: no more' "forkwait: no more children: wait4 = -10"    # -ECHILD
        assert_serial 'forkwait: WNOHANG' "forkwait: WNOHANG with none = -10"
        assert_serial 'forkwait: wait4(0)' "forkwait: wait4(0) = the child, status 3"     # any child
        assert_serial 'forkwait: wait4(-5)' "forkwait: wait4(-5) = -10"   # no such group
        # a zeroed rusage; -EFAULT for a bad one, the child reaped all the same
        assert_serial 'forkwait: rusage' "forkwait: rusage zeroed=1 (__WNOTHREAD taken=1), to a bad pointer = -14, then wait4 = -10"
}

check_execve() {
        require_boot
        assert_serial 'exectest: missing' "exectest: missing program = -2"        # -ENOENT
        assert_serial 'exectest: bad path' "exectest: bad path pointer = -14"     # -EFAULT
        assert_serial 'exectest: bad argv' "exectest: bad argv pointer = -14"
        assert_serial 'exectest: kernel-half' "exectest: kernel-half path = -14"
        # the block echoargs printed for exectest (demo runs it too)
        local block pid
        block=$(tr -d '\r' < "$SERIAL" | grep -B2 -A5 '^echoargs: argv\[1\]=one$') || true
        pid=$(head -n 1 <<< "$block" | sed -n 's/^echoargs: argc=4 pid=\([0-9]*\)$/\1/p')
        [ -n "$pid" ] || fail "echoargs did not start as exectest asked: $block"
        local want="echoargs: argc=4 pid=$pid
echoargs: argv[0]=/bin/echoargs
echoargs: argv[1]=one
echoargs: argv[2]=two words
echoargs: argv[3]=three
echoargs: envp[0]=HOME=/
echoargs: envp[1]=KIT=entrylab
exectest: child exit status 4"
        assert_equal "$block" "$want"
}

check_enosys() {
        require_boot
        local lines
        serial_match 'enosys:'; lines=$SERIAL_MATCH
        assert_equal "$(wc -l <<< "$lines")" 11
        # numbers 4, 5 and 232 (stat, fstat, epoll_wait) are Linux syscalls the kit does not serve
        assert_equal "$(grep -vc 'ret=-38$' <<< "$lines")" 0
        grep -q "nr=-1 ret=-38" <<< "$lines" || fail "syscall -1 did not return -ENOSYS"
        # junk above bit 31 is ignored: 0x1_0000_0027 is getpid (39)
        serial_match "enosys-int:"; lines=$SERIAL_MATCH
        assert_equal "$(wc -l <<< "$lines")" 2
        local line
        while read -r line; do
                parse_fields "$line"
                [ "${F[ret]}" = "${F[getpid]}" ] ||
                        fail "syscall ${F[nr]} returned ${F[ret]}, not getpid's ${F[getpid]}: the number is an int"
        done <<< "$lines"
}

# regs prints, for each probed syscall, every register after SYSCALL
# returned; the patterns it loaded are fixed (regs.asm).
declare -gA REG_PATTERN=(   # -g: bats loads this file inside a function
        [rdi]=0x1111111111111111 [rsi]=0x2222222222222222 [rdx]=0x3333333333333333
        [r10]=0x4444444444444444 [r8]=0x5555555555555555 [r9]=0x6666666666666666
        [rbx]=0x7777777777777777 [rbp]=0x8888888888888888 [r12]=0x9999999999999999
        [r13]=0xaaaaaaaaaaaaaaaa [r14]=0xbbbbbbbbbbbbbbbb [r15]=0xcccccccccccccccc
)

check_regs_preserved() {
        require_boot
        local line reg n=0
        while read -r line; do
                parse_fields "$line"
                for reg in "${!REG_PATTERN[@]}"; do
                        [ "${F[$reg]:-}" = "${REG_PATTERN[$reg]}" ] ||
                                fail "$reg changed across syscall ${F[nr]:-} (flags ${F[flags_in]:-}): ${F[$reg]:-missing}"
                done
                assert_equal "${F[rsp_moved]:-}" 0
                n=$((n + 1))
        done < <(serial 'regs:')
        # 11 numbers x 3 flag sets, and fork seen from both sides
        assert_equal "$n" 35
}

check_rcx_r11() {
        require_boot
        local line after nr flags
        after=$(symbol regs regs_after_syscall) || fail "regs_after_syscall not in build/user/bin/regs"
        while read -r line; do
                parse_fields "$line"
                nr=${F[nr]:-} flags=${F[flags_in]:-}
                [ "${F[rcx]:-}" = "$after" ] ||
                        fail "syscall $nr: rcx=${F[rcx]:-}, want the return rip $after"
                [ "${F[r11]:-}" = "$flags" ] ||
                        fail "syscall $nr: r11=${F[r11]:-}, want rflags $flags"
                [ "${F[rflags]:-}" = "$flags" ] ||
                        fail "syscall $nr: rflags=${F[rflags]:-} after return, want $flags"
        done < <(serial 'regs:')
        # and the results themselves, from the kernel's side of the ABI
        local want
        for want in "4 -38" "1 -9" "9 -22" "24 0" "61 -22" "59 -14" "110 1" "157 -22" "500 -38" "-1 -38"; do
                set -- $want
                serial_match "regs: nr=$1 flags_in=0x202 "
                parse_fields "$SERIAL_MATCH"
                assert_equal "$(( ${F[rax]:-} ))" "$2"
        done
        serial_match 'regs: fork-child'
        parse_fields "$SERIAL_MATCH"
        assert_equal "${F[rax]:-}" 0x0
        serial_match 'regs: fork-parent'
        parse_fields "$SERIAL_MATCH"
        [ "${F[rax]:-}" != 0x0 ] || fail "fork returned 0 to the parent"
}

check_initial_regs() {
        require_boot
        local reg
        for reg in rax rbx rcx rdx rsi rdi rbp r8 r9 r10 r11 r12 r13 r14 r15; do
                assert_serial "initregs: $reg=" "initregs: $reg=0x0"
        done
        assert_serial 'initregs: rflags=' "initregs: rflags=0x202"
        [[ $(serial 'initregs: rsp=') =~ rsp=0x7fffffff[0-9a-f]{4}$ ]] || fail "rsp: $(serial 'initregs: rsp=')"
}

check_user_fault() {
        require_boot
        assert_serial 'fault: ' "fault: write-null: signaled=1 signal=11
fault: write-kernel: signaled=1 signal=11
fault: int3: signaled=1 signal=5
fault: ud2: signaled=1 signal=4
fault: tf-syscall: signaled=1 signal=5"
        assert_equal "$(serial 'fault\[' | grep -c '#PF page fault')" 2
}

# SYSCALL from 32-bit mode (MSR_CSTAR) answers -ENOSYS and harms nothing
check_compat() {
        require_boot
        assert_serial 'compat: SYSCALL' "compat: SYSCALL from 32-bit mode returned -38"
        assert_serial 'compat: child' ""
}

# mmap and munmap (common/user/bin/mmap.c): every check ok, and the ones
# that show the 5th and 6th arguments (r8, r9) reached the kernel, the
# refused last page below 2^47 and a fault after munmap, word for word
check_mmap() {
        require_boot
        local line n=0
        while read -r line; do
                [[ $line == *' ok' ]] || fail "mmap check failed: $line"
                n=$((n + 1))
        done < <(serial 'mmap: ' | grep -v '^mmap: [0-9]* failure(s)$')
        assert_equal "$n" 41
        assert_serial 'mmap: offset' \
                "mmap: offset (6th argument): off=1 -> -22, off=4096 -> page=1 ok"     # -EINVAL
        assert_serial 'mmap: fd (5th' \
                "mmap: fd (5th argument): fd=5 file -> -9, fd=5 anonymous -> page=1 ok" # -EBADF
        assert_serial 'mmap: MAP_FIXED at the last' \
                "mmap: MAP_FIXED at the last page below 2^47 = -12 ok"                  # -ENOMEM
        assert_serial 'mmap: munmap: middle' \
                "mmap: munmap: middle page -> 0, child touching it status=0xb, neighbours=1 ok"
        assert_serial 'mmap: [0-9]* failure' "mmap: 0 failure(s)"
}

# Every page a process used comes back when it is reaped: in one boot,
# the programs run once, then twice more, and `free` (sysinfo) reports
# after the first round and after the third: the same figure. (The first
# round may leave what stays for good; a leak grows with every round.)
#   check_no_page_leak NN ["programs"]   (default: LEAK_PROGRAMS)
LEAK_PROGRAMS="forkwait exectest fault mmap"
check_no_page_leak() {
        require_boot
        local progs=${2:-$LEAK_PROGRAMS} log=$BATS_TEST_TMPDIR/leak.log figures rounds
        leak_rounds rounds "$progs"
        boot_lab "$1" "$log" "$rounds" || fail "$(cat "$log.verdict")"
        mapfile -t figures < <(tr -d '\r' < "$log" | sed -n 's/^free: .*, \([0-9]*\) KiB free, .*/\1/p')
        [ ${#figures[@]} -eq 2 ] || fail "free reported ${#figures[@]} times, not after rounds 1 and 3 of $progs"
        [ "${figures[1]}" = "${figures[0]}" ] ||
                fail "pages lost: ${figures[0]} KiB free after one round of $progs, ${figures[1]} KiB after two more ($(( (figures[0] - figures[1]) / 2 )) KiB a round)"
}
# leak_rounds VAR "programs": VAR = the leak boot's command line (no
# subshell: this runs as each test loads the file)
leak_rounds() {
        printf -v "$1" '%s free %s %s free' "$2" "$2" "$2"
}
# leak_boots_ahead CHECK "programs": its boot, made ahead (entrylab.bash)
leak_boots_ahead() {
        local rounds
        leak_rounds rounds "$2"
        boot_ahead_for "$1" "$rounds"
}
leak_boots_ahead check_no_page_leak "$LEAK_PROGRAMS"

check_preempt() {
        require_boot
        assert_serial 'preempt: both' "preempt: both children were preempted"
}

# Two boots of the same programs print the same bytes (docs/timing.md).
DETERMINISM_PROGRAMS="demo bench"
boot_ahead_for check_deterministic "$DETERMINISM_PROGRAMS" "$DETERMINISM_PROGRAMS"
check_deterministic() {
        require_boot
        local a=$BATS_TEST_TMPDIR/a.log b=$BATS_TEST_TMPDIR/b.log
        boot_lab "$1" "$a" "$DETERMINISM_PROGRAMS" || fail "$(cat "$a.verdict")"
        boot_lab "$1" "$b" "$DETERMINISM_PROGRAMS" || fail "$(cat "$b.verdict")"
        cmp "$a" "$b" || fail "two boots differ: $(diff "$a" "$b" | head -5)"
        grep -q '^bench: getpid ' "$a" || fail "no getpid cost line"
}

# GDB, attached as a student does, stops at the first instruction after
# SYSCALL, with the user's rip in rcx.
check_gdb_entry() {
        require_boot
        # through the make targets, as the README tells a student
        ENTRYLAB_GDB_VIA_MAKE=1 run gdb_session "$1" demo <<'GDB'
info symbol $pc
printf "RCX %#lx CS %#x\n", $rcx, $cs
whoami
kill
quit
GDB
        [[ $output == *"entry_SYSCALL_64 in section .text"* ]] ||
                fail "make gdb did not stop at entry_SYSCALL_64's first instruction: $(grep -E 'in section|No symbol' <<< "$output" | head -2)"
        [[ $output =~ RCX\ 0x40[0-9a-f]{4}\ CS\ 0x10 ]] || fail "at entry: $(grep RCX <<< "$output")"
        # before its swapgs, the kernel's per-CPU pointer is still in KERNEL_GS_BASE
        [[ $output =~ GS\ base\ 0,\ kernel\ GS\ base\ 0xffffffff8[0-9a-f]{7},\ [0-9]+\ ticks ]] ||
                fail "before its swapgs, GS base must be the user's 0 and KERNEL_GS_BASE the kernel's per-CPU pointer: $(grep 'GS base' <<< "$output")"
}

# demo_session NN WHERE: one GDB session of demo, read by check_gdb_ptregs
# and check_bad_iret (two sessions became one). GDB stops at the first
# syscall's entry, then at WHERE and at the first IRET after it, both
# armed at once: each part is printed whether or not the other stopped.
# At WHERE (its first instruction) it prints the return address on the
# stack, which names the caller, and ptregs; at the IRET it gives the frame a kernel SS and
# lets the kernel run to its end (no stop, no detach), so that the log
# read is the whole boot's. Under icount a stop changes nothing the guest
# does: the IRET is the one a session of its own would see. The first
# check that asks makes it, once per test file and WHERE; the other waits
# for it. Sets DEMO_GDB and DEMO_QEMU (GDB's and QEMU's output).
# The registers the demo's syscall carries into the frame, each given a
# value of its own at the SYSCALL (a program's own may be equal: getpid's
# rdi and rsi), so that a slot that holds another register's shows; the
# frame gets the program's own back before the syscall runs
DEMO_MARKED=(rdi:di rsi:si rdx:dx r10:r10 r8:r8 r9:r9 rbx:bx rbp:bp r12:r12 r13:r13 r14:r14 r15:r15)
demo_mark_registers() {
        local pair i=1 line="printf \"USER"
        for pair in "${DEMO_MARKED[@]}"; do
                echo "set \$own_${pair%%:*} = \$${pair%%:*}"
                printf 'set $%s = 0x%02x0000005a5a5a5a\n' "${pair%%:*}" "$i"
                i=$((i + 1))
                line+=" ${pair#*:} %#lx"
        done
        line+='\n"'
        for pair in "${DEMO_MARKED[@]}"; do line+=", \$${pair%%:*}"; done
        echo "$line"
}
demo_unmark_registers() {
        local pair
        for pair in "${DEMO_MARKED[@]}"; do
                echo "set var \$ptregs->${pair#*:} = \$own_${pair%%:*}"
        done
}

demo_session() {
        local dir=$BATS_FILE_TMPDIR/demo-session.$2
        DEMO_GDB=$dir/out DEMO_QEMU=$dir/qemu-gdb.out
        session_once "$dir" gdb_session "$1" demo <<GDB
printf "ENTRY rax=%ld rcx=%#lx r11=%#lx\\n", \$rax, \$rcx, \$r11
$(demo_mark_registers)
delete
break *$2
set \$where = \$bpnum
break native_irq_return_iret
continue
if \$pc != &native_irq_return_iret
  printf "CALLER %#lx\\n", *(unsigned long *)\$rsp
  ptregs
  $(demo_unmark_registers)
  delete \$where
  continue
end
set *(unsigned long *)(\$rsp + 32) = 0x18
delete
continue
quit
GDB
}

# check_gdb_ptregs NN [WHERE]: at do_syscall_64 (or WHERE: a handler, in a lab
# whose fast path saves the whole frame) the frame of the demo's first
# syscall is complete: what a tracer would read.
check_gdb_ptregs() {
        require_boot
        demo_session "$1" "${2:-do_syscall_64}"
        output=$(< "$DEMO_GDB")
        local nr rcx r11
        [[ $output =~ ENTRY\ rax=([0-9]+)\ rcx=(0x[0-9a-f]+)\ r11=(0x[0-9a-f]+) ]] || fail "no stop at entry: $output"
        nr=${BASH_REMATCH[1]} rcx=${BASH_REMATCH[2]} r11=${BASH_REMATCH[3]}
        [[ $output == *"pt_regs at "* ]] || fail "GDB never stopped at ${2:-do_syscall_64}: $(gdb_last 3)"
        [[ $output =~ orig_ax\ ${nr}[^0-9] ]] ||
                fail "pt_regs' orig_ax is not the syscall's number, $nr: $(grep -o 'orig_ax [^ ]*' <<< "$output" | head -1)"
        # -ENOSYS until the handler runs
        [[ $output =~ (^|[^_])ax\ 0xffffffffffffffda ]] ||
                fail "pt_regs' ax is not -ENOSYS (0xffffffffffffffda) before the handler runs: $(grep -oE '(^|[^_])ax [^ ]*' <<< "$output" | head -1)"
        [[ $output =~ ip\ 0x0*${rcx#0x}\ \ cs\ 0x33\ \ flags\ $r11\ \ sp\ 0x00007fff[0-9a-f]+\ \ ss\ 0x2b ]] ||
                fail "iret frame in ptregs: $(grep ' ip ' <<< "$output")"
        # every register the user had at the SYSCALL, in its own slot
        local user frame=${output#*pt_regs at } slot want got bad=()
        user=$(grep -m1 -o 'USER di .*' <<< "$output") || fail "no registers at entry: $(gdb_last 3)"
        for slot in di si dx r10 r8 r9 bx bp r12 r13 r14 r15; do
                want= got=
                [[ $user =~ \ $slot\ (0x[0-9a-f]+|0)(\ |$) ]] && want=${BASH_REMATCH[1]}
                [[ $frame =~ (^|[[:space:]])$slot\ (0x[0-9a-f]{16}) ]] && got=${BASH_REMATCH[2]}
                [ -n "$want" ] && [ -n "$got" ] && (( got == want )) ||
                        bad+=("$slot = ${got:-none}, the user's r${slot#r} was ${want:-unknown};")
        done
        [ "${#bad[@]}" -eq 0 ] || fail "pt_regs' slots do not hold the user's registers: ${bad[*]}"
}

# An IRET back to user space that faults (a bad frame: here a kernel SS,
# set from GDB) is the process's fault, not the kernel's: it dies with
# SIGSEGV and the kernel goes on (CVE-2014-9322 is what happens otherwise).
#   check_bad_iret NN [WHERE]: WHERE as check_gdb_ptregs has it (their
#   session is one)
check_bad_iret() {
        require_boot
        local gdb
        demo_session "$1" "${2:-do_syscall_64}"
        gdb=$(< "$DEMO_GDB")
        output=$(< "$DEMO_QEMU")
        # the boot's verdict, not the kernel's banner ("entrylab: lab NN-name")
        [[ $output == *"entrylab: lab $(lab_dir "$1"): "* ]] ||
                fail "the boot under GDB never ended: $(tail -n 3 <<< "$output"); GDB said: $(tail -n 5 <<< "$gdb")"
        # the first IRET after the first syscall: the fork child's, still named init
        local gp='init\[[0-9]+\]: #GP general protection at ip 0x40[0-9a-f]{4} sp 0x7fff[0-9a-f]+ error 0x18: killed by signal 11'
        [[ $output != *"KERNEL PANIC"* ]] ||
                fail "the faulting IRET took the kernel down: $(grep -A2 'KERNEL PANIC' <<< "$output" | head -3)"
        [[ $output =~ $gp ]] ||
                fail "the IRET to a kernel SS (0x18, set from GDB) did not kill the process with a #GP at its user rip and SIGSEGV: $(grep -E '#GP|killed|fault' <<< "$output" | head -3)"
        # the kernel went on
        [[ $output == *"init: 1 program(s) failed"* && $output == *"a program failed (init exited non-zero)"* ]] ||
                fail "the kernel did not go on once the process was killed: $(tail -n 3 <<< "$output")"
}

# check_dispatch_on_gdb_frame NN: the dispatch (01-dispatch) judged on its
# own, whatever the entry's pushes (01-build-frame) wrote. GDB builds the
# frame at every syscall, from the user registers it read at
# entry_SYSCALL_64, so what demo, enosys and mmap print depends on the
# dispatch alone: the six arguments from the right slots, the result in
# ax, -ENOSYS kept for numbers without a handler.
check_dispatch_on_gdb_frame() {
        require_boot
        local save="" reg fill
        for reg in rdi rsi rdx rcx r8 r9 r10 r11 rbx rbp r12 r13 r14 r15 rax; do
                save+="set \$u_$reg = \$$reg"$'\n'
        done
        # the frame's first sixteen slots in pt_regs order (r15 at 0 to
        # orig_ax at 120), ax = -ENOSYS: one write to QEMU's stub a syscall,
        # not sixteen
        fill='set var *(unsigned long (*)[16])$rdi = {$u_r15, $u_r14, $u_r13, $u_r12, $u_rbp, $u_rbx, $u_r11, $u_r10, $u_r9, $u_r8, -38, $u_rcx, $u_rdx, $u_rsi, $u_rdi, $u_rax}'$'\n'
        # make gdb stopped at the first syscall's entry_SYSCALL_64
        gdb_session "$1" "demo enosys mmap" >/dev/null <<GDB || true
${save}delete
break entry_SYSCALL_64
commands
silent
${save}continue
end
break *do_syscall_64
commands
silent
${fill}continue
end
continue
GDB
        # the checks read \$BATS_FILE_TMPDIR/serial.log: give them this boot's
        local dir=$BATS_TEST_TMPDIR/gdbframe
        mkdir -p "$dir"
        tr -d "\r" < "$BATS_TEST_TMPDIR/qemu-gdb.out" > "$dir/serial.log"
        grep -q "^init exited with status" "$dir/serial.log" ||
                fail "the boot with GDB's frames did not end: $(tail -3 "$dir/serial.log")"
        checks_on_log "$dir" "the boot with the frame GDB built at every syscall" \
                check_getpid check_enosys check_mmap
}

# the checks here that drive GDB, which may run ahead (entrylab.bash);
# check_gdb_entry too: its make targets build nothing in a built tree
may_run_ahead check_gdb_ptregs check_bad_iret check_dispatch_on_gdb_frame check_gdb_entry
