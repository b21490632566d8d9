/* syscall_nt - flags user space set survive a syscall (Linux selftest
 * syscall_nt): NT, AC, DF and TF set before SYSCALL are still set after
 * it, though the kernel itself runs with them clear (SFMASK). TF makes
 * every instruction trap, so a SIGTRAP handler counts the traps: one per
 * instruction until TF is cleared, which needs TF back after each
 * sigreturn. */
#include "ulib.h"

#define TF 0x100UL
#define DF 0x400UL
#define NT 0x4000UL
#define AC 0x40000UL

static volatile int traps;
static void on_trap(int sig, siginfo_t *si, void *ctx) { traps++; }

/* set extra flags, getppid, read the flags, back to plain flags */
static unsigned long flags_across_syscall(unsigned long extra, long *ret)
{
        unsigned long after;
        __asm__ volatile("pushfq\n\t"
                         "orq %[extra], (%%rsp)\n\t"
                         "popfq\n\t"
                         "syscall\n\t"
                         "pushfq\n\t"
                         "popq %[after]\n\t"
                         "pushq $0x202\n\t"
                         "popfq"
                         : [after] "=&r"(after), "=a"(*ret)
                         : [extra] "r"(extra), "a"(__NR_getppid)
                         : "rcx", "r11", "memory", "cc");
        return after;
}

int main(void)
{
        static const struct { const char *name; unsigned long flags; } cases[] = {
                { "none", 0 }, { "NT", NT }, { "AC", AC }, { "DF", DF },
                { "NT|AC|DF", NT | AC | DF }, { "TF", TF }, { "TF|NT", TF | NT },
        };
        int failures = 0;
        long ppid = getppid(), ret;

        sethandler(SIGTRAP, on_trap, 0);
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                traps = 0;
                unsigned long after = flags_across_syscall(cases[i].flags, &ret);
                unsigned long want = 0x202 | cases[i].flags;
                int ok = (after & (want | 0x7000)) == want && ret == ppid &&
                         (cases[i].flags & TF ? traps >= 3 : traps == 0);
                failures += !ok;
                printf("syscall_nt: %s: flags_after=%#lx getppid_ok=%d traps_ge_3=%d %s\n",
                       cases[i].name, after & (TF | DF | NT | AC | 0x3200), ret == ppid,
                       traps >= 3, ok ? "ok" : "FAIL");
        }
        printf("syscall_nt: %d failure(s)\n", failures);
        return failures != 0;
}
