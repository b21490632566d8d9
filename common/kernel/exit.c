/* exit.c - exit, exit_group and wait4. */
#include "sched.h"
#include "mm.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"
#include "signal.h"

static struct task_struct *init_task(void)
{
        for (int i = 0; i < NR_TASKS; i++)
                if (tasks[i].pid == 1 && tasks[i].state != TASK_UNUSED)
                        return &tasks[i];
        return NULL;
}

/* code is the wait status: (exit code << 8) or a terminating signal. */
__noreturn void do_exit(int code)
{
        struct task_struct *t = current, *init = init_task();

        if (t == init) {
                /* Linux panics here; the kit powers off with init's verdict */
                int status = code & 0x7f ? 128 + (code & 0x7f) : (code >> 8) & 0xff;
                printk("init exited with status %d: powering off, %lu KiB free\n",
                       status, nr_free_pages() * PAGE_SIZE / 1024);
                machine_power_off(status ? EXIT_FAILURE_CODE : EXIT_SUCCESS_CODE);
        }
        pgd_free_user(t->pgd);          /* the PML4 goes in finish_task_switch */
        put_seccomp_filter(t);
        io_bitmap_exit(t);
        exit_ptrace(t);                 /* its tracees go free */
        for (int i = 0; i < NR_TASKS; i++) {
                if (tasks[i].parent != t || tasks[i].state == TASK_UNUSED)
                        continue;
                tasks[i].parent = init;         /* orphans go to init */
                if (tasks[i].state == TASK_ZOMBIE)
                        wake_up(init);
        }
        t->exit_code = code;
        t->state = TASK_ZOMBIE;
        if (do_notify_parent(t, code))
                t->state = TASK_DEAD;   /* no one will wait for it */
        wake_up(t->parent);
        schedule();
        panic("a zombie ran again");
}

SYSCALL_DEFINE1(exit, int, code)
{
        do_exit((code & 0xff) << 8);
}

/* One thread per process, so exit_group is exit. */
SYSCALL_DEFINE1(exit_group, int, code)
{
        do_exit((code & 0xff) << 8);
}

/* As Linux's kernel_wait4, the child is reaped even when its status
 * cannot be copied out: the caller gets -EFAULT, the child is gone. */
static long reap(struct task_struct *child, int *status)
{
        int pid = child->pid;
        bool fault = status && copy_to_user(status, &child->exit_code, sizeof(int));

        if (child->pgd)
                pgd_free(child->pgd);
        child->state = TASK_UNUSED;
        child->parent = NULL;
        return fault ? -EFAULT : pid;
}

/* A traced child stopped for us: reported once, as (code << 8) | 0x7f
 * (WIFSTOPPED), whether or not WUNTRACED was asked for (Linux). */
static long report_stopped(struct task_struct *child, int *status)
{
        int s = (child->exit_code << 8) | 0x7f;

        if (status && copy_to_user(status, &s, sizeof(int)))
                return -EFAULT;
        child->exit_code = 0;
        return child->pid;
}

/* pid > 0: that child; pid == -1 or 0: any child (every process is in the
 * one process group there is); pid < -1: a group that does not exist.
 * Neither threads nor job control exist, so __WALL, __WCLONE,
 * __WNOTHREAD, WUNTRACED and WCONTINUED change nothing. */
static long do_wait(int pid, int __user *status, int options)
{
        if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
                return -EINVAL;
        if (pid < -1)
                return -ECHILD;
        if (pid == 0)
                pid = -1;
        for (;;) {
                bool have_child = false;
                for (int i = 0; i < NR_TASKS; i++) {
                        struct task_struct *c = &tasks[i];
                        if (c->parent != current || c->state == TASK_UNUSED || c->state == TASK_DEAD)
                                continue;
                        if (pid != -1 && c->pid != pid)
                                continue;
                        have_child = true;
                        if (c->state == TASK_ZOMBIE)
                                return reap(c, status);
                        if (c->state == TASK_TRACED && c->exit_code)
                                return report_stopped(c, status);
                }
                if (!have_child)
                        return -ECHILD;
                if (options & WNOHANG)
                        return 0;
                if (signal_pending(current))
                        return -ERESTARTSYS;    /* -EINTR, or a restart */
                current->wait_pid = pid;
                sleep_on(current);      /* a child's exit wakes its parent */
        }
}

/* No CPU time is kept per process: a rusage asked for comes back zeroed,
 * once a child was reported (-EFAULT if it cannot be written, as Linux's
 * wait4, the child reaped all the same). */
SYSCALL_DEFINE4(wait4, int, pid, int __user *, status, int, options, void __user *, rusage)
{
        static const u8 no_usage[144];          /* sizeof(struct rusage) */
        long r = do_wait(pid, status, options);

        if (r > 0 && rusage && copy_to_user(rusage, no_usage, sizeof(no_usage)))
                return -EFAULT;
        return r;
}
