#!/usr/bin/env bats
# lab 03, partial-frame: the fast path saves only the C-clobbered registers;
# the slow path and the ptregs syscalls complete the frame. Points in
# [brackets].
load lib/entrylab
load lib/abi
load lib/exits

LAB=03

setup_file() {
        boot_all_programs "$LAB" "$ALL_PROGRAMS"
}

@test "[3] lab 03 boots, runs every program and powers off cleanly" { check_boots; }
@test "[2] getpid and getppid name the right processes" { check_getpid; }
@test "[3] fork + wait4: 40 processes at once, every exit status reaches the parent" { check_fork_wait; }
@test "[3] execve delivers argv and envp; bad pointers get -EFAULT" { check_execve; }
@test "[2] out-of-range and negative numbers return -ENOSYS" { check_enosys; }
@test "[8] every register but rax, rcx, r11 survives every syscall" { check_regs_preserved; }
@test "[8] rcx = return rip, r11 = rflags (NT, AC, DF kept for user)" { check_rcx_r11; }
@test "[4] after execve all registers are 0 but rsp, rflags = 0x202" { check_initial_regs; }
@test "[3] user faults (and TF across a syscall) kill with the right signal, not the kernel" { check_user_fault; }
@test "[2] SYSCALL from 32-bit mode gets -ENOSYS" { check_compat; }
@test "[2] the timer preempts processes that never make a syscall" { check_preempt; }
@test "[2] every page comes back when processes exit" { check_no_page_leak "$LAB"; }
@test "[2] two boots print byte-identical output" { check_deterministic "$LAB"; }
@test "[2] make gdb stops at entry_SYSCALL_64 with the user rip in rcx" { check_gdb_entry "$LAB"; }
@test "[2] at do_syscall_64 (slow path), ptregs shows orig_ax = nr, ax = -ENOSYS, the IRET frame" { check_gdb_ptregs "$LAB"; }
@test "[2] a faulting IRET to user space kills the process, not the kernel" { check_bad_iret "$LAB"; }
@test "[10] a plain getpid leaves by sysretq (GDB at both exits, bench's loop)" { check_sysret_for_getpid "$LAB"; }
@test "[5] execve returns into the new program by iretq" { check_iret_after_execve "$LAB"; }
@test "[5] a getpid with exit work pending leaves by iretq, the next one by sysretq" { check_iret_with_exit_work "$LAB"; }
@test "[10] a fork child sees rax = 0 and its parent's callee-saved registers" { check_fork_child_regs; }
@test "[10] the fast path never reads a slot it did not write (GDB poisons them)" { check_unwritten_slots_never_read "$LAB"; }
@test "[5] getpid retires fewer kernel instructions than on lab 02 (icount)" { check_cheaper_than "$LAB" 02; }
@test "[5] the fast path leaves bx, bp, r12-r15, cs, flags, sp, ss unwritten (GDB)" { check_fast_path_leaves_slots_unwritten "$LAB"; }
