/* mmap - anonymous mappings as Linux makes them: zeroed pages,
 * top-down below the stack, the hint, MAP_FIXED (replacing) and
 * MAP_FIXED_NOREPLACE, each protection enforced by the MMU, a private copy
 * in a fork child, MAP_SHARED pages written by a child and a grandchild
 * for their parent, munmap (and its TLB entry gone), and Linux's errors in
 * Linux's order, with the 5th and 6th arguments (r8, r9) reaching the
 * kernel. Each line says what was seen and "ok" or "FAIL"; the program
 * exits 0 only if every line is ok. */
#include "ulib.h"
#include "uapi/sysinfo.h"

#define PAGE            4096UL
#define TASK_SIZE_MAX   ((1UL << 47) - PAGE)
#define MMAP_BASE       (TASK_SIZE_MAX - (128UL << 20))        /* Linux's, unrandomized */
#define RW              (PROT_READ | PROT_WRITE)
#define ANON            (MAP_PRIVATE | MAP_ANONYMOUS)

static int failures;

static void verdict(int ok)
{
        if (!ok)
                failures++;
}
#define say(ok, fmt, ...) do { int ok_ = (ok); verdict(ok_); \
        printf("mmap: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

static long map(unsigned long addr, unsigned long len, int prot, int flags)
{
        return (long)mmap((void *)addr, len, prot, flags, -1, 0);
}

/* a result that must be exactly want (an error, mostly) */
static void expect(const char *what, long got, long want)
{
        say(got == want, "%s = %ld", what, got);
}

static int all_bytes(const char *p, unsigned long n, char c)
{
        for (unsigned long i = 0; i < n; i++)
                if (p[i] != c)
                        return 0;
        return 1;
}

/* Probes: 0 if the access went through, 1 if it faulted. The SIGSEGV
 * handler resumes at probe_fault, which returns 1 from the probe (for
 * probe_exec through the return address its CALL pushed). */
int probe_read(const void *p);
int probe_write(void *p);
int probe_exec(const void *p);
extern char probe_fault[];
__asm__(".text\n"
        "probe_read:\n"
        "        xorl %eax, %eax\n"
        "        movb (%rdi), %cl\n"
        "        ret\n"
        "probe_write:\n"
        "        xorl %eax, %eax\n"
        "        movb $1, (%rdi)\n"
        "        ret\n"
        "probe_exec:\n"
        "        xorl %eax, %eax\n"
        "        call *%rdi\n"
        "        ret\n"
        "probe_fault:\n"
        "        movl $1, %eax\n"
        "        ret\n");

static volatile int fault_code;         /* si_code of the last probe's fault */

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
        fault_code = si->si_code;
        ((struct ucontext *)ctx)->uc_mcontext.ip = (unsigned long)probe_fault;
}

/* the probe with the handler installed for it alone: children forked
 * elsewhere must die of their faults */
static int probe(int (*fn)(const void *), const void *p)
{
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sethandler(SIGSEGV, on_segv, 0);
        int faulted = fn(p);
        sigaction(SIGSEGV, &dfl, NULL);
        return faulted;
}
#define READS(p)        (!probe(probe_read, (p)))
#define WRITES(p)       (!probe((int (*)(const void *))probe_write, (p)))
#define EXECUTES(p)     (!probe(probe_exec, (p)))

/* the wait status of a child that writes to p (killed: SIGSEGV) */
static int child_writes(char *p)
{
        int status;
        long pid = fork();
        if (pid == 0) {
                *(volatile char *)p = 1;
                exit(0);
        }
        waitpid(pid, &status, 0);
        return status;
}

static void first_mappings(void)
{
        char *p = (char *)map(0, 3 * PAGE, RW, ANON);
        int zero = (long)p > 0 && all_bytes(p, 3 * PAGE, 0), written = 0;
        if (zero) {
                memset(p, 0x5a, 3 * PAGE);
                written = all_bytes(p, 3 * PAGE, 0x5a);
        }
        int top = p + 3 * PAGE == (char *)MMAP_BASE;   /* just below mmap_base */
        say(zero && written && top, "anonymous: 3 pages zeroed=%d writable=%d end_is_mmap_base=%d",
            zero, written, top);
        int below = map(0, PAGE, RW, ANON) == (long)p - (long)PAGE;
        say(below, "top-down: the next one just below=%d", below);
}

/* the arguments in r8 and r9 reach the kernel, and Linux's order of
 * checks: the offset first, then the fd, then the length */
/* Anonymous MAP_SHARED: a fork child and a grandchild write the shared
 * page and their parent reads it; the private page beside it stays the
 * parent's; the page outlives the child that unmapped it */
