# audit.bash - the frame audit: is each pt_regs slot what it must hold?
#
# The probe (common/user/bin/frameprobe) puts a distinct value in every
# register and calls getpid, as init (init=/bin/frameprobe: its syscall is
# the first, so a frame that kills every process is audited too). GDB stops at entry_SYSCALL_64 when rbx holds
# the probe's pattern, records the user's registers (rcx = the return rip,
# r11 = the flags, as SYSCALL left them), then steps until the stack is
# 168 bytes (sizeof(struct pt_regs)) below the first kernel rsp: there the
# frame is complete in every lab (after the last push, or lab 03's sub),
# whatever path the lab takes next. Each slot is compared with what it
# must hold, and a wrong one is named by where its value came from:
#
#   pt_regs->bx = 0x5a5a5a5a00000b01, which is the user's rbp (expected rbx 0x5a5a5a5a00000b00)
#   pt_regs->ax = 39 (the number), expected -ENOSYS
#
# The audit runs on its own boot (its GDB session), so a kernel that kills
# init in the file-wide boot still gets its frame judged; the probe's own
# report (the registers SYSCALL gave back changed) follows the audit's.

AUDIT_SLOTS=(r15 r14 r13 r12 bp bx r11 r10 r9 r8 ax cx dx si di orig_ax ip cs flags sp ss)
AUDIT_PATTERN=0x5a5a5a5a00000b00
ENOSYS_VALUE=0xffffffffffffffda

# audit_gdb_commands [slow]: GDB's part; prints the AUDIT lines: the user's
# registers at entry, the frame, the registers back in user space after it
# (at the second getpid's return address, past the IRET after execve,
# before one more instruction runs: a
# wrong TF or rsp would kill it there) and sys_mmap's arguments. With
# "slow" (a lab whose fast path leaves slots unwritten), GDB then sends the
# same getpid down the slow path (TIF_SYSCALL_AUDIT: entry work that does
# nothing here) and prints the frame do_syscall_64 gets, completed.
audit_gdb_commands() {
        local slots="" slow="" i
        local ret=$(($(symbol frameprobe frame_probe_syscall) + 2))
        for ((i = 0; i <= 20; i++)); do slots+=" ((unsigned long *)(\$top - 168))[$i],"; done
        for ((i = 0; i <= 20; i++)); do slow+=" ((unsigned long *)\$rdi)[$i],"; done
        cat <<GDB
if \$rbx != $AUDIT_PATTERN
  delete
  break entry_SYSCALL_64 if \$rbx == $AUDIT_PATTERN
  continue
end
printf "AUDIT user rax=%#lx rbx=%#lx rcx=%#lx rdx=%#lx rsi=%#lx rdi=%#lx rbp=%#lx rsp=%#lx r8=%#lx r9=%#lx r10=%#lx r11=%#lx r12=%#lx r13=%#lx r14=%#lx r15=%#lx\\n", \$rax, \$rbx, \$rcx, \$rdx, \$rsi, \$rdi, \$rbp, \$rsp, \$r8, \$r9, \$r10, \$r11, \$r12, \$r13, \$r14, \$r15
delete
set \$top = 0
set \$n = 0
while \$n < 100 && (\$top == 0 || (unsigned long)\$rsp > \$top - 168)
  stepi
  if \$top == 0 && (unsigned long)\$rsp >= 0xffff800000000000
    set \$top = (unsigned long)\$rsp
  end
  set \$n = \$n + 1
end
printf "AUDIT frame at=%#lx steps=%d ${AUDIT_SLOTS[*]/%/=%#lx}\\n", \$top - 168, \$n,${slots%,}
delete
GDB
        [ "${1:-}" != slow ] || cat <<GDB
set var cpu_data.current_task->thread_info.flags |= 1 << 7
break do_syscall_64
continue
set var cpu_data.current_task->thread_info.flags &= ~(1 << 7)
printf "AUDIT slow ${AUDIT_SLOTS[*]/%/=%#lx}\\n",${slow%,}
delete
GDB
        cat <<GDB
break *$ret
continue
continue
printf "AUDIT return rax=%#lx rbx=%#lx rcx=%#lx rdx=%#lx rsi=%#lx rdi=%#lx rbp=%#lx rsp=%#lx r8=%#lx r9=%#lx r10=%#lx r11=%#lx r12=%#lx r13=%#lx r14=%#lx r15=%#lx eflags=%#lx\\n", \$rax, \$rbx, \$rcx, \$rdx, \$rsi, \$rdi, \$rbp, \$rsp, \$r8, \$r9, \$r10, \$r11, \$r12, \$r13, \$r14, \$r15, \$eflags
delete
break *sys_mmap
continue
printf "AUDIT args a1=%#lx a2=%#lx a3=%#lx a4=%#lx a5=%#lx a6=%#lx\\n", \$rdi, \$rsi, \$rdx, \$rcx, \$r8, \$r9
delete
continue
quit
GDB
}

