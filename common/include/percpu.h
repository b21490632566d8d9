/* percpu.h - the one CPU's private data, reached through GS in the kernel.
 *
 * User space owns GS; SWAPGS exchanges GS_BASE with KERNEL_GS_BASE, which
 * holds &cpu_data while user code runs. The entry code addresses fields as
 * %gs:OFFSET, with offsets from asm-offsets (never typed by hand). */
#ifndef PERCPU_H
#define PERCPU_H

#include "types.h"

struct task_struct;

struct percpu {
        struct percpu *self;            /* gs:0 -> this struct, for C */
        u64 user_rsp;                   /* SYSCALL entry: the user's rsp */
        u64 top_of_stack;               /* current task's kernel stack top */
        struct task_struct *current_task;
        u64 ticks;                      /* timer interrupts taken (GDB: whoami) */
};

extern struct percpu cpu_data;

static inline struct task_struct *get_current(void)
{
        struct task_struct *t;
        __asm__ volatile("movq %%gs:%c1, %0" : "=r"(t)
                         : "i"(offsetof(struct percpu, current_task)));
        return t;
}
#define current get_current()

#endif
