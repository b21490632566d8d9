#!/usr/bin/env bats
# lab 06, opportunistic-sysret: after the exit work, six checks on the frame
# choose SYSRET whenever it would do what IRET does; every failed check
# leaves by IRET. Points in [brackets].
load lib/entrylab
load lib/abi
load lib/signals
load lib/trace
load lib/exits
load lib/timing
load lib/fullframe
load lib/twophase
load lib/opportunistic

LAB=06
# bench's exits that this file's checks watch, in one GDB session, in
# bench's order (exits.bash)
BENCH_EXITS="execve getpid sched_yield frame_edits traced kill full_restore"
# the checks that watch one program each under GDB, in one boot of them
# all (watch.bash): WATCHER:PROGRAM, in the order they boot
PROGRAM_WATCHES="iret_after:sysret_rip exits_by:single_step_syscall iret_after:sigregs iret_after:sigbasic ptrace_iret:ptrace_syscall handler_stops:regs fork_exits:regs top_page_irets:regs filtered_getpid_sysret:seccomp_fast phase1_rewrites_nothing:seccomp_fast"

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[4] frame audit (GDB): every pt_regs slot holds the register it names" { check_frame_audit "$LAB"; }
@test "[1] lab 06 boots, runs every program and powers off cleanly" { check_boots; }
# this lab's step first, where a student working on it looks (and where
# grade --first-failure meets its mistakes early): each check fails once,
# and leaves by IRET (GDB at both exits; grading/lib/opportunistic.bash)
@test "[3] rcx != rip: a tracer's new rip leaves by iretq with the tracer's frame" { check_gdb_ptrace_iret "$LAB"; }
@test "[3] rcx != rip: the frame's cx edited from GDB leaves by iretq" { check_frame_edit_irets "$LAB" "rcx == rip"; }
@test "[3] rcx != rip: rt_sigreturn to a context with its own rcx, rip and r11 leaves by iretq (sigregs)" { check_iret_after "$LAB" sigregs; }
@test "[3] rip not canonical: rt_sigreturn to 2^47 (sysret_rip) leaves by iretq" { check_iret_after "$LAB" sysret_rip; }
@test "[3] rip not canonical: the ip and cx slots set to 2^63 - 4096 from GDB leave by iretq" { check_frame_edit_irets "$LAB" "rip canonical"; }
@test "[3] cs != __USER_CS: a 32-bit cs in the frame leaves by iretq" { check_frame_edit_irets "$LAB" "cs == __USER_CS"; }
@test "[2] r11 != rflags: the frame's r11 edited from GDB leaves by iretq" { check_frame_edit_irets "$LAB" "r11 == rflags"; }
@test "[3] RF set: a frame with RF (as a sigreturn may leave it) leaves by iretq" { check_frame_edit_irets "$LAB" "no RF"; }
@test "[3] 06-fastpath-checks: TF set: single_step_syscall's syscall leaves by iretq, SIGTRAP after it" { check_exits_by "$LAB" iretq single_step_syscall; }
@test "[2] TF set in the frame from GDB leaves by iretq" { check_frame_edit_irets "$LAB" "no TF"; }
@test "[3] ss != __USER_DS: another ss in the frame leaves by iretq" { check_frame_edit_irets "$LAB" "ss == __USER_DS"; }
@test "[3] 06-fastpath-checks: the top page: a return address of 2^47 forced at entry leaves by iretq, SIGSEGV at 2^47 in user mode" { check_top_page_irets "$LAB"; }
# where it wins
@test "[2] 06-six-checks, 06-checks-in-c: sched_yield (exit work pending) leaves by sysretq" { check_bench_exits_by "$LAB" sysretq sched_yield; }
@test "[1] rt_sigreturn back to the syscall the signal struck leaves by sysretq" { check_bench_exits_by "$LAB" sysretq kill; }
@test "[1] once the checks judged a rewritten frame, TIF_FULL_RESTORE is cleared, even when they chose SYSRET" { check_full_restore_met "$LAB"; }
@test "[3] 06-six-checks, 06-checks-in-c: a traced syscall whose tracer changed nothing leaves by sysretq" { check_bench_exits_by "$LAB" sysretq traced; }
@test "[2] execve still returns by iretq (rcx and r11 are 0, not rip and rflags)" { check_iret_after_execve "$LAB"; }
@test "[2] entering a signal handler still returns by iretq (rcx is not the handler)" { check_iret_after "$LAB" sigbasic; }
# what every lab keeps (grading/lib/abi.bash, signals.bash, trace.bash)
@test "[1] getpid and getppid name the right processes" { check_getpid; }
@test "[1] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[1] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[1] the number is an int: NR_syscalls, 2^31-1, -1 get -ENOSYS, junk above bit 31 is ignored" { check_enosys; }
@test "[1] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[2] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[1] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
@test "[1] user faults (and TF across a syscall) kill with the right signal, not the kernel" { check_user_fault; }
@test "[1] SYSCALL from 32-bit mode gets -ENOSYS" { check_compat; }
@test "[1] the timer preempts processes that never make a syscall" { check_preempt; }
@test "[1] every page comes back when processes exit" { check_no_page_leak "$LAB"; }
@test "[1] two boots print byte-identical output" { check_deterministic "$LAB"; }
@test "[1] make gdb stops at entry_SYSCALL_64 with the user rip in rcx" { check_gdb_entry "$LAB"; }
@test "[1] at __x64_sys_fork (fast path), ptregs shows the whole frame: orig_ax = nr, ax = -ENOSYS, the IRET frame" { check_gdb_ptregs "$LAB" __x64_sys_fork; }
@test "[1] a faulting IRET to user space kills the process, not the kernel" { check_bad_iret "$LAB" __x64_sys_fork; }
# signals (grading/lib/signals.bash)
@test "[1] signals: handlers, siginfo, masks, SA_RESETHAND/NODEFER, kill, wait4 -EINTR" { check_sig_basic; }
@test "[1] rt_sigreturn restores every register, rip, the user flags and cs (a 32-bit cs runs 32-bit code)" { check_sigreturn_regs; }
@test "[1] rt_sigreturn never yields kernel CS/SS, IOPL or NT (the IRET refuses the segments: SIGSEGV)" { check_sigreturn_hostile; }
@test "[1] exceptions from user mode reach handlers with Linux's siginfo and sigcontext" { check_exception_signals; }
@test "[1] NT, AC, DF and TF survive a syscall (syscall_nt)" { check_syscall_nt; }
@test "[1] TF across a syscall: SIGTRAP after it, TF kept (single_step_syscall)" { check_single_step_syscall; }
@test "[2] sigreturn to a non-canonical rip: SIGSEGV at that rip, in user mode (sysret_rip)" { check_sysret_rip; }
@test "[1] iopl: ports at IOPL 3, SIGSEGV at 0; fork inherits, execve resets" { check_iopl; }
@test "[1] bad user pointers get -EFAULT from every syscall (syscall_arg_fault)" { check_syscall_arg_fault; }
@test "[1] mmap and munmap: anonymous private memory, Linux's errors, all six arguments reach the kernel" { check_mmap; }
# ptrace and seccomp (grading/lib/trace.bash)
@test "[1] ptrace and seccomp programs pass all their own checks" { check_trace_programs_pass; }
@test "[1] ptrace: the tracer changes the number, an argument, skips (orig_ax = -1) and sets results" { check_ptrace_changes; }
@test "[1] ptrace: GETREGS/SETREGS round trip of rbx, rbp, r12-r15, flags, rsp and rip at a syscall stop" { check_ptrace_regs; }
@test "[1] ptrace: SETREGS gives no privilege; a bad rip or CS kills only the tracee" { check_ptrace_privilege; }
@test "[1] ptrace: -ESRCH, -EFAULT, -EIO, -EINVAL, -EPERM and PTRACE_KILL" { check_ptrace_errors; }
@test "[1] seccomp: ALLOW, ERRNO (args and arch read), TRAP and KILL (SIGSYS), strict mode" { check_seccomp_actions; }
@test "[1] seccomp: RET_TRACE stops for a PTRACE_O_TRACESECCOMP tracer, -ENOSYS without one" { check_seccomp_trace; }
@test "[1] seccomp: filters stack (most restrictive wins), survive fork and execve" { check_seccomp_stack_inherit; }
@test "[1] seccomp: out-of-range and negative numbers reach the filter" { check_seccomp_numbers; }
@test "[1] seccomp: bad BPF programs get -EINVAL, bad pointers -EFAULT; the limits hold" { check_seccomp_bad_programs; }
@test "[1] filters and tracees give back every page" { check_trace_no_page_leak "$LAB"; }
# this lab's step, measured
@test "[3] exit work, a traced syscall, a signal round trip and iopl cost fewer modelled cycles on the entry path than on lab 05" { check_cycles_vs_reference "$LAB" 05 exit-work traced signal iopl; }
@test "[2] the null syscall round trip (getpid, the cost plugin's count) is at most 87 instructions" { check_null_syscall_budget "$LAB" 87; }
# what labs 04 and 05 built, kept
@test "[1] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[1] under an allow-all filter getpid leaves by sysretq, rcx and r11 right (GDB)" { check_filtered_getpid_sysret "$LAB"; }
@test "[1] phase 1 rewrites nothing in pt_regs but ax and orig_ax (GDB)" { check_phase1_rewrites_nothing "$LAB"; }
@test "[1] at the handler no register holds a user value it does not take (GDB)" { check_registers_cleared "$LAB"; }
@test "[1] the handler gets the frame in rdi; a six-argument syscall (mmap) gets all six (GDB)" { check_handler_gets_frame "$LAB"; }
@test "[1] both paths clamp the number with a mask before the table load" { check_nospec_clamp "$LAB"; }
@test "[1] fork: the parent leaves by sysretq, the child by ret_from_fork's iretq" { check_fork_exits "$LAB"; }
