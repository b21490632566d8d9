/* nanosleep - timed sleeps on the kit's clock, as Linux serves them:
 * nanosleep and clock_nanosleep (relative and TIMER_ABSTIME) sleep at
 * least the time asked for, measured by clock_gettime, and not a tick
 * more than the clock's rounding needs; the tick wakes a sleeper while
 * another process runs, and several sleepers each at its own time; a
 * signal with a handler ends the sleep with -EINTR and the time left,
 * one without (a tracer's stop) lets it go on to the same end through
 * restart_syscall; bad timespecs get -EINVAL, bad pointers -EFAULT,
 * clocks that cannot be slept on -EOPNOTSUPP or -EINVAL.
 * The guest's clock only: under icount it is the same in every run, and
 * nothing here depends on the host's speed. One line per check, "ok" or
 * "FAIL"; exit 0 only if every line is ok. */
#include "ulib.h"
#include "trace.h"
#include "uapi/time.h"

#define MS              1000000L
#define TICK            MS              /* the kit's HZ = 1000 */
#define KERNEL_ADDR     0xffffffff80100000UL

static int failures;

#define say(ok, fmt, ...) do { int ok_ = (ok); failures += !ok_; \
        printf("nanosleep: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

static long nanosleep(const struct timespec *req, struct timespec *rem)
{
        return syscall2(__NR_nanosleep, req, rem);
}

static long clock_nanosleep(int clock, int flags, const struct timespec *req, struct timespec *rem)
{
        return syscall4(__NR_clock_nanosleep, clock, flags, req, rem);
}

static long now(void)
{
        struct timespec t;

        syscall2(__NR_clock_gettime, CLOCK_MONOTONIC, &t);
        return t.tv_sec * 1000000000L + t.tv_nsec;
}

static struct timespec ts(long ns)
{
        return (struct timespec){ .tv_sec = ns / 1000000000L, .tv_nsec = ns % 1000000000L };
}

/* at least req, and at most the request rounded up to ticks plus the
 * tick that may have begun before the call and one for the clock reads */
static int in_bounds(long req, long slept)
{
        return slept >= req && slept <= (req + TICK - 1) / TICK * TICK + 2 * TICK;
}

static void check_clock(void)
{
        struct timespec res, t;
        long r = syscall2(__NR_clock_getres, CLOCK_MONOTONIC, &res);
        long bad = syscall2(__NR_clock_gettime, 99, &t);
        long cpu = syscall2(__NR_clock_gettime, CLOCK_THREAD_CPUTIME_ID, &t);
        long fault = syscall2(__NR_clock_gettime, CLOCK_MONOTONIC, bad_pointer(KERNEL_ADDR));
        long a = now(), b = now();

        say(r == 0 && res.tv_sec == 0 && res.tv_nsec == TICK && bad == -EINVAL && cpu == -EINVAL &&
            fault == -EFAULT && b >= a,
            "clock_getres(MONOTONIC) -> %ld, %ld ns; unknown clock -> %ld, CPU time -> %ld, "
            "bad pointer -> %ld", r, res.tv_nsec, bad, cpu, fault);
}

static void check_lengths(void)
{
        static const long reqs[] = { 0, 1, MS / 2, MS, 2 * MS + MS / 2, 10 * MS, 1000000000L + 3 * MS };

        for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
                struct timespec req = ts(reqs[i]);
                long t0 = now();
                long r = nanosleep(&req, NULL);
                long slept = now() - t0;
                say(r == 0 && in_bounds(reqs[i], slept), "nanosleep(%ld ns) -> %ld, slept %ld ns",
                    reqs[i], r, slept);
        }
        struct timespec req = ts(3 * MS);
        long t0 = now();
        long r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
        long slept = now() - t0;
        say(r == 0 && in_bounds(3 * MS, slept), "clock_nanosleep(MONOTONIC, 3 ms) -> %ld, slept %ld ns",
            r, slept);
}

static void check_abstime(void)
{
        long target = now() + 5 * MS + MS / 3;
        struct timespec abs = ts(target), rem = ts(77);
        long r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, &rem);
        long woke = now();
        say(r == 0 && woke >= target && woke - target <= 2 * TICK && rem.tv_nsec == 77,
            "clock_nanosleep(TIMER_ABSTIME, now + 5.33 ms) -> %ld, woke %ld ns after the target",
            r, woke - target);
        abs = ts(woke - 3 * MS);
        long t0 = now();
        r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &abs, NULL);
        say(r == 0 && now() - t0 <= TICK, "TIMER_ABSTIME in the past -> %ld at once (%ld ns)",
            r, now() - t0);
}

static void check_errors(void)
{
        struct timespec big = { 0, 1000000000L }, neg = { 0, -1 }, negsec = { -1, 0 }, ok = ts(MS);

        say(nanosleep(&big, NULL) == -EINVAL && nanosleep(&neg, NULL) == -EINVAL &&
            nanosleep(&negsec, NULL) == -EINVAL,
            "tv_nsec = 10^9 -> %ld, tv_nsec = -1 -> %ld, tv_sec = -1 -> %ld",
            nanosleep(&big, NULL), nanosleep(&neg, NULL), nanosleep(&negsec, NULL));
        long n = nanosleep(NULL, NULL), k = nanosleep(bad_pointer(KERNEL_ADDR), NULL);
        long c = clock_nanosleep(CLOCK_MONOTONIC, 0, bad_pointer(8), NULL);
        say(n == -EFAULT && k == -EFAULT && c == -EFAULT,
            "request at NULL -> %ld, at a kernel address -> %ld, clock_nanosleep's at 8 -> %ld", n, k, c);
        long coarse = clock_nanosleep(CLOCK_MONOTONIC_COARSE, 0, &ok, NULL);
        long raw = clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &ok, NULL);
        long unknown = clock_nanosleep(42, 0, &ok, NULL);
        long cpu = clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ok, NULL);
        say(coarse == -EOPNOTSUPP && raw == -EOPNOTSUPP && unknown == -EINVAL && cpu == -EINVAL,
            "clock_nanosleep on MONOTONIC_COARSE -> %ld, MONOTONIC_RAW -> %ld, clock 42 -> %ld, "
            "thread CPU time -> %ld", coarse, raw, unknown, cpu);
        long none = syscall0(__NR_restart_syscall);
        say(none == -EINTR, "restart_syscall with nothing to restart -> %ld", none);
}

