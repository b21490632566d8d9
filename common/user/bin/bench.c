/* bench - what one round trip through each syscall path costs.
 *
 * One row per path of docs/timing.md: "bench: <path> <rdtsc per call>", or
 * "n/a" when the kernel does not serve a syscall the path needs (-ENOSYS):
 * never a made-up number. Under QEMU's -icount shift=0 (as `make run` and
 * `make bench` boot) a tick is one retired instruction, so the figures are
 * exact and the same in every run; under KVM they are cycles and vary.
 *
 * Every path's SYSCALL instruction carries a global label,
 * bench_site_<name>: make bench finds it with nm and reads the cost
 * plugin's figures for that address (grading/plugin/README.md).
 *
 *   getpid       the null syscall, in a loop (best batch, per call)
 *   exit-work    sched_yield, alone on the CPU: its TIF_NEED_RESCHED is
 *                exit work pending on every return (common/kernel/sys.c)
 *   traced       getpid under a tracer stopping it at every entry and exit
 *                (PTRACE_SYSCALL); the figure includes the tracer's work
 *   seccomp      getpid under an allow-all seccomp filter
 *   fork         fork, until it returns (best of BATCHES)
 *   execve       execve of this program, until its main runs (once)
 *   signal       kill(getpid(), SIGUSR1) with a handler: delivery, the
 *                handler, rt_sigreturn, back after kill's SYSCALL
 *   iopl         iopl(0), in a loop: a syscall that rewrites its own frame
 *                (the flags slot), so the labs that must restore it send it
 *                by IRET
 */
#include "ulib.h"

#define BATCHES 5
#define CALLS   1000
#define TRACED_CALLS 20

/* Linux's numbers and ABI for what this kit may not serve yet */
#define NR_rt_sigaction   13
#define NR_rt_sigreturn   15
#define NR_kill           62
#define NR_ptrace         101
#define NR_prctl          157
#define NR_seccomp        317
#define PTRACE_TRACEME    0
#define PTRACE_SYSCALL    24
#define SIGKILL           9
#define SIGUSR1           10
#define SIGSTOP           19
#define PR_SET_SECCOMP    22
#define PR_SET_NO_NEW_PRIVS 38
#define SECCOMP_MODE_FILTER 2
#define SECCOMP_SET_MODE_FILTER 1
#define SECCOMP_RET_ALLOW 0x7fff0000U
#define BPF_RET_K         0x06          /* BPF_RET | BPF_K */

struct bench_sigaction {                /* the kernel's struct sigaction */
        void (*handler)(int);
        unsigned long flags;
        void (*restorer)(void);
        uint64_t mask;
};
struct bench_sock_filter { uint16_t code; uint8_t jt, jf; uint32_t k; };
struct bench_sock_fprog { unsigned short len; struct bench_sock_filter *filter; };

#define SITE(name) ".globl bench_site_" #name "\nbench_site_" #name ":\n\t"

/* `calls` iterations of: mov eax, nr; syscall; dec; jnz (3 user
 * instructions around each SYSCALL), the SYSCALL labelled bench_site_NAME;
 * rdi = 0, the first argument of every call */
#define SYSCALL_LOOP(name)                                                      \
static __attribute__((noinline, noclone)) uint64_t loop_##name(long nr, unsigned long calls) \
{                                                                               \
        uint64_t t0 = rdtsc();                                                  \
        __asm__ volatile("1:\n\t"                                               \
                         "movl %k1, %%eax\n\t"                                  \
                         SITE(name) "syscall\n\t"                               \
                         "decq %0\n\t"                                          \
                         "jnz 1b"                                               \
                         : "+r"(calls) : "r"(nr), "D"(0L) : "rax", "rcx", "r11", "memory"); \
        return rdtsc() - t0;                                                    \
}
SYSCALL_LOOP(getpid)
SYSCALL_LOOP(sched_yield)
SYSCALL_LOOP(traced)
SYSCALL_LOOP(seccomp)
SYSCALL_LOOP(iopl)

