/* sigaltstack.c - an alternate stack for signal handlers: sigaltstack and
 * what SA_ONSTACK delivery asks of it (Linux's kernel/signal.c:
 * do_sigaltstack, on_sig_stack, sigsp). A handler that overflows its
 * stack can still run when its signal says SA_ONSTACK. */
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

#define SS_ONSTACK      1
#define SS_AUTODISARM   (1U << 31)

/* Is sp on t's alternate stack? (the top itself is not: Linux's test) */
bool on_sig_stack(struct task_struct *t, u64 sp)
{
        return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

/* The sp a handler's frame goes below: the alternate stack's top when the
 * action says SA_ONSTACK, one is set, and the task is not on it already */
u64 sigsp(u64 sp, const struct k_sigaction *ka)
{
        struct task_struct *t = current;

        if ((ka->sa.sa_flags & SA_ONSTACK) && t->sas_ss_size && !on_sig_stack(t, sp))
                sp = t->sas_ss_sp + t->sas_ss_size;
        return sp;
}

/* A signal was delivered (Linux's signal_delivered): an SS_AUTODISARM stack
 * is off while the handler runs, whatever the action; the frame's
 * uc_stack keeps it, and rt_sigreturn puts it back (restore_altstack) */
void altstack_delivered(void)
{
        struct task_struct *t = current;

        if (t->sas_ss_flags & SS_AUTODISARM) {
                t->sas_ss_sp = t->sas_ss_size = 0;
                t->sas_ss_flags = 0;
        }
}

/* what uc_stack of a signal frame reports */
void save_altstack(stack_t *s, u64 sp)
{
        struct task_struct *t = current;

        s->ss_sp = (void __user *)t->sas_ss_sp;
        s->ss_size = t->sas_ss_size;
        s->ss_flags = !t->sas_ss_size ? SS_DISABLE :
                      (on_sig_stack(t, sp) ? SS_ONSTACK : 0) | t->sas_ss_flags;
}

/* Linux's do_sigaltstack, the setting half: new, for a task at sp */
static int set_altstack(const stack_t *new, u64 sp)
{
        struct task_struct *t = current;

        if (on_sig_stack(t, sp))
                return -EPERM;          /* not while a handler runs on it */
        unsigned int mode = new->ss_flags & ~SS_AUTODISARM;
        if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
                return -EINVAL;
        if (mode == SS_DISABLE) {
                t->sas_ss_sp = t->sas_ss_size = 0;
                t->sas_ss_flags = 0;
        } else {
                if (new->ss_size < MINSIGSTKSZ)
                        return -ENOMEM;
                t->sas_ss_sp = (u64)new->ss_sp;
                t->sas_ss_size = new->ss_size;
                t->sas_ss_flags = new->ss_flags & SS_AUTODISARM;
        }
        return 0;
}

/* rt_sigreturn: the stack the frame's uc_stack names, for the interrupted
 * code at sp; as Linux's restore_altstack, a stack it refuses leaves the
 * task as it is (only an unreadable uc_stack, which the caller has read
 * already, would fail the sigreturn) */
void restore_altstack(const stack_t *uc_stack, u64 sp)
{
        set_altstack(uc_stack, sp);
}

SYSCALL_DEFINE2(sigaltstack, const struct sigaltstack __user *, uss, struct sigaltstack __user *, uoss)
{
        u64 sp = current_pt_regs()->sp;
        stack_t old, new;

        save_altstack(&old, sp);
        if (uss) {
                if (copy_from_user(&new, uss, sizeof(new)))
                        return -EFAULT;
                int err = set_altstack(&new, sp);
                if (err)
                        return err;
        }
        if (uoss && copy_to_user(uoss, &old, sizeof(old)))
                return -EFAULT;
        return 0;
}