static void check_shared(void)
{
        char *s = (char *)map(0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS);
        char *p = (char *)map(0, PAGE, RW, ANON);
        int status, zero = (long)s > 0 && all_bytes(s, PAGE, 0);

        if ((long)s < 0 || (long)p < 0) {
                say(0, "anonymous MAP_SHARED = %ld", (long)s);
                return;
        }
        long pid = fork();
        if (pid == 0) {
                s[0] = 'c';
                p[0] = 'c';
                if (fork() == 0) {
                        s[1] = 'g';
                        exit(0);
                }
                wait4(-1, &status, 0, NULL);
                munmap(s, PAGE);
                exit(0);
        }
        waitpid(pid, &status, 0);
        say(zero && s[0] == 'c' && s[1] == 'g' && p[0] == 0 && status == 0,
            "anonymous MAP_SHARED: zeroed, a child's and a grandchild's writes seen: %c%c, the private "
            "page's not: %d", s[0], s[1], p[0]);
        munmap(s, PAGE);
        munmap(p, PAGE);
}

static void arguments(void)
{
        long r1 = (long)mmap(NULL, PAGE, RW, ANON, -1, 1);
        long r2 = (long)mmap(NULL, PAGE, RW, ANON, -1, PAGE);
        say(r1 == -EINVAL && r2 > 0 && !(r2 & (PAGE - 1)),
            "offset (6th argument): off=1 -> %ld, off=4096 -> page=%d", r1,
            r2 > 0 && !(r2 & (PAGE - 1)));
        long f5 = (long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 5, 0);
        long a5 = (long)mmap(NULL, PAGE, RW, ANON, 5, 0);
        say(f5 == -EBADF && a5 > 0, "fd (5th argument): fd=5 file -> %ld, fd=5 anonymous -> page=%d",
            f5, a5 > 0);
        expect("file fd=-1", (long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), -EBADF);
        expect("file fd=0 (console)", (long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 0, 0), -ENODEV);
        expect("file fd=1 shared (console)", (long)mmap(NULL, PAGE, RW, MAP_SHARED, 1, 0), -ENODEV);
        expect("file fd=2 no type", (long)mmap(NULL, PAGE, PROT_READ, 0, 2, 0), -EINVAL);
        expect("off=1 before fd=5", (long)mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 5, 1), -EINVAL);
        expect("fd=5 before len=0", (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE, 5, 0), -EBADF);
        expect("len=0", map(0, 0, RW, ANON), -EINVAL);
        expect("len wraps when rounded", map(0, -1UL, RW, ANON), -ENOMEM);
        expect("len=2^47", map(0, 1UL << 47, RW, ANON), -ENOMEM);
        expect("anonymous no type", map(0, PAGE, RW, MAP_ANONYMOUS), -EINVAL);
        expect("anonymous MAP_SHARED_VALIDATE", map(0, PAGE, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS),
               -EINVAL);
        check_shared();
}

/* nothing at or above TASK_SIZE_MAX (the page below 2^47 included), nor
 * below mmap_min_addr */
static void fixed_limits(void)
{
        expect("MAP_FIXED unaligned", map(0x600000000123, PAGE, RW, ANON | MAP_FIXED), -EINVAL);
        expect("MAP_FIXED at the last page below 2^47", map(TASK_SIZE_MAX, PAGE, RW, ANON | MAP_FIXED),
               -ENOMEM);
        expect("MAP_FIXED across it", map(TASK_SIZE_MAX - PAGE, 2 * PAGE, RW, ANON | MAP_FIXED),
               -ENOMEM);
        expect("MAP_FIXED at 2^47", map(1UL << 47, PAGE, RW, ANON | MAP_FIXED), -ENOMEM);
        expect("MAP_FIXED at a kernel address", map(0xffffffff80000000UL, PAGE, RW, ANON | MAP_FIXED),
               -ENOMEM);
        expect("MAP_FIXED below mmap_min_addr", map(0x1000, PAGE, RW, ANON | MAP_FIXED), -EPERM);
        expect("MAP_FIXED_NOREPLACE at 2^47", map(1UL << 47, PAGE, RW, ANON | MAP_FIXED_NOREPLACE),
               -ENOMEM);
}

