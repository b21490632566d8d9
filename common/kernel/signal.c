/* signal.c - signal delivery. Until handlers exist, every signal the kernel
 * raises takes its default action: terminate, with the signal number in the
 * wait status as Linux reports it (WIFSIGNALED, WTERMSIG). */
#include "signal.h"
#include "sched.h"

__noreturn void force_sig_fault(int sig, struct pt_regs *regs)
{
        (void)regs;
        do_exit(sig & 0x7f);
}

void do_signal(struct pt_regs *regs)
{
        (void)regs;
        clear_tsk_thread_flag(current, TIF_SIGPENDING);
        ptrace_report_pending_signal();
}
