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
 * instructions, not a byte loop over the image (make bench measures both).
 *
 * A signal handler gets the registers of no one: delivery copies the live
 * ones into the signal frame and gives the handler a fresh state;
 * rt_sigreturn loads the frame's copy, which the handler may have changed
 * (Linux's arch/x86/kernel/fpu/signal.c). */
#include "sched.h"
#include "kernel.h"
#include "uaccess.h"
#include "x86.h"
#include "uapi/errno.h"

#define X86_CR0_MP      (1UL << 1)
#define X86_CR0_EM      (1UL << 2)
#define X86_CR0_TS      (1UL << 3)
#define X86_CR4_OSFXSR  (1UL << 9)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define MXCSR_DEFAULT   0x1f80          /* every SSE exception masked */

/* FXSAVE's image of the x87 and SSE registers (64-bit layout); the signal
 * frame holds the same bytes as uapi's struct _fpstate_64 */
struct fxregs_state {
        u16 cwd, swd, twd, fop;
        u64 rip, rdp;
        u32 mxcsr, mxcsr_mask;
        u8 st_space[128];               /* ST0-ST7 */
        u8 xmm_space[256];              /* XMM0-XMM15 */
        u8 padding[96];                 /* FXSAVE neither reads nor writes it */
} __attribute__((aligned(16)));
_Static_assert(sizeof(struct fxregs_state) == sizeof(struct _fpstate_64), "fxregs_state");
_Static_assert(offsetof(struct fxregs_state, mxcsr) == offsetof(struct _fpstate_64, mxcsr),
               "fxregs_state.mxcsr");

static struct fxregs_state fpstates[NR_TASKS];
/* the state a program starts with after execve (fninit, MXCSR default) */
static struct fxregs_state init_fpstate;
/* the MXCSR bits this CPU has: FXRSTOR of any other is #GP */
static u32 mxcsr_feature_mask;

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
        /* FNINIT only tags ST0-ST7 empty; Linux's init state has them 0,
         * so a handler that starts from it sees nothing of the old ones */
        memset(init_fpstate.st_space, 0, sizeof(init_fpstate.st_space));
        /* FXSAVE gives the mask; 0 there is a CPU older than DAZ (bit 6) */
        mxcsr_feature_mask = init_fpstate.mxcsr_mask ? init_fpstate.mxcsr_mask : 0xffbf;
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

/* Signal delivery (Linux's copy_fpstate_to_sigframe): the interrupted
 * code's registers, live in the CPU (the kernel never touches them and
 * is not preempted here), into the frame's image at buf, by FXSAVE
 * itself, as Linux does: through the kernel's map of the user page, as
 * uaccess.c reaches user memory, which the image never straddles
 * (signal_64.c aligns it to its size). The bytes FXSAVE leaves alone
 * keep what the user's stack held there. */
int copy_fpstate_to_sigframe(void __user *buf)
{
        struct fxregs_state *fx = user_bytes_in_page(buf, sizeof(*fx), true);

        if (!fx)
                return -EFAULT;
        fxsave(fx);
        return 0;
}

/* The handler starts from the initial state, as a new program does:
 * nothing of the interrupted code's registers, MXCSR's default */
void fpu__clear_user_states(void)
{
        fxrstor(&init_fpstate);
}

/* rt_sigreturn (Linux's fpu__restore_sig): the frame's image, which user
 * space may have written anything into, back into the registers. MXCSR
 * keeps only the bits the CPU has; a reserved one would make FXRSTOR
 * fault in the kernel. No image (0) is the initial state; an unreadable
 * one leaves the initial state and -EFAULT (the caller's SIGSEGV). */
int fpu__restore_sig(const void __user *buf)
{
        const struct fxregs_state *in_place = user_bytes_in_page(buf, sizeof(*in_place), false);
        struct fxregs_state fx;

        /* the image as delivery left it, within a page, MXCSR valid: loaded
         * where it is (nothing runs between the test and the load) */
        if (in_place && !(in_place->mxcsr & ~mxcsr_feature_mask)) {
                fxrstor(in_place);
                return 0;
        }
        if (buf && !copy_from_user(&fx, buf, sizeof(fx))) {
                fx.mxcsr &= mxcsr_feature_mask;
                fxrstor(&fx);
                return 0;
        }
        fpu__clear_user_states();
        return buf ? -EFAULT : 0;
}
