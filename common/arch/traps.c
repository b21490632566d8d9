/* traps.c - what each exception and interrupt does once pt_regs is built.
 *
 * A fault in user mode becomes a signal to the offending process, with
 * the siginfo Linux gives it. A fault in the kernel is a bug: dump the
 * registers and stop QEMU with the panic status, never hang or reboot. */
#include "types.h"
#include "x86.h"
#include "kernel.h"
#include "cpu.h"
#include "sched.h"
#include "signal.h"
#include "mm.h"

static const char *const exception_names[32] = {
        "#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
        "#OF overflow", "#BR bound range", "#UD invalid opcode", "#NM device not available",
        "#DF double fault", "coprocessor segment overrun", "#TS invalid TSS", "#NP segment not present",
        "#SS stack fault", "#GP general protection", "#PF page fault", "reserved 15",
        "#MF x87 error", "#AC alignment check", "#MC machine check", "#XM SIMD error",
        "#VE virtualization", "#CP control protection", "reserved 22", "reserved 23",
        "reserved 24", "reserved 25", "reserved 26", "reserved 27",
        "#HV hypervisor injection", "#VC VMM communication", "#SX security", "reserved 31",
};

#define X86_TRAP_DB 1
#define X86_TRAP_NMI 2
#define X86_TRAP_BP 3
#define X86_TRAP_DE 0
#define X86_TRAP_UD 6
#define X86_TRAP_GP 13
#define X86_TRAP_NP 11
#define X86_TRAP_SS 12
#define X86_TRAP_PF 14
#define X86_TRAP_MF 16
#define X86_TRAP_AC 17
#define X86_TRAP_XF 19

/* #PF error code bits */
#define X86_PF_PROT (1UL << 0)
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER (1UL << 2)

