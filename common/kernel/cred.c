/* cred.c - user ids: real, effective and saved (Linux's kernel/sys.c).
 * Every process starts as root (uid 0, the only user the kit boots); one
 * may drop to another id, and then loses what only root may do. The one
 * privilege checked so far is CAP_SYS_RAWIO, for ioperm and for raising
 * the IOPL (iopl): a process has it while its effective uid is 0 (Linux's
 * rule for a process without file capabilities). fork copies the ids,
 * execve keeps them. */
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

bool capable_rawio(void)
{
        return current->euid == 0;
}

/* Root may set any id; another user only one of the ids it has. -1 (as
 * an unsigned id) leaves that id unchanged. */
static bool may_take(struct task_struct *t, unsigned int id)
{
        return t->euid == 0 || id == t->uid || id == t->euid || id == t->suid;
}

SYSCALL_DEFINE3(setresuid, unsigned int, ruid, unsigned int, euid, unsigned int, suid)
{
        struct task_struct *t = current;

        if ((ruid != (unsigned int)-1 && !may_take(t, ruid)) ||
            (euid != (unsigned int)-1 && !may_take(t, euid)) ||
            (suid != (unsigned int)-1 && !may_take(t, suid)))
                return -EPERM;
        if (ruid != (unsigned int)-1)
                t->uid = ruid;
        if (euid != (unsigned int)-1)
                t->euid = euid;
        if (suid != (unsigned int)-1)
                t->suid = suid;
        return 0;
}

SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruid, unsigned int __user *, euid,
                unsigned int __user *, suid)
{
        struct task_struct *t = current;

        if (copy_to_user(ruid, &t->uid, sizeof(t->uid)) ||
            copy_to_user(euid, &t->euid, sizeof(t->euid)) ||
            copy_to_user(suid, &t->suid, sizeof(t->suid)))
                return -EFAULT;
        return 0;
}

SYSCALL_DEFINE0(getuid)
{
        return current->uid;
}

SYSCALL_DEFINE0(geteuid)
{
        return current->euid;
}
