/* signal.c - sending, dequeuing and the default actions of signals
 * (Linux's kernel/signal.c). Delivery to a handler, the frame on the user
 * stack and rt_sigreturn are arch/x86's: common/arch/signal_64.c.
 *
 * A signal is sent by setting its bit in the task's pending set; the
 * receiver notices TIF_SIGPENDING on its way back to user space (the
 * exit-work loop calls do_signal), or sooner if it sleeps: a sleep in
 * TASK_INTERRUPTIBLE ends, and the syscall returns -ERESTARTSYS. */
#include "signal.h"
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

/* signals whose default action is to do nothing; job control does not
 * exist, so the stop signals are discarded as well (Linux stops the task) */
#define SIG_KERNEL_IGNORE_MASK (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | \
                                sigmask(SIGCONT))
#define SIG_KERNEL_STOP_MASK   (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
                                sigmask(SIGTTOU))
#define SIG_KERNEL_ONLY_MASK   (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* the siginfo of each pending signal, per task slot: read only while the
 * signal's pending bit is set, so a new task needs no clearing here */
static struct kernel_siginfo sigqueue[NR_TASKS][_NSIG];

static struct kernel_siginfo *queued_info(struct task_struct *t, int sig)
{
        return &sigqueue[t - tasks][sig - 1];
}

static bool sig_in(int sig, sigset_t mask)
{
        return mask & sigmask(sig);
}

/* the default action ignores it, or the task asked for it to be ignored */
static bool sig_ignored(struct task_struct *t, int sig)
{
        __sighandler_t h = action_of(t, sig)->sa.sa_handler;

        if (t->blocked & sigmask(sig))          /* may be unblocked later */
                return false;
        if ((t->ptrace & PT_PTRACED) && sig != SIGKILL)
                return false;                   /* the tracer sees it first */
        return h == SIG_IGN ||
               (h == SIG_DFL && sig_in(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK));
}

bool signal_pending(struct task_struct *t)
{
        return test_tsk_thread_flag(t, TIF_SIGPENDING);
}

/* TIF_SIGPENDING says: some pending signal is not blocked */
static void recalc_sigpending_tsk(struct task_struct *t)
{
        if (t->pending.signal & ~t->blocked)
                set_tsk_thread_flag(t, TIF_SIGPENDING);
        else
                clear_tsk_thread_flag(t, TIF_SIGPENDING);
}

/* A sleeping receiver wakes: its syscall sees signal_pending() and ends.
 * SIGKILL also wakes a tracee stopped for its tracer (Linux's "fatal"
 * wake-up): nothing may keep a killed task asleep. */
static void signal_wake_up(struct task_struct *t, int sig)
{
        set_tsk_thread_flag(t, TIF_SIGPENDING);
        if (t->state == TASK_INTERRUPTIBLE || (sig == SIGKILL && t->state == TASK_TRACED))
                t->state = TASK_RUNNING;
}

/* init only gets the signals it has handlers for (Linux's SIGNAL_UNKILLABLE):
 * a stray kill(1, ...) must not end the system. Its own faults still do. */
static bool sig_unkillable(struct task_struct *t, int sig, bool force)
{
        return t->pid == 1 && !force && action_of(t, sig)->sa.sa_handler == SIG_DFL;
}

static int send_signal(int sig, struct kernel_siginfo *info, struct task_struct *t, bool force)
{
        if (sig < 1 || sig > _NSIG)
                return -EINVAL;
        if (t->state == TASK_UNUSED || t->state == TASK_ZOMBIE || t->state == TASK_DEAD ||
            sig_ignored(t, sig) ||
            sig_unkillable(t, sig, force))
                return 0;
        if (!(t->pending.signal & sigmask(sig))) {      /* the first one wins */
                struct kernel_siginfo *slot = queued_info(t, sig);
                if (info) {
                        *slot = *info;
                } else {
                        memset(slot, 0, sizeof(*slot));
                        slot->si_signo = sig;
                        slot->si_code = SI_KERNEL;
                }
                t->pending.signal |= sigmask(sig);
        }
        if (!(t->blocked & sigmask(sig)))
                signal_wake_up(t, sig);
        return 0;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
        return send_signal(sig, info, t, false);
}

