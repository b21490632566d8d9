/* thread_info.h - per-task flags that ask for work on the way back to user
 * space. Names and meanings follow Linux's arch/x86/include/asm/thread_info.h;
 * bits the kit does not use yet are still named so labs can show the masks. */
#ifndef THREAD_INFO_H
#define THREAD_INFO_H

#define TIF_SYSCALL_TRACE       0       /* ptrace: stop at syscall entry/exit */
#define TIF_NOTIFY_RESUME       1       /* callback before returning to user */
#define TIF_SIGPENDING          2       /* a signal is pending */
#define TIF_NEED_RESCHED        3       /* the scheduler wants the CPU */
#define TIF_SYSCALL_EMU         6       /* ptrace: PTRACE_SYSEMU */
#define TIF_SYSCALL_AUDIT       7
#define TIF_SECCOMP             8       /* a seccomp filter is installed */
#define TIF_FULL_RESTORE        10      /* the frame was rewritten: leave by IRET */
#define TIF_SYSCALL_TRACEPOINT  28

#define _TIF_SYSCALL_TRACE      (1UL << TIF_SYSCALL_TRACE)
#define _TIF_NOTIFY_RESUME      (1UL << TIF_NOTIFY_RESUME)
#define _TIF_SIGPENDING         (1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED       (1UL << TIF_NEED_RESCHED)
#define _TIF_SYSCALL_EMU        (1UL << TIF_SYSCALL_EMU)
#define _TIF_SYSCALL_AUDIT      (1UL << TIF_SYSCALL_AUDIT)
#define _TIF_SECCOMP            (1UL << TIF_SECCOMP)
#define _TIF_FULL_RESTORE       (1UL << TIF_FULL_RESTORE)
#define _TIF_SYSCALL_TRACEPOINT (1UL << TIF_SYSCALL_TRACEPOINT)

/* work at syscall entry (tracing) and work on any return to user space */
#define _TIF_WORK_SYSCALL_ENTRY (_TIF_SYSCALL_TRACE | _TIF_SYSCALL_EMU | \
                                 _TIF_SYSCALL_AUDIT | _TIF_SECCOMP | \
                                 _TIF_SYSCALL_TRACEPOINT)
#define _TIF_WORK_SYSCALL_EXIT  (_TIF_SYSCALL_TRACE | _TIF_SYSCALL_AUDIT | \
                                 _TIF_SYSCALL_TRACEPOINT)
#define _TIF_EXIT_TO_USER_WORK  (_TIF_SIGPENDING | _TIF_NOTIFY_RESUME | \
                                 _TIF_NEED_RESCHED)
/* everything that keeps a syscall off the SYSRET exit: the work above, and a
 * frame someone rewrote (force_iret). TIF_FULL_RESTORE is not exit work: no
 * loop clears it; the IRET exit does, having restored the whole frame. */
#define _TIF_ALLWORK_MASK       (_TIF_WORK_SYSCALL_EXIT | _TIF_EXIT_TO_USER_WORK | \
                                 _TIF_FULL_RESTORE)

#ifndef __ASSEMBLER__
struct thread_info {
        unsigned long flags;    /* TIF_*; first in task_struct, see asm-offsets */
};
#endif

#endif
