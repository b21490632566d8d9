/* brk - the program break as Linux keeps it: brk(0) tells the break, which
 * starts at the page after the bss; growing maps zeroed, writable pages;
 * shrinking unmaps them; a refused request (below the start, into a
 * mapping or the page below it, past user space, more than memory holds)
 * returns the old break, never an error; a fork child has its own copy;
 * execve starts a new break. One line per check, "ok" or "FAIL"; exit 0
 * only if every line is ok. "brk: start=" gives the first break, which
 * the harness compares with the ELF's own program headers. */
#include "ulib.h"

#define PAGE            4096UL
#define RW              (PROT_READ | PROT_WRITE)

static int failures;

#define say(ok, fmt, ...) do { int ok_ = (ok); failures += !ok_; \
        printf("brk: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

static unsigned long brk(unsigned long addr)
{
        return syscall1(__NR_brk, addr);
}

/* an object of the bss: the break starts above it */
static char bss_tail[100];

/* 1 if a child touching p is killed by SIGSEGV (nothing mapped there) */
static int unmapped(unsigned long p)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                *(volatile char *)p = 1;
                exit(0);
        }
        waitpid(pid, &status, 0);
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static int all_zero(unsigned long p, unsigned long n)
{
        for (unsigned long i = 0; i < n; i++)
                if (((volatile char *)p)[i])
                        return 0;
        return 1;
}

static void check_grow_shrink(unsigned long start)
{
        unsigned long want = start + 3 * PAGE + 100;
        unsigned long got = brk(want);

        /* the whole last page is the heap's: the break is exact, its pages rounded */
        int zero = got == want && all_zero(start, 4 * PAGE);
        if (got == want)
                memset((void *)start, 0x5a, 4 * PAGE);
        say(got == want && brk(0) == want && zero && !unmapped(start + 3 * PAGE) &&
            unmapped(start + 4 * PAGE),
            "grow to start+3 pages+100 -> +%#lx, brk(0) -> +%#lx, 4 zeroed writable pages, none above",
            got - start, brk(0) - start);
        got = brk(start + PAGE);
        say(got == start + PAGE && unmapped(start + PAGE) && !unmapped(start),
            "shrink to start+1 page -> +%#lx, the pages above it unmapped", got - start);
        got = brk(start + 3 * PAGE);
        say(got == start + 3 * PAGE && all_zero(start + PAGE, 2 * PAGE) &&
            *(volatile char *)start == 0x5a,
            "grow again to start+3 pages -> +%#lx: new pages zeroed, the kept one kept", got - start);
}

/* each refused request leaves the break where it was and returns it */
static void check_refused(unsigned long start)
{
        unsigned long cur = brk(0);
        unsigned long below = brk(start - PAGE);
        unsigned long top = brk(1UL << 47);
        unsigned long huge = brk(cur + (512UL << 20));          /* the kit has 128 MiB */

        say(below == cur && top == cur && huge == cur && brk(0) == cur && unmapped(cur),
            "below the start -> cur+%ld, at 2^47 -> cur+%ld, +512 MiB -> cur+%ld: the old break",
            (long)(below - cur), (long)(top - cur), (long)(huge - cur));

        /* a mapping 3 pages above the break: the heap may grow to one page
         * below it, not into that page (Linux's gap against the next mapping) */
        unsigned long map = cur + 3 * PAGE;
        void *m = mmap((void *)map, PAGE, RW, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        unsigned long into = brk(map + PAGE);
        unsigned long gap = brk(map - PAGE + 1);
        unsigned long upto = brk(map - PAGE);
        say((unsigned long)m == map && into == cur && gap == cur && upto == map - PAGE,
            "mapping at cur+3 pages: brk into it -> cur+%ld, into the page below it -> cur+%ld, "
            "up to that page -> cur+%ld", (long)(into - cur), (long)(gap - cur), (long)(upto - cur));
        munmap(m, PAGE);
        brk(cur);
}

/* a fork child has its own break and heap; execve gives a new one */
static void check_fork_exec(char *self)
{
        unsigned long cur = brk(0);
        int status;

        *(volatile char *)(cur - 1) = 'p';
        long pid = fork();
        if (pid == 0) {
                int same = brk(0) == cur && *(volatile char *)(cur - 1) == 'p';
                *(volatile char *)(cur - 1) = 'c';
                if (!same || brk(cur + 5 * PAGE) != cur + 5 * PAGE)
                        exit(1);
                char *argv[] = { self, "exec", NULL }, *envp[] = { NULL };
                execve(self, argv, envp);
                exit(2);
        }
        waitpid(pid, &status, 0);
        say(WIFEXITED(status) && WEXITSTATUS(status) == 0 && brk(0) == cur &&
            *(volatile char *)(cur - 1) == 'p' && unmapped(cur),
            "fork child: same break and heap, grows its own, then execve: status=%#x; parent's "
            "break and heap unchanged", status);
}

/* the image execve started: a new break with no heap above it (the
 * harness checks that it is the first image's start again) */
static int after_exec(void)
{
        unsigned long b = brk(0);
        int ok = !(b & (PAGE - 1)) && unmapped(b);

        printf("brk: after execve, brk(0)=%#lx, nothing mapped there %s\n", b, ok ? "ok" : "FAIL");
        return !ok;
}

int main(int argc, char **argv)
{
        if (argc > 1 && !strcmp(argv[1], "exec"))
                return after_exec();
        unsigned long start = brk(0);
        bss_tail[0] = 1;
        printf("brk: start=%#lx\n", start);
        say(!(start & (PAGE - 1)) && start >= (unsigned long)(bss_tail + sizeof(bss_tail)) &&
            unmapped(start),
            "brk(0) -> a page boundary above the bss (bss_tail+%#lx), nothing mapped there",
            start - (unsigned long)bss_tail);
        check_grow_shrink(start);
        check_refused(start);
        check_fork_exec(argv[0]);
        printf("brk: %d failure(s)\n", failures);
        return failures != 0;
}
