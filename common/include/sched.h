/* sched.h - processes and the scheduler. */
#ifndef SCHED_H
#define SCHED_H

#include "types.h"
#include "thread_info.h"
#include "ptrace.h"
#include "percpu.h"
#include "seccomp.h"
#include "signal.h"
#include "uapi/time.h"

#define NR_TASKS        64
#define THREAD_SIZE     (16 * 1024)     /* kernel stack per task */
#define TASK_COMM_LEN   16

enum task_state {
        TASK_UNUSED = 0,
        TASK_NEW,               /* allocated, not yet runnable */
        TASK_RUNNING,           /* running or runnable */
        TASK_INTERRUPTIBLE,     /* sleeping on wait_chan */
        TASK_ZOMBIE,            /* exited, waiting to be reaped */
        TASK_DEAD,              /* exited, and nobody will reap it: freed
                                   as soon as the CPU switches away */
        TASK_TRACED,            /* stopped for its tracer (ptrace_stop) */
};

/* A timed sleep (nanosleep.c): when it ends, for the tick that wakes it,
 * and what restart_syscall goes on with after a signal without a handler
 * broke it (Linux's restart_block; only nanosleep uses one here). */
struct restart_block {
        long (*fn)(struct restart_block *);
        struct timespec __user *rmtp;   /* where the time left goes, or NULL */
        u64 expires;                    /* on the kit's clock, in ns */
        u64 tick;                       /* the tick the sleep ends at */
};

struct thread_struct {
        u64 sp;                 /* kernel rsp saved by __switch_to_asm */
        u64 usersp;             /* cpu_data.user_rsp while switched out */
        /* the last exception from user mode, for the signal frame */
        unsigned long trap_nr, error_code, cr2;
        u64 fsbase;             /* arch_prctl(ARCH_SET_FS): MSR_FS_BASE while it runs */
        u8 *io_bitmap[2];               /* ioperm: two halves of 4 KiB, or NULL */
};

struct task_struct {
        struct thread_info thread_info; /* must stay first: the entry code
                                           tests flags at current + 0 */
        enum task_state state;
        int pid;
        struct task_struct *parent;
        int exit_code;                  /* wait4 status word once a zombie;
                                           a ptrace stop's code until wait4
                                           reports it, then the resume signal */
        int wait_pid;                   /* wait4's pid while asleep in it, for
                                           the deadlock report (-1: any) */
        const void *wait_chan;
        u64 *pgd;                       /* PML4, kernel virtual */
        void *stack;                    /* bottom of the kernel stack */
        struct thread_struct thread;
        char comm[TASK_COMM_LEN];
        unsigned int ptrace;            /* PT_PTRACED | PT_* options */
        unsigned long ptrace_message;   /* PTRACE_GETEVENTMSG */
        struct seccomp seccomp;
        bool no_new_privs;              /* PR_SET_NO_NEW_PRIVS: kept across fork, execve */
        int __user *clear_child_tid;    /* set_tid_address (kept only) */
        u64 sas_ss_sp, sas_ss_size;     /* sigaltstack: kept by fork, dropped by execve */
        unsigned int sas_ss_flags;
        unsigned int uid, euid, suid;   /* cred.c: 0, root, unless dropped */
        unsigned long start_brk, brk;   /* brk.c: the heap, from the end of the bss */
        u64 null_fds, cloexec_fds;      /* file.c: fds open on /dev/null, and O_CLOEXEC */
        struct restart_block restart_block;     /* nanosleep.c */
        /* signals (Linux keeps the actions in sighand_struct, shared by
         * threads; one thread per process here) */
        sigset_t blocked;
        struct sigpending pending;
        struct k_sigaction action[_NSIG];      /* action[sig - 1] */
};

/* pt_regs sits at the very top of a task's kernel stack */
static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
        return (struct pt_regs *)((char *)t->stack + THREAD_SIZE) - 1;
}
static inline struct pt_regs *current_pt_regs(void) { return task_pt_regs(current); }

static inline struct k_sigaction *action_of(struct task_struct *t, int sig)
{
        return &t->action[sig - 1];
}

static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
        __atomic_fetch_or(&t->thread_info.flags, 1UL << flag, __ATOMIC_RELAXED);
}
static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
        __atomic_fetch_and(&t->thread_info.flags, ~(1UL << flag), __ATOMIC_RELAXED);
}
static inline bool test_tsk_thread_flag(struct task_struct *t, int flag)
{
        return t->thread_info.flags & (1UL << flag);
}
/* The frame was rewritten (execve, sigreturn, iopl, a ptrace stop): the
 * return to user space must restore all of it, so it must take the IRET
 * path. Linux (2.6-4.x) asked for that with TIF_NOTIFY_RESUME, which the
 * exit-work loop clears: a path that chose its exit after the loop would
 * lose the request. The kit gives it a flag of its own, as Andi Kleen did
 * for rt_sigreturn when the ptregs stubs went (2018, TIF_FULL_RESTORE): in
 * _TIF_ALLWORK_MASK, cleared only by the IRET exit (entry_exit.asm). */
static inline void force_iret(struct task_struct *t)
{
        set_tsk_thread_flag(t, TIF_FULL_RESTORE);
}
static inline unsigned long read_thread_flags(void)
{
        return __atomic_load_n(&current->thread_info.flags, __ATOMIC_RELAXED);
}

extern struct task_struct tasks[NR_TASKS];
/* slot 0: the swapper, pid 0, the idle task once init runs */
#define idle_task (&tasks[0])

void sched_init(void);
void schedule(void);
void sleep_on(const void *chan);
void wake_up(const void *chan);
struct task_struct *alloc_task(const char *comm);
void wake_up_new_task(struct task_struct *t);
__noreturn void do_exit(int code);
__noreturn void start_init(void);
__noreturn void cpu_idle_loop(void);
void timer_tick(void);
/* time.c: the kit's clock */
u64 ktime_get_ns(void);
bool clock_served(int which);
int put_timespec(struct timespec __user *u, u64 ns);
/* nanosleep.c: the timed sleeps, woken by the tick */
void wake_up_sleepers(void);
bool sleepers_pending(void);
void set_fsbase(struct task_struct *t, u64 base);   /* tls.c */
/* fpu.c */
void fpu_init(void);
void fpu_switch(struct task_struct *prev, struct task_struct *next);
void fpu_copy(struct task_struct *child);
void fpu_reset(struct task_struct *t);
/* ... and a signal's: into its frame, a fresh one for the handler, back */
int copy_fpstate_to_sigframe(void __user *buf);
void fpu__clear_user_states(void);
int fpu__restore_sig(const void __user *buf);
/* ioperm.c */
int io_bitmap_copy(struct task_struct *child, struct task_struct *parent);
void io_bitmap_switch(struct task_struct *prev, struct task_struct *next);
void io_bitmap_exit(struct task_struct *t);
bool capable_rawio(void);        /* cred.c */
void do_close_on_exec(struct task_struct *t);     /* file.c */

#endif
