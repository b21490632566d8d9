/* signal_64.c - running a signal handler and coming back from it
 * (Linux's arch/x86/kernel/signal.c, signal_64.c).
 *
 * Delivery saves the interrupted user state in a struct rt_sigframe on the
 * user stack and points the frame at the handler; the handler returns into
 * sa_restorer, which calls rt_sigreturn; rt_sigreturn loads the saved
 * state back, every field of it, which is why it must leave by IRET. What
 * it loads comes from user memory, so it takes only what user space could
 * have set anyway: user segments, the user-changeable flags, an MXCSR
 * with no reserved bit. The x87/SSE registers travel in the frame too
 * (fpu.c), so a handler neither sees nor changes the interrupted code's. */
#include "signal.h"
#include "sched.h"
#include "kernel.h"
#include "segment.h"
#include "syscalls.h"
#include "uaccess.h"
#include "x86.h"

/* flags sigreturn takes from the frame; IOPL, IF, NT, VM stay the kernel's */
#define FIX_EFLAGS (X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
                    X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
                    X86_EFLAGS_CF | X86_EFLAGS_RF)

#define REDZONE 128     /* the SysV ABI lets leaf code use 128 bytes below rsp */

static void setup_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
                             sigset_t mask, u64 fpstate)
{
        const struct thread_struct *th = &current->thread;

        sc->r8 = regs->r8;   sc->r9 = regs->r9;   sc->r10 = regs->r10; sc->r11 = regs->r11;
        sc->r12 = regs->r12; sc->r13 = regs->r13; sc->r14 = regs->r14; sc->r15 = regs->r15;
        sc->di = regs->di;   sc->si = regs->si;   sc->bp = regs->bp;   sc->bx = regs->bx;
        sc->dx = regs->dx;   sc->ax = regs->ax;   sc->cx = regs->cx;   sc->sp = regs->sp;
        sc->ip = regs->ip;
        sc->flags = regs->flags;
        sc->cs = regs->cs;
        sc->ss = regs->ss;
        sc->gs = sc->fs = 0;
        sc->err = th->error_code;
        sc->trapno = th->trap_nr;
        sc->oldmask = mask;
        sc->cr2 = th->cr2;
        sc->fpstate = fpstate;
}

/* Linux aligns the image to 64 (XSAVE's need; FXSAVE's is 16). Aligned to
 * its own 512 bytes it never straddles a page, and FXSAVE can write it in
 * place (fpu.c). */
#define FPSTATE_ALIGN 512

/* Below the red zone (or at the top of the alternate stack) the FPU image,
 * then the frame, 16-byte aligned less 8: at the handler's first
 * instruction rsp + 8 is a multiple of 16, as after a CALL. A handler
 * interrupted on the alternate stack nests lower on it; a frame that
 * would run off its bottom gets an address copy_to_user refuses (the
 * task gets SIGSEGV, as on Linux), not whatever memory lies below. */
static u64 get_sigframe(const struct pt_regs *regs, const struct k_sigaction *ka,
                        size_t size, u64 *fpstate)
{
        struct task_struct *t = current;
        bool nested = on_sig_stack(t, regs->sp);
        u64 ss_base = t->sas_ss_sp;
        u64 sp = sigsp(regs->sp - REDZONE, ka);

        *fpstate = (sp - sizeof(struct _fpstate_64)) & ~(FPSTATE_ALIGN - 1UL);
        sp = ((*fpstate - size) & ~15UL) - 8;
        if (nested && sp <= ss_base)
                return -1UL;
        return sp;
}

/* the most get_sigframe takes, alignment included: a handler entering an
 * alternate stack always fits, as sigaltstack refuses smaller ones */
_Static_assert(sizeof(struct _fpstate_64) + FPSTATE_ALIGN + sizeof(struct rt_sigframe) + 16 + 8
               <= MINSIGSTKSZ, "a signal frame fits on the smallest alternate stack");