static void hints(void)
{
        long h = 0x600000000000;
        long a = map(h, 2 * PAGE, RW, ANON);
        long b = map(h + PAGE, PAGE, RW, ANON);         /* taken: placed elsewhere */
        long c = map(0x610000000123, PAGE, RW, ANON);    /* rounded down */
        long d = map(0x1000, PAGE, RW, ANON);            /* raised to mmap_min_addr */
        long e = map(TASK_SIZE_MAX, PAGE, RW, ANON);     /* out of range: ignored */
        int moved = b > 0 && (b + (long)PAGE <= h || b >= h + 2 * (long)PAGE);
        int ignored = e > 0 && e < (long)MMAP_BASE;
        say(a == h && moved && c == 0x610000000000 && d == 0x10000 && ignored,
            "hint: free=%d taken_moves=%d rounded=%d low_raised=%d beyond_ignored=%d", a == h,
            moved, c == 0x610000000000, d == 0x10000, ignored);
}

static void fixed_replaces(void)
{
        char *p = (char *)map(0, 3 * PAGE, RW, ANON);
        memset(p, 0x11, 3 * PAGE);
        long r = map((unsigned long)p + PAGE, PAGE, RW, ANON | MAP_FIXED);
        int fresh = r == (long)p + (long)PAGE && all_bytes(p + PAGE, PAGE, 0);
        int kept = all_bytes(p, PAGE, 0x11) && all_bytes(p + 2 * PAGE, PAGE, 0x11);
        /* replaced by a read-only page: the writable TLB entry went too */
        long ro = map((unsigned long)p, PAGE, PROT_READ, ANON | MAP_FIXED);
        int now_ro = ro == (long)p && READS(p) && !WRITES(p) && p[0] == 0;
        say(fresh && kept && now_ro, "MAP_FIXED replaces: fresh=%d neighbours_kept=%d read_only_now=%d",
            fresh, kept, now_ro);
        long n1 = map((unsigned long)p + PAGE, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
        long n2 = map(0x630000000000, PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
        say(n1 == -EEXIST && n2 == 0x630000000000,
            "MAP_FIXED_NOREPLACE: over a mapping -> %ld, where free -> placed=%d", n1,
            n2 == 0x630000000000);
}

static void protections(void)
{
        sigset_t set = 0;
        char *r = (char *)map(0, PAGE, PROT_READ, ANON);
        int reads = READS(r) && r[0] == 0, writes = WRITES(r), status = child_writes(r);
        long kernel = sigprocmask(SIG_BLOCK, &set, (void *)r);   /* the kernel may not write either */
        say(reads && !writes && kernel == -EFAULT && status == SIGSEGV,
            "PROT_READ: reads=%d writes=%d kernel_write=%ld child_write_status=%#x", reads, writes,
            kernel, status);
        char *w = (char *)map(0, PAGE, PROT_WRITE, ANON);
        reads = READS(w);
        writes = WRITES(w);
        say(reads && writes, "PROT_WRITE (reads too, as on x86 Linux): reads=%d writes=%d", reads, writes);
        char *x = (char *)map(0, PAGE, RW, ANON);
        char *y = (char *)map(0, PAGE, RW | PROT_EXEC, ANON);
        x[0] = y[0] = (char)0xc3;                       /* ret */
        int without = EXECUTES(x), with = EXECUTES(y);
        say(!without && with, "PROT_EXEC: runs_without=%d runs_with=%d (NX)", without, with);
}

/* PROT_NONE reserves the range: no access (a fault on a mapping, not on
 * a hole: SEGV_ACCERR), but the addresses are taken (by the next mmap, by
 * MAP_FIXED_NOREPLACE, in a fork child too) until munmap or MAP_FIXED */
static void prot_none(void)
{
        char *n = (char *)map(0, 2 * PAGE, PROT_NONE, ANON);
        int no_access = (long)n > 0 && !READS(n) && fault_code == SEGV_ACCERR && !WRITES(n + PAGE) &&
                        write(1, n, 1) == -EFAULT;
        int below = map(0, PAGE, RW, ANON) == (long)n - (long)PAGE;
        long taken = map((unsigned long)n, PAGE, RW, ANON | MAP_FIXED_NOREPLACE);
        int status;
        long pid = fork();
        if (pid == 0)
                exit(map((unsigned long)n + PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE) == -EEXIST ? 0 : 1);
        waitpid(pid, &status, 0);
        say(no_access && below && taken == -EEXIST && status == 0,
            "PROT_NONE: no_access=%d next_below=%d noreplace=%ld in_child_status=%#x", no_access,
            below, taken, status);
        long f = map((unsigned long)n + PAGE, PAGE, RW, ANON | MAP_FIXED);
        int inside = f == (long)n + (long)PAGE && READS(n + PAGE) && WRITES(n + PAGE) && !READS(n);
        long u = munmap(n, 2 * PAGE);
        int again = map((unsigned long)n, 2 * PAGE, RW, ANON | MAP_FIXED_NOREPLACE) == (long)n;
        say(inside && u == 0 && again, "PROT_NONE then MAP_FIXED inside=%d, munmap=%ld, free again=%d",
            inside, u, again);
}

/* fork copies the pages: the child sees the parent's bytes, and its own
 * writes stay its own */
static void fork_copy(void)
{
        char *p = (char *)map(0, 2 * PAGE, RW, ANON);
        memset(p, 0x5a, 2 * PAGE);
        int status;
        long pid = fork();
        if (pid == 0) {
                int same = all_bytes(p, 2 * PAGE, 0x5a);
                memset(p, 0xa5, 2 * PAGE);
                exit(same && all_bytes(p, 2 * PAGE, (char)0xa5) ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        int unchanged = all_bytes(p, 2 * PAGE, 0x5a);
        say(status == 0 && unchanged, "fork: child_saw_parent_bytes_and_wrote_its_own=%d parent_unchanged=%d",
            status == 0, unchanged);
}

static void unmapping(void)
{
        char *p = (char *)map(0, 3 * PAGE, RW, ANON);
        memset(p, 0x33, 3 * PAGE);
        long u = munmap(p + PAGE, PAGE);
        int status = child_writes(p + PAGE);
        int neighbours = READS(p) && READS(p + 2 * PAGE);
        say(u == 0 && status == SIGSEGV && neighbours,
            "munmap: middle page -> %ld, child touching it status=%#x, neighbours=%d", u, status,
            neighbours);

        /* the page's TLB entry goes with it: after munmap, the same
         * address must fault, even once its old frame is mapped again
         * (elsewhere) and written */
        char *t = (char *)map(0, PAGE, RW, ANON);
        t[0] = 0x44;
        munmap(t, PAGE);
        char *o = (char *)map(0x620000000000, PAGE, RW, ANON);
        o[0] = 0x77;
        int gone = !READS(t) && fault_code == SEGV_MAPERR;
        say(gone, "munmap: the old address faults, SEGV_MAPERR (TLB flushed)=%d", gone);

        expect("munmap unaligned", munmap(p + 1, PAGE), -EINVAL);
        expect("munmap len=0", munmap(p, 0), -EINVAL);
        expect("munmap at the last page below 2^47", munmap((void *)TASK_SIZE_MAX, PAGE), -EINVAL);
        expect("munmap past TASK_SIZE_MAX", munmap((void *)(TASK_SIZE_MAX - PAGE), 2 * PAGE), -EINVAL);
        expect("munmap of nothing", munmap((void *)0x10000000000, PAGE), 0);
        expect("munmap of 1 TiB of nothing", munmap((void *)0x10000000000, 1UL << 40), 0);
}

/* the bytes sysinfo says are free (0 if it fails) */
static unsigned long free_bytes(void)
{
        struct sysinfo si;
        return sysinfo(&si) ? 0 : si.freeram * si.mem_unit;
}

/* The most page-table pages a mapping of len bytes can add: a page table
 * per 2 MiB and a page directory per 1 GiB, one more of each where it
 * straddles, and a PDPT. munmap leaves them, empty, until the process
 * exits (Linux's munmap frees them: free_pgtables). */
static unsigned long table_bytes(unsigned long len)
{
        return ((len >> 21) + 2 + (len >> 30) + 2 + 1) * PAGE;
}

/* More than the machine has: -ENOMEM at once (Linux's overcommit
 * heuristic). More than is free but within the machine: -ENOMEM when the
 * pages run out part way, and every page mapped by then comes back (all
 * but the page tables that are kept). */
static void out_of_memory(void)
{
        long big = map(0, 1UL << 30, RW, ANON);
        unsigned long before = free_bytes();
        long over = map(0, before + PAGE, RW, ANON);
        unsigned long after = free_bytes();
        int back = before && after <= before && before - after <= table_bytes(before + PAGE);
        long mid = map(0, 32UL << 20, RW, ANON);
        int ok = mid > 0 && munmap((void *)mid, 32UL << 20) == 0;
        long big2 = map(0, 1UL << 30, RW, ANON);
        say(big == -ENOMEM && over == -ENOMEM && back && ok && big2 == -ENOMEM,
            "out of memory: 1 GiB -> %ld, all that is free and a page -> %ld (every page back: %d), "
            "then 32 MiB ok=%d, 1 GiB again -> %ld", big, over, back, ok, big2);
}

int main(void)
{
        first_mappings();
        arguments();
        fixed_limits();
        hints();
        fixed_replaces();
        protections();
        prot_none();
        fork_copy();
        unmapping();
        out_of_memory();
        printf("mmap: %d failure(s)\n", failures);
        return failures != 0;
}
