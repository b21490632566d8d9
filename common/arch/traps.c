/* traps.c - what each exception and interrupt does once pt_regs is built.
 *
 * A fault in user mode ends the offending process (signals will turn this
 * into SIGSEGV/SIGTRAP delivery). A fault in the kernel is a bug: dump the
 * registers and stop QEMU with the panic status, never hang or reboot. */
#include "types.h"
#include "x86.h"
#include "kernel.h"
#include "cpu.h"
#include "sched.h"
#include "signal.h"

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
#define X86_TRAP_PF 14

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

static __noreturn void die(const struct pt_regs *regs, unsigned long vector)
{
        printk("\nKERNEL PANIC: %s in kernel mode, error code %#lx\n",
               vector < 32 ? exception_names[vector] : "unexpected interrupt",
               regs->orig_ax);
        show_regs(regs);
        panic("fatal exception at RIP %#lx", regs->ip);
}

static int signal_for(unsigned long vector)
{
        switch (vector) {
        case X86_TRAP_DE: return SIGFPE;
        case X86_TRAP_UD: return SIGILL;
        case X86_TRAP_DB:
        case X86_TRAP_BP: return SIGTRAP;
        default:          return SIGSEGV;
        }
}

static void user_fault(struct pt_regs *regs, unsigned long vector)
{
        struct task_struct *t = current;
        int sig = signal_for(vector);

        printk("%s[%d]: %s at ip %#lx sp %#lx error %#lx", t->comm, t->pid,
               exception_names[vector], regs->ip, regs->sp, regs->orig_ax);
        if (vector == X86_TRAP_PF)
                printk(" address %#lx", read_cr2());
        printk(": killed by signal %d\n", sig);
        force_sig_fault(sig, regs);
}

/* Called with pt_regs complete and interrupts off (interrupt gates). */
__visible void do_trap(struct pt_regs *regs, unsigned long vector)
{
        if (vector == IRQ_BASE + IRQ_TIMER) {
                timer_interrupt();
                return;
        }
        if (vector >= IRQ_BASE) {               /* masked lines: spurious */
                if (vector == IRQ_BASE + 7 || vector == IRQ_BASE + 15)
                        return;
                die(regs, vector);
        }
        if (vector == X86_TRAP_NMI) {
                printk("NMI received at RIP %#lx\n", regs->ip);
                return;
        }
        if (user_mode(regs))
                user_fault(regs, vector);
        else
                die(regs, vector);
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
