/* regs - the register ABI of every syscall the kit serves, and of a few it
 * does not: after SYSCALL returns, only rax (the result), rcx (= the
 * return rip) and r11 (= rflags) may differ; every other register and the
 * flags must be what user space left there. Prints what it saw; the test
 * compares it with the patterns and with regs_after_syscall's address. */
#include "ulib.h"

struct regs_out {
        unsigned long rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11,
                r12, r13, r14, r15, rflags, rsp, rsp_before;
};

long regs_probe(long nr, unsigned long rflags, struct regs_out *out);

static void show(const char *label, long nr, unsigned long flags_in,
                 const struct regs_out *o)
{
        printf("regs: %snr=%ld flags_in=%#lx rax=%#lx rbx=%#lx rcx=%#lx rdx=%#lx rsi=%#lx "
               "rdi=%#lx rbp=%#lx r8=%#lx r9=%#lx r10=%#lx r11=%#lx r12=%#lx r13=%#lx "
               "r14=%#lx r15=%#lx rflags=%#lx rsp_moved=%ld\n",
               label, nr, flags_in, o->rax, o->rbx, o->rcx, o->rdx, o->rsi, o->rdi, o->rbp,
               o->r8, o->r9, o->r10, o->r11, o->r12, o->r13, o->r14, o->r15, o->rflags,
               (long)(o->rsp - o->rsp_before));
}

int main(void)
{
        /* stat (not served), write (bad fd), mmap (an offset not page-aligned;
         * six arguments), sched_yield, getpid, execve
         * (bad pointers), wait4 (bad options), getppid, prctl (a bad
         * option; five arguments), out of range, -1 */
        static const long numbers[] = { 4, 1, 9, 24, 39, 59, 61, 110, 157, 500, -1 };
        /* IF and the fixed bit alone; then every arithmetic flag; then also
         * DF, AC and NT, which the kernel must clear for itself (SFMASK) */
        static const unsigned long flag_sets[] = { 0x202, 0xad7, 0x44ed7 };
        struct regs_out o;

        for (size_t f = 0; f < sizeof(flag_sets) / sizeof(flag_sets[0]); f++)
                for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
                        regs_probe(numbers[i], flag_sets[f], &o);
                        show("", numbers[i], flag_sets[f], &o);
                }

        /* fork: both parent and child return from the same SYSCALL. The
         * parent reports after the child has, so that their lines (longer
         * than one write) never interleave, however the two are scheduled. */
        long pid = regs_probe(57, 0x202, &o);
        if (pid == 0) {
                show("fork-child ", 57, 0x202, &o);
                exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
        show("fork-parent ", 57, 0x202, &o);
        return 0;
}
