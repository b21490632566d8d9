#!/usr/bin/env bats
# lab 01, iret-only: the baseline entry path. Points in [brackets].
load lib/entrylab
load lib/abi
load lib/trace
load lib/signals

LAB=01
# the checks that watch one program each under GDB, in one boot of them
# all (watch.bash): WATCHER:PROGRAM, in the order they boot
PROGRAM_WATCHES="ptrace_iret:ptrace_syscall"

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[6] frame audit (GDB): every pt_regs slot holds the register it names" { check_frame_audit "$LAB"; }
@test "[3] lab 01 boots, runs every program and powers off cleanly" { check_boots; }
@test "[1] getpid and getppid name the right processes" { check_getpid; }
@test "[2] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[2] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[1] out-of-range and negative numbers return -ENOSYS" { check_enosys; }
@test "[5] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[5] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[3] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
@test "[1] user faults (and TF across a syscall) kill with the right signal, not the kernel" { check_user_fault; }
@test "[1] SYSCALL from 32-bit mode gets -ENOSYS" { check_compat; }
@test "[1] the timer preempts processes that never make a syscall" { check_preempt; }
@test "[1] every page comes back when processes exit" { check_no_page_leak "$LAB"; }
@test "[1] two boots print byte-identical output" { check_deterministic "$LAB"; }
@test "[4] make gdb stops at entry_SYSCALL_64 with the user rip in rcx" { check_gdb_entry "$LAB"; }
@test "[8] 01-build-frame: at do_syscall_64, ptregs shows orig_ax = nr, ax = -ENOSYS, the IRET frame and the user's registers" { check_gdb_ptregs "$LAB"; }
@test "[10] a faulting IRET to user space kills the process, not the kernel" { check_bad_iret "$LAB"; }
@test "[6] 01-dispatch: with the frame GDB builds at every syscall, demo, enosys and mmap pass" { check_dispatch_on_gdb_frame "$LAB"; }

# ptrace and seccomp (grading/lib/trace.bash)
@test "[1] ptrace and seccomp programs pass all their own checks" { check_trace_programs_pass; }
@test "[2] ptrace: the tracer changes the number, an argument, skips (orig_ax = -1) and sets results" { check_ptrace_changes; }
@test "[3] ptrace: GETREGS/SETREGS round trip of rbx, rbp, r12-r15, flags, rsp and rip at a syscall stop" { check_ptrace_regs; }
@test "[1] ptrace: SETREGS gives no privilege; a bad rip or CS kills only the tracee" { check_ptrace_privilege; }
@test "[1] ptrace: -ESRCH, -EFAULT, -EIO, -EINVAL, -EPERM and PTRACE_KILL" { check_ptrace_errors; }
@test "[7] GDB: after a ptrace stop the tracee leaves by IRET with the tracer's frame" { check_gdb_ptrace_iret "$LAB"; }
@test "[1] seccomp: ALLOW, ERRNO (args and arch read), TRAP and KILL (SIGSYS), strict mode" { check_seccomp_actions; }
@test "[1] seccomp: RET_TRACE stops for a PTRACE_O_TRACESECCOMP tracer, -ENOSYS without one" { check_seccomp_trace; }
@test "[1] seccomp: filters stack (most restrictive wins), survive fork and execve" { check_seccomp_stack_inherit; }
@test "[1] seccomp: out-of-range and negative numbers reach the filter" { check_seccomp_numbers; }
@test "[1] seccomp: bad BPF programs get -EINVAL, bad pointers -EFAULT; the limits hold" { check_seccomp_bad_programs; }
@test "[1] filters and tracees give back every page" { check_trace_no_page_leak "$LAB"; }
@test "[2] signals: handlers, siginfo, masks, SA_RESETHAND/NODEFER, kill, wait4 -EINTR" { check_sig_basic; }
@test "[3] rt_sigreturn restores every register, rip, the user flags and cs (a 32-bit cs runs 32-bit code)" { check_sigreturn_regs; }
@test "[2] rt_sigreturn never yields kernel CS/SS, IOPL or NT (the IRET refuses the segments: SIGSEGV)" { check_sigreturn_hostile; }
@test "[1] exceptions from user mode reach handlers with Linux's siginfo and sigcontext" { check_exception_signals; }
@test "[2] NT, AC, DF and TF survive a syscall (syscall_nt)" { check_syscall_nt; }
@test "[2] TF across a syscall: SIGTRAP after it, TF kept (single_step_syscall)" { check_single_step_syscall; }
@test "[3] sigreturn to a non-canonical rip: SIGSEGV at that rip, in user mode (sysret_rip)" { check_sysret_rip; }
@test "[1] iopl: ports at IOPL 3, SIGSEGV at 0; fork inherits, execve resets" { check_iopl; }
@test "[1] bad user pointers get -EFAULT from every syscall (syscall_arg_fault)" { check_syscall_arg_fault; }
@test "[1] mmap and munmap: anonymous private memory, Linux's errors, all six arguments reach the kernel" { check_mmap; }
