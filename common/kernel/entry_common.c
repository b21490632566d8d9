/* entry_common.c - the work done on every way back to user space.
 *
 * Flags in current->thread_info.flags say what is pending. The loop runs
 * with interrupts on (scheduling, signals), and re-reads the flags with
 * interrupts off so that nothing set after the last check is missed: the
 * caller's IRET or SYSRET happens with interrupts still off. */
#include "entry.h"
#include "sched.h"
#include "seccomp.h"
#include "signal.h"
#include "x86.h"

static void exit_to_user_mode_loop(struct pt_regs *regs, unsigned long ti_work)
{
        while (ti_work & _TIF_EXIT_TO_USER_WORK) {
                local_irq_enable();
                if (ti_work & _TIF_NEED_RESCHED)
                        schedule();
                if (ti_work & _TIF_SIGPENDING)
                        do_signal(regs);
                if (ti_work & _TIF_NOTIFY_RESUME)
                        clear_tsk_thread_flag(current, TIF_NOTIFY_RESUME);
                local_irq_disable();
                ti_work = read_thread_flags();
        }
}

static void exit_to_user_mode_prepare(struct pt_regs *regs)
{
        local_irq_disable();
        unsigned long ti_work = read_thread_flags();
        if (ti_work & _TIF_EXIT_TO_USER_WORK)
                exit_to_user_mode_loop(regs, ti_work);
}

/* The number the frame now asks for: orig_ax, an int as in Linux (so that
 * -1, whichever way a tracer wrote it, is out of range). */
static long syscall_get_nr(const struct pt_regs *regs)
{
        return (int)regs->orig_ax;
}

/* Entry work, in modern Linux's order: the ptrace stop first, then seccomp,
 * so that the filters judge what the tracer left. Returns the number to
 * run, or -1 to skip the syscall with regs->ax as its answer. */
long syscall_trace_enter(struct pt_regs *regs, unsigned long work)
{
        if (work & (_TIF_SYSCALL_TRACE | _TIF_SYSCALL_EMU)) {
                if (ptrace_report_syscall_entry(regs) || (work & _TIF_SYSCALL_EMU))
                        return -1;
        }
        if (work & _TIF_SECCOMP) {
                if (__secure_computing(NULL) == -1)
                        return -1;
        }
        return syscall_get_nr(regs);
}

/* Entry work before the handler runs: ptrace stops and seccomp filters may
 * change or skip the syscall (a returned nr of -1 skips it, regs->ax then
 * holds the answer). Runs with interrupts on. With no work pending this is
 * one test of the flags. */
__visible long syscall_enter_from_user_mode(struct pt_regs *regs, long nr)
{
        local_irq_enable();
        unsigned long work = read_thread_flags();
        if (work & _TIF_WORK_SYSCALL_ENTRY)
                nr = syscall_trace_enter(regs, work);
        return nr;
}

/* Exit work after the handler: the syscall-exit stop, where a tracer may
 * change the result (regs->ax) or anything else. Sleeps: interrupts on. */
void syscall_exit_work(struct pt_regs *regs, unsigned long work)
{
        local_irq_enable();
        if (work & _TIF_SYSCALL_TRACE)
                ptrace_report_syscall_exit(regs, 0);
}

__visible void syscall_exit_to_user_mode(struct pt_regs *regs)
{
        unsigned long work = read_thread_flags();

        if (work & _TIF_WORK_SYSCALL_EXIT)
                syscall_exit_work(regs, work);
        exit_to_user_mode_prepare(regs);
}

__visible void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
        exit_to_user_mode_prepare(regs);
}