/* one labelled SYSCALL with three arguments */
#define SITE_CALL3(name, nr, a, b, c) ({                                        \
        long ret_;                                                              \
        __asm__ volatile(SITE(name) "syscall"                                   \
                         : "=a"(ret_)                                           \
                         : "a"((long)(nr)), "D"((long)(a)), "S"((long)(b)), "d"((long)(c)) \
                         : "rcx", "r11", "memory");                             \
        ret_;                                                                   \
})

/* what libc's sa_restorer is: rt_sigreturn, with its SYSCALL labelled */
void bench_restorer(void);
__asm__(".text\n"
        ".globl bench_restorer\n"
        "bench_restorer:\n\t"
        "movl $15, %eax\n\t"
        SITE(rt_sigreturn) "syscall\n\t"
        "ud2\n");

static void row(const char *path, uint64_t ticks, unsigned long calls)
{
        printf("bench: %-24s %8lu.%lu\n", path, (unsigned long)(ticks / calls),
               (unsigned long)(ticks * 10 / calls % 10));
}

static void row_na(const char *path, const char *why)
{
        printf("bench: %-24s %10s  (%s)\n", path, "n/a", why);
}

static uint64_t best_of(uint64_t (*loop)(long, unsigned long), long nr, unsigned long calls)
{
        uint64_t best = ~0ULL;
        for (int i = 0; i < BATCHES; i++) {
                uint64_t t = loop(nr, calls);
                if (t < best)
                        best = t;
        }
        return best;
}

static void bench_loop(const char *path, uint64_t (*loop)(long, unsigned long), long nr,
                       unsigned long calls)
{
        long r = syscall0(nr);
        if (r == -ENOSYS)
                row_na(path, "-ENOSYS");
        else
                row(path, best_of(loop, nr, calls), calls);
}

/* A path that went wrong (a handler that never ran, a child that failed)
 * is counted: bench then exits 1, so that init, the boot and make run all
 * say a program failed instead of "all well". */
static int failures;

/* the child side of a path that needs a process of its own: run, report
 * the row itself, exit; a child that dies or exits non-zero is a failure */
static void wait_child(const char *path, long pid)
{
        int status = 0;
        if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) {
                printf("bench: %s: FAILED (fork %ld, status %#x)\n", path, pid, status);
                failures++;
        }
}

static void bench_traced(void)
{
        long pid = fork();
        int status;

        if (pid == 0) {
                if (syscall4(NR_ptrace, PTRACE_TRACEME, 0, 0, 0) == -ENOSYS) {
                        row_na("traced", "ptrace: -ENOSYS");
                        exit(0);
                }
                if (syscall3(NR_kill, getpid(), SIGSTOP, 0) == -ENOSYS) {
                        row_na("traced", "kill: -ENOSYS");
                        exit(0);
                }
                row("traced", best_of(loop_traced, __NR_getpid, TRACED_CALLS), TRACED_CALLS);
                exit(0);
        }
        /* the tracer: let the child run to its next syscall stop, again and
         * again, until it exits */
        while (waitpid(pid, &status, 0) == pid && (status & 0xff) == 0x7f) {
                if (syscall4(NR_ptrace, PTRACE_SYSCALL, pid, 0, 0) < 0) {
                        syscall3(NR_kill, pid, SIGKILL, 0);
                        row_na("traced", "PTRACE_SYSCALL failed");
                        failures++;
                }
        }
}