/* a sleeper wakes on time while another process runs, and three sleepers
 * each at its own time (the tick wakes them, not the idle CPU alone) */
static void check_busy_and_many(void)
{
        int status;
        long spinner = fork();
        if (spinner == 0)
                for (;;)
                        ;
        struct timespec req = ts(4 * MS);
        long t0 = now();
        long r = nanosleep(&req, NULL);
        long slept = now() - t0;
        kill(spinner, SIGKILL);
        waitpid(spinner, &status, 0);
        /* the spinner may hold the CPU to the end of its tick */
        say(r == 0 && slept >= 4 * MS && slept <= 4 * MS + 3 * TICK,
            "nanosleep(4 ms) beside a process that never sleeps -> %ld, slept %ld ns", r, slept);

        long pids[3], start = now(), ok = 1;
        for (int i = 0; i < 3; i++) {
                pids[i] = fork();
                if (pids[i] == 0) {
                        struct timespec d = ts((3 - i) * 2 * MS);
                        nanosleep(&d, NULL);
                        exit(0);
                }
        }
        /* the shortest sleeper (the last forked) exits first */
        long order[3];
        for (int i = 0; i < 3; i++) {
                order[i] = wait4(-1, &status, 0, NULL);
                ok &= status == 0;
        }
        long all = now() - start;
        say(ok && order[0] == pids[2] && order[1] == pids[1] && order[2] == pids[0] &&
            all >= 6 * MS && all <= 6 * MS + 3 * TICK,
            "three sleepers of 6, 4, 2 ms end shortest first (%d %d %d), all in %ld ns",
            (int)(order[0] - pids[0]), (int)(order[1] - pids[0]), (int)(order[2] - pids[0]), all);
}

static volatile int usr1;

static void on_usr1(int sig, siginfo_t *info, void *uc)
{
        usr1++;
}

/* a child that sends SIGUSR1 to pid after 3 ms; its pid */
static long usr1_in_3ms(long pid)
{
        long child = fork();

        if (child == 0) {
                struct timespec d = ts(3 * MS);
                nanosleep(&d, NULL);
                kill(pid, SIGUSR1);
                exit(0);
        }
        return child;
}

/* A child sends SIGUSR1 after 3 ms to its parent asleep for a second:
 * -EINTR with the time left, even under SA_RESTART. */
static void check_signal(void)
{
        int status;
        struct timespec req = ts(1000000000L), rem = { 0, 0 };

        sethandler(SIGUSR1, on_usr1, SA_RESTART);
        long t0 = now();
        long pid = usr1_in_3ms(getpid());
        long r = nanosleep(&req, &rem);
        long slept = now() - t0, left = rem.tv_sec * 1000000000L + rem.tv_nsec;
        waitpid(pid, &status, 0);
        say(r == -EINTR && usr1 == 1 && slept >= 3 * MS && slept < 10 * MS &&
            left <= 1000000000L - slept + TICK && left >= 1000000000L - slept - TICK,
            "a handled signal after %ld ns: -> %ld (SA_RESTART), rem = %ld ns", slept, r, left);
        pid = usr1_in_3ms(getpid());
        r = nanosleep(&req, bad_pointer(KERNEL_ADDR));
        waitpid(pid, &status, 0);
        say(r == -EFAULT && usr1 == 2, "the same with rem at a kernel address -> %ld", r);
}

/* A traced child asleep for 8 ms gets SIGUSR1 (no handler) at about 3 ms;
 * its tracer resumes it with no signal: the sleep goes on to its end
 * (restart_syscall) and returns 0, without ending early or starting over. */
static void check_restart(void)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                struct timespec d = ts(8 * MS), rem = { 0, 55 };
                long t0 = now();
                long r = nanosleep(&d, &rem);
                long slept = now() - t0;
                printf("nanosleep: traced child: nanosleep(8 ms) -> %ld after %ld ns, stopped by SIGUSR1 "
                       "and resumed without it %s\n", r, slept,
                       r == 0 && in_bounds(8 * MS, slept) ? "ok" : "FAIL");
                exit(r == 0 && in_bounds(8 * MS, slept) ? 0 : 1);
        }
        struct timespec d = ts(3 * MS);
        nanosleep(&d, NULL);
        long sent = now();
        kill(pid, SIGUSR1);
        waitpid(pid, &status, 0);
        /* stopped at once: the signal broke the sleep, not waited for its end */
        long stop_after = now() - sent;
        int stopped = WIFSTOPPED(status) && WSTOPSIG(status) == SIGUSR1 && stop_after <= TICK;
        ptrace(PTRACE_CONT, pid, NULL, NULL);
        waitpid(pid, &status, 0);
        say(stopped && WIFEXITED(status) && WEXITSTATUS(status) == 0,
            "the tracer saw the SIGUSR1 stop %ld ns after the kill (stopped=%d), child status=%#x",
            stop_after, stopped, status);
}

int main(void)
{
        check_clock();
        check_lengths();
        check_abstime();
        check_errors();
        check_busy_and_many();
        check_signal();
        check_restart();
        printf("nanosleep: %d failure(s)\n", failures);
        return failures != 0;
}