# audit_origin VALUE: where a value in the frame came from, in words
audit_origin() {
        local v=$1 r
        case $v in
        "${U[rax]}") echo "the number"; return ;;
        "$ENOSYS_VALUE") echo "-ENOSYS"; return ;;
        "${U[rcx]}") echo "the user's rcx (the return rip)"; return ;;
        "${U[r11]}") echo "the user's r11 (rflags)"; return ;;
        "${U[rsp]}") echo "the user's rsp"; return ;;
        0x33) echo "__USER_CS"; return ;;
        0x2b) echo "__USER_DS"; return ;;
        0) echo "zero"; return ;;
        esac
        for r in rbx rbp r12 r13 r14 r15 rdi rsi rdx r8 r9 r10; do
                [ "${U[$r]}" = "$v" ] && { echo "the user's $r"; return; }
        done
        [[ $v == 0xffff8* || $v == 0xffffffff8* ]] && { echo "a kernel address"; return; }
        echo "no user register's value"
}

# audit_expect SLOT: WANT = "register value" the slot must hold
audit_expect() {
        case $1 in
        ax) WANT="-ENOSYS $ENOSYS_VALUE" ;;
        orig_ax) WANT="the number ${U[rax]}" ;;
        ip) WANT="rcx ${U[rcx]}" ;;
        cs) WANT="__USER_CS 0x33" ;;
        flags) WANT="r11 ${U[r11]}" ;;
        sp) WANT="rsp ${U[rsp]}" ;;
        ss) WANT="__USER_DS 0x2b" ;;
        bx|bp|cx|dx|si|di) WANT="r$1 ${U[r$1]}" ;;
        *) WANT="$1 ${U[$1]}" ;;
        esac
}

# audit_value V: a small number in decimal (the number, errors), else hex
audit_value() {
        if (( $1 >= 0 && $1 < 4096 )); then echo "$(( $1 ))"; else echo "$1"; fi
}

# check_frame_audit NN ["slots the lab leaves unwritten" [fast|slow]]: the
# audit, with the probe's own report. Lab 03's fast path leaves bx, bp,
# r12-r15 and the top of the frame unwritten, and says so here; it judges
# the audit in two tests, each its own exercise's: "fast", the slots the
# fast path writes, and "slow", the frame the slow path completed for the
# same getpid, with the registers the probe got back. Both read the one
# GDB session (audit_session).
check_frame_audit() {
        require_boot beside
        AUDIT_LAB=$1
        audit_session "$1" ${2:+slow}
        require_boot own-boot
        local gdb=$output qemu=$AUDIT_QEMU part=${3:-} probe="" log
        if [ "$part" != fast ]; then
                # the probe's own report: from the file-wide boot, which ran
                # it first outside GDB, or else from the audit's boot
                log=$BATS_FILE_TMPDIR/serial.log
                grep -qs "^frameprobe" "$log" || log=$qemu
                probe=$(tr -d '\r' < "$log" | grep '^frameprobe: .* changed:' | sed 's/^/  /')
                [ "$(grep -cs "^frameprobe: syscall [0-9]* returned" "$log")" -ge 2 ] || probe+=$(audit_probe_died "$log")
        fi
        local user frame
        audit_part user "$gdb"; user=$PART
        audit_part frame "$gdb"; frame=$PART
        # a frame GDB could not read (the kernel faulted before it was built)
        [[ $frame =~ \ ss=(0x[0-9a-f]+|0)$ ]] || frame=
        if [ -z "$user" ] || [ -z "$frame" ]; then
                local why
                why=$(audit_no_frame "$1" "$qemu")
                fail "frame audit: the probe's getpid never reached a complete frame: $why"
        fi
        declare -gA U=()
        parse_fields "$user"
        for k in "${!F[@]}"; do U[$k]=${F[$k]}; done
        parse_fields "$frame"
        local bad=() s
        if [ "$part" != slow ]; then
                for s in "${AUDIT_SLOTS[@]}"; do
                        [[ " ${2:-} " == *" $s "* ]] && continue
                        if audit_slot "$s"; then bad+=("$SLOT_WRONG"); fi
                done
                audit_part args "$gdb"
                audit_arguments "$PART"
                # no stop at sys_mmap is no verdict on the arguments, unless
                # the probe's mmap came back all the same: then its handler
                # was never called
                [ -n "$PART" ] || ! grep -qs "^frameprobe: syscall 9 returned" "$qemu" ||
                        bad+=("the probe's mmap returned, but GDB never stopped at sys_mmap: the dispatch did not call its handler")
        fi
        if [ "$part" != fast ]; then
                audit_part slow "$gdb"
                [ -z "${2:-}" ] || audit_slow "$2" "$PART"
                audit_part return "$gdb"
                audit_return "$PART"
        fi
        [ "${#bad[@]}" -eq 0 ] && [ -z "$probe" ] && return 0
        # (audit_probe_died's lines start with a newline, for a report
        # that had lines before them)
        [ -z "$probe" ] || probe=$(printf "the probe's own report:\n%s" "${probe#$'\n'}")
        fail "$(audit_message "${bad[@]}")${probe:+$'\n'$probe}"
}