/* A fault the task caused must reach it: unblock the signal, and if it
 * was blocked or ignored, take the default action (Linux's
 * force_sig_info_to_task). */
void force_sig_info(struct kernel_siginfo *info)
{
        struct task_struct *t = current;
        int sig = info->si_signo;
        struct k_sigaction *ka = action_of(t, sig);
        bool blocked = t->blocked & sigmask(sig);

        if (blocked || ka->sa.sa_handler == SIG_IGN) {
                ka->sa.sa_handler = SIG_DFL;
                t->blocked &= ~sigmask(sig);
        }
        send_signal(sig, info, t, true);
}

void force_sig(int sig)
{
        struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };
        force_sig_info(&info);
}

void force_sig_fault(int sig, int code, void __user *addr)
{
        struct kernel_siginfo info = { .si_signo = sig, .si_code = code };
        info.si_addr = addr;
        force_sig_info(&info);
}

void force_sigsegv(int sig)
{
        if (sig == SIGSEGV)             /* its own handler failed: no retry */
                action_of(current, SIGSEGV)->sa.sa_handler = SIG_DFL;
        force_sig(SIGSEGV);
}

bool do_notify_parent(struct task_struct *t, int status)
{
        struct kernel_siginfo info = { .si_signo = SIGCHLD };

        if (!t->parent)
                return false;
        info.si_pid = t->pid;
        if (status & 0x7f) {
                info.si_code = CLD_KILLED;
                info.si_status = status & 0x7f;
        } else {
                info.si_code = CLD_EXITED;
                info.si_status = (status >> 8) & 0xff;
        }
        send_sig_info(SIGCHLD, &info, t->parent);
        /* A parent that ignores SIGCHLD (or asked for SA_NOCLDWAIT) will
         * never wait: the child is not kept as a zombie (POSIX; Linux's
         * autoreap). A tracee stays for its tracer. */
        const struct k_sigaction *ka = action_of(t->parent, SIGCHLD);
        return !(t->ptrace & PT_PTRACED) &&
               (ka->sa.sa_handler == SIG_IGN || (ka->sa.sa_flags & SA_NOCLDWAIT));
}

/* fork: the child has the parent's actions and mask, nothing pending */
void copy_signal_state(struct task_struct *child, struct task_struct *parent)
{
        for (int i = 0; i < _NSIG; i++)
                child->action[i] = parent->action[i];
        child->blocked = parent->blocked;
        child->pending.signal = 0;
}

/* execve: handlers are gone with the old image; ignored stays ignored */
void flush_signal_handlers(struct task_struct *t)
{
        for (int sig = 1; sig <= _NSIG; sig++) {
                struct k_sigaction *ka = action_of(t, sig);
                if (ka->sa.sa_handler != SIG_IGN)
                        ka->sa.sa_handler = SIG_DFL;
                ka->sa.sa_flags = 0;
                ka->sa.sa_restorer = NULL;
                ka->sa.sa_mask = 0;
        }
}

/* The next signal to act on: synchronous ones (faults) first, as Linux's
 * SYNCHRONOUS_MASK, then the lowest number. Dequeued into *info. */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
                          sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

static int dequeue_signal(struct task_struct *t, struct kernel_siginfo *info)
{
        sigset_t ready = t->pending.signal & ~t->blocked;

        if (!ready) {
                recalc_sigpending_tsk(t);
                return 0;
        }
        if (ready & SYNCHRONOUS_MASK)
                ready &= SYNCHRONOUS_MASK;
        int sig = __builtin_ctzl(ready) + 1;
        *info = *queued_info(t, sig);
        t->pending.signal &= ~sigmask(sig);
        recalc_sigpending_tsk(t);
        return sig;
}

/* The next signal that has a handler to run, with its action copied to
 * *ka; the default actions of the others are taken here (the task may
 * die here). Returns 0 when none is left. */
