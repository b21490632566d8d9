/* fpu.c - the x87/SSE registers of user space, one copy per task.
 *
 * C libraries use SSE (musl's memset, a compiler's struct copies), which
 * the CPU refuses with #UD until CR4.OSFXSR says the kernel saves the
 * XMM registers. The kernel itself never touches them (-mgeneral-regs-
 * only), so the user's state stays live in the CPU while the task runs:
 * FXSAVE on the way out of a context switch, FXRSTOR on the way in
 * (Linux's eager FPU switching, the default since 4.6). */
#include "sched.h"
#include "kernel.h"
#include "x86.h"

#define X86_CR0_MP      (1UL << 1)
#define X86_CR0_EM      (1UL << 2)
#define X86_CR0_TS      (1UL << 3)
#define X86_CR4_OSFXSR  (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define MXCSR_DEFAULT   0x1f80          /* every SSE exception masked */

/* the state a program starts with after execve (fninit + MXCSR default) */
static struct fxregs_state init_fpstate;

static inline void fxsave(struct fxregs_state *s)
{
        __asm__ volatile("fxsave64 %0" : "=m"(*s));
}

static inline void fxrstor(const struct fxregs_state *s)
{
        __asm__ volatile("fxrstor64 %0" :: "m"(*s));
}

void fpu_init(void)
{
        u64 cr0, cr4;
        u32 mxcsr = MXCSR_DEFAULT;

        __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
        cr0 = (cr0 | X86_CR0_MP) & ~(X86_CR0_EM | X86_CR0_TS);
        __asm__ volatile("mov %0, %%cr0" :: "r"(cr0));
        __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
        cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
        __asm__ volatile("mov %0, %%cr4" :: "r"(cr4));
        __asm__ volatile("fninit; ldmxcsr %0" :: "m"(mxcsr));
        fxsave(&init_fpstate);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
        fxsave(&prev->thread.fpstate);
        fxrstor(&next->thread.fpstate);
}

/* fork: the child starts with the parent's (the caller's, live) registers */
void fpu_copy(struct task_struct *child)
{
        fxsave(&child->thread.fpstate);
}

/* execve: a fresh program starts from the initial state */
void fpu_reset(struct task_struct *t)
{
        t->thread.fpstate = init_fpstate;
        if (t == current)
                fxrstor(&t->thread.fpstate);
}
