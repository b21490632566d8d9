/* time.c - the kit's clock: the timer's ticks since boot (Linux's
 * jiffies), TICK_NSEC apart, read by clock_gettime and clock_getres.
 *
 * Under -icount the PIT counts virtual time (timer.c), so the clock is
 * the guest's, the same in every run. Its resolution is one tick, as
 * Linux's coarse clocks have, and clock_getres says so. Every clock a
 * program may name reads it: the kit has no RTC driver, so the wall clock
 * (CLOCK_REALTIME) starts at the epoch at boot, and no clock steps or
 * slews, so MONOTONIC, MONOTONIC_RAW and BOOTTIME (no suspend) agree.
 * CPU-time clocks are not kept: -EINVAL, as for an unknown clock. */
#include "sched.h"
#include "cpu.h"
#include "syscalls.h"
#include "uaccess.h"

u64 ktime_get_ns(void)
{
        return __atomic_load_n(&cpu_data.ticks, __ATOMIC_RELAXED) * TICK_NSEC;
}

bool clock_served(int which)
{
        switch (which) {
        case CLOCK_REALTIME:
        case CLOCK_MONOTONIC:
        case CLOCK_MONOTONIC_RAW:
        case CLOCK_REALTIME_COARSE:
        case CLOCK_MONOTONIC_COARSE:
        case CLOCK_BOOTTIME:
                return true;
        default:
                return false;
        }
}

int put_timespec(struct timespec __user *u, u64 ns)
{
        struct timespec ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

        return copy_to_user(u, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct timespec __user *, tp)
{
        if (!clock_served(which))
                return -EINVAL;
        return put_timespec(tp, ktime_get_ns());
}

/* a NULL tp only asks whether the clock exists */
SYSCALL_DEFINE2(clock_getres, int, which, struct timespec __user *, tp)
{
        if (!clock_served(which))
                return -EINVAL;
        return tp ? put_timespec(tp, TICK_NSEC) : 0;
}
