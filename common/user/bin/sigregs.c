/* sigregs - rt_sigreturn restores exactly what the frame says, and takes
 * nothing from it that would give user space privilege (Linux selftests
 * sigreturn, and the sigreturn checks of entry_from_vm86's kin).
 *
 * sigregs.asm loads every register with a pattern and executes ud2; the
 * SIGILL handler checks the sigcontext (each register, rip, rsp, rflags,
 * trapno, siginfo) and rewrites every register, rip and rflags. After
 * sigreturn the asm captures the registers again. Four rounds:
 *  - honest: the frame as the handler wrote it comes back;
 *  - hostile: kernel CS and SS, IOPL 3, NT and IF clear. rt_sigreturn
 *    takes cs and ss at RPL 3 and the user flags only; the IRET refuses
 *    the kernel's code segment, and the task gets SIGSEGV (#GP) at the
 *    rip it asked for, in user mode, with no privileged flag. Its handler
 *    puts the user segments back, and the registers arrive as planted;
 *  - badss: the user's cs, an LDT selector (0x2f) as ss, rcx = rip and
 *    r11 = rflags: the frame vouches for its ss (UC_STRICT_RESTORE_SS),
 *    so it is kept, and the IRET refuses it (no LDT): SIGSEGV at rip, as
 *    a SYSRET, which loads __USER_DS, could not give;
 *  - compat: __USER32_CS (0x23), rip at a ud2 and rcx = rip, r11 = rflags
 *    (a frame SYSRET could return through but for its cs): the ud2 must
 *    trap in 32-bit mode, and sigreturn from there back to 64-bit code;
 *    that frame does not vouch for its ss, so the kernel's (0x1b) written
 *    into it comes back as __USER_DS (Linux's force_valid_ss). */
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
extern char sig_trap_insn[], sig_resume[], compat_ud2[], compat_stack_top[];
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
#define USER32_CS       0x23
#define USER_DS         0x2b
#define USER_CS         0x33
#define KERNEL_CS       0x10
#define KERNEL_DS       0x18
#define LDT_SS          0x2f            /* LDT entry 5, RPL 3: no LDT here */
#define SI_KERNEL       0x80
#define RCX             2               /* in names[] and sigcontext_reg */
#define R11             10

static enum { HONEST, HOSTILE, BADSS, COMPAT } round;
static const char *const round_names[] = { "honest", "hostile", "badss", "compat" };
static int failures;
static struct regset seen;              /* the sigcontext, in regset order */
static volatile unsigned long seen_ip, handler_flags, seen_trapno, seen_addr;
static volatile int seen_signo, seen_code;
/* the second trap of a round: a refused frame's SIGSEGV (hostile,
 * badss), the compat ud2's SIGILL */
static struct sigcontext second;
static volatile unsigned long second_uc_flags;
static volatile int second_signo, second_code, traps;

/* every register the pattern OUT, rip at sig_resume, on the program's own
 * stack, as 64-bit user code */
static void plant_out(struct sigcontext *sc)
{
        for (int i = 0; i < NREGS; i++)
                *sigcontext_reg(sc, i) = OUT(i);
        sc->ip = (unsigned long)sig_resume;
        sc->sp = sig_saved_rsp;
        sc->flags = OUT_FLAGS;
        sc->cs = USER_CS;
        sc->ss = USER_DS;
}

static void first_trap(struct sigcontext *sc, siginfo_t *si)
{
        handler_flags = __builtin_ia32_readeflags_u64();
        for (int i = 0; i < NREGS; i++)
                seen.r[i] = *sigcontext_reg(sc, i);
        seen.flags = sc->flags & ~RF;
        seen.rsp = sc->sp;
        seen.cs = sc->cs;
        seen.ss = sc->ss;
        seen_ip = sc->ip;
        seen_trapno = sc->trapno;
        seen_signo = si->si_signo;
        seen_code = si->si_code;
        seen_addr = (unsigned long)si->si_addr;
        plant_out(sc);
        if (round == HOSTILE) {
                sc->cs = KERNEL_CS;
                sc->ss = KERNEL_DS;
                sc->flags = (OUT_FLAGS | HOSTILE_BITS) & ~0x200UL;
        } else if (round == BADSS) {
                sc->ss = LDT_SS;
                *sigcontext_reg(sc, RCX) = sc->ip;
                *sigcontext_reg(sc, R11) = OUT_FLAGS;
        } else if (round == COMPAT) {
                /* all SYSRET would need (rcx = rip, r11 = rflags, a user
                 * rip and ss, no TF or RF) but a 64-bit cs; the stack
                 * below 4 GiB, for the signal frame of the next trap */
                sc->ip = (unsigned long)compat_ud2;
                sc->cs = USER32_CS;
                sc->sp = (unsigned long)compat_stack_top;
                *sigcontext_reg(sc, RCX) = sc->ip;
                *sigcontext_reg(sc, R11) = OUT_FLAGS;
        }
}

/* what the second trap saw, then back to sig_resume as planned */
static void second_trap(struct sigcontext *sc, siginfo_t *si, struct ucontext *uc)
{
        second = *sc;
        second_uc_flags = uc->uc_flags;
        second_signo = si->si_signo;
        second_code = si->si_code;
        plant_out(sc);
        /* a frame made in 32-bit mode does not vouch for its ss */
        if (round == COMPAT && traps == 2 && second.cs == USER32_CS)
                sc->ss = KERNEL_DS | 3;         /* so force_valid_ss replaces it */
}

