/* sigfault - each exception from user mode reaches a handler as Linux
 * delivers it: the signal, si_code and si_addr of its siginfo, and
 * trapno, err, cr2 and rip in the sigcontext (rip at the faulting
 * instruction for a fault, after it for a trap). Each case prints what
 * the handler saw; addresses near the instruction are printed relative to
 * it ("insn+N"). */
#include "ulib.h"

#define CASE(name) void fault_##name(void *arg); extern char fault_##name##_insn[];
CASE(de) CASE(ud) CASE(bp) CASE(gp) CASE(pf_read) CASE(pf_write) CASE(pf_kernel)
CASE(pf_exec) CASE(db)
extern char fault_resume[];

static const int read_only = 1;
static char data_page[64] __attribute__((aligned(16)));

struct seen {
        int hits, signo, code;
        unsigned long addr, trapno, err, cr2, ip, flags;
};
static volatile struct seen seen;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;
        seen.hits++;
        seen.signo = si->si_signo;
        seen.code = si->si_code;
        seen.addr = (unsigned long)si->si_addr;
        seen.trapno = sc->trapno;
        seen.err = sc->err;
        seen.cr2 = sc->cr2;
        seen.ip = sc->ip;
        seen.flags = sc->flags;
        sc->ip = (unsigned long)fault_resume;
        sc->flags &= ~0x100UL;                  /* stop single-stepping */
}

static unsigned long ro, dp;

/* addresses of this program by name, so that the output does not depend on
 * the link */
static const char *where(unsigned long a, unsigned long insn)
{
        static char buf[3][32];
        static int n;
        char *b = buf[n++ % 3];
        if (a == ro)
                return "read_only";
        if (a == dp)
                return "data_page";
        if (a >= insn && a <= insn + 16)
                snprintf(b, 32, "insn+%lu", a - insn);
        else
                snprintf(b, 32, "%#lx", a);
        return b;
}

static int failures;

static void run(const char *name, void (*fn)(void *), void *arg, char *insn,
                int signo, int code, unsigned long addr, unsigned long trapno,
                unsigned long err, unsigned long cr2, long ip_off)
{
        unsigned long i = (unsigned long)insn;
        memset((void *)&seen, 0, sizeof(seen));
        fn(arg);
        int ok = seen.hits == 1 && seen.signo == signo && seen.code == code &&
                 seen.addr == addr && seen.trapno == trapno && seen.err == err &&
                 seen.cr2 == cr2 && seen.ip == i + ip_off;
        failures += !ok;
        printf("sigfault: %s: signo=%d code=%#x addr=%s trapno=%lu err=%#lx cr2=%s rip=%s %s\n",
               name, seen.signo, seen.code, where(seen.addr, i), seen.trapno, seen.err,
               where(seen.cr2, i), where(seen.ip, i), ok ? "ok" : "FAIL");
}

int main(void)
{
        static const int sigs[] = { SIGFPE, SIGILL, SIGTRAP, SIGSEGV };
        for (size_t s = 0; s < sizeof(sigs) / sizeof(sigs[0]); s++)
                sethandler(sigs[s], on_fault, 0);
        ro = (unsigned long)&read_only, dp = (unsigned long)data_page;
        unsigned long k = 0xffffffff80100000UL;
        char *i;

        /* cr2 keeps the last #PF's address: only the #PF cases check it */
        i = fault_de_insn;
        run("de", fault_de, 0, i, SIGFPE, FPE_INTDIV, (unsigned long)i, 0, 0, 0, 0);
        i = fault_ud_insn;
        run("ud", fault_ud, 0, i, SIGILL, ILL_ILLOPN, (unsigned long)i, 6, 0, 0, 0);
        i = fault_bp_insn;
        run("bp", fault_bp, 0, i, SIGTRAP, SI_KERNEL, 0, 3, 0, 0, 1);
        i = fault_gp_insn;
        run("gp", fault_gp, 0, i, SIGSEGV, SI_KERNEL, 0, 13, 0, 0, 0);
        i = fault_pf_read_insn;
        run("pf-read", fault_pf_read, 0, i, SIGSEGV, SEGV_MAPERR, 0x10, 14, 4, 0x10, 0);
        i = fault_pf_write_insn;
        run("pf-write", fault_pf_write, bad_pointer(ro), i, SIGSEGV, SEGV_ACCERR, ro, 14, 7, ro, 0);
        i = fault_pf_kernel_insn;
        run("pf-kernel", fault_pf_kernel, 0, i, SIGSEGV, SEGV_MAPERR, k, 14, 5, k, 0);
        i = fault_pf_exec_insn;
        run("pf-exec", fault_pf_exec, bad_pointer(dp), (char *)dp, SIGSEGV, SEGV_ACCERR, dp, 14,
            0x15, dp, 0);
        i = fault_db_insn;
        run("db", fault_db, 0, i, SIGTRAP, TRAP_TRACE, (unsigned long)i + 1, 1, 0, dp, 1);
        printf("sigfault: %d failure(s)\n", failures);
        return failures != 0;
}
