#!/usr/bin/env bats
# lab 03, partial-frame: the fast path saves only the C-clobbered registers;
# the slow path and the ptregs syscalls complete the frame. Points in
# [brackets].
load lib/entrylab
load lib/abi
load lib/signals
load lib/exits

LAB=03

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[2] lab 03 boots, runs every program and powers off cleanly" { check_boots; }
@test "[1] getpid and getppid name the right processes" { check_getpid; }
@test "[2] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[2] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[1] out-of-range and negative numbers return -ENOSYS" { check_enosys; }
@test "[5] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[4] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[3] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
@test "[1] user faults (and TF across a syscall) kill with the right signal, not the kernel" { check_user_fault; }
@test "[1] SYSCALL from 32-bit mode gets -ENOSYS" { check_compat; }
@test "[1] the timer preempts processes that never make a syscall" { check_preempt; }
@test "[1] every page comes back when processes exit" { check_no_page_leak "$LAB"; }
@test "[1] two boots print byte-identical output" { check_deterministic "$LAB"; }
@test "[1] make gdb stops at entry_SYSCALL_64 with the user rip in rcx" { check_gdb_entry "$LAB"; }
@test "[1] at do_syscall_64 (slow path), ptregs shows orig_ax = nr, ax = -ENOSYS, the IRET frame" { check_gdb_ptregs "$LAB"; }
@test "[1] a faulting IRET to user space kills the process, not the kernel" { check_bad_iret "$LAB"; }
@test "[2] signals: handlers, siginfo, masks, SA_RESETHAND/NODEFER, kill, wait4 -EINTR" { check_sig_basic; }
@test "[3] rt_sigreturn restores every register, rip and the user flags" { check_sigreturn_regs; }
@test "[2] rt_sigreturn never yields kernel CS/SS, IOPL or NT" { check_sigreturn_hostile; }
@test "[1] exceptions from user mode reach handlers with Linux's siginfo and sigcontext" { check_exception_signals; }
@test "[1] NT, AC, DF and TF survive a syscall (syscall_nt)" { check_syscall_nt; }
@test "[1] TF across a syscall: SIGTRAP after it, TF kept (single_step_syscall)" { check_single_step_syscall; }
@test "[2] sigreturn to a non-canonical rip: SIGSEGV at that rip, in user mode (sysret_rip)" { check_sysret_rip; }
@test "[1] iopl: ports at IOPL 3, SIGSEGV at 0; fork inherits, execve resets" { check_iopl; }
@test "[1] bad user pointers get -EFAULT from every syscall (syscall_arg_fault)" { check_syscall_arg_fault; }
@test "[8] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[4] execve returns into the new program by iretq" { check_iret_after_execve "$LAB"; }
@test "[4] a getpid with exit work pending leaves by iretq, the next one by sysretq" { check_iret_with_exit_work "$LAB"; }
@test "[8] a fork child sees rax = 0 and its parent's callee-saved registers" { check_fork_child_regs; }
@test "[12] the fast path never reads a slot it did not write (GDB poisons them)" { check_unwritten_slots_never_read "$LAB"; }
@test "[7] getpid retires fewer kernel instructions than on lab 02 (icount)" { check_cheaper_than "$LAB" 02; }
@test "[5] the fast path leaves bx, bp, r12-r15, cs, flags, sp, ss unwritten (GDB)" { check_fast_path_leaves_slots_unwritten "$LAB"; }
@test "[4] rt_sigreturn (a ptregs syscall) returns by iretq" { check_iret_after "$LAB" sigregs sys_rt_sigreturn; }
@test "[3] kill() of oneself returns into the handler by iretq" { check_iret_after "$LAB" sigbasic "sys_kill if \$rdi == cpu_data.current_task->pid"; }
@test "[3] iopl (a ptregs syscall) returns by iretq" { check_iret_after "$LAB" iopl sys_iopl; }
