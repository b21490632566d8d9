/* iopl - the I/O privilege level (Linux selftest iopl): iopl(3) lets user
 * space use I/O ports (outb to 0x80, the POST port nobody listens to); at
 * IOPL 0 the same outb is a #GP: SIGSEGV. A fork child inherits IOPL,
 * execve resets it. "iopl exec-check" is the program execve'd. */
#include "ulib.h"

static volatile int segvs;
static volatile unsigned long trapno;
static void on_segv(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;
        segvs++;
        trapno = sc->trapno;
        sc->ip += 2;                    /* skip the 2-byte "outb %al, $0x80" */
}

/* 1 if outb worked, 0 if it raised SIGSEGV */
static int try_outb(void)
{
        segvs = 0;
        __asm__ volatile("outb %%al, $0x80" :: "a"(0) : "memory");
        return segvs == 0;
}

static unsigned long iopl_bits(void)
{
        return (__builtin_ia32_readeflags_u64() >> 12) & 3;
}

int main(int argc, char **argv)
{
        int failures = 0, status;

        sethandler(SIGSEGV, on_segv, 0);
        if (argc > 1) {                 /* after execve: IOPL 0 again */
                int works = try_outb();
                printf("iopl: after execve: iopl=%lu outb=%s\n", iopl_bits(),
                       works ? "works" : "SIGSEGV");
                return works;
        }
        int at0 = try_outb();
        unsigned long t0 = trapno;
        long e = iopl(4);
        long r3 = iopl(3);
        unsigned long level = iopl_bits();
        int at3 = try_outb();
        int ok = !at0 && t0 == 13 && e == -EINVAL && r3 == 0 && level == 3 && at3;
        failures += !ok;
        printf("iopl: iopl0_outb=%s trapno=%lu iopl(4)=%ld iopl(3)=%ld level=%lu iopl3_outb=%s %s\n",
               at0 ? "works" : "SIGSEGV", t0, e, r3, level, at3 ? "works" : "SIGSEGV",
               ok ? "ok" : "FAIL");

        long pid = fork();
        if (pid == 0)
                exit(iopl_bits() == 3 && try_outb() ? 0 : 1);
        waitpid(pid, &status, 0);
        ok = status == 0;
        failures += !ok;
        printf("iopl: fork child inherits: status=%#x %s\n", status, ok ? "ok" : "FAIL");

        pid = fork();
        if (pid == 0) {
                char *args[] = { "/bin/iopl", "exec-check", NULL }, *env[] = { NULL };
                execve(args[0], args, env);
                exit(2);
        }
        waitpid(pid, &status, 0);
        ok = status == 0;
        failures += !ok;
        printf("iopl: execve resets: status=%#x %s\n", status, ok ? "ok" : "FAIL");

        long r0 = iopl(0);
        at0 = try_outb();
        ok = r0 == 0 && iopl_bits() == 0 && !at0;
        failures += !ok;
        printf("iopl: back to 0: iopl(0)=%ld outb=%s %s\n", r0, at0 ? "works" : "SIGSEGV",
               ok ? "ok" : "FAIL");
        printf("iopl: %d failure(s)\n", failures);
        return failures != 0;
}
