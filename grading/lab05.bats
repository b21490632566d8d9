#!/usr/bin/env bats
# lab 05, two-phase-trace: entry work in two phases; a syscall whose only
# entry work is a seccomp filter rejoins the fast path and leaves by SYSRET;
# ptrace stops and RET_TRACE (phase 2) leave by IRET. Points in [brackets].
load lib/entrylab
load lib/abi
load lib/signals
load lib/trace
load lib/exits
load lib/timing
load lib/fullframe
load lib/twophase

LAB=05
# bench's exits that this file's checks watch, in one GDB session, in
# bench's order (exits.bash)
BENCH_EXITS="execve getpid exit_work"
# the checks that watch one program each under GDB, in one boot of them
# all (watch.bash): WATCHER:PROGRAM, in the order they boot
PROGRAM_WATCHES="iret_after:seccomp_filter iret_after:sigregs iret_after:iopl iret_after:sigbasic ptrace_iret:ptrace_syscall handler_stops:regs fork_exits:regs filtered_getpid_sysret:seccomp_fast errno_skips_by_sysret:seccomp_fast phase1_rewrites_nothing:seccomp_fast"

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[4] frame audit (GDB): every pt_regs slot holds the register it names" { check_frame_audit "$LAB"; }
# judged on its own boot (init=/bin/frameprobe), before the file-wide boot:
# written alone, the rejoin earns this (README)
@test "[2] 05-rejoin-fastpath: tracesys rejoins the fast path with the frame's number when phase 1 answers 0, else phase 2 (GDB)" { check_rejoin_decides "$LAB"; }
@test "[1] phase 2 is given phase 1's result: tracesys_phase2 passes it in rdx (GDB)" { check_phase2_gets_phase1_result "$LAB"; }
@test "[2] lab 05 boots, runs every program and powers off cleanly" { check_boots; }
# this lab's step first, where a student working on it looks (and where
# grade --first-failure meets its mistakes early): the two phases
# (grading/lib/twophase.bash)
@test "[4] under an allow-all filter getpid leaves by sysretq, rcx and r11 right (GDB)" { check_filtered_getpid_sysret "$LAB"; }
@test "[6] SECCOMP_RET_ERRNO is answered in phase 1: the syscall is skipped, -EPERM, by sysretq (GDB)" { check_errno_skips_by_sysret "$LAB"; }
@test "[5] 05-phase1: phase 1 rewrites nothing in pt_regs but ax and orig_ax (GDB, before and after)" { check_phase1_rewrites_nothing "$LAB"; }
@test "[2] SECCOMP_RET_TRACE goes to phase 2 and returns by iretq" { check_iret_after "$LAB" seccomp_filter; }
@test "[1] getpid and getppid name the right processes" { check_getpid; }
@test "[1] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[1] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[2] the number is an int: NR_syscalls, 2^31-1, -1 get -ENOSYS, junk above bit 31 is ignored" { check_enosys; }
@test "[4] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[3] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[2] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
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
@test "[3] rt_sigreturn restores every register, rip, the user flags and cs (a 32-bit cs runs 32-bit code)" { check_sigreturn_regs; }
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
@test "[3] ptrace: GETREGS/SETREGS round trip of rbx, rbp, r12-r15, flags, rsp and rip at a syscall stop" { check_ptrace_regs; }
@test "[1] ptrace: SETREGS gives no privilege; a bad rip or CS kills only the tracee" { check_ptrace_privilege; }
@test "[1] ptrace: -ESRCH, -EFAULT, -EIO, -EINVAL, -EPERM and PTRACE_KILL" { check_ptrace_errors; }
@test "[3] GDB: after a ptrace stop the tracee leaves by IRET with the tracer's frame" { check_gdb_ptrace_iret "$LAB"; }
@test "[1] seccomp: ALLOW, ERRNO (args and arch read), TRAP and KILL (SIGSYS), strict mode" { check_seccomp_actions; }
@test "[1] seccomp: RET_TRACE stops for a PTRACE_O_TRACESECCOMP tracer, -ENOSYS without one" { check_seccomp_trace; }
@test "[1] seccomp: filters stack (most restrictive wins), survive fork and execve" { check_seccomp_stack_inherit; }
@test "[1] seccomp: out-of-range and negative numbers reach the filter" { check_seccomp_numbers; }
@test "[1] seccomp: bad BPF programs get -EINVAL, bad pointers -EFAULT; the limits hold" { check_seccomp_bad_programs; }
@test "[1] filters and tracees give back every page" { check_trace_no_page_leak "$LAB"; }
# this lab's step, measured
@test "[5] an allow-all filter's overhead over getpid falls from lab 04's by at least the IRET (cost model)" { check_filter_overhead_cut "$LAB" 04; }
# what lab 04 built, kept (grading/lib/fullframe.bash, grading/lib/exits.bash)
@test "[3] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[3] at the handler no register holds a user value it does not take (GDB)" { check_registers_cleared "$LAB"; }
@test "[2] the handler gets the frame in rdi; a six-argument syscall (mmap) gets all six (GDB)" { check_handler_gets_frame "$LAB"; }
@test "[1] both paths clamp the number with a mask before the table load" { check_nospec_clamp "$LAB"; }
@test "[2] execve returns into the new program by iretq" { check_iret_after_execve "$LAB"; }
@test "[2] rt_sigreturn returns by iretq" { check_iret_after "$LAB" sigregs; }
@test "[1] iopl returns by iretq" { check_iret_after "$LAB" iopl; }
@test "[1] kill() of oneself returns into the handler by iretq" { check_iret_after "$LAB" sigbasic; }
@test "[1] a getpid with exit work pending leaves by iretq, the next one by sysretq" { check_iret_with_exit_work "$LAB"; }
@test "[1] fork: the parent leaves by sysretq, the child by ret_from_fork's iretq" { check_fork_exits "$LAB"; }
@test "[1] the fast path never reads a slot it did not write (GDB poisons them)" { check_unwritten_slots_never_read "$LAB"; }
