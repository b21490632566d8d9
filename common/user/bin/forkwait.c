/* forkwait - fork 40 children at once; each exits with its own status and
 * the parent must see every one, from wait4 on a pid and on -1. */
#include "ulib.h"

#define CHILDREN 40      /* more than the 32 processes the kit promises */

int main(void)
{
        long pids[CHILDREN];
        long parent = getpid();
        int status;

        for (int i = 0; i < CHILDREN; i++) {
                pids[i] = fork();
                if (pids[i] < 0) {
                        printf("forkwait: fork failed: %ld\n", pids[i]);
                        return 1;
                }
                if (pids[i] == 0) {
                        printf("forkwait: child %d pid=%ld ppid=%ld\n", i, getpid(), getppid());
                        exit(10 + i);
                }
        }
        printf("forkwait: parent pid=%ld\n", parent);
        /* the first child by pid, the rest in whatever order they end */
        long got = waitpid(pids[0], &status, 0);
        printf("forkwait: reaped pid=%ld status=%d\n", got, WEXITSTATUS(status));
        for (int i = 1; i < CHILDREN; i++) {
                got = waitpid(-1, &status, 0);
                printf("forkwait: reaped pid=%ld status=%d\n", got, WEXITSTATUS(status));
        }
        printf("forkwait: no more children: wait4 = %ld\n", waitpid(-1, &status, 0));
        printf("forkwait: WNOHANG with none = %ld\n", waitpid(-1, &status, WNOHANG));
        /* one process group holds everyone: pid 0 means any child, and a
         * group below -1 has no members */
        long last = fork();
        if (last == 0)
                exit(3);
        got = waitpid(0, &status, 0);
        printf("forkwait: wait4(0) = %s, status %d\n", got == last ? "the child" : "another", WEXITSTATUS(status));
        printf("forkwait: wait4(-5) = %ld\n", waitpid(-5, &status, 0));

        /* no CPU time is kept: a rusage comes back zeroed; one that
         * cannot be written is -EFAULT, the child reaped all the same */
        unsigned char ru[144];
        memset(ru, 0xff, sizeof(ru));
        long a = fork();
        if (a == 0)
                exit(4);
        long ga = syscall4(__NR_wait4, a, &status, __WNOTHREAD, ru);
        int zeroed = 1;
        for (size_t i = 0; i < sizeof(ru); i++)
                zeroed &= ru[i] == 0;
        long b = fork();
        if (b == 0)
                exit(5);
        long gb = syscall4(__NR_wait4, b, &status, 0, 8);
        printf("forkwait: rusage zeroed=%d (__WNOTHREAD taken=%d), to a bad pointer = %ld, then wait4 = %ld\n",
               zeroed, ga == a, gb, waitpid(b, &status, 0));
        return 0;
}
