/* libcstart - what an ordinary C library (musl, glibc) asks of the kernel
 * before and around main(), as Linux answers it: the auxiliary vector on
 * the initial stack, the FS base for its thread pointer (per task, across
 * a context switch), the thread id, raise() through tkill, stdio through
 * writev and a terminal query, the SSE registers (per task), mprotect,
 * madvise, mremap up to TASK_SIZE_MAX, sigaltstack with SA_ONSTACK, and
 * ioperm with the root it needs (setresuid drops it).
 * Linux's own x86 selftests (make selftests) need each of these. One line
 * per check, "ok" or "FAIL"; exit 0 only if every line is ok. */
#include "ulib.h"
#include "uapi/time.h"

#define PAGE            4096UL
#define TASK_SIZE_MAX   ((1UL << 47) - PAGE)
#define RW              (PROT_READ | PROT_WRITE)
#define ANON            (MAP_PRIVATE | MAP_ANONYMOUS)
#define AT_PHDR         3
#define AT_PHNUM        5
#define AT_PAGESZ       6
#define AT_ENTRY        9
#define AT_HWCAP        16
#define AT_SECURE       23
#define AT_RANDOM       25
#define AT_EXECFN       31
#define ARCH_SET_FS     0x1002
#define ARCH_GET_FS     0x1003
#define TIOCGWINSZ      0x5413
#define MADV_DONTNEED   4
#define MREMAP_MAYMOVE  1
#define MREMAP_FIXED    2
#define SS_ONSTACK      1

static int failures;

