/* signal.h - the kernel's side of signals: per-task state and the calls
 * the rest of the kernel makes to raise them. Numbers, struct sigaction,
 * siginfo_t and the frame's layout are uapi/signal.h (Linux's).
 *
 * One thread per process, so the per-process parts of Linux (sighand,
 * the shared pending set) live in the task. Each signal is pending at most
 * once (a bit and the siginfo of its first sending): real-time signals do
 * not queue. */
#ifndef SIGNAL_H
#define SIGNAL_H

#include "types.h"
#include "ptrace.h"

#include "uapi/signal.h"

#define valid_signal(sig) ((unsigned long)(sig) <= _NSIG)

struct k_sigaction {
        struct sigaction sa;
};

/* the part of siginfo_t the kernel keeps (48 bytes) */
struct kernel_siginfo {
        __SIGINFO;
};

/* per task: which signals are pending (their siginfo waits in signal.c's
 * sigqueue, as Linux's struct sigqueue lives outside the task) */
struct sigpending {
        sigset_t signal;
};

struct task_struct;

/* Queue sig for t and wake it if it sleeps; info NULL means SI_KERNEL.
 * Returns 0, or -EINVAL for a bad number. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t);
/* A synchronous signal for current (a fault): it cannot be blocked or
 * ignored, the handler runs if there is one, else the default action. */
void force_sig_info(struct kernel_siginfo *info);
void force_sig(int sig);
void force_sig_fault(int sig, int code, void __user *addr);
/* the handler for sig could not be run: kill with SIGSEGV */
void force_sigsegv(int sig);
bool signal_pending(struct task_struct *t);
/* tell the parent that t exited (SIGCHLD); status as wait4 reports it */
bool do_notify_parent(struct task_struct *t, int status);    /* true: reap it now */

/* fork and execve */
void copy_signal_state(struct task_struct *child, struct task_struct *parent);
void flush_signal_handlers(struct task_struct *t);

/* the next signal with a handler to run (default actions are taken
 * inside: the task may exit there); 0 when none is left */
int get_signal(struct kernel_siginfo *info, struct k_sigaction *ka);
void set_current_blocked(sigset_t newset);

/* Kernel-internal: a sleep a signal broke. The exit work turns it into
 * -EINTR when a handler without SA_RESTART runs, else restarts the syscall
 * (include/linux/errno.h); user space never sees it. */
#define ERESTARTSYS     512
/* a sleep that goes on, after a signal without a handler, through
 * restart_syscall and current->restart_block (nanosleep); -EINTR when a
 * handler runs, whatever SA_RESTART says */
#define ERESTART_RESTARTBLOCK 516

/* the exit-work loop: deliver pending signals (or restart a syscall) */
void do_signal(struct pt_regs *regs);
/* the alternate signal stack (sigaltstack.c): the smallest it takes,
 * which AT_MINSIGSTKSZ tells user space; signal_64.c checks that the
 * largest signal frame fits in it */
#define MINSIGSTKSZ     2048
bool on_sig_stack(struct task_struct *t, u64 sp);
u64 sigsp(u64 sp, const struct k_sigaction *ka);
void save_altstack(stack_t *s, u64 sp);
void altstack_delivered(void);
void restore_altstack(const stack_t *uc_stack, u64 sp);

#endif