void show_regs(const struct pt_regs *r)
{
        printk("RIP: %04lx:%016lx RFLAGS: %08lx\n", r->cs, r->ip, r->flags);
        printk("RSP: %04lx:%016lx ORIG_RAX: %016lx\n", r->ss, r->sp, r->orig_ax);
        printk("RAX: %016lx RBX: %016lx RCX: %016lx\n", r->ax, r->bx, r->cx);
        printk("RDX: %016lx RSI: %016lx RDI: %016lx\n", r->dx, r->si, r->di);
        printk("RBP: %016lx R08: %016lx R09: %016lx\n", r->bp, r->r8, r->r9);
        printk("R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
        printk("R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
        printk("CR2: %016lx CR3: %016lx GS: %016lx KGS: %016lx\n", read_cr2(), read_cr3(),
               rdmsr(MSR_GS_BASE), rdmsr(MSR_KERNEL_GS_BASE));
}

static __noreturn void die(const struct pt_regs *regs, unsigned long vector,
                           unsigned long error_code)
{
        printk("\nKERNEL PANIC: %s in kernel mode, error code %#lx\n",
               vector < 32 ? exception_names[vector] : "unexpected interrupt",
               error_code);
        show_regs(regs);
        show_stack((const unsigned long *)regs->sp);
        panic("fatal exception at RIP %#lx", regs->ip);
}

/* the vectors for which the CPU pushes an error code */
static bool has_error_code(unsigned long vector)
{
        return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 ||
               vector == 21 || vector == 29 || vector == 30;
}

/* A #PF from user mode (Linux: do_user_addr_fault, bad_area). Without
 * VMAs, a present page refused the access (SEGV_ACCERR) and an absent one
 * was never mapped (SEGV_MAPERR). Kernel addresses always read as
 * protection faults, so the page-table layout does not leak. */
static void user_page_fault(unsigned long error_code)
{
        struct thread_struct *th = &current->thread;
        u64 addr = th->cr2 = read_cr2();
        int code = error_code & X86_PF_PROT ? SEGV_ACCERR : SEGV_MAPERR;

        if (addr >= TASK_SIZE_MAX) {
                error_code |= X86_PF_PROT;
                code = SEGV_MAPERR;
        }
        th->error_code = error_code | X86_PF_USER;
        force_sig_fault(SIGSEGV, code, (void __user *)addr);
}

/* The signal Linux sends for each exception from user mode, with its
 * siginfo (arch/x86/kernel/traps.c). The sigcontext shows trap_nr,
 * error_code and cr2; rip is the faulting instruction for faults, the next
 * one for traps (#BP, #DB), as the CPU left it. */
static void send_fault_signal(struct pt_regs *regs, unsigned long vector)
{
        void __user *ip = (void __user *)regs->ip;

        switch (vector) {
        case X86_TRAP_DE: force_sig_fault(SIGFPE, FPE_INTDIV, ip); break;
        case X86_TRAP_DB: force_sig_fault(SIGTRAP, TRAP_TRACE, ip); break;
        case X86_TRAP_BP: force_sig(SIGTRAP); break;            /* SI_KERNEL */
        case X86_TRAP_UD: force_sig_fault(SIGILL, ILL_ILLOPN, ip); break;
        case X86_TRAP_NP:
        case X86_TRAP_SS: force_sig(SIGBUS); break;
        case X86_TRAP_MF:
        case X86_TRAP_XF: force_sig(SIGFPE); break;
        case X86_TRAP_AC: force_sig_fault(SIGBUS, BUS_ADRALN, NULL); break;
        case X86_TRAP_PF: user_page_fault(current->thread.error_code); break;
        default:          force_sig(SIGSEGV); break;            /* #GP, #OF, ... */
        }
}

static int signal_for(unsigned long vector)
{
        switch (vector) {
        case X86_TRAP_DE: case X86_TRAP_MF: case X86_TRAP_XF: return SIGFPE;
        case X86_TRAP_UD: return SIGILL;
        case X86_TRAP_DB:
        case X86_TRAP_BP: return SIGTRAP;
        case X86_TRAP_NP: case X86_TRAP_SS: case X86_TRAP_AC: return SIGBUS;
        default:          return SIGSEGV;
        }
}

/* the default action will run: say so on the console, as Linux's
 * show_unhandled_signals does */
static bool unhandled_signal(struct task_struct *t, int sig)
{
        __sighandler_t h = action_of(t, sig)->sa.sa_handler;
        return h == SIG_DFL || h == SIG_IGN || (t->blocked & sigmask(sig));
}

static void user_fault(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
        struct task_struct *t = current;
        int sig = signal_for(vector);

        t->thread.trap_nr = vector;
        t->thread.error_code = error_code;
        if (unhandled_signal(t, sig)) {
                printk("%s[%d]: %s at ip %#lx sp %#lx error %#lx", t->comm, t->pid,
                       exception_names[vector], regs->ip, regs->sp, error_code);
                if (vector == X86_TRAP_PF)
                        printk(" address %#lx", read_cr2());
                printk(": killed by signal %d\n", sig);
        }
        send_fault_signal(regs, vector);
}

/* Called with pt_regs complete and interrupts off (interrupt gates). As in
 * Linux, orig_ax becomes -1 once the error code is read: only a syscall
 * frame has orig_ax >= 0 (the exit work's syscall restart relies on it). */
__visible void do_trap(struct pt_regs *regs, unsigned long vector)
{
        unsigned long error_code = has_error_code(vector) ? regs->orig_ax : 0;

        if (vector < 32)
                regs->orig_ax = -1;
        if (vector == IRQ_BASE + IRQ_TIMER) {
                timer_interrupt();
                return;
        }
        if (vector >= IRQ_BASE) {               /* masked lines: spurious */
                if (vector == IRQ_BASE + 7 || vector == IRQ_BASE + 15)
                        return;
                die(regs, vector, error_code);
        }
        if (vector == X86_TRAP_NMI) {
                printk("NMI received at RIP %#lx\n", regs->ip);
                return;
        }
        if (user_mode(regs))
                user_fault(regs, vector, error_code);
        else
                die(regs, vector, error_code);
}

/* A paranoid entry from user mode: copy the frame from the IST stack to the
 * task stack, where the exit work may sleep or switch tasks. */
__visible struct pt_regs *sync_regs(struct pt_regs *eregs)
{
        struct pt_regs *regs = current_pt_regs();
        *regs = *eregs;
        return regs;
}

/* The IRETQ of the return to user space faulted, so the frame it was
 * popping (ip .. ss, at the fault's stack pointer) was bad. The registers
 * saved below the fault's own frame are the user's (restored before the
 * IRETQ). Put both together at the top of the task stack, so that pt_regs
 * reads as a fault in user mode at the rip being returned to. The copy goes
 * through a temporary: the new frame overlaps both sources. */
__visible struct pt_regs *fixup_bad_iret(struct pt_regs *bad)
{
        struct pt_regs tmp, *regs = current_pt_regs();
        const size_t gprs = offsetof(struct pt_regs, ip);

        memcpy(&tmp, bad, gprs);
        memcpy((char *)&tmp + gprs, (void *)bad->sp, sizeof(tmp) - gprs);
        *regs = tmp;
        return regs;
}