#define say(ok, fmt, ...) do { int ok_ = (ok); failures += !ok_; \
        printf("libcstart: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

extern char _start[];

static unsigned long getauxval(char **envp, unsigned long type)
{
        while (*envp)
                envp++;
        for (unsigned long *a = (unsigned long *)(envp + 1); a[0]; a += 2)
                if (a[0] == type)
                        return a[1];
        return 0;
}

static void check_auxv(char **argv, char **envp)
{
        const unsigned int *phdr = (const unsigned int *)getauxval(envp, AT_PHDR);
        const unsigned char *rnd = (const unsigned char *)getauxval(envp, AT_RANDOM);
        const char *execfn = (const char *)getauxval(envp, AT_EXECFN);
        int nonzero = 0;

        for (int i = 0; rnd && i < 16; i++)
                nonzero |= rnd[i];
        say(getauxval(envp, AT_PAGESZ) == PAGE && getauxval(envp, AT_ENTRY) == (unsigned long)_start &&
            getauxval(envp, AT_SECURE) == 0 && (getauxval(envp, AT_HWCAP) & (1 << 25)),
            "auxv: AT_PAGESZ=%lu AT_ENTRY=%#lx AT_SECURE=%lu AT_HWCAP has SSE=%d",
            getauxval(envp, AT_PAGESZ), getauxval(envp, AT_ENTRY), getauxval(envp, AT_SECURE),
            !!(getauxval(envp, AT_HWCAP) & (1 << 25)));
        /* the first program header of a static ELF: PT_LOAD (1) */
        say(phdr && getauxval(envp, AT_PHNUM) >= 1 && phdr[0] == 1,
            "auxv: AT_PHDR=%p AT_PHNUM=%lu, first type %u", (void *)phdr,
            getauxval(envp, AT_PHNUM), phdr ? phdr[0] : 0);
        say(rnd && nonzero && execfn && !strcmp(execfn, argv[0]),
            "auxv: AT_RANDOM has 16 bytes (nonzero=%d), AT_EXECFN=%s", nonzero, execfn ? execfn : "-");
}

static unsigned long fs_word(void)
{
        unsigned long v;
        __asm__ volatile("mov %%fs:0, %0" : "=r"(v));
        return v;
}

/* The parent's FS base survives a child that sets its own and runs */
static void check_fs_base(void)
{
        static unsigned long parent_tls[2] = { 0x1111 }, child_tls[2] = { 0x2222 };
        unsigned long got = 0;
        int status;

        long r = syscall2(__NR_arch_prctl, ARCH_SET_FS, parent_tls);
        syscall2(__NR_arch_prctl, ARCH_GET_FS, &got);
        say(r == 0 && got == (unsigned long)parent_tls && fs_word() == 0x1111,
            "arch_prctl: SET_FS -> %ld, GET_FS matches=%d, %%fs:0=%#lx", r,
            got == (unsigned long)parent_tls, fs_word());
        long pid = fork();
        if (pid == 0) {
                int inherited = fs_word() == 0x1111;
                syscall2(__NR_arch_prctl, ARCH_SET_FS, child_tls);
                sched_yield();
                exit(inherited && fs_word() == 0x2222 ? 0 : 1);
        }
        sched_yield();
        waitpid(pid, &status, 0);
        say(fs_word() == 0x1111 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
            "arch_prctl: after a child with its own FS base ran, %%fs:0=%#lx, child status=%#x",
            fs_word(), status);
        r = syscall2(__NR_arch_prctl, ARCH_SET_FS, 1UL << 47);
        say(r == -EPERM, "arch_prctl: SET_FS to 2^47 -> %ld", r);
        r = syscall2(__NR_arch_prctl, 0x9999, 0);
        say(r == -EINVAL, "arch_prctl: unknown option -> %ld", r);
}

static volatile int usr1_seen;
static volatile unsigned long handler_sp;
static volatile int handler_ss_flags, handler_uc_flags;
static volatile long handler_change;

static void on_usr1(int sig, siginfo_t *info, void *uc)
{
        unsigned long sp;
        __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
        handler_sp = sp;
        /* uc_stack says where the interrupted code ran (not on it);
         * sigaltstack now says the handler runs on it, and refuses a
         * change while it does */
        handler_uc_flags = ((struct ucontext *)uc)->uc_stack.ss_flags;
        stack_t cur, off = { .ss_flags = SS_DISABLE };
        syscall2(__NR_sigaltstack, NULL, &cur);
        handler_ss_flags = cur.ss_flags;
        handler_change = syscall2(__NR_sigaltstack, &off, NULL);
        usr1_seen = info->si_code;
}

static void check_tid(void)
{
        long tid = syscall0(__NR_gettid);
        long r = syscall1(__NR_set_tid_address, &usr1_seen);

        say(tid == getpid() && r == tid, "gettid=%ld set_tid_address=%ld getpid=%ld", tid, r, getpid());
        sethandler(SIGUSR1, on_usr1, 0);
        r = syscall2(__NR_tkill, tid, SIGUSR1);
        say(r == 0 && usr1_seen == -6, "tkill(self, SIGUSR1) -> %ld, si_code=%d (SI_TKILL)", r, usr1_seen);
        usr1_seen = 0;
        r = syscall3(__NR_tgkill, tid, tid, SIGUSR1);
        long bad = syscall3(__NR_tgkill, tid + 1000, tid, SIGUSR1);
        say(r == 0 && usr1_seen == -6 && bad == -ESRCH, "tgkill -> %ld, wrong tgid -> %ld", r, bad);

        /* Linux's orders: no such task before a bad signal, a zombie takes
         * a signal to no effect, a bad action pointer before a bad number */
        long child = fork();
        if (child == 0)
                exit(0);
        struct timespec wait = { 0, 20000000 };         /* until it is a zombie */
        syscall2(__NR_nanosleep, &wait, NULL);
        long zombie = syscall2(__NR_tkill, child, SIGUSR1);
        waitpid(child, NULL, 0);
        long none = syscall2(__NR_tkill, 30000, 99);
        long act = syscall4(__NR_rt_sigaction, 0, 8, 0, sizeof(sigset_t));
        say(zombie == 0 && none == -ESRCH && act == -EFAULT,
            "tkill of a zombie -> %ld, of no task with signal 99 -> %ld; rt_sigaction(0, bad pointer) -> %ld",
            zombie, none, act);
        none = syscall2(__NR_kill, 30000, 99);
        bad = syscall2(__NR_kill, getpid(), 99);
        long group = syscall2(__NR_kill, 0, 99);
        say(none == -ESRCH && bad == -EINVAL && group == -EINVAL,
            "kill of no process with signal 99 -> %ld, of itself -> %ld, of its group -> %ld",
            none, bad, group);
}

struct iovec {
        const void *base;
        size_t len;
};

static void check_stdio(void)
{
        struct iovec v[3] = { { "libcstart: writev ", 18 }, { "in three ", 9 }, { "pieces\n", 7 } };
        long n = syscall3(__NR_writev, 1, v, 3);
        unsigned short ws[4];

        say(n == 34, "writev returned %ld", n);
        long r = syscall3(__NR_ioctl, 1, TIOCGWINSZ, ws);
        long bad = syscall3(__NR_ioctl, 7, TIOCGWINSZ, ws);
        say(r == -ENOTTY && bad == -EBADF, "ioctl(1, TIOCGWINSZ) -> %ld, fd 7 -> %ld", r, bad);
}

/* xmm0 keeps its value while a child that writes its own runs */
static void check_sse(void)
{
        unsigned long mine[2] = { 0x0123456789abcdefUL, 0xfedcba9876543210UL }, got[2];
        int status;

        __asm__ volatile("movdqu %0, %%xmm0" :: "m"(mine));
        long pid = fork();
        if (pid == 0) {
                unsigned long other[2] = { 1, 2 };
                __asm__ volatile("movdqu %0, %%xmm0" :: "m"(other));
                sched_yield();
                exit(0);
        }
        sched_yield();
        waitpid(pid, &status, 0);
        __asm__ volatile("movdqu %%xmm0, %0" : "=m"(got));
        say(got[0] == mine[0] && got[1] == mine[1], "sse: xmm0 across a child's run = %#lx %#lx",
            got[0], got[1]);
}

static void check_memory(void)
{
        char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
        p[0] = 'a';
        p[PAGE] = 'b';
        long r1 = syscall3(__NR_mprotect, p, PAGE, PROT_NONE);
        long r2 = syscall3(__NR_mprotect, p, PAGE, RW);
        long e1 = syscall3(__NR_mprotect, p + 1, PAGE, RW);
        long e2 = syscall3(__NR_mprotect, p, 4 * PAGE, RW);
        say(r1 == 0 && r2 == 0 && p[0] == 'a' && e1 == -EINVAL && e2 == -ENOMEM,
            "mprotect: NONE -> %ld, back to RW -> %ld, kept '%c', unaligned -> %ld, hole -> %ld",
            r1, r2, p[0], e1, e2);
        long r3 = syscall3(__NR_madvise, p + PAGE, PAGE, MADV_DONTNEED);
        say(r3 == 0 && p[PAGE] == 0, "madvise(MADV_DONTNEED) -> %ld, reads %d", r3, p[PAGE]);
        long sem = syscall3(__NR_mprotect, p, PAGE, RW | 0x8);          /* PROT_SEM */
        long none = syscall3(__NR_mprotect, p, 0, 0x100);
        long odd = syscall3(__NR_madvise, p, PAGE, 999);
        say(sem == 0 && none == 0 && odd == -EINVAL,
            "mprotect with PROT_SEM -> %ld, of no bytes with a bad prot -> %ld; madvise(999) -> %ld",
            sem, none, odd);
        /* the highest page user space has, and the one above it */
        unsigned long top = TASK_SIZE_MAX - PAGE;
        long m = syscall6(__NR_mremap, (long)p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, top, 0);
        long above = syscall6(__NR_mremap, (long)top, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
                              TASK_SIZE_MAX, 0);
        say(m == (long)top && *(char *)top == 'a' && above == -EINVAL,
            "mremap: to %#lx -> %#lx, moved '%c'; to 2^47 - 4096 -> %ld", top, m,
            m == (long)top ? *(char *)top : '-', above);
        munmap((void *)top, PAGE);
        munmap(p, 2 * PAGE);
}

/* SS_AUTODISARM: each delivery disarms the stack for its handler, and
 * rt_sigreturn puts it back (uc_stack), so every handler runs on it */
#define SS_AUTODISARM (1U << 31)
static volatile unsigned long disarm_sp[2];
static volatile int disarm_flags[2], disarm_n;
static void on_usr2(int sig, siginfo_t *info, void *uc)
{
        unsigned long sp;
        stack_t cur;
        __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
        syscall2(__NR_sigaltstack, NULL, &cur);
        if (disarm_n < 2) {
                disarm_sp[disarm_n] = sp;
                disarm_flags[disarm_n] = cur.ss_flags;
                disarm_n++;
        }
}

static void check_autodisarm(char *alt)
{
        stack_t ss = { .ss_sp = alt, .ss_size = 4 * PAGE, .ss_flags = SS_AUTODISARM }, after;
        long r = syscall2(__NR_sigaltstack, &ss, NULL);
        int on[2];

        sethandler(SIGUSR2, on_usr2, SA_ONSTACK);
        kill(getpid(), SIGUSR2);
        kill(getpid(), SIGUSR2);
        syscall2(__NR_sigaltstack, NULL, &after);
        for (int i = 0; i < 2; i++)
                on[i] = disarm_sp[i] - (unsigned long)alt < 4 * PAGE;
        say(r == 0 && disarm_n == 2 && on[0] && on[1] && disarm_flags[0] == SS_DISABLE &&
            disarm_flags[1] == SS_DISABLE && after.ss_sp == alt && after.ss_flags == (int)SS_AUTODISARM,
            "SS_AUTODISARM -> %ld: both handlers on it=%d,%d, disarmed while they run=%d, back after=%d",
            r, on[0], on[1], disarm_flags[0] == SS_DISABLE && disarm_flags[1] == SS_DISABLE,
            after.ss_sp == alt && after.ss_flags == (int)SS_AUTODISARM);
        stack_t off = { .ss_flags = SS_DISABLE };
        syscall2(__NR_sigaltstack, &off, NULL);
}

static void check_sigaltstack(void)
{
        char *alt = mmap(NULL, 4 * PAGE, RW, ANON, -1, 0);
        stack_t ss = { .ss_sp = alt, .ss_size = 4 * PAGE }, old;

        long r = syscall2(__NR_sigaltstack, &ss, NULL);
        stack_t small = { .ss_sp = alt, .ss_size = 100 };
        long e = syscall2(__NR_sigaltstack, &small, NULL);
        sethandler(SIGUSR1, on_usr1, SA_ONSTACK);
        kill(getpid(), SIGUSR1);
        syscall2(__NR_sigaltstack, NULL, &old);
        say(r == 0 && e == -ENOMEM && handler_sp >= (unsigned long)alt &&
            handler_sp < (unsigned long)alt + 4 * PAGE && handler_ss_flags == SS_ONSTACK &&
            handler_uc_flags == 0 && handler_change == -EPERM && old.ss_sp == alt && old.ss_flags == 0,
            "sigaltstack -> %ld, too small -> %ld, SA_ONSTACK handler on it=%d (flags %d, uc_stack %d, "
            "change -> %ld)", r, e, handler_sp - (unsigned long)alt < 4 * PAGE, handler_ss_flags,
            handler_uc_flags, handler_change);
        check_autodisarm(alt);
}

/* ioperm: a port allowed in the TSS bitmap, kept by a fork child; a range
 * past port 65535 refused. (A port still denied would kill the program
 * with SIGSEGV: the test's verdict.) */
static void check_ioperm(void)
{
        int status;
        /* a process without ports, after a child of its own had one and
         * exited: the port is refused again (SIGSEGV), none leaks */
        long leak = fork();
        if (leak == 0) {
                long y = fork();
                if (y == 0) {
                        syscall3(__NR_ioperm, 0x80, 1, 1);
                        exit(0);
                }
                waitpid(y, &status, 0);
                __asm__ volatile("outb %%al, $0x80" :: "a"(0));
                exit(0);
        }
        waitpid(leak, &status, 0);
        say(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
            "ioperm: after a child with ports exited, its parent's outb: status=%#x", status);
        long r = syscall3(__NR_ioperm, 0x80, 1, 1);

        __asm__ volatile("outb %%al, $0x80" :: "a"(0));
        long pid = fork();
        if (pid == 0) {
                __asm__ volatile("outb %%al, $0x80" :: "a"(0));
                exit(0);
        }
        waitpid(pid, &status, 0);
        long bad = syscall3(__NR_ioperm, 65535, 2, 1);
        long off = syscall3(__NR_ioperm, 0x80, 1, 0);
        say(r == 0 && status == 0 && bad == -EINVAL && off == 0,
            "ioperm(0x80, 1, 1) -> %ld, outb to 0x80 worked, in a fork child: status=%#x; past 65535 -> %ld",
            r, status, bad);
}

/* A child that drops root (setresuid) loses CAP_SYS_RAWIO: ioperm and a
 * higher IOPL are refused, turning ports off and iopl(0) still work, and
 * root cannot be taken back */
static void check_cred(void)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                long drop = syscall3(__NR_setresuid, 1, 1, 1);
                long on = syscall3(__NR_ioperm, 0x80, 1, 1);
                long off = syscall3(__NR_ioperm, 0x80, 1, 0);
                long up = syscall1(__NR_iopl, 3);
                long same = syscall1(__NR_iopl, 0);
                long back = syscall3(__NR_setresuid, 0, 0, 0);
                exit(drop == 0 && syscall0(__NR_geteuid) == 1 && on == -EPERM && off == 0 &&
                     up == -EPERM && same == 0 && back == -EPERM ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        say(status == 0 && syscall0(__NR_getuid) == 0,
            "setresuid(1, 1, 1) in a child: ioperm on -> -EPERM, off -> 0, iopl(3) -> -EPERM, iopl(0) -> 0, "
            "root again -> -EPERM: status=%#x",
            status);
}

int main(int argc, char **argv, char **envp)
{
        check_auxv(argv, envp);
        check_fs_base();
        check_tid();
        check_stdio();
        check_sse();
        check_memory();
        check_sigaltstack();
        check_ioperm();
        check_cred();
        printf("libcstart: %d failure(s)\n", failures);
        return failures != 0;
}
