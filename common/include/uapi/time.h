/* time.h (uapi) - the clocks and the timespec of clock_gettime and
 * nanosleep, Linux's values (linux/time.h, linux/time_types.h). Shared by
 * the kernel and user programs. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

/* struct __kernel_timespec: two 64-bit words on x86-64 */
struct timespec {
        long tv_sec;
        long tv_nsec;
};

#define CLOCK_REALTIME                  0
#define CLOCK_MONOTONIC                 1
#define CLOCK_PROCESS_CPUTIME_ID        2
#define CLOCK_THREAD_CPUTIME_ID         3
#define CLOCK_MONOTONIC_RAW             4
#define CLOCK_REALTIME_COARSE           5
#define CLOCK_MONOTONIC_COARSE          6
#define CLOCK_BOOTTIME                  7

#define TIMER_ABSTIME                   0x01

#define NSEC_PER_SEC                    1000000000L

#endif
