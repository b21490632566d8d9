#!/usr/bin/env bats
# lab 04, full-frame: the fast path saves the whole frame and clears the
# registers; no ptregs stubs; handlers take pt_regs; a rewritten frame
# forces IRET with a thread flag. Points in [brackets].
load lib/entrylab
load lib/abi
load lib/signals
load lib/trace
load lib/exits
load lib/timing
load lib/fullframe

LAB=04
# bench's exits that this file's checks watch, in one GDB session, in
# bench's order (exits.bash)
BENCH_EXITS="execve getpid exit_work"
# the checks that watch one program each under GDB, in one boot of them
# all (watch.bash): WATCHER:PROGRAM, in the order they boot
PROGRAM_WATCHES="iret_after:sigregs iret_after:iopl iret_after:sigbasic ptrace_iret:ptrace_syscall handler_stops:regs fork_exits:regs"

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[4] frame audit (GDB): every pt_regs slot holds the register it names" { check_frame_audit "$LAB"; }
# exercises judged on their own boot (init=/bin/frameprobe), before the
# file-wide boot is judged: written alone, each earns these (README)
@test "[2] 04-push-and-clear: right after PUSH_AND_CLEAR_REGS no register but rax, rdi, rsi holds the user's value (GDB)" { check_cleared_after_push "$LAB"; }
@test "[2] 04-force-iret: sysret_check: exit work or TIF_FULL_RESTORE sends a syscall to the IRET exit, nothing pending to SYSRET (GDB)" { check_force_iret_decides "$LAB"; }
@test "[2] lab 04 boots, runs every program and powers off cleanly" { check_boots; }
# this lab's step first, where a student working on it looks (and where
# grade --first-failure meets its mistakes early): the whole frame, cleared;
# pt_regs handlers; force-IRET (grading/lib/fullframe.bash, exits.bash)
@test "[1] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[4] at the handler no register holds a user value it does not take: rbx, rbp, rdx, r8-r15 cleared (GDB)" { check_registers_cleared "$LAB"; }
@test "[5] the handler gets the frame in rdi; a six-argument syscall (mmap) gets all six (GDB)" { check_handler_gets_frame "$LAB"; }
@test "[3] both paths clamp the number with a mask before the table load (array_index_nospec)" { check_nospec_clamp "$LAB"; }
@test "[3] execve (called from the fast path) returns into the new program by iretq" { check_iret_after_execve "$LAB"; }
@test "[2] rt_sigreturn (no stub now) returns by iretq" { check_iret_after "$LAB" sigregs; }
@test "[3] iopl (no stub now) returns by iretq" { check_iret_after "$LAB" iopl; }
@test "[2] kill() of oneself returns into the handler by iretq" { check_iret_after "$LAB" sigbasic; }
@test "[2] a getpid with exit work pending leaves by iretq, the next one by sysretq" { check_iret_with_exit_work "$LAB"; }
@test "[2] 04-fastpath-dispatch: the fast path calls fork's handler itself, not a stub or do_syscall_64 (GDB)" { check_fork_called_from_fastpath "$LAB"; }
@test "[4] fork: the parent leaves by sysretq, the child by ret_from_fork's iretq" { check_fork_exits "$LAB"; }
@test "[1] a fork child sees rax = 0 and its parent's callee-saved registers" { check_fork_child_regs; }
@test "[3] the fast path never reads a slot it did not write (GDB poisons them)" { check_unwritten_slots_never_read "$LAB"; }
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
@test "[1] 04-ptregs-dispatch: ptrace: the tracer changes the number, an argument, skips (orig_ax = -1) and sets results" { check_ptrace_changes; }
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
@test "[2] 04-fastpath-dispatch: fork, execve, rt_sigreturn and iopl retire fewer entry-path instructions than on lab 03 (no restart)" { check_path_vs_reference "$LAB" 03 fewer fork execve signal iopl; }
@test "[2] getpid retires more entry-path instructions than on lab 03: the whole frame's price" { check_path_vs_reference "$LAB" 03 more getpid; }