# audit_part WHAT GDB_OUTPUT: PART = the line "AUDIT WHAT ..." GDB printed
# (empty when it printed none)
audit_part() {
        local re="AUDIT $1 [^"$'\n'"]*"
        PART=
        if [[ $2 =~ $re ]]; then PART=${BASH_REMATCH[0]}; fi
}

# audit_session NN [slow]: the audit's GDB session, on its own boot beside
# the file-wide one (which may still run), once per lab: output = GDB's
# output, AUDIT_QEMU = the audit boot's serial log. A lab that judges the
# audit in two tests reads the second from the first's record, so that
# both parts judge the same run and the audit costs one boot.
audit_session() {
        local rec=$BATS_FILE_TMPDIR/audit
        AUDIT_QEMU=$rec.qemu
        if [ -e "$rec.gdb" ]; then
                output=$(< "$rec.gdb")
                [ ! -e "$rec.stopped" ] || OWN_BOOT_STOPPED=1
                return 0
        fi
        gdb_session_beside_boot "$1" init=/bin/frameprobe < <(audit_gdb_commands ${2:+slow})
        cp "$BATS_TEST_TMPDIR/qemu-gdb.out" "$AUDIT_QEMU" 2>/dev/null || : > "$AUDIT_QEMU"
        [ -z "${OWN_BOOT_STOPPED:-}" ] || : > "$rec.stopped"
        printf '%s\n' "$output" > "$rec.gdb"
}

# audit_slot SLOT: what is wrong with the slot in F (a frame parse_fields
# read), by where its value came from, in SLOT_WRONG; fails when it holds
# what it must (no subshell for a right one: 21 slots, every lab)
audit_slot() {
        local got=${F[$1]} reg WANT
        audit_expect "$1"
        [ "$got" != "${WANT##* }" ] || return 1
        reg=${WANT% *}
        case $1 in
        ax) SLOT_WRONG="pt_regs->ax = $(audit_value "$got") ($(audit_origin "$got")), expected -ENOSYS" ;;
        orig_ax) SLOT_WRONG="pt_regs->orig_ax = $(audit_value "$got") ($(audit_origin "$got")), expected the number $(audit_value "${U[rax]}")" ;;
        *) SLOT_WRONG="pt_regs->$1 = $got, which is $(audit_origin "$got") (expected $reg ${WANT##* })" ;;
        esac
}

