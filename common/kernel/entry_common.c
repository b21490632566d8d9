/* entry_common.c - the work done on every way back to user space.
 *
 * Flags in current->thread_info.flags say what is pending. The loop runs
 * with interrupts on (scheduling, signals), and re-reads the flags with
 * interrupts off so that nothing set after the last check is missed: the
 * caller's IRET or SYSRET happens with interrupts still off. */
#include "entry.h"
#include "sched.h"
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

/* Entry work before the handler runs: ptrace stops and seccomp filters may
 * change or skip the syscall (a returned nr of -1 skips it, regs->ax then
 * holds the answer). Runs with interrupts on. */
__visible long syscall_enter_from_user_mode(struct pt_regs *regs, long nr)
{
        (void)regs;
        local_irq_enable();
        return nr;
}

__visible void syscall_exit_to_user_mode(struct pt_regs *regs)
{
        exit_to_user_mode_prepare(regs);
}

__visible void irqentry_exit_to_user_mode(struct pt_regs *regs)
{
        exit_to_user_mode_prepare(regs);
}
