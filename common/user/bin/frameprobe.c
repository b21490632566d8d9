/* frameprobe - a getpid and an mmap with a distinct value in every register (see
 * frameprobe.asm), then a report of every register SYSCALL gave back
 * changed. The frame audit stops GDB inside these syscalls to read pt_regs;
 * this report is what is left to see when the kernel's frame is wrong but
 * the process survives it. rcx must come back as the return rip and r11
 * as the flags (SYSCALL and SYSRET define them); rax is the result. */
#include "ulib.h"

/* getpid twice (the first return after execve is by IRET in every lab,
 * the second takes the lab's fast exit), then mmap: its six arguments are the patterns (a bad hint and
 * length: it fails), so that GDB can read them at sys_mmap */
static const long probes[] = { 39, 39, 9 };

static const char *const names[] = {
        "rbx", "rbp", "r12", "r13", "r14", "r15", "rdi", "rsi", "rdx",
        "r10", "r8", "r9", "rcx", "r11", "rflags",
};
#define NREGS (sizeof(names) / sizeof(names[0]))

long frame_probe(long nr, unsigned long *before, unsigned long *after);
extern char frame_probe_syscall[];

/* probe NR: one syscall; prints each register it gave back changed */
static int probe(long nr)
{
        unsigned long before[NREGS], after[NREGS + 1], want;
        long ret = frame_probe(nr, before, after);
        int changed = 0;

        for (size_t i = 0; i < NREGS; i++) {
                want = before[i];
                if (i == 12)                    /* rcx: SYSCALL's return rip */
                        want = (unsigned long)frame_probe_syscall + 2;
                else if (i == 13)               /* r11: the flags */
                        want = before[14];
                if (after[i] == want)
                        continue;
                printf("frameprobe: syscall %ld: %s changed: before %#lx, after %#lx\n",
                       nr, names[i], want, after[i]);
                changed++;
        }
        printf("frameprobe: syscall %ld returned %ld, %d register(s) changed\n",
               nr, ret, changed);
        return changed;
}

int main(void)
{
        int changed = 0;

        for (size_t p = 0; p < sizeof(probes) / sizeof(probes[0]); p++)
                changed += probe(probes[p]);
        return changed != 0;
}
