/* affinity.c - sched_setaffinity and sched_getaffinity on the kit's one
 * CPU: a mask must hold CPU 0, and every task already runs there. */
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

static bool task_exists(int pid)
{
        if (pid == 0)
                return true;
        for (int i = 1; i < NR_TASKS; i++)
                if (tasks[i].pid == pid && tasks[i].state != TASK_UNUSED &&
                    tasks[i].state != TASK_NEW && tasks[i].state != TASK_DEAD)
                        return true;
        return false;
}

SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len, unsigned long __user *, mask)
{
        unsigned long m = 0;

        if (copy_from_user(&m, mask, min(len, (unsigned int)sizeof(m))))
                return -EFAULT;
        if (!task_exists(pid))
                return -ESRCH;
        return m & 1 ? 0 : -EINVAL;     /* no CPU of the mask is online */
}

/* Linux writes one unsigned long per nr_cpu_ids' worth and returns its size */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len, unsigned long __user *, mask)
{
        unsigned long m = 1;

        if (len < sizeof(m) || (len & (sizeof(m) - 1)))
                return -EINVAL;
        if (!task_exists(pid))
                return -ESRCH;
        return copy_to_user(mask, &m, sizeof(m)) ? -EFAULT : (long)sizeof(m);
}