static int setup_rt_frame(int sig, const struct kernel_siginfo *info,
                          const struct k_sigaction *ka, struct pt_regs *regs)
{
        struct rt_sigframe frame;
        u64 fpstate;

        memset(&frame, 0, sizeof(frame));
        save_altstack(&frame.uc.uc_stack, regs->sp);   /* as the interrupted code had it */
        u64 sp = get_sigframe(regs, ka, sizeof(frame), &fpstate);
        /* x86-64 handlers return through the restorer libc names with
         * SA_RESTORER; without one there is nowhere to return to, and
         * Linux refuses the frame (the task gets SIGSEGV) */
        if (!(ka->sa.sa_flags & SA_RESTORER))
                return -EFAULT;
        frame.pretcode = (char __user *)ka->sa.sa_restorer;
        /* sigreturn restores the saved ss as it is only for a frame made
         * in 64-bit mode; otherwise it replaces one unusable there (Linux
         * 4.6, for old DOSEMU's and CRIU's frames, made before ss was) */
        frame.uc.uc_flags = UC_SIGCONTEXT_SS | (user_64bit_mode(regs) ? UC_STRICT_RESTORE_SS : 0);
        setup_sigcontext(&frame.uc.uc_mcontext, regs, current->blocked, fpstate);
        frame.uc.uc_sigmask = current->blocked;
        memcpy(&frame.info, info, sizeof(*info));      /* the rest stays 0 */
        if (copy_to_user((void __user *)sp, &frame, sizeof(frame)) ||
            copy_fpstate_to_sigframe((void __user *)fpstate))
                return -EFAULT;

        regs->di = sig;
        regs->si = sp + offsetof(struct rt_sigframe, info);
        regs->dx = sp + offsetof(struct rt_sigframe, uc);
        regs->ax = 0;                   /* for handlers declared without a prototype */
        regs->ip = (u64)ka->sa.sa_handler;
        regs->sp = sp;
        regs->cs = __USER_CS;
        regs->ss = __USER_DS;
        return 0;
}

static bool in_syscall(const struct pt_regs *regs)
{
        return (long)regs->orig_ax >= 0;        /* exceptions and IRQs: -1 */
}

/* a syscall that slept and was broken by a signal starts over: back over
 * the 2-byte SYSCALL, with the number in rax again */
static void restart_syscall(struct pt_regs *regs)
{
        regs->ax = regs->orig_ax;
        regs->ip -= 2;
}

static void handle_signal(int sig, const struct kernel_siginfo *info,
                          const struct k_sigaction *ka, struct pt_regs *regs)
{
        if (in_syscall(regs) && regs->ax == (u64)-ERESTARTSYS) {
                if (ka->sa.sa_flags & SA_RESTART)
                        restart_syscall(regs);
                else
                        regs->ax = -EINTR;
        }
        if (in_syscall(regs) && regs->ax == (u64)-ERESTART_RESTARTBLOCK)
                regs->ax = -EINTR;
        if (setup_rt_frame(sig, info, ka, regs)) {
                force_sigsegv(sig);     /* the exit-work loop comes back for it */
                return;
        }
        /* the handler starts with a clean direction flag, no single step,
         * a fresh FPU and (SS_AUTODISARM) no alternate stack; sigreturn
         * brings the old ones back */
        regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
        fpu__clear_user_states();
        altstack_delivered();
        sigset_t blocked = current->blocked | ka->sa.sa_mask;
        if (!(ka->sa.sa_flags & SA_NODEFER))
                blocked |= sigmask(sig);
        set_current_blocked(blocked);
}

void do_signal(struct pt_regs *regs)
{
        struct kernel_siginfo info;
        struct k_sigaction ka;
        int sig = get_signal(&info, &ka);

        if (sig) {
                handle_signal(sig, &info, &ka, regs);
                return;
        }
        /* no handler ran: an interrupted sleep simply starts again */
        if (in_syscall(regs) && regs->ax == (u64)-ERESTARTSYS)
                restart_syscall(regs);
        else if (in_syscall(regs) && regs->ax == (u64)-ERESTART_RESTARTBLOCK) {
                restart_syscall(regs);
                regs->ax = __NR_restart_syscall;        /* the sleep goes on where it was */
        }
}

