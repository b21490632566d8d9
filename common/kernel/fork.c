/* fork.c - a new process: a copy of the caller's user space and frame. */
#include "sched.h"
#include "mm.h"
#include "kernel.h"
#include "syscalls.h"
#include "signal.h"

/* The child resumes user space from the parent's frame with ax = 0; its
 * first switch enters ret_from_fork (wake_up_new_task). */
SYSCALL_DEFINE0(fork)
{
        struct task_struct *parent = current;
        struct task_struct *child = alloc_task(parent->comm);

        if (!child)
                return -EAGAIN;
        child->parent = parent;
        copy_signal_state(child, parent);
        child->pgd = pgd_alloc();
        if (!child->pgd || copy_user_space(child->pgd, parent->pgd)) {
                if (child->pgd)
                        pgd_free(child->pgd);
                child->state = TASK_UNUSED;
                return -ENOMEM;
        }
        if (io_bitmap_copy(child, parent)) {    /* ioperm's ports, inherited */
                pgd_free(child->pgd);
                child->state = TASK_UNUSED;
                return -ENOMEM;
        }
        struct pt_regs *regs = task_pt_regs(child);
        *regs = *current_pt_regs();
        regs->ax = 0;
        copy_seccomp(child, parent);
        child->no_new_privs = parent->no_new_privs;
        child->thread.fsbase = parent->thread.fsbase;
        fpu_copy(child);
        child->sas_ss_sp = parent->sas_ss_sp;
        child->sas_ss_size = parent->sas_ss_size;
        child->sas_ss_flags = parent->sas_ss_flags;
        child->uid = parent->uid;
        child->euid = parent->euid;
        child->suid = parent->suid;
        child->start_brk = parent->start_brk;
        child->brk = parent->brk;
        child->null_fds = parent->null_fds;
        child->cloexec_fds = parent->cloexec_fds;
        wake_up_new_task(child);
        return child->pid;
}
