/* sys.c - the small syscalls: identity, yield, console I/O. */
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"
#include "uapi/seccomp.h"
#include "uapi/sysinfo.h"
#include "mm.h"
#include "cpu.h"

SYSCALL_DEFINE0(ni_syscall)
{
        return -ENOSYS;
}

SYSCALL_DEFINE0(getpid)
{
        return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
        return current->parent ? current->parent->pid : 0;
}

/* The memory figures in bytes (mem_unit 1, as Linux gives them wherever
 * they fit an unsigned long), the uptime, the tasks in use. No swap, no
 * load average. free(1) reads it; so does the grading's page-leak check,
 * between two runs of the same programs in one boot. */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
        struct sysinfo si = { .mem_unit = 1 };

        si.uptime = cpu_data.ticks / HZ;
        si.totalram = nr_total_pages() * PAGE_SIZE;
        si.freeram = nr_free_pages() * PAGE_SIZE;
        for (int i = 1; i < NR_TASKS; i++)
                if (tasks[i].state != TASK_UNUSED)
                        si.procs++;
        return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

/* The yield happens on the way out: TIF_NEED_RESCHED makes the exit-work
 * loop call schedule() before the return to user space. The caller still
 * goes behind every other runnable task before it returns, as in Linux;
 * the path it takes is a preempted task's, which makes sched_yield the
 * kit's deterministic "syscall with pending exit work" (docs/timing.md). */
SYSCALL_DEFINE0(sched_yield)
{
        set_tsk_thread_flag(current, TIF_NEED_RESCHED);
        return 0;
}

/* Bytes from user space to the serial console: the count written, or
 * -EFAULT when none could be read (write and writev share it). */
long console_write(const char __user *buf, size_t count)
{
        char chunk[128];
        size_t done = 0;

        while (done < count) {
                size_t n = min(count - done, sizeof(chunk));
                if (copy_from_user(chunk, buf + done, n))
                        return done ? (long)done : -EFAULT;
                for (size_t i = 0; i < n; i++)
                        serial_putc(chunk[i]);
                done += n;
        }
        return done;
}

/* prctl: the seccomp and no_new_privs options. no_new_privs is kept and
 * inherited as Linux does; nothing here grants privilege at execve, so it
 * changes no behaviour yet. */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
                unsigned long, arg4, unsigned long, arg5)
{
        switch (option) {
        case PR_GET_SECCOMP:
                return prctl_get_seccomp();
        case PR_SET_SECCOMP:
                return prctl_set_seccomp(arg2, (void *)arg3);
        case PR_SET_NO_NEW_PRIVS:
                if (arg2 != 1 || arg3 || arg4 || arg5)
                        return -EINVAL;
                current->no_new_privs = true;
                return 0;
        case PR_GET_NO_NEW_PRIVS:
                if (arg2 || arg3 || arg4 || arg5)
                        return -EINVAL;
                return current->no_new_privs;
        case PR_SET_PTRACER:    /* no Yama here: any parent may trace */
                return 0;
        }
        return -EINVAL;
}
