/* init.c - /init of make bench-linux's initramfs: times getpid on a real
 * Linux under the same QEMU, icount and cost plugin as the labs.
 *
 * Static, no libc (gcc -nostdlib -static): Linux's syscall ABI directly.
 * Prints "linux: getpid <rdtsc per call>" on the console, then leaves QEMU
 * through isa-debug-exit (iopl(3), outb to 0xf4: status 1 = all well), or
 * powers off if port I/O is refused. The SYSCALL in the timed loop is
 * labelled bench_site_getpid, as in the kit's bench program. */
#define NR_write        1
#define NR_getpid       39
#define NR_exit         60
#define NR_reboot       169
#define NR_iopl         172
#define BATCHES 5
#define CALLS   2000

static long sys3(long nr, long a, long b, long c)
{
        long ret;
        __asm__ volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c)
                         : "rcx", "r11", "memory");
        return ret;
}

static unsigned long rdtsc(void)
{
        unsigned lo, hi;
        __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
        return ((unsigned long)hi << 32) | lo;
}

static unsigned long loop(unsigned long calls)
{
        unsigned long t0 = rdtsc();
        __asm__ volatile("1:\n\t"
                         "movl %1, %%eax\n\t"
                         ".globl bench_site_getpid\n"
                         "bench_site_getpid:\n\t"
                         "syscall\n\t"
                         "decq %0\n\t"
                         "jnz 1b"
                         : "+r"(calls) : "i"(NR_getpid) : "rax", "rcx", "r11", "memory");
        return rdtsc() - t0;
}

static char *put(char *p, unsigned long v)
{
        char d[24];
        int n = 0;
        do
                d[n++] = (char)('0' + v % 10);
        while (v /= 10);
        while (n)
                *p++ = d[--n];
        return p;
}

void _start(void)
{
        char line[64] = "linux: getpid ", *p = line + 14;
        unsigned long best = ~0UL;

        for (int i = 0; i < BATCHES; i++) {
                unsigned long t = loop(CALLS);
                if (t < best)
                        best = t;
        }
        p = put(p, best / CALLS);
        *p++ = '.';
        p = put(p, best * 10 / CALLS % 10);
        *p++ = '\n';
        sys3(NR_write, 1, (long)line, p - line);

        if (sys3(NR_iopl, 3, 0, 0) == 0)
                __asm__ volatile("outb %b0, %w1" : : "a"(0), "Nd"(0xf4));
        /* LINUX_REBOOT_MAGIC1, MAGIC2, LINUX_REBOOT_CMD_POWER_OFF */
        sys3(NR_reboot, 0xfee1dead, 672274793, 0x4321fedc);
        for (;;)
                sys3(NR_exit, 0, 0, 0);
}
