#!/usr/bin/env bats
# lab 03, partial-frame: the fast path saves only the C-clobbered registers;
# the slow path and the ptregs syscalls complete the frame. Points in
# [brackets].
load lib/entrylab
load lib/abi
load lib/signals
load lib/trace
load lib/exits
load lib/timing

LAB=03
# bench's exits that this file's checks watch, in one GDB session, in
# bench's order (exits.bash)
BENCH_EXITS="execve getpid exit_work"
# the checks that watch one program each under GDB, in one boot of them
# all (watch.bash): WATCHER:PROGRAM, in the order they boot
PROGRAM_WATCHES="iret_after:sigregs iret_after:sigbasic iret_after:iopl ptrace_iret:ptrace_syscall"

# the slots the fast path leaves unwritten (the frame audit)
UNWRITTEN="bx bp r12 r13 r14 r15 cs flags sp ss"

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[2] frame audit (GDB): every slot the fast path writes holds the register it names" { check_frame_audit "$LAB" "$UNWRITTEN" fast; }
@test "[2] frame audit (GDB): the slow path completes the frame for the same getpid, and the probe gets its registers back" { check_frame_audit "$LAB" "$UNWRITTEN" slow; }
# each exercise judged on its own boot (init=/bin/frameprobe), before the
# file-wide boot is judged: written alone, it earns these (README)
@test "[4] 03-partial-save: the fast path leaves bx, bp, r12-r15, cs, flags, sp, ss unwritten and writes the rest (GDB)" { check_fast_path_leaves_slots_unwritten "$LAB"; }
@test "[2] 03-fixup-top-of-stack: FIXUP_TOP_OF_STACK completes cs, flags, sp and ss from where the fast path left them (GDB)" { check_fixup_completes_top "$LAB"; }
@test "[2] 03-ptregs-stub: stub_ptregs_64 sends a ptregs syscall from the fast path to the slow path, which runs orig_ax (GDB)" { check_ptregs_stub_restarts "$LAB"; }
@test "[2] lab 03 boots, runs every program and powers off cleanly" { check_boots; }
@test "[1] getpid and getppid name the right processes" { check_getpid; }
@test "[1] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[1] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[1] out-of-range and negative numbers return -ENOSYS" { check_enosys; }
@test "[3] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[3] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[3] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
@test "[1] user faults (and TF across a syscall) kill with the right signal, not the kernel" { check_user_fault; }
@test "[1] SYSCALL from 32-bit mode gets -ENOSYS" { check_compat; }
@test "[1] the timer preempts processes that never make a syscall" { check_preempt; }
@test "[1] every page comes back when processes exit" { check_no_page_leak "$LAB"; }
@test "[1] two boots print byte-identical output" { check_deterministic "$LAB"; }
@test "[1] make gdb stops at entry_SYSCALL_64 with the user rip in rcx" { check_gdb_entry "$LAB"; }
@test "[1] at do_syscall_64 (slow path), ptregs shows orig_ax = nr, ax = -ENOSYS, the IRET frame" { check_gdb_ptregs "$LAB"; }
@test "[1] a faulting IRET to user space kills the process, not the kernel" { check_bad_iret "$LAB"; }
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
@test "[2] ptrace: the tracer changes the number, an argument, skips (orig_ax = -1) and sets results" { check_ptrace_changes; }
@test "[4] ptrace: GETREGS/SETREGS round trip of rbx, rbp, r12-r15, flags, rsp and rip at a syscall stop" { check_ptrace_regs; }
@test "[1] ptrace: SETREGS gives no privilege; a bad rip or CS kills only the tracee" { check_ptrace_privilege; }
@test "[1] ptrace: -ESRCH, -EFAULT, -EIO, -EINVAL, -EPERM and PTRACE_KILL" { check_ptrace_errors; }
@test "[5] GDB: after a ptrace stop the tracee leaves by IRET with the tracer's frame" { check_gdb_ptrace_iret "$LAB"; }
@test "[1] seccomp: ALLOW, ERRNO (args and arch read), TRAP and KILL (SIGSYS), strict mode" { check_seccomp_actions; }
@test "[1] seccomp: RET_TRACE stops for a PTRACE_O_TRACESECCOMP tracer, -ENOSYS without one" { check_seccomp_trace; }
@test "[1] seccomp: filters stack (most restrictive wins), survive fork and execve" { check_seccomp_stack_inherit; }
@test "[1] seccomp: out-of-range and negative numbers reach the filter" { check_seccomp_numbers; }
@test "[1] seccomp: bad BPF programs get -EINVAL, bad pointers -EFAULT; the limits hold" { check_seccomp_bad_programs; }
@test "[1] filters and tracees give back every page" { check_trace_no_page_leak "$LAB"; }
# this lab's step: the partial frame, the stubs, the exits (grading/lib/exits.bash)
@test "[6] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[3] execve returns into the new program by iretq" { check_iret_after_execve "$LAB"; }
@test "[3] a getpid with exit work pending leaves by iretq, the next one by sysretq" { check_iret_with_exit_work "$LAB"; }
@test "[5] a fork child sees rax = 0 and its parent's callee-saved registers" { check_fork_child_regs; }
@test "[4] the fast path never reads a slot it did not write (GDB poisons them)" { check_unwritten_slots_never_read "$LAB"; }
@test "[5] getpid retires fewer entry-path instructions per round trip than on lab 02 (the cost plugin's count)" { check_path_vs_reference "$LAB" 02 fewer getpid; }
@test "[3] rt_sigreturn (a ptregs syscall) returns by iretq" { check_iret_after "$LAB" sigregs; }
@test "[1] kill() of oneself returns into the handler by iretq" { check_iret_after "$LAB" sigbasic; }
@test "[2] iopl (a ptregs syscall) returns by iretq" { check_iret_after "$LAB" iopl; }
