/* bench - what one round trip through each syscall path costs.
 *
 * Counts rdtsc ticks around batches of calls. Under QEMU's
 * -icount shift=0 (as `make run` boots) a tick is one retired instruction,
 * so the figures are exact and the same in every run; each is the best of
 * several batches, per call, user loop included. Under KVM they are cycles
 * and vary. */
#include "ulib.h"

#define BATCHES 5
#define CALLS   1000

/* `calls` iterations of: mov eax, nr; syscall; dec; jnz (3 user
 * instructions around each SYSCALL) */
static uint64_t time_syscalls(long nr, unsigned long calls)
{
        uint64_t t0 = rdtsc();
        __asm__ volatile("1:\n\t"
                         "movl %k1, %%eax\n\t"
                         "syscall\n\t"
                         "decq %0\n\t"
                         "jnz 1b"
                         : "+r"(calls) : "r"(nr) : "rax", "rcx", "r11", "memory");
        return rdtsc() - t0;
}

static uint64_t best_of(long nr)
{
        uint64_t best = ~0ULL;
        for (int i = 0; i < BATCHES; i++) {
                uint64_t t = time_syscalls(nr, CALLS);
                if (t < best)
                        best = t;
        }
        return best;
}

static uint64_t fork_wait_round_trip(void)
{
        int status;
        uint64_t best = ~0ULL;

        for (int i = 0; i < BATCHES; i++) {
                uint64_t t0 = rdtsc();
                long pid = fork();
                if (pid == 0)
                        exit(0);
                waitpid(pid, &status, 0);
                uint64_t t = rdtsc() - t0;
                if (t < best)
                        best = t;
        }
        return best;
}

static void row(const char *path, uint64_t ticks, unsigned long calls)
{
        printf("bench: %-24s %8lu.%lu\n", path, (unsigned long)(ticks / calls),
               (unsigned long)(ticks * 10 / calls % 10));
}

int main(void)
{
        printf("bench: %-24s %10s\n", "path", "rdtsc/call");
        row("getpid", best_of(__NR_getpid), CALLS);
        row("sched_yield (alone)", best_of(__NR_sched_yield), CALLS);
        row("nr 1000 (-ENOSYS)", best_of(1000), CALLS);
        row("fork+exit+wait4", fork_wait_round_trip(), 1);
        return 0;
}