static void bench_seccomp(void)
{
        static struct bench_sock_filter allow[] = { { BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW } };
        struct bench_sock_fprog prog = { 1, allow };
        long pid = fork();

        if (pid == 0) {
                /* Linux wants no_new_privs (or CAP_SYS_ADMIN) first */
                syscall6(NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0);
                long r = syscall3(NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
                if (r == -ENOSYS)
                        r = syscall3(NR_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
                if (r == -ENOSYS)
                        row_na("seccomp", "seccomp and prctl: -ENOSYS");
                else if (r < 0)
                        printf("bench: seccomp: installing the filter failed: %ld\n", r);
                else
                        row("seccomp", best_of(loop_seccomp, __NR_getpid, CALLS), CALLS);
                exit(r < 0 && r != -ENOSYS);
        }
        wait_child("seccomp", pid);
}

static __attribute__((noinline, noclone)) long fork_site(void)
{
        return SITE_CALL3(fork, __NR_fork, 0, 0, 0);
}

static void bench_fork(void)
{
        uint64_t best = ~0ULL;

        for (int i = 0; i < BATCHES; i++) {
                uint64_t t0 = rdtsc();
                long pid = fork_site();
                uint64_t t = rdtsc() - t0;
                if (pid == 0)
                        exit(0);
                wait_child("fork", pid);
                if (t < best)
                        best = t;
        }
        row("fork", best, 1);
}

static __attribute__((noinline, noclone)) long execve_site(const char *path, char **argv, char **envp)
{
        return SITE_CALL3(execve, __NR_execve, path, argv, envp);
}

/* the parent passes its rdtsc in argv; the new image prints the row */
static void bench_execve(void)
{
        long pid = fork();

        if (pid == 0) {
                char stamp[24];
                char *argv[] = { "/bin/bench", "--execve-stamp", stamp, NULL };
                char *envp[] = { NULL };
                uint64_t t0 = rdtsc();
                snprintf(stamp, sizeof(stamp), "%lu", (unsigned long)t0);
                /* the snprintf is not timed: count from a second stamp */
                t0 = rdtsc();
                snprintf(stamp, sizeof(stamp), "%lu", (unsigned long)t0);
                execve_site(argv[0], argv, envp);
                exit(127);
        }
        wait_child("execve", pid);
}

static unsigned long parse(const char *s)
{
        unsigned long v = 0;
        while (*s >= '0' && *s <= '9')
                v = v * 10 + (unsigned long)(*s++ - '0');
        return v;
}

static volatile int signals_seen;

static void on_usr1(int sig)
{
        signals_seen++;
}

static __attribute__((noinline, noclone)) long kill_site(long pid, int sig)
{
        return SITE_CALL3(kill, NR_kill, pid, sig, 0);
}

static void bench_signal(void)
{
        struct bench_sigaction sa = { on_usr1, SA_RESTORER, bench_restorer, 0 };
        uint64_t best = ~0ULL;
        long pid = getpid();

        if (syscall4(NR_rt_sigaction, SIGUSR1, &sa, NULL, sizeof(sa.mask)) == -ENOSYS) {
                row_na("signal", "rt_sigaction: -ENOSYS");
                return;
        }
        for (int i = 0; i < BATCHES; i++) {
                uint64_t t0 = rdtsc();
                long r = kill_site(pid, SIGUSR1);
                uint64_t t = rdtsc() - t0;
                if (r == -ENOSYS) {
                        row_na("signal", "kill: -ENOSYS");
                        return;
                }
                if (t < best)
                        best = t;
        }
        if (signals_seen != BATCHES) {
                printf("bench: signal: FAILED: %d of %d handlers ran\n", signals_seen, BATCHES);
                failures++;
        }
        row("signal", best, 1);
}

int main(int argc, char **argv)
{
        if (argc == 3 && !strcmp(argv[1], "--execve-stamp")) {
                uint64_t t = rdtsc();
                row("execve", t - parse(argv[2]), 1);
                return 0;
        }
        printf("bench: %-24s %10s\n", "path", "rdtsc/call");
        bench_loop("getpid", loop_getpid, __NR_getpid, CALLS);
        bench_loop("exit-work", loop_sched_yield, __NR_sched_yield, CALLS);
        bench_traced();
        bench_seccomp();
        bench_fork();
        bench_execve();
        bench_signal();
        if (iopl(0) == -ENOSYS)
                row_na("iopl", "-ENOSYS");
        else
                row("iopl", best_of(loop_iopl, __NR_iopl, CALLS), CALLS);
        if (failures)
                printf("bench: %d path(s) FAILED\n", failures);
        return failures != 0;
}