# audit_slow "SLOTS" SLOW: the slots the fast path left unwritten, in
# the frame the slow path completed for the same getpid (AUDIT slow, at
# do_syscall_64: SAVE_REST and FIXUP_TOP_OF_STACK have run). Adds a line
# to bad[] for each wrong one.
audit_slow() {
        local s
        if [ -z "$2" ]; then
                bad+=("the getpid, sent down the slow path, never reached do_syscall_64")
                return 0
        fi
        parse_fields "$2"
        for s in $1; do
                if audit_slot "$s"; then bad+=("on the slow path (at do_syscall_64, for the same getpid), $SLOT_WRONG"); fi
        done
        return 0
}

# audit_message MISMATCH...: the first names the syscall and the first slot
audit_message() {
        local head="frame audit, syscall $(audit_value "${U[rax]}") (getpid):"
        if [ $# -gt 0 ]; then
                printf "%s %s\n" "$head" "$1"
                shift
                [ $# -eq 0 ] || printf "  %s\n" "$@"
        else
                echo "$head every slot is right, but the probe did not get its registers back from SYSCALL as they were:"
        fi
}

# audit_no_frame NN LOG: why GDB never saw the frame: the boot's oops if
# the kernel panicked, else its last lines
audit_no_frame() {
        local lab
        lab=$(lab_dir "$1")
        if grep -q "Kernel panic" "$2"; then
                oops_report "$ENTRYLAB_ROOT/build/$lab/kernel.elf" "$2"
        else
                tr -d '\r' < "$2" | grep -v '^$' | tail -n 3 | tr '\n' '|'
        fi
}

# audit_probe_died LOG: the probe never reported after its syscall: how it
# died, as the kernel or init said it
audit_probe_died() {
        local kill
        if grep -q "Kernel panic" "$1"; then
                printf "\n  the kernel panicked after the frame was built:\n%s" "$(audit_no_frame "$AUDIT_LAB" "$1" | sed "s/^/  /")"
                return 0
        fi
        kill=$(tr -d '\r' < "$1" | grep -m1 -E '^frameprobe\[[0-9]+\]: |^init: frameprobe ')
        printf '\n  the probe died after its syscall: %s' "${kill:-it never reported}"
        [[ $kill =~ \ sp\ 0xffff ]] && printf '\n  (its rsp is a kernel address: the user rsp was not restored)'
        [[ $kill == *"#DB debug"* ]] && printf '\n  (TF came back set: the flags after SYSRET are r11, loaded from which slot?)'
        return 0
}

# audit_arguments LINE: the probe's mmap as sys_mmap received it (GDB, at
# its first instruction): the six arguments must be the user's rdi, rsi,
# rdx, r10, r8, r9. Adds a line to bad[] for each that is not.
audit_arguments() {
        local i reg want got
        local regs=(rdi rsi rdx r10 r8 r9) nth=(1st 2nd 3rd 4th 5th 6th)
        [ -n "$1" ] || return 0                 # the probe never got there
        parse_fields "$1"
        for i in 0 1 2 3 4 5; do
                reg=${regs[$i]} want=${U[${regs[$i]}]} got=${F[a$((i + 1))]}
                [ "$got" = "$want" ] && continue
                # the 5th is fd, an int: the ABI leaves the upper half of a
                # 32-bit argument undefined, and the compiler may load only
                # the lower (mov r8d)
                [ $i = 4 ] && [ -n "$got" ] && [ $(( got & 0xffffffff )) = $(( want & 0xffffffff )) ] && continue
                bad+=("sys_mmap's ${nth[$i]} argument = $got, which is $(audit_origin "$got") (expected $reg $want)")
        done
}

# audit_return LINE: the registers back in user space after the probe's
# getpid: all the user's, rcx the return rip, r11 and rflags the flags, rsp
# the user's stack. Adds a line to bad[] for each that is not.
audit_return() {
        local r want what
        [ -n "$1" ] || return 0                 # it never got back there
        parse_fields "$1"
        for r in rbx rbp r12 r13 r14 r15 rdi rsi rdx r8 r9 r10 rcx r11 rsp eflags; do
                want=${U[$r]}
                [ "$r" = eflags ] && want=${U[r11]}
                [ "${F[$r]}" = "$want" ] && continue
                case $r in
                rcx) what="the return rip" ;;
                r11|eflags) what="the flags" ;;
                *) what="the user's $r" ;;
                esac
                bad+=("back in user space, $r = ${F[$r]}, which is $(audit_origin "${F[$r]}") (expected $what $want)")
        done
}
