/* compat - a SYSCALL executed in 32-bit compatibility mode must get
 * -ENOSYS back, not crash the kernel (MSR_CSTAR). Run in a child, so that
 * a CPU that refuses SYSCALL there (#UD on Intel) shows as a signal. */
#include "ulib.h"

long compat_syscall(void);

int main(void)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                long ret = compat_syscall();
                printf("compat: SYSCALL from 32-bit mode returned %ld\n", ret);
                exit(ret == -ENOSYS ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status))
                printf("compat: child killed by signal %d\n", WTERMSIG(status));
        printf("compat: the kernel survived; getpid() = %ld\n", getpid());
        return WIFSIGNALED(status) || WEXITSTATUS(status);
}
