/* single_step_syscall - TF set across SYSCALL (Linux selftest
 * single_step_syscall): the kernel runs the syscall with TF clear (no trap
 * in the kernel, no hang), user space gets its SIGTRAPs, the first one
 * right after the syscall returns, and TF is still set afterwards. */
#include "ulib.h"

static volatile int traps;
static volatile unsigned long first_ip, first_cs;
static void on_trap(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;
        if (traps++ == 0) {
                first_ip = sc->ip;
                first_cs = sc->cs;
        }
}

extern char ss_after_syscall[];

int main(void)
{
        unsigned long after, later;
        long ret;

        sethandler(SIGTRAP, on_trap, 0);
        __asm__ volatile("pushfq\n\t"
                         "orq $0x100, (%%rsp)\n\t"
                         "popfq\n\t"
                         "syscall\n"
                         "ss_after_syscall:\n\t"
                         "pushfq\n\t"
                         "popq %0\n\t"
                         "pushfq\n\t"         /* after a SIGTRAP and its sigreturn */
                         "popq %1\n\t"
                         "pushq $0x202\n\t"
                         "popfq"
                         : "=&r"(after), "=&r"(later), "=a"(ret)
                         : "a"(__NR_getpid)
                         : "rcx", "r11", "memory", "cc");
        long off = (long)(first_ip - (unsigned long)ss_after_syscall);
        /* the trap after SYSCALL itself (at its return address) or after
         * the first user instruction past it; never in the kernel */
        int ok = ret == getpid() && traps > 1 && (after & 0x100) && (later & 0x100) && first_cs == 0x33 &&
                 (off == 0 || off == 1);
        printf("single_step_syscall: getpid_ok=%d traps_gt_1=%d first_trap=after_syscall+%ld cs=%#lx "
               "tf_after=%d tf_after_sigreturn=%d %s\n", ret == getpid(), traps > 1, off, first_cs,
               (after & 0x100) != 0, (later & 0x100) != 0, ok ? "ok" : "FAIL");
        return !ok;
}
