/* sysret_rip - rt_sigreturn to a non-canonical rip (Linux selftest
 * sysret_rip): for rip = 2^47 ... 2^63 (and a few in between), with
 * rcx = rip as SYSCALL would leave it, the process gets SIGSEGV at exactly
 * that rip, in user mode; the kernel never faults on it. The SIGUSR1
 * handler plants the rip; the SIGSEGV handler checks it and puts the
 * original rip back, so execution goes on after kill(). */
#include "ulib.h"

static volatile unsigned long target, saved_ip, saved_cx;
static volatile unsigned long segv_ip, segv_cs, segv_trapno;
static volatile int segvs;

static void plant(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;
        saved_ip = sc->ip;
        saved_cx = sc->cx;
        sc->ip = target;
        sc->cx = target;
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;
        segvs++;
        segv_ip = sc->ip;
        segv_cs = sc->cs;
        segv_trapno = sc->trapno;
        sc->ip = saved_ip;
        sc->cx = saved_cx;
}

int main(void)
{
        int failures = 0, tested = 0;

        sethandler(SIGUSR1, plant, 0);
        sethandler(SIGSEGV, on_segv, 0);
        for (int bit = 47; bit <= 63; bit++) {
                unsigned long base = 1UL << bit;
                const unsigned long offsets[] = { 0, 0x1000, base - 1 > 0x7fffffff ? 0x7fffffff : 0 };
                for (int k = 0; k < 3; k++) {
                        if (k == 2 && bit != 47 && bit != 62 && bit != 63)
                                continue;
                        target = base + offsets[k];
                        segvs = 0;
                        segv_ip = 0;
                        kill(getpid(), SIGUSR1);
                        int ok = segvs == 1 && segv_ip == target && segv_cs == 0x33;
                        failures += !ok;
                        tested++;
                        printf("sysret_rip: rip=%#lx segv=%d at=%#lx cs=%#lx trapno=%lu %s\n", target,
                               segvs, segv_ip, segv_cs, segv_trapno, ok ? "ok" : "FAIL");
                }
        }
        printf("sysret_rip: %d rips, %d failure(s)\n", tested, failures);
        return failures != 0;
}
