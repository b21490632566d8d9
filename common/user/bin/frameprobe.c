/* frameprobe - one getpid with a distinct value in every register (see
 * frameprobe.asm), then a report of every register SYSCALL gave back
 * changed. The frame audit stops GDB inside this syscall to read pt_regs;
 * this report is what is left to see when the kernel's frame is wrong but
 * the process survives it. rcx must come back as the return rip and r11
 * as the flags (SYSCALL and SYSRET define them); rax is the result. */
#include "ulib.h"

#define NR_PROBE 39                     /* getpid */

static const char *const names[] = {
        "rbx", "rbp", "r12", "r13", "r14", "r15", "rdi", "rsi", "rdx",
        "r10", "r8", "r9", "rcx", "r11", "rflags",
};
#define NREGS (sizeof(names) / sizeof(names[0]))

long frame_probe(long nr, unsigned long *before, unsigned long *after);
extern char frame_probe_syscall[];

int main(void)
{
        unsigned long before[NREGS], after[NREGS + 1], want;
        int changed = 0;

        long ret = frame_probe(NR_PROBE, before, after);
        for (size_t i = 0; i < NREGS; i++) {
                want = before[i];
                if (i == 12)                    /* rcx: SYSCALL's return rip */
                        want = (unsigned long)frame_probe_syscall + 2;
                else if (i == 13)               /* r11: the flags */
                        want = before[14];
                if (after[i] == want)
                        continue;
                printf("frameprobe: syscall %d: %s changed: before %#lx, after %#lx\n",
                       NR_PROBE, names[i], want, after[i]);
                changed++;
        }
        printf("frameprobe: syscall %d returned %ld, %d register(s) changed\n",
               NR_PROBE, ret, changed);
        return changed != 0;
}
