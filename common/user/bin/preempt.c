/* preempt - two children spin without making a syscall, so only the timer
 * tick (TIF_NEED_RESCHED, acted on at the return to user mode) can move the
 * CPU between them. Each sees its own rdtsc jump whenever the other ran. */
#include "ulib.h"

#define SPIN 3000000UL

static int spinner(int id)
{
        uint64_t last = rdtsc(), gaps = 0;

        for (unsigned long i = 0; i < SPIN; i++) {
                uint64_t now = rdtsc();
                if (now - last > 5000)          /* away for 5000+ instructions */
                        gaps++;
                last = now;
        }
        printf("preempt: child %d was preempted %lu times\n", id, (unsigned long)gaps);
        return gaps > 0 ? 0 : 1;
}

int main(void)
{
        int status, failed = 0;
        long a = fork();

        if (a == 0)
                exit(spinner(1));
        long b = fork();
        if (b == 0)
                exit(spinner(2));
        waitpid(a, &status, 0);
        failed += WEXITSTATUS(status) != 0;
        waitpid(b, &status, 0);
        failed += WEXITSTATUS(status) != 0;
        printf("preempt: %s\n", failed ? "a child was never preempted" : "both children were preempted");
        return failed;
}
