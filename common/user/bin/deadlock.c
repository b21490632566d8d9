/* deadlock - a user-space deadlock the kernel must survive: a child asks to
 * be traced and stops itself with SIGSTOP; its parent, the tracer, sees the
 * stop once, then waits again for a child nobody will ever continue. On
 * Linux both simply sleep forever. Here every task is then asleep (init
 * waits for this program) with nothing that could wake one, and the kernel
 * must say so and power off, naming who waits for what: never panic.
 *
 * It ends the boot, so it is not among the programs a lab's file-wide boot
 * runs; grading/kit.bats boots it alone. */
#include "trace.h"

int main(void)
{
        int status = 0;
        long pid = fork();

        if (pid < 0) {
                printf("deadlock: fork failed: %ld\n", pid);
                return 1;
        }
        if (pid == 0) {
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                kill(getpid(), SIGSTOP);        /* a signal-delivery stop */
                exit(0);                        /* never: nobody resumes us */
        }
        long w = waitpid(pid, &status, 0);
        printf("deadlock: child %ld stopped: wait4=%ld stopped=%d sig=%d\n", pid, w,
               WIFSTOPPED(status), WSTOPSIG(status));
        printf("deadlock: waiting again for the stopped child; nobody resumes it\n");
        w = waitpid(pid, &status, 0);
        printf("deadlock: FAIL: the second wait4 returned %ld, status %#x\n", w, status);
        return 1;
}
