/* nanosleep.c - timed sleeps: nanosleep and clock_nanosleep (Linux's
 * kernel/time/hrtimer.c and posix-timers.c), on the kit's clock (time.c).
 *
 * A sleeper is TASK_INTERRUPTIBLE with the tick its sleep ends at; the
 * timer tick wakes it (wake_up_sleepers), the one wake-up that comes from
 * an interrupt. While anyone sleeps so, an idle CPU waits for the tick
 * instead of reporting a deadlock (idle.c).
 *
 * The clock moves in whole ticks, so "now" is the last tick, and the
 * present one may be nearly over: a relative sleep counts from the next
 * tick, and never ends before the time asked for has passed, whatever the
 * fraction of a tick at the call (Linux's jiffies timeouts add the same
 * one tick). An absolute one ends at the first tick at which the clock
 * reads at least the time asked for.
 *
 * A signal with a handler ends the sleep with -EINTR and the time left in
 * *rem; one without (a tracer's, say) lets it go on to the same end
 * through restart_syscall (signal_64.c, signal.c). */
#include "sched.h"
#include "cpu.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"
#include "x86.h"

#define KTIME_MAX       (~0UL >> 1)             /* the largest ktime_t, in ns */
#define KTIME_SEC_MAX   (KTIME_MAX / NSEC_PER_SEC)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

static int nr_sleepers;         /* tasks in a timed sleep; also their wait_chan */

/* the timer tick, interrupts off */
void wake_up_sleepers(void)
{
        if (!nr_sleepers)
                return;
        for (int i = 1; i < NR_TASKS; i++) {
                struct task_struct *t = &tasks[i];
                if (t->state == TASK_INTERRUPTIBLE && t->wait_chan == &nr_sleepers &&
                    cpu_data.ticks >= t->restart_block.tick)
                        t->state = TASK_RUNNING;
        }
}

bool sleepers_pending(void)
{
        return nr_sleepers > 0;
}

static long nanosleep_restart(struct restart_block *rb);

/* Sleep until rb->tick: 0 when it came (or the time asked for had passed
 * when a signal came), else the time left goes to rb->rmtp and the
 * signal code sees -ERESTART_RESTARTBLOCK. The test and the sleep are
 * one step with interrupts off, so no tick slips in between. */
static long do_nanosleep(struct restart_block *rb)
{
        u64 flags = read_flags();

        local_irq_disable();
        nr_sleepers++;
        while (cpu_data.ticks < rb->tick && !signal_pending(current)) {
                current->wait_chan = &nr_sleepers;
                current->state = TASK_INTERRUPTIBLE;
                schedule();
        }
        current->wait_chan = NULL;
        nr_sleepers--;
        if (flags & X86_EFLAGS_IF)
                local_irq_enable();

        u64 now = ktime_get_ns();
        if (cpu_data.ticks >= rb->tick || now >= rb->expires)
                return 0;
        rb->fn = nanosleep_restart;
        if (rb->rmtp && put_timespec(rb->rmtp, rb->expires - now))
                return -EFAULT;
        return -ERESTART_RESTARTBLOCK;
}

static long nanosleep_restart(struct restart_block *rb)
{
        return do_nanosleep(rb);
}

/* Linux's get_timespec64 and timespec64_valid, then the request in ns
 * (clamped, as timespec64_to_ns does, to what a ktime holds) */
static long get_request(const struct timespec __user *rqtp, u64 *ns)
{
        struct timespec t;

        if (copy_from_user(&t, rqtp, sizeof(t)))
                return -EFAULT;
        if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= NSEC_PER_SEC)
                return -EINVAL;
        *ns = (u64)t.tv_sec >= KTIME_SEC_MAX ? KTIME_MAX : (u64)(t.tv_sec * NSEC_PER_SEC + t.tv_nsec);
        return 0;
}

static long hrtimer_nanosleep(u64 ns, bool abs, struct timespec __user *rmtp)
{
        struct restart_block *rb = &current->restart_block;
        u64 now = ktime_get_ns();

        rb->rmtp = abs ? NULL : rmtp;
        if (abs) {
                rb->expires = ns;
                rb->tick = DIV_ROUND_UP(ns, TICK_NSEC);
        } else {
                rb->expires = ns > KTIME_MAX - now ? KTIME_MAX : now + ns;
                rb->tick = now / TICK_NSEC + DIV_ROUND_UP(ns, TICK_NSEC) + (ns != 0);
        }
        return do_nanosleep(rb);
}

SYSCALL_DEFINE2(nanosleep, const struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
        u64 ns;
        long err = get_request(rqtp, &ns);

        return err ? err : hrtimer_nanosleep(ns, false, rmtp);
}

/* The clocks that can be slept on: the coarse ones and MONOTONIC_RAW
 * cannot on Linux either (-EOPNOTSUPP); CPU-time clocks are not kept. */
SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags, const struct timespec __user *, rqtp,
                struct timespec __user *, rmtp)
{
        u64 ns;

        if (!clock_served(which))
                return -EINVAL;
        if (which != CLOCK_REALTIME && which != CLOCK_MONOTONIC && which != CLOCK_BOOTTIME)
                return -EOPNOTSUPP;
        long err = get_request(rqtp, &ns);
        return err ? err : hrtimer_nanosleep(ns, flags & TIMER_ABSTIME, rmtp);
}
