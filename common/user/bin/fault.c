/* fault - a user fault ends the process, never the kernel: the parent
 * sees the child killed by SIGSEGV. */
#include "ulib.h"

int main(void)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                *(volatile int *)bad_pointer(16) = 1;       /* unmapped */
                exit(0);
        }
        waitpid(pid, &status, 0);
        printf("fault: child signaled=%d signal=%d\n", WIFSIGNALED(status), WTERMSIG(status));
        pid = fork();
        if (pid == 0) {
                *(volatile int *)bad_pointer(0xffffffff80100000UL) = 1;     /* kernel half */
                exit(0);
        }
        waitpid(pid, &status, 0);
        printf("fault: child signaled=%d signal=%d\n", WIFSIGNALED(status), WTERMSIG(status));
        return 0;
}
