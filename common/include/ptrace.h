/* ptrace.h - struct pt_regs, the frame every kernel entry builds.
 *
 * Linux's x86-64 layout (arch/x86/include/asm/ptrace.h), 168 bytes, lowest
 * address first. The entry code pushes it from the bottom of this list
 * upward, so ss is pushed first and r15 last; rsp then points at r15. */
#ifndef PTRACE_H
#define PTRACE_H

#include "types.h"
#include "segment.h"

struct pt_regs {
        /* callee-saved ("extra regs"): C functions preserve these */
        u64 r15;                /*   0 */
        u64 r14;                /*   8 */
        u64 r13;                /*  16 */
        u64 r12;                /*  24 */
        u64 bp;                 /*  32 */
        u64 bx;                 /*  40 */
        /* C-clobbered ("C regs") */
        u64 r11;                /*  48 */
        u64 r10;                /*  56 */
        u64 r9;                 /*  64 */
        u64 r8;                 /*  72 */
        u64 ax;                 /*  80 */
        u64 cx;                 /*  88 */
        u64 dx;                 /*  96 */
        u64 si;                 /* 104 */
        u64 di;                 /* 112 */
        /* syscall number on a syscall; on an exception the error code
         * until do_trap reads it and sets -1, as on an interrupt */
        u64 orig_ax;            /* 120 */
        /* the hardware IRET frame */
        u64 ip;                 /* 128 */
        u64 cs;                 /* 136 */
        u64 flags;              /* 144 */
        u64 sp;                 /* 152 */
        u64 ss;                 /* 160 */
};

static inline bool user_mode(const struct pt_regs *regs)
{
        return (regs->cs & 3) == 3;
}

/* 64-bit code, not compatibility mode (__USER32_CS): the GDT has one
 * 64-bit user code segment */
static inline bool user_64bit_mode(const struct pt_regs *regs)
{
        return regs->cs == __USER_CS;
}

/* ptrace services (common/kernel/ptrace.c; Linux: include/linux/ptrace.h).
 * task->ptrace holds PT_PTRACED and the PTRACE_O_* options shifted by
 * PT_OPT_FLAG_SHIFT, as Linux keeps them. */
#define PT_PTRACED              0x00000001
#define PT_OPT_FLAG_SHIFT       3
#define PT_EVENT_FLAG(event)    (1U << (PT_OPT_FLAG_SHIFT + (event)))
#define PT_TRACESYSGOOD         (1U << PT_OPT_FLAG_SHIFT)

struct task_struct;

/* Stops for the tracer at syscall entry and exit (TIF_SYSCALL_TRACE).
 * Entry: the tracer may rewrite the whole frame; the syscall then run is
 * regs->orig_ax, with the frame's arguments; returns non-zero when the
 * syscall must be skipped (regs->ax is then the answer). Both stops force
 * the return to user space through IRET. */
int ptrace_report_syscall_entry(struct pt_regs *regs);
void ptrace_report_syscall_exit(struct pt_regs *regs, int step);
/* A PTRACE_EVENT_* stop if the tracer asked for that event: returns
 * whether it stopped. */
bool ptrace_event(int event, unsigned long message);
bool ptrace_event_enabled(struct task_struct *t, int event);
/* execve succeeded in a traced task: the event stop, or the legacy SIGTRAP */
void ptrace_exec_notify(void);
/* from get_signal: the signal-delivery stop; returns the signal to act on
 * (the tracer may cancel or replace it), 0 for none */
struct kernel_siginfo;
int ptrace_signal(int sig, struct kernel_siginfo *info);
/* a tracer is exiting: its tracees go free (those stopped resume) */
void exit_ptrace(struct task_struct *tracer);

#endif
