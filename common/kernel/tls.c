/* tls.c - what a C library's start-up asks of the kernel before main():
 * the FS base for its thread pointer (arch_prctl), the thread id and
 * clear_child_tid address (set_tid_address, gettid), and signals to one
 * thread (tkill, tgkill: raise() uses them).
 *
 * One thread per process here, so a thread id is the pid. The FS base is
 * kept per task (thread.fsbase) and loaded into MSR_FS_BASE by
 * context_switch; the CPU model has no FSGSBASE instructions, so user
 * space can change the base only through arch_prctl and the copy in the
 * task is always the live value. */
#include "sched.h"
#include "mm.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"
#include "x86.h"

#define ARCH_SET_GS     0x1001
#define ARCH_SET_FS     0x1002
#define ARCH_GET_FS     0x1003
#define ARCH_GET_GS     0x1004

void set_fsbase(struct task_struct *t, u64 base)
{
        t->thread.fsbase = base;
        if (t == current)
                wrmsr(MSR_FS_BASE, base);
}

/* Linux refuses a base outside user space (TASK_SIZE_MAX) with -EPERM.
 * The GS base belongs to the kernel's swapgs here: ARCH_SET_GS is
 * refused, ARCH_GET_GS reads 0. */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, arg2)
{
        u64 zero = 0;

        switch (option) {
        case ARCH_SET_FS:
                if (arg2 >= TASK_SIZE_MAX)
                        return -EPERM;
                set_fsbase(current, arg2);
                return 0;
        case ARCH_GET_FS:
                return copy_to_user((void __user *)arg2, &current->thread.fsbase, 8) ? -EFAULT : 0;
        case ARCH_GET_GS:
                return copy_to_user((void __user *)arg2, &zero, 8) ? -EFAULT : 0;
        case ARCH_SET_GS:
                return -EPERM;
        }
        return -EINVAL;
}

/* The address is only kept: there are no threads whose exit would clear it */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
        current->clear_child_tid = tidptr;
        return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
        return current->pid;
}

/* the task pid names, a zombie included (it still has its pid) */
static struct task_struct *find_task(int pid)
{
        for (int i = 1; i < NR_TASKS; i++)
                if (tasks[i].pid == pid && tasks[i].state != TASK_UNUSED &&
                    tasks[i].state != TASK_NEW && tasks[i].state != TASK_DEAD)
                        return &tasks[i];
        return NULL;
}

/* tgkill(tgid, tid, sig): tgid < 0 means "any process" (tkill). Linux's
 * order (do_send_specific): no such task is -ESRCH before a bad signal is
 * -EINVAL; a zombie takes the signal to no effect, 0 */
static long do_tkill(int tgid, int tid, int sig)
{
        struct kernel_siginfo info = { .si_signo = sig, .si_code = SI_TKILL,
                                       .si_pid = current->pid };
        struct task_struct *t;

        if (tid <= 0)
                return -EINVAL;
        t = find_task(tid);
        if (!t || (tgid > 0 && t->pid != tgid))
                return -ESRCH;
        if (!valid_signal(sig))
                return -EINVAL;
        if (sig && t->state != TASK_ZOMBIE)
                send_sig_info(sig, &info, t);
        return 0;
}

SYSCALL_DEFINE2(tkill, int, tid, int, sig)
{
        return do_tkill(-1, tid, sig);
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, tid, int, sig)
{
        if (tgid <= 0)
                return -EINVAL;
        return do_tkill(tgid, tid, sig);
}
