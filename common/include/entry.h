/* entry.h - the seam between common/ and a lab.
 *
 * A lab supplies exactly these symbols; everything else is common/.
 *
 *   entry_SYSCALL_64   (asm) MSR_LSTAR points here: the first instruction
 *                      after SYSCALL. Builds pt_regs, calls do_syscall_64,
 *                      returns to user space by the lab's exit.
 *   ret_from_fork      (asm) where a new task's first __switch_to_asm
 *                      returns: finishes the switch, runs the exit work, and
 *                      leaves to user space through the frame at the top of
 *                      its stack (a fork child, or init after its execve).
 *   do_syscall_64      (C) the lab's dispatcher, called by entry_SYSCALL_64.
 *   swapgs_restore_regs_and_return_to_usermode
 *                      (asm) the IRET exit to user space, jumped to with
 *                      rsp = pt_regs, interrupts off, the kernel GS; the
 *                      exception entry leaves through it too.
 *   native_irq_return_iret
 *                      (asm) that exit's IRETQ: a fault there is the
 *                      user's (error_entry, fixup_bad_iret).
 *
 * common/ supplies to labs: sys_call_table, syscall_enter_from_user_mode
 * (the entry work: tracing, seccomp), syscall_exit_to_user_mode (the
 * exit-work loop), their pieces syscall_trace_enter and syscall_exit_work,
 * ptrace_report_syscall_entry/exit (ptrace.h), seccomp_phase1/phase2 and
 * __secure_computing (seccomp.h), force_iret (sched.h), schedule_tail,
 * the per-CPU offsets in asm-offsets.inc and the register macros in
 * calling.inc.
 */
#ifndef ENTRY_H
#define ENTRY_H

#include "ptrace.h"
#include "sched.h"

void entry_SYSCALL_64(void);
void ret_from_fork(void);
void swapgs_restore_regs_and_return_to_usermode(void);
void native_irq_return_iret(void);

/* common/kernel/entry_common.c */
long syscall_enter_from_user_mode(struct pt_regs *regs, long nr);
void syscall_exit_to_user_mode(struct pt_regs *regs);
/* the pieces, for labs that run them on their own path: entry work for
 * the flags in work (ptrace stop, then seccomp; returns the nr to run or
 * -1 to skip), and the syscall-exit stop */
long syscall_trace_enter(struct pt_regs *regs, unsigned long work);
void syscall_exit_work(struct pt_regs *regs, unsigned long work);
void irqentry_exit_to_user_mode(struct pt_regs *regs);
void schedule_tail(struct task_struct *prev);

#endif