int get_signal(struct kernel_siginfo *info, struct k_sigaction *ka)
{
        struct task_struct *t = current;
        int sig;

        while ((sig = dequeue_signal(t, info))) {
                /* a tracer sees every signal but SIGKILL first */
                if ((t->ptrace & PT_PTRACED) && sig != SIGKILL) {
                        sig = ptrace_signal(sig, info);
                        if (!sig)
                                continue;
                }
                struct k_sigaction *action = action_of(t, sig);
                if (action->sa.sa_handler == SIG_IGN)
                        continue;
                if (action->sa.sa_handler != SIG_DFL) {
                        *ka = *action;
                        if (ka->sa.sa_flags & SA_RESETHAND)
                                action->sa.sa_handler = SIG_DFL;
                        return sig;
                }
                if (sig_in(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK))
                        continue;
                /* terminate (the core-dump signals too: no core is written,
                 * so the status is the bare signal number) */
                do_exit(sig);
        }
        return 0;
}

/* the blocked mask changes: SIGKILL and SIGSTOP can never be in it */
void set_current_blocked(sigset_t newset)
{
        current->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
        recalc_sigpending_tsk(current);
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset, sigset_t __user *, oset,
                size_t, sigsetsize)
{
        sigset_t old = current->blocked, set;

        if (sigsetsize != sizeof(sigset_t))
                return -EINVAL;
        if (nset) {
                if (copy_from_user(&set, nset, sizeof(set)))
                        return -EFAULT;
                switch (how) {
                case SIG_BLOCK:   set = old | set; break;
                case SIG_UNBLOCK: set = old & ~set; break;
                case SIG_SETMASK: break;
                default:          return -EINVAL;
                }
                set_current_blocked(set);
        }
        if (oset && copy_to_user(oset, &old, sizeof(old)))
                return -EFAULT;
        return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
                struct sigaction __user *, oact, size_t, sigsetsize)
{
        struct task_struct *t = current;
        struct sigaction new, old;

        /* Linux's order: the new action is read before the number is
         * judged, so a bad pointer is -EFAULT whatever sig is */
        if (sigsetsize != sizeof(sigset_t))
                return -EINVAL;
        if (act && copy_from_user(&new, act, sizeof(new)))
                return -EFAULT;
        if (sig < 1 || sig > _NSIG || (act && sig_in(sig, SIG_KERNEL_ONLY_MASK)))
                return -EINVAL;
        old = action_of(t, sig)->sa;
        if (act) {
                new.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
                action_of(t, sig)->sa = new;
                /* POSIX: setting SIG_IGN (or a default of ignore) discards
                 * the signal if it is pending */
                if (sig_ignored(t, sig) || new.sa_handler == SIG_IGN) {
                        t->pending.signal &= ~sigmask(sig);
                        recalc_sigpending_tsk(t);
                }
        }
        if (oact && copy_to_user(oact, &old, sizeof(old)))
                return -EFAULT;
        return 0;
}

/* pid > 0: that process; -1: every process but init and the caller.
 * Process groups do not exist, so 0 and other negative pids find none.
 * sig 0 only checks that the target exists. As Linux's, the signal is
 * judged per target: no target is -ESRCH whatever sig is (pid 0 aside). */
SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
        struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_USER };
        int found = 0;

        info.si_pid = current->pid;
        info.si_uid = 0;
        for (int i = 0; i < NR_TASKS; i++) {
                struct task_struct *t = &tasks[i];
                if (t->state == TASK_UNUSED || t->state == TASK_NEW || t->pid == 0)
                        continue;
                if (pid > 0 ? t->pid != pid : pid != -1 || t->pid == 1 || t == current)
                        continue;
                found++;
                if (!valid_signal(sig))
                        return -EINVAL;
                if (sig)
                        send_sig_info(sig, &info, t);
        }
        if (found)
                return 0;
        /* pid 0 is the caller's own group on Linux, which always has the
         * caller in it: the signal is judged there too */
        return pid == 0 && !valid_signal(sig) ? -EINVAL : -ESRCH;
}

/* The syscall a sleep broken by a signal without a handler goes on with
 * (do_signal puts its number in rax): what the task's restart_block
 * says, or -EINTR when nothing is to go on (do_no_restart_syscall). */
SYSCALL_DEFINE0(restart_syscall)
{
        struct restart_block *rb = &current->restart_block;

        return rb->fn ? rb->fn(rb) : -EINTR;
}