/* Everything comes from the frame but the flags user space cannot set by
 * itself. cs and ss are the frame's at RPL 3, as Linux's: a selector
 * ring 3 may not load (the kernel's code, a code segment as stack) is
 * refused by the IRET, which fixup_bad_iret makes the task's #GP, so
 * privilege never comes of it; __USER32_CS runs compatibility-mode code.
 * A frame that does not vouch for its ss (no UC_STRICT_RESTORE_SS: built
 * by hand, or made in compatibility mode) going back to 64-bit code gets
 * a stack segment that works: Linux's force_valid_ss, for which, with no
 * LDT, only __USER_DS qualifies. A non-canonical rip is left alone too:
 * the CPU faults on it in user mode (or on the IRET), and the SIGSEGV
 * reports that rip. The FPU image comes last: -EFAULT when it cannot be
 * read. */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc,
                              unsigned long uc_flags)
{
        regs->r8 = sc->r8;   regs->r9 = sc->r9;   regs->r10 = sc->r10; regs->r11 = sc->r11;
        regs->r12 = sc->r12; regs->r13 = sc->r13; regs->r14 = sc->r14; regs->r15 = sc->r15;
        regs->di = sc->di;   regs->si = sc->si;   regs->bp = sc->bp;   regs->bx = sc->bx;
        regs->dx = sc->dx;   regs->ax = sc->ax;   regs->cx = sc->cx;   regs->sp = sc->sp;
        regs->ip = sc->ip;
        regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS) | X86_EFLAGS_IF;
        regs->cs = sc->cs | 3;
        regs->ss = sc->ss | 3;
        if (!(uc_flags & UC_STRICT_RESTORE_SS) && user_64bit_mode(regs))
                regs->ss = __USER_DS;
        regs->orig_ax = -1;             /* not a syscall any more: no restart */
        return fpu__restore_sig((const void __user *)sc->fpstate);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
        struct pt_regs *regs = current_pt_regs();
        /* the handler's RET popped pretcode */
        u64 frame = regs->sp - sizeof(long);
        struct ucontext uc;

        if (copy_from_user(&uc, (void __user *)(frame + offsetof(struct rt_sigframe, uc)),
                           sizeof(uc))) {
                force_sig(SIGSEGV);
                return regs->ax;
        }
        /* a sleep a handler broke stays broken: restart_syscall says -EINTR */
        current->restart_block.fn = NULL;
        set_current_blocked(uc.uc_sigmask);
        int err = restore_sigcontext(regs, &uc.uc_mcontext, uc.uc_flags);
        restore_altstack(&uc.uc_stack, regs->sp);
        force_iret(current);            /* the whole frame changed */
        if (err)
                force_sig(SIGSEGV);     /* Linux's badframe: an unreadable FPU image */
        return regs->ax;                /* the syscall's result is the old rax */
}

/* the layouts user space relies on (Linux x86-64) */
_Static_assert(sizeof(struct sigcontext) == 256, "struct sigcontext");
_Static_assert(offsetof(struct sigcontext, flags) == 136, "sigcontext.flags");
_Static_assert(offsetof(struct sigcontext, err) == 152, "sigcontext.err");
_Static_assert(sizeof(struct ucontext) == 304, "struct ucontext");
_Static_assert(offsetof(struct ucontext, uc_mcontext) == 40, "uc_mcontext");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");
_Static_assert(sizeof(struct kernel_siginfo) == 48, "kernel_siginfo");
_Static_assert(offsetof(struct kernel_siginfo, si_addr) == 16, "si_addr");
_Static_assert(offsetof(struct kernel_siginfo, si_arch) == 28, "si_arch");
_Static_assert(sizeof(struct rt_sigframe) == 440, "rt_sigframe");
_Static_assert(sizeof(struct sigaction) == 32, "struct sigaction");
