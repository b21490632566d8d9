/* sigregs - rt_sigreturn restores exactly what the frame says, and takes
 * nothing from it that would give user space privilege (Linux selftests
 * sigreturn, and the sigreturn checks of entry_from_vm86's kin).
 *
 * sigregs.asm loads every register with a pattern and executes ud2; the
 * SIGILL handler checks the sigcontext (each register, rip, rsp, rflags,
 * trapno, siginfo) and rewrites every register, rip and rflags. After
 * sigreturn the asm captures the registers again. Twice: once honestly,
 * once with a hostile frame (kernel CS and SS, IOPL 3, NT, IF clear),
 * which must come back as plain user state. */
#include "ulib.h"

#define NREGS 15
struct regset {
        unsigned long r[NREGS];         /* rax rbx rcx rdx rsi rdi rbp r8-r15 */
        unsigned long flags, rsp, cs, ss;
};
static const char *const names[NREGS] = {
        "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

void sig_roundtrip(const struct regset *in, struct regset *out);
extern char sig_trap_insn[], sig_resume[];
extern unsigned long sig_saved_rsp;

#define IN(i)   (0xa1a2a3a4a5a6a700UL + (i))
#define OUT(i)  (0x5152535455565700UL + (i))
/* in: every arithmetic flag, DF and AC; out: CF, OF, AC */
#define IN_FLAGS        0x40ed7UL
#define OUT_FLAGS       0x40a03UL
#define HOSTILE_BITS    0x7000UL        /* IOPL 3 and NT */
/* RF is the CPU's word, not the program's: a fault's frame (ud2's #UD) has
 * it set on hardware, under KVM and on QEMU 9.1 and later, and clear on
 * QEMU 7.2, which did not set it */
#define RF              0x10000UL

static int failures, hostile;
static struct regset seen;              /* the sigcontext, in regset order */
static volatile unsigned long seen_ip, handler_flags, seen_trapno, seen_addr;
static volatile int seen_signo, seen_code;

static void on_sigill(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;

        handler_flags = __builtin_ia32_readeflags_u64();
        for (int i = 0; i < NREGS; i++) {
                seen.r[i] = *sigcontext_reg(sc, i);
                *sigcontext_reg(sc, i) = OUT(i);
        }
        seen.flags = sc->flags & ~RF;
        seen.rsp = sc->sp;
        seen.cs = sc->cs;
        seen.ss = sc->ss;
        seen_ip = sc->ip;
        seen_trapno = sc->trapno;
        seen_signo = si->si_signo;
        seen_code = si->si_code;
        seen_addr = (unsigned long)si->si_addr;
        sc->ip = (unsigned long)sig_resume;
        sc->flags = OUT_FLAGS;
        if (hostile) {
                sc->cs = 0x10;                  /* __KERNEL_CS */
                sc->ss = 0x18;                  /* __KERNEL_DS */
                sc->flags = (OUT_FLAGS | HOSTILE_BITS) & ~0x200UL;
        }
}

static void show(const char *label, const struct regset *s, int ok)
{
        char line[600];
        int n = snprintf(line, sizeof(line), "sigregs: %s %s:", hostile ? "hostile" : "honest", label);
        for (int i = 0; i < NREGS; i++)
                n += snprintf(line + n, sizeof(line) - n, " %s=%#lx", names[i], s->r[i]);
        snprintf(line + n, sizeof(line) - n, " rflags=%#lx cs=%#lx ss=%#lx", s->flags, s->cs, s->ss);
        printf("%s %s\n", line, ok ? "ok" : "FAIL");
        if (!ok)
                failures++;
}

static void round_trip(void)
{
        struct regset in = { .flags = IN_FLAGS }, out;
        for (int i = 0; i < NREGS; i++)
                in.r[i] = IN(i);
        memset(&out, 0, sizeof(out));
        sig_roundtrip(&in, &out);

        int ok = seen.flags == IN_FLAGS && seen.cs == 0x33 && seen.ss == 0x2b;
        for (int i = 0; i < NREGS; i++)
                ok &= seen.r[i] == IN(i);
        show("handler saw", &seen, ok);
        /* rip at the ud2, rsp as it was there; the handler itself runs with
         * DF and TF clear */
        ok = seen_ip == (unsigned long)sig_trap_insn && seen.rsp == sig_saved_rsp &&
             !(handler_flags & 0x500) && seen_signo == SIGILL && seen_code == ILL_ILLOPN &&
             seen_addr == seen_ip && seen_trapno == 6;
        printf("sigregs: %s handler: rip_is_ud2=%d rsp_ok=%d handler_df_tf=%#lx signo=%d code=%d "
               "addr_is_rip=%d trapno=%lu %s\n", hostile ? "hostile" : "honest",
               seen_ip == (unsigned long)sig_trap_insn, seen.rsp == sig_saved_rsp,
               handler_flags & 0x500, seen_signo, seen_code, seen_addr == seen_ip, seen_trapno,
               ok ? "ok" : "FAIL");
        failures += !ok;

        ok = out.flags == OUT_FLAGS && out.cs == 0x33 && out.ss == 0x2b && out.rsp == sig_saved_rsp;
        for (int i = 0; i < NREGS; i++)
                ok &= out.r[i] == OUT(i);
        show("after sigreturn", &out, ok);
}

int main(void)
{
        sethandler(SIGILL, on_sigill, 0);
        round_trip();
        hostile = 1;
        round_trip();
        printf("sigregs: %d failure(s)\n", failures);
        return failures != 0;
}
