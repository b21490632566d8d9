/* entry.h - the seam between common/ and a lab.
 *
 * A lab supplies exactly these symbols; everything else is common/.
 *
 *   entry_SYSCALL_64   (asm) MSR_LSTAR points here: the first instruction
 *                      after SYSCALL. Builds pt_regs, calls do_syscall_64,
 *                      returns to user space by the lab's exit.
 *   do_syscall_64      (C) the lab's dispatcher, called by entry_SYSCALL_64.
 *
 * and may select build options in labs/NN/config (CONFIG_X=y lines): from
 * lab 04 on, CONFIG_ARCH_HAS_SYSCALL_WRAPPER makes sys_call_table hold the
 * pt_regs wrappers __x64_sys_*(regs) (syscall_wrapper.h) instead of the
 * six-argument sys_*. Labs 05 and 06 also define the two phases of the
 * entry work, syscall_trace_enter_phase1/phase2, in their syscall.c.
 *
 * common/arch/entry_exit.asm supplies the way out that no lab changes:
 *
 *   swapgs_restore_regs_and_return_to_usermode
 *                      (asm) the IRET exit to user space, jumped to with
 *                      rsp = pt_regs, interrupts off, the kernel GS; the
 *                      exception entry leaves through it too.
 *   native_irq_return_iret
 *                      (asm) that exit's IRETQ: a fault there is the
 *                      user's (error_entry, fixup_bad_iret).
 *   ret_from_fork      (asm) where a new task's first __switch_to_asm
 *                      returns: finishes the switch, runs the exit work, and
 *                      leaves to user space through the frame at the top of
 *                      its stack (a fork child, or init after its execve).
 *
 * common/ supplies to labs: sys_call_table, syscall_enter_from_user_mode
 * (the entry work: tracing, seccomp), syscall_exit_to_user_mode (the
 * exit-work loop), their pieces syscall_trace_enter and syscall_exit_work,
 * ptrace_report_syscall_entry/exit (ptrace.h), seccomp_phase1/phase2 and
 * __secure_computing (seccomp.h), force_iret (sched.h), schedule_tail,
 * the per-CPU offsets in asm-offsets.inc and the register macros in
 * calling.inc.
 *
 * Rules for common/ code, because labs 02 and later have fast paths:
 *   - Work at syscall entry must be asked for with a bit in
 *     _TIF_WORK_SYSCALL_ENTRY: from lab 03 on, entry_SYSCALL_64 tests the
 *     flags and reaches do_syscall_64 (and so syscall_enter_from_user_mode)
 *     only when one is set. Work on the way out must be a bit in
 *     _TIF_ALLWORK_MASK: from lab 02 on, syscall_exit_to_user_mode runs
 *     only when one is set; otherwise the syscall leaves by SYSRET.
 *   - Whoever rewrites a task's pt_regs beyond ax (execve, rt_sigreturn,
 *     iopl, a tracer at a ptrace stop) calls force_iret(task) (sched.h):
 *     SYSRET restores only rip and rflags, and only from rcx and r11.
 *     force_iret sets TIF_FULL_RESTORE, a bit of _TIF_ALLWORK_MASK that
 *     the IRET exit clears (labs 02-05 leave by IRET when it is set;
 *     lab 06 checks the frame instead, and its checked exit clears it).
 *     The exit work itself (signal delivery, a restart) rewrites the
 *     frame without it: it runs only on the slow exit, which leaves by
 *     IRET or, in lab 06, through the checks.
 *   - A syscall that reads or rewrites the whole pt_regs (fork, execve,
 *     rt_sigreturn, iopl: Linux's "ptregs" syscalls) is listed in
 *     PTREGS_SYSCALLS in kernel/syscall_table.c; its table slot then
 *     calls ptregs_<handler>. A lab that saves a partial frame (lab 03)
 *     defines ptregs_<handler> for each, completing the frame before the
 *     handler runs; the other labs link a weak default that jumps straight
 *     to the handler.
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