static void on_trap(int sig, siginfo_t *si, void *ctx)
{
        struct ucontext *uc = ctx;

        if (traps++ == 0)
                first_trap(&uc->uc_mcontext, si);
        else
                second_trap(&uc->uc_mcontext, si, uc);
}

static void show(const char *label, const struct regset *s, int ok)
{
        char line[600];
        int n = snprintf(line, sizeof(line), "sigregs: %s %s:", round_names[round], label);
        for (int i = 0; i < NREGS; i++)
                n += snprintf(line + n, sizeof(line) - n, " %s=%#lx", names[i], s->r[i]);
        snprintf(line + n, sizeof(line) - n, " rflags=%#lx cs=%#lx ss=%#lx", s->flags, s->cs, s->ss);
        printf("%s %s\n", line, ok ? "ok" : "FAIL");
        if (!ok)
                failures++;
}

/* a refused frame: #GP on the IRET, a user-mode fault at the rip asked
 * for (error code: the selector refused), with every register as planted,
 * cs and ss as asked at RPL 3 and the flags without IOPL or NT, IF set */
static void show_refused(unsigned long err, unsigned long cs, unsigned long ss)
{
        int regs_ok = 1;
        for (int i = 0; i < NREGS; i++) {
                unsigned long want = OUT(i);
                if (round == BADSS && i == RCX)
                        want = (unsigned long)sig_resume;
                else if (round == BADSS && i == R11)
                        want = OUT_FLAGS;
                regs_ok &= *sigcontext_reg(&second, i) == want;
        }
        int ok = traps == 2 && second_signo == SIGSEGV && second_code == SI_KERNEL &&
                 second.trapno == 13 && second.err == err && second.ip == (unsigned long)sig_resume &&
                 second.cs == cs && second.ss == ss && (second.flags & ~RF) == OUT_FLAGS && regs_ok;
        printf("sigregs: %s frame refused: traps=%d signo=%d code=%#x trapno=%lu err=%#lx "
               "rip_is_resume=%d cs=%#x ss=%#x rflags=%#lx regs_ok=%d %s\n", round_names[round], traps,
               second_signo, second_code, second.trapno, second.err, second.ip == (unsigned long)sig_resume,
               second.cs, second.ss, second.flags & ~RF, regs_ok, ok ? "ok" : "FAIL");
        failures += !ok;
}

/* the compat frame: its ud2 trapped in 32-bit mode, and that frame does
 * not vouch for its ss (UC_SIGCONTEXT_SS alone) */
static void show_compat(void)
{
        int ok = traps == 2 && second_signo == SIGILL && second.cs == USER32_CS &&
                 second.ip == (unsigned long)compat_ud2 && second_uc_flags == 0x2;
        printf("sigregs: compat ud2 trapped: traps=%d signo=%d cs=%#x rip_is_compat_ud2=%d uc_flags=%#lx %s\n",
               traps, second_signo, second.cs, second.ip == (unsigned long)compat_ud2, second_uc_flags,
               ok ? "ok" : "FAIL");
        failures += !ok;
}

static void round_trip(void)
{
        struct regset in = { .flags = IN_FLAGS }, out;
        for (int i = 0; i < NREGS; i++)
                in.r[i] = IN(i);
        memset(&out, 0, sizeof(out));
        memset(&second, 0, sizeof(second));
        second_uc_flags = 0;
        second_signo = second_code = 0;
        traps = 0;
        sig_roundtrip(&in, &out);

        int ok = seen.flags == IN_FLAGS && seen.cs == USER_CS && seen.ss == USER_DS;
        for (int i = 0; i < NREGS; i++)
                ok &= seen.r[i] == IN(i);
        show("handler saw", &seen, ok);
        /* rip at the ud2, rsp as it was there; the handler itself runs with
         * DF and TF clear */
        ok = seen_ip == (unsigned long)sig_trap_insn && seen.rsp == sig_saved_rsp &&
             !(handler_flags & 0x500) && seen_signo == SIGILL && seen_code == ILL_ILLOPN &&
             seen_addr == seen_ip && seen_trapno == 6;
        printf("sigregs: %s handler: rip_is_ud2=%d rsp_ok=%d handler_df_tf=%#lx signo=%d code=%d "
               "addr_is_rip=%d trapno=%lu %s\n", round_names[round],
               seen_ip == (unsigned long)sig_trap_insn, seen.rsp == sig_saved_rsp,
               handler_flags & 0x500, seen_signo, seen_code, seen_addr == seen_ip, seen_trapno,
               ok ? "ok" : "FAIL");
        failures += !ok;

        if (round == HOSTILE)
                show_refused(KERNEL_CS, KERNEL_CS | 3, KERNEL_DS | 3);
        else if (round == BADSS)
                show_refused(LDT_SS & ~3, USER_CS, LDT_SS);
        else if (round == COMPAT)
                show_compat();
        else if (traps != 1)
                printf("sigregs: honest: %d traps, not 1 FAIL\n", traps), failures++;
        ok = out.flags == OUT_FLAGS && out.cs == USER_CS && out.ss == USER_DS && out.rsp == sig_saved_rsp;
        for (int i = 0; i < NREGS; i++)
                ok &= out.r[i] == OUT(i);
        show("after sigreturn", &out, ok);
}

int main(void)
{
        sethandler(SIGILL, on_trap, 0);
        sethandler(SIGSEGV, on_trap, 0);
        for (round = HONEST; round <= COMPAT; round++)
                round_trip();
        printf("sigregs: %d failure(s)\n", failures);
        return failures != 0;
}
