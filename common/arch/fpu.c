/* fpu.c - the x87/SSE registers of user space, one copy per task.
 *
 * C libraries use SSE (musl's memset, a compiler's struct copies), which
 * the CPU refuses with #UD until CR4.OSFXSR says the kernel saves the
 * XMM registers. The kernel itself never touches them (-mgeneral-regs-
 * only), so the user's state stays live in the CPU while the task runs:
 * FXSAVE on the way out of a context switch, FXRSTOR on the way in
 * (Linux's eager FPU switching, the default since 4.6).
 *
 * The 512-byte images live here, one per task slot, not in task_struct:
 * fork's clearing of a new task and execve's reset then cost a few
 * instructions, not a byte loop over the image (make bench measures both). */
#include "sched.h"
#include "kernel.h"
#include "x86.h"

#define X86_CR0_MP      (1UL << 1)
#define X86_CR0_EM      (1UL << 2)
#define X86_CR0_TS      (1UL << 3)
#define X86_CR4_OSFXSR  (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define MXCSR_DEFAULT   0x1f80          /* every SSE exception masked */

/* FXSAVE's image of the x87 and SSE registers */
struct fxregs_state {
        u8 bytes[512];
} __attribute__((aligned(16)));

static struct fxregs_state fpstates[NR_TASKS];
/* the state a program starts with after execve (fninit, MXCSR default) */
static struct fxregs_state init_fpstate;

static struct fxregs_state *fpstate_of(struct task_struct *t)
{
        return &fpstates[t - tasks];
}

static inline void fxsave(struct fxregs_state *s)
{
        __asm__ volatile("fxsave64 %0" : "=m"(*s));
}

static inline void fxrstor(const struct fxregs_state *s)
{
        __asm__ volatile("fxrstor64 %0" :: "m"(*s));
}

/* x87 and MXCSR to their defaults, every XMM register zero */
static void fpu_init_regs(void)
{
        u32 mxcsr = MXCSR_DEFAULT;

        __asm__ volatile("fninit\n\tldmxcsr %0\n\t"
                         "pxor %%xmm0, %%xmm0\n\tpxor %%xmm1, %%xmm1\n\t"
                         "pxor %%xmm2, %%xmm2\n\tpxor %%xmm3, %%xmm3\n\t"
                         "pxor %%xmm4, %%xmm4\n\tpxor %%xmm5, %%xmm5\n\t"
                         "pxor %%xmm6, %%xmm6\n\tpxor %%xmm7, %%xmm7\n\t"
                         "pxor %%xmm8, %%xmm8\n\tpxor %%xmm9, %%xmm9\n\t"
                         "pxor %%xmm10, %%xmm10\n\tpxor %%xmm11, %%xmm11\n\t"
                         "pxor %%xmm12, %%xmm12\n\tpxor %%xmm13, %%xmm13\n\t"
                         "pxor %%xmm14, %%xmm14\n\tpxor %%xmm15, %%xmm15"
                         :: "m"(mxcsr));
}

void fpu_init(void)
{
        u64 cr0, cr4;

        __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
        cr0 = (cr0 | X86_CR0_MP) & ~(X86_CR0_EM | X86_CR0_TS);
        __asm__ volatile("mov %0, %%cr0" :: "r"(cr0));
        __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
        cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT;
        __asm__ volatile("mov %0, %%cr4" :: "r"(cr4));
        fpu_init_regs();
        fxsave(&init_fpstate);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
        fxsave(fpstate_of(prev));
        fxrstor(fpstate_of(next));
}

/* fork: the child starts with the parent's (the caller's, live) registers */
void fpu_copy(struct task_struct *child)
{
        fxsave(fpstate_of(child));
}

/* execve: a fresh program starts from the initial state; the caller's
 * registers are live, the first program's (init, before it ever ran) are
 * its image */
void fpu_reset(struct task_struct *t)
{
        if (t == current)
                fpu_init_regs();
        else
                *fpstate_of(t) = init_fpstate;
}
