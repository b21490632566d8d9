/* demo - the services a lab's syscall path carries, one line each. */
#include "ulib.h"

int main(void)
{
        int status;

        printf("demo: getpid() = %ld, getppid() = %ld\n", getpid(), getppid());

        long pid = fork();
        if (pid == 0) {
                printf("demo: child: getpid() = %ld, getppid() = %ld\n", getpid(), getppid());
                exit(42);
        }
        long got = waitpid(pid, &status, 0);
        printf("demo: fork() = %ld; wait4() = %ld, child exit status %d\n",
               pid, got, WEXITSTATUS(status));

        pid = fork();
        if (pid == 0) {
                char *argv[] = { "/bin/echoargs", "hello", "from", "execve", NULL };
                char *envp[] = { "LAB=demo", NULL };
                execve(argv[0], argv, envp);
                exit(127);
        }
        waitpid(pid, &status, 0);
        printf("demo: execve child exit status %d (its argc)\n", WEXITSTATUS(status));

        printf("demo: syscall 1000 = %ld (-ENOSYS is %d)\n", syscall0(1000), -ENOSYS);
        return 0;
}
