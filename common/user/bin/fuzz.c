/* fuzz - hostile syscalls and sigreturns, checked register by register
 * (the kit's small trinity; `make fuzz`, grading/lib/fuzz).
 *
 * SEED=n and COUNT=n come from the kernel command line (init passes its
 * environment on); the same seed gives the same rounds and the same
 * output. Each round is one of:
 *   - a syscall from a weighted mix (cheap ones, unserved, out of range,
 *     negative, junk above bit 31, pointer syscalls given bad pointers,
 *     fork) with every register and the user flags random, TF in a share
 *     of rounds. After it only rax, rcx and r11 may differ: rcx = the
 *     return rip, r11 = the rflags set, rax a result that syscall may
 *     give; no register may hold a kernel address it did not hold.
 *   - an rt_sigreturn to a frame rewritten with random registers, rip
 *     (canonical or not), cs, ss, flags (IOPL, NT, TF, RF, VM) and rsp,
 *     in a forked child per batch: the task must land in user mode with
 *     exactly the registers asked for (cs and ss at RPL 3) and no
 *     privileged flag, or get the SIGSEGV Linux would give at that rip
 *     (the IRET refusing a segment, or the CPU the rip).
 * A fork round's child runs a short fork/wait/ptrace/kill/execve script
 * with its parent; every wait is for something that will happen.
 * Violations print one line each; the last line is the verdict:
 *   fuzz: lab NN: N syscalls, M sigreturns, V violations (seed S, count C) */
#include <stdbool.h>
#include "trace.h"
#include "syscall_list.h"

enum { RAX, RBX, RCX, RDX, RSI, RDI, RBP, R8, R9, R10, R11, R12, R13, R14, R15, NGPR };
struct fuzz_regs {
        unsigned long r[NGPR];
        unsigned long flags, rsp, cs, ss;
};
extern struct fuzz_regs fuzz_in, fuzz_out;
extern unsigned long fuzz_sig_rsp, fuzz_saved_rsp;
extern char fuzz_after_syscall[], fuzz_sig_landing[], fuzz_sig_resume[];
long fuzz_syscall_run(void) __asm__("fuzz_syscall");      /* fuzz.asm */
void fuzz_sigreturn(void);

static const char *const reg_names[NGPR] = {
        "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

#define CF 0x1UL
#define PF 0x4UL
#define AF 0x10UL
#define ZF 0x40UL
#define SF 0x80UL
#define TF 0x100UL
#define IF 0x200UL
#define DF 0x400UL
#define OF 0x800UL
#define IOPL 0x3000UL
#define NT 0x4000UL
#define RF 0x10000UL
#define VM 0x20000UL
#define AC 0x40000UL
#define FIXED 0x2UL
/* what a round may set before SYSCALL (TF in a share of rounds) */
#define ROUND_FLAGS (CF | PF | AF | ZF | SF | DF | OF | NT | AC)
/* what rt_sigreturn takes from the frame (Linux's FIX_EFLAGS) */
#define SIGRETURN_FLAGS (CF | PF | AF | ZF | SF | TF | DF | OF | AC | RF)

#define USER32_CS 0x23
#define USER_CS 0x33
#define USER_DS 0x2b
#define KERNEL_HALF 0xffff800000000000UL
#define MAX_PRINTED 20                  /* violation lines per process */
#define SIG_BATCH 16                    /* sigreturns per forked child */

static unsigned long seed, rng, round_nr, violations, printed;
static long my_pid, my_ppid;
static unsigned long n_syscalls, n_sigreturns;

/* splitmix64: one 64-bit state, every value from it */
static unsigned long rnd(void)
{
        unsigned long z = (rng += 0x9e3779b97f4a7c15UL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
}
static unsigned long below(unsigned long n) { return rnd() % n; }

static bool canonical(unsigned long a) { return (unsigned long)((long)(a << 16) >> 16) == a; }
/* a kernel-half address, not one of the -errno values that share the half */
static bool kernel_addr(unsigned long v) { return v >= KERNEL_HALF && v < -4095UL; }

static void violation(const char *call, unsigned long nr, const char *what,
                      unsigned long want, unsigned long got)
{
        violations++;
        if (printed++ < MAX_PRINTED)
                printf("fuzz: VIOLATION seed=%lu round=%lu syscall=%s(%#lx) %s want=%#lx got=%#lx\n",
                       seed, round_nr, call, nr, what, want, got);
}

/* A register value: a mix of the shapes that catch slips */
static unsigned long rand_value(void)
{
        switch (below(8)) {
        case 0: return below(4096);
        case 1: return -below(4096);
        case 2: return 0x400000 + below(1 << 20);
        case 3: return KERNEL_HALF | rnd();
        case 4: return (1UL << 47) + below(1 << 20);
        case 5: return (1UL << 47) - 1 - below(1 << 13);
        case 6: return rnd() & 0xffffffffUL;
        default: return rnd();
        }
}

/* A pointer no syscall may use: NULL, kernel, non-canonical, unmapped */
static unsigned long bad_ptr(void)
{
        switch (below(6)) {
        case 0: return below(4096);
        case 1: return 0xffffffff80000000UL + below(1 << 24) * 8;
        case 2: return 0xffff888000000000UL + below(1 << 24) * 8;
        case 3: return (1UL << 63) | rnd();
        case 4: return (1UL << 47) - 1 - below(4096);           /* the empty top page */
        default: return 0x100000000000UL + (below(1 << 20) << 12);
        }
}

/* an int argument: the low 32 bits matter, junk above them must not */
static unsigned long int_arg(unsigned int v) { return (below(2) ? rnd() << 32 : 0) | v; }

/* ---- one syscall round ---- */

#define MAX_ALLOWED 4
struct call {
        const char *name;
        unsigned long nr;
        enum { ANY_ERRNO, ONE_OF, IS_PID, IS_PPID, MMAP } expect;
        long allowed[MAX_ALLOWED];
        int n_allowed;
        bool junk;                      /* high bits set: -ENOSYS allowed too */
};

static void allow(struct call *c, long v)
{
        c->expect = ONE_OF;
        c->allowed[c->n_allowed++] = v;
}

/* every number the kernel serves: the lists sys_call_table is built from */
#define SERVED(nr, fn) nr,
static const unsigned short served[] = { SYSCALLS(SERVED) PTREGS_SYSCALLS(SERVED) };
#undef SERVED

static bool is_served(unsigned long nr)
{
        for (size_t i = 0; i < sizeof(served) / sizeof(served[0]); i++)
                if (served[i] == nr)
                        return true;
        return false;
}

static void set_args(unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4,
                     unsigned long a5, unsigned long a6)
{
        fuzz_in.r[RDI] = a1;
        fuzz_in.r[RSI] = a2;
        fuzz_in.r[RDX] = a3;
        fuzz_in.r[R10] = a4;
        fuzz_in.r[R8] = a5;
        fuzz_in.r[R9] = a6;
}

/* syscalls that take no arguments, or none that matter; unserved numbers */
static void pick_cheap(struct call *c)
{
        switch (below(5)) {
        case 0: c->name = "getpid"; c->nr = __NR_getpid; c->expect = IS_PID; break;
        case 1: c->name = "getppid"; c->nr = __NR_getppid; c->expect = IS_PPID; break;
        case 2: c->name = "sched_yield"; c->nr = __NR_sched_yield; allow(c, 0); break;
        case 3:
                do
                        c->nr = below(NR_syscalls);
                while (is_served(c->nr));
                c->name = "unserved";
                allow(c, -ENOSYS);
                break;
        default:
                c->nr = NR_syscalls + below(0x80000000UL - NR_syscalls);
                c->name = "out_of_range";
                allow(c, -ENOSYS);
                break;
        }
}

/* syscalls that take pointers or ints, given bad pointers and junk */
static void pick_pointer(struct call *c)
{
        unsigned long p1 = below(2) ? 0 : bad_ptr(), p2 = below(2) ? 0 : bad_ptr();
        unsigned int fd;

        switch (below(10)) {
        case 0:
                c->name = "write"; c->nr = __NR_write;
                fd = below(2) ? 1 + below(2) : 3 + below(1000);
                set_args(int_arg(fd), bad_ptr(), below(2) ? 0 : 1 + below(300), 0, 0, 0);
                allow(c, fd > 2 ? -EBADF : fuzz_in.r[RDX] ? -EFAULT : 0);
                break;
        case 1:
                c->name = "rt_sigprocmask"; c->nr = __NR_rt_sigprocmask;
                set_args(int_arg(below(5)), p1, p2, below(2) ? 8 : rand_value(), 0, 0);
                allow(c, 0); allow(c, -EINVAL); allow(c, -EFAULT);
                break;
        case 2:
                c->name = "rt_sigaction"; c->nr = __NR_rt_sigaction;
                set_args(int_arg(below(70)), p1, p2, below(2) ? 8 : rand_value(), 0, 0);
                allow(c, 0); allow(c, -EINVAL); allow(c, -EFAULT);
                break;
        case 3:                         /* no children here: nothing to wait for */
                c->name = "wait4"; c->nr = __NR_wait4;
                set_args(int_arg(rnd()), p1, int_arg(below(2) ? WNOHANG : rnd()), p2, 0, 0);
                allow(c, -ECHILD); allow(c, -EINVAL); allow(c, -EFAULT);
                break;
        case 4:                         /* pids nobody has; or signal 0 to itself */
                c->name = "kill"; c->nr = __NR_kill;
                if (below(4)) {
                        set_args(int_arg(0x40000000 + below(1 << 29)), int_arg(below(80)), 0, 0, 0, 0);
                        allow(c, -ESRCH); allow(c, -EINVAL);
                } else {
                        set_args(int_arg(getpid()), int_arg(0), 0, 0, 0, 0);
                        allow(c, 0);
                }
                break;
        case 5:                         /* never MAP_FIXED: it could unmap us */
                c->name = "mmap"; c->nr = __NR_mmap;
                set_args(rand_value(), below(2) ? below(1 << 20) : rand_value(),
                         int_arg(below(2) ? below(8) : rnd()),
                         int_arg((below(2) ? MAP_PRIVATE | MAP_ANONYMOUS : rnd()) &
                                 ~(MAP_FIXED | MAP_FIXED_NOREPLACE)),
                         int_arg(rnd()), rand_value());
                c->expect = MMAP;
                break;
        case 6:                         /* addresses munmap must refuse */
                c->name = "munmap"; c->nr = __NR_munmap;
                set_args(below(2) ? bad_ptr() | KERNEL_HALF : 0x400001 + below(4095), rand_value(),
                         0, 0, 0, 0);
                allow(c, -EINVAL);
                break;
        case 7:                         /* not PR_SET_SECCOMP, not PR_SET_NO_NEW_PRIVS */
                c->name = "prctl"; c->nr = __NR_prctl;
                do
                        fd = below(2) ? below(64) : rnd();
                while (fd == PR_SET_SECCOMP || fd == PR_SET_NO_NEW_PRIVS);
                set_args(int_arg(fd), rand_value(), rand_value(), rand_value(), rand_value(), 0);
                allow(c, 0); allow(c, 1); allow(c, -EINVAL); allow(c, -EFAULT);
                break;
        case 8:                         /* not PTRACE_TRACEME; nobody we trace */
                c->name = "ptrace"; c->nr = __NR_ptrace;
                set_args(1 + below(below(2) ? 0x4210 : 0x7fffffff), int_arg(0x40000000 + below(1 << 29)),
                         bad_ptr(), bad_ptr(), 0, 0);
                c->expect = ANY_ERRNO;
                break;
        default:                        /* iopl(0) or a level out of range; seccomp's bad ops */
                if (below(2)) {
                        c->name = "iopl"; c->nr = __NR_iopl;
                        set_args(int_arg(below(2) ? 0 : 4 + below(0x7fffffff)), 0, 0, 0, 0, 0);
                        allow(c, (unsigned int)fuzz_in.r[RDI] ? -EINVAL : 0);
                        allow(c, -EPERM);
                } else {
                        c->name = "seccomp"; c->nr = __NR_seccomp;
                        set_args(int_arg(4 + below(0x7fffffff)), int_arg(rnd()), bad_ptr(), 0, 0, 0);
                        allow(c, -EINVAL); allow(c, -EFAULT);
                }
                break;
        }
}

static void pick_call(struct call *c)
{
        unsigned int kind = below(100);

        memset(c, 0, sizeof(*c));
        for (int i = 0; i < NGPR; i++)
                fuzz_in.r[i] = rand_value();
        if (kind < 45) {
                pick_cheap(c);
        } else if (kind < 55) {                 /* negative as an int */
                pick_cheap(c);
                c->name = "negative";
                c->nr = (below(2) ? 0xffffffff00000000UL : 0) | (0x80000000UL + below(0x80000000UL));
                c->n_allowed = 0;
                allow(c, -ENOSYS);
        } else if (kind < 65) {                 /* the number is an int: junk above */
                pick_cheap(c);
                c->nr |= (rnd() | 1) << 32;
                c->junk = true;
        } else {
                pick_pointer(c);
        }
        fuzz_in.r[RAX] = c->nr;
        fuzz_in.flags = FIXED | IF | (rnd() & ROUND_FLAGS) | (below(32) ? 0 : TF);
}

static bool result_ok(const struct call *c, long r)
{
        if (c->junk && r == -ENOSYS)
                return true;
        switch (c->expect) {
        case ANY_ERRNO: return r < 0 && r >= -4095;
        case IS_PID: return r == my_pid;
        case IS_PPID: return r == my_ppid;
        case MMAP:
                if (r < 0)
                        return r >= -4095;
                syscall2(__NR_munmap, r, fuzz_in.r[RSI]);
                return (r & 0xfff) == 0 && (unsigned long)r < (1UL << 47);
        default:
                for (int i = 0; i < c->n_allowed; i++)
                        if (r == c->allowed[i])
                                return true;
                return false;
        }
}

/* The registers after SYSCALL: only rax, rcx, r11 changed, and as the ABI
 * says; rax_ok: the result was checked already. */
static void check_syscall_regs(const struct call *c, bool rax_ok)
{
        const struct fuzz_regs *in = &fuzz_in, *out = &fuzz_out;
        char what[32];

        for (int i = 0; i < NGPR; i++) {
                if (out->r[i] == in->r[i] || !kernel_addr(out->r[i]))
                        continue;
                if (i == RAX && rax_ok)
                        continue;
                snprintf(what, sizeof(what), "reg=%s kernel-address", reg_names[i]);
                violation(c->name, c->nr, what, in->r[i], out->r[i]);
        }
        for (int i = 0; i < NGPR; i++) {
                if (i == RAX || i == RCX || i == R11 || out->r[i] == in->r[i])
                        continue;
                snprintf(what, sizeof(what), "reg=%s", reg_names[i]);
                violation(c->name, c->nr, what, in->r[i], out->r[i]);
        }
        if (out->r[RCX] != (unsigned long)fuzz_after_syscall)
                violation(c->name, c->nr, "reg=rcx", (unsigned long)fuzz_after_syscall, out->r[RCX]);
        if ((out->r[R11] & ~RF) != in->flags)
                violation(c->name, c->nr, "reg=r11", in->flags, out->r[R11]);
        if (out->flags != in->flags)
                violation(c->name, c->nr, "reg=rflags", in->flags, out->flags);
        if (out->rsp != fuzz_saved_rsp)
                violation(c->name, c->nr, "reg=rsp", fuzz_saved_rsp, out->rsp);
        if (out->cs != USER_CS || out->ss != USER_DS)
                violation(c->name, c->nr, "reg=cs:ss", USER_CS << 16 | USER_DS, out->cs << 16 | out->ss);
        if (!rax_ok)
                violation(c->name, c->nr, "reg=rax result", 0, out->r[RAX]);
}

static void syscall_round(void)
{
        struct call c;

        pick_call(&c);
        long r = fuzz_syscall_run();
        n_syscalls++;
        check_syscall_regs(&c, result_ok(&c, r));
}

/* ---- fork rounds: the child and its parent, in step ---- */

/* wait for the child: false (and the violation counted) unless its status
 * is want; an exit status of 100 + n is the child's own n violations,
 * already printed (the core-dump bit aside) */
static bool child_status(long pid, int want, const char *step)
{
        int status = 0;
        long got = waitpid(pid, &status, 0);

        if (got != pid)
                violation("wait4", __NR_wait4, step, pid, got);
        else if (WIFEXITED(status) && WEXITSTATUS(status) >= 100)
                violations += WEXITSTATUS(status) - 100;
        else if ((status & ~0x80) != want)
                violation("wait4", __NR_wait4, step, want, status);
        else
                return true;
        return false;
}

/* What the child does: chosen before fork, so both sides know the script */
enum script { EXIT, FATAL, STOP_CONT, STOP_KILL, STOP_STEP, BAD_EXECVE, NSCRIPTS };

static __attribute__((noreturn)) void child_run(enum script s, int code, int sig)
{
        long r;

        if (violations)                 /* the fork itself went wrong */
                exit(100 + (violations > 100 ? 100 : violations));
        switch (s) {
        case FATAL:
                kill(getpid(), sig);
                break;
        case STOP_CONT:
        case STOP_KILL:
        case STOP_STEP:
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                kill(getpid(), SIGSTOP);
                getppid();
                break;
        case BAD_EXECVE:
                r = syscall3(__NR_execve, bad_ptr(), bad_ptr(), bad_ptr());
                if (r != -EFAULT && r != -ENOENT)
                        violation("execve", __NR_execve, "reg=rax result", -EFAULT, r);
                break;
        default:
                break;
        }
        exit(violations ? 100 + (int)(violations > 100 ? 100 : violations) : code);
}

/* whatever went wrong, no child outlives its round */
static void reap(long pid)
{
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
}

static void parent_run(enum script s, long pid, int code, int sig)
{
        int status = 0;

        switch (s) {
        case FATAL:
                child_status(pid, sig, "status-after-fatal-signal");
                return;
        case STOP_CONT:
        case STOP_KILL:
        case STOP_STEP:
                if (!child_status(pid, SIGSTOP << 8 | 0x7f, "status-stopped"))
                        break;
                /* a second look finds nothing new, and does not sleep */
                if (waitpid(pid, &status, WNOHANG) != 0)
                        violation("wait4", __NR_wait4, "second-wait-not-empty", 0, status);
                if (s == STOP_KILL) {
                        kill(pid, SIGKILL);
                        child_status(pid, SIGKILL, "status-after-sigkill");
                        return;
                }
                /* the getppid: its entry and exit stops */
                for (int i = 0; s == STOP_STEP && i < 2; i++) {
                        ptrace(PTRACE_SYSCALL, pid, NULL, NULL);
                        if (!child_status(pid, SIGTRAP << 8 | 0x7f, "status-syscall-stop")) {
                                reap(pid);
                                return;
                        }
                }
                ptrace(PTRACE_CONT, pid, NULL, NULL);
                child_status(pid, code << 8, "status-exit");
                break;
        default:
                child_status(pid, code << 8, "status-exit");
                return;
        }
        reap(pid);              /* gone already, unless a step went wrong */
}

static void fork_round(void)
{
        struct call c = { .name = "fork", .nr = __NR_fork, .expect = ANY_ERRNO };
        enum script s = below(NSCRIPTS);
        int code = below(100);
        int sig = below(2) ? SIGSEGV : SIGTERM;

        for (int i = 0; i < NGPR; i++)
                fuzz_in.r[i] = rand_value();
        fuzz_in.r[RAX] = __NR_fork;
        fuzz_in.flags = FIXED | IF | (rnd() & ROUND_FLAGS);
        long pid = fuzz_syscall_run();
        n_syscalls++;
        if (pid == 0) {
                violations = 0;
                my_ppid = my_pid;
                my_pid = getpid();
                check_syscall_regs(&c, true);
                child_run(s, code, sig);
        }
        check_syscall_regs(&c, pid > 0 && pid < 0x400000);
        if (pid > 0 && pid < 0x400000)
                parent_run(s, pid, code, sig);
}

/* ---- sigreturn rounds, in a forked child per batch ---- */

static struct fuzz_regs want;           /* what the handler plants */
static unsigned long want_rip, want_cs, want_ss;
static struct sigcontext seen;          /* what the SIGSEGV handler found */
static volatile int segvs, traps, others, other_sig;
static bool in_batch;                   /* a sigreturn child: steps end at a landing */
static char scratch_stack[16384] __attribute__((aligned(16)));
#define SCRATCH_TOP ((unsigned long)scratch_stack + sizeof(scratch_stack))

static void plant(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;

        for (int i = 0; i < NGPR; i++)
                *sigcontext_reg(sc, i) = want.r[i];
        sc->ip = want_rip;
        sc->sp = want.rsp;
        sc->flags = want.flags;
        sc->cs = want_cs;
        sc->ss = want_ss;
}

/* rt_sigreturn takes cs and ss at RPL 3 (Linux): the frame lands with the
 * user's, or the IRET refuses them and the task gets SIGSEGV there */
static bool segments_ok(void)
{
        return (want_cs | 3) == USER_CS && (want_ss | 3) == USER_DS;
}

/* back to fuzz_sigreturn's caller, with plain flags and segments */
static void resume(struct sigcontext *sc)
{
        sc->ip = (unsigned long)fuzz_sig_resume;
        sc->sp = fuzz_sig_rsp;
        sc->flags = FIXED | IF;
        sc->cs = USER_CS;
        sc->ss = USER_DS;
}

static void on_segv(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;

        segvs++;
        seen = *sc;
        seen.cr2 = (unsigned long)si->si_addr;
        resume(sc);
}

/* single steps: in a syscall round, count them; landing with TF, stop
 * stepping (the flags check then expects TF clear) */
static void on_trap(int sig, siginfo_t *si, void *ctx)
{
        struct sigcontext *sc = &((struct ucontext *)ctx)->uc_mcontext;

        traps++;
        if (sc->cs != USER_CS)
                violation("sigtrap", 0, "reg=cs", USER_CS, sc->cs);
        if (in_batch)
                sc->flags &= ~TF;
}

static void on_other(int sig, siginfo_t *si, void *ctx)
{
        others++;
        other_sig = sig;
        resume(&((struct ucontext *)ctx)->uc_mcontext);
}

enum target { LAND, NONCANONICAL, TOP_PAGE, KERNEL_RIP };

static unsigned long pick_rip(enum target t)
{
        switch (t) {
        case LAND: return (unsigned long)fuzz_sig_landing;
        case NONCANONICAL:
                switch (below(4)) {
                case 0: return (1UL << 47) + below(4096);
                case 1: return KERNEL_HALF - 1 - below(4096);
                case 2: return (1UL << 63) + below(1UL << 47);
                default: return canonical(rnd()) ? 1UL << 62 : rnd() | (1UL << 50);
                }
        case TOP_PAGE: return (1UL << 47) - 1 - below(4096);
        default: return KERNEL_HALF | rnd();
        }
}

/* one hostile frame: random everything; sometimes shaped so that a lab
 * with opportunistic SYSRET (06) may take it (rcx = rip, r11 = flags) */
static void pick_frame(enum target t)
{
        for (int i = 0; i < NGPR; i++)
                want.r[i] = rand_value();
        unsigned long rip = want_rip = pick_rip(t);
        want.flags = below(4) ? rnd() & 0x3fffff : rnd();
        if (below(4) == 0)
                want.flags &= ~(TF | RF);
        switch (below(8)) {             /* the cs:ss the frame asks for */
        case 0: want_cs = 0x10; want_ss = 0x18; break;  /* the kernel's */
        case 1: want_cs = USER_CS; want_ss = rnd() & 0xffff; break;
        case 2: want_cs = rnd() & 0xffff; want_ss = USER_DS; break;
        case 3: want_cs = rnd() & 0xffff; want_ss = rnd() & 0xffff; break;
        default: want_cs = USER_CS; want_ss = USER_DS; break;
        }
        /* 32-bit code would run the landing pad as something else (sigregs
         * tests that mode on purpose) */
        if ((want_cs | 3) == USER32_CS)
                want_cs = USER_CS;
        /* landing with a random rsp is fine (the landing pad needs none);
         * a fault or a single step needs a stack for its signal frame */
        if (t == LAND && segments_ok() && !(want.flags & TF) && below(2))
                want.rsp = rand_value();
        else
                want.rsp = SCRATCH_TOP - 8 - below(64) * 16;
        if (below(2)) {
                want.r[RCX] = rip;
                want.r[R11] = (want.flags & SIGRETURN_FLAGS & ~(TF | RF)) | FIXED | IF;
                if (below(2))
                        want.flags = want.r[R11];
        }
}

static void check_landing(unsigned long rip)
{
        unsigned long flags = ((want.flags & SIGRETURN_FLAGS) | FIXED | IF) & ~(RF | TF);
        char what[32];

        if (segvs || others || fuzz_out.cs != USER_CS) {
                violation("rt_sigreturn", rip, others ? "signal" : "no-landing",
                          USER_CS, others ? (unsigned long)other_sig : fuzz_out.cs);
                return;
        }
        for (int i = 0; i < NGPR; i++) {
                if (fuzz_out.r[i] == want.r[i])
                        continue;
                snprintf(what, sizeof(what), "reg=%s", reg_names[i]);
                violation("rt_sigreturn", rip, what, want.r[i], fuzz_out.r[i]);
        }
        if (fuzz_out.rsp != want.rsp)
                violation("rt_sigreturn", rip, "reg=rsp", want.rsp, fuzz_out.rsp);
        if (fuzz_out.flags != flags)
                violation("rt_sigreturn", rip, "reg=rflags", flags, fuzz_out.flags);
        if (fuzz_out.ss != USER_DS)
                violation("rt_sigreturn", rip, "reg=ss", USER_DS, fuzz_out.ss);
        if (traps != !!(want.flags & TF))
                violation("rt_sigreturn", rip, "single-steps", !!(want.flags & TF), traps);
}

/* a rip the CPU cannot run, or segments the IRET refuses (#GP, before
 * the rip matters): SIGSEGV at exactly that rip, in user mode, with every
 * register as asked, cs and ss as asked at RPL 3, no privileged flag */
static void check_fault(enum target t, unsigned long rip)
{
        bool segs = segments_ok();
        unsigned long cs = segs ? USER_CS : want_cs | 3, ss = segs ? USER_DS : want_ss | 3;
        unsigned long trapno = !segs || t == NONCANONICAL ? 13 : 14;
        char what[32];

        if (segvs != 1 || others) {
                violation("rt_sigreturn", rip, others ? "signal" : "sigsegvs", 1,
                          others ? (unsigned long)other_sig : (unsigned long)segvs);
                return;
        }
        if (seen.ip != rip)
                violation("rt_sigreturn", rip, "reg=rip", rip, seen.ip);
        if (seen.cs != cs || seen.ss != ss)
                violation("rt_sigreturn", rip, "reg=cs:ss", cs << 16 | ss, (unsigned long)seen.cs << 16 | seen.ss);
        if ((seen.flags & (IOPL | NT | VM | IF)) != IF)
                violation("rt_sigreturn", rip, "reg=rflags privileged", IF, seen.flags);
        if ((seen.flags & (SIGRETURN_FLAGS & ~(TF | RF))) != (want.flags & SIGRETURN_FLAGS & ~(TF | RF)))
                violation("rt_sigreturn", rip, "reg=rflags", want.flags & SIGRETURN_FLAGS, seen.flags);
        if (seen.trapno != trapno)
                violation("rt_sigreturn", rip, "trapno", trapno, seen.trapno);
        for (int i = 0; i < NGPR; i++) {
                if (*sigcontext_reg(&seen, i) == want.r[i])
                        continue;
                snprintf(what, sizeof(what), "reg=%s", reg_names[i]);
                violation("rt_sigreturn", rip, what, want.r[i], *sigcontext_reg(&seen, i));
        }
        if (seen.sp != want.rsp)
                violation("rt_sigreturn", rip, "reg=rsp", want.rsp, seen.sp);
}

static void sigreturn_one(void)
{
        enum target t = below(2) ? LAND : 1 + below(3);
        unsigned long rip;

        pick_frame(t);
        rip = want_rip;
        segvs = traps = others = 0;
        memset(&fuzz_out, 0, sizeof(fuzz_out));
        fuzz_sigreturn();
        if (t == LAND && segments_ok())
                check_landing(rip);
        else
                check_fault(t, rip);
}

/* a batch in a child: if the kernel kills it, the parent says so */
static void sigreturn_batch(unsigned long n)
{
        unsigned long child_rng = rnd(), first = round_nr;
        long pid = fork();

        if (pid == 0) {
                rng = child_rng;
                violations = 0;
                in_batch = true;
                sethandler(SIGUSR1, plant, 0);
                sethandler(SIGSEGV, on_segv, 0);
                sethandler(SIGBUS, on_other, 0);
                sethandler(SIGILL, on_other, 0);
                sethandler(SIGFPE, on_other, 0);
                for (unsigned long i = 0; i < n; i++, round_nr++)
                        sigreturn_one();
                exit(violations > 200 ? 200 : violations);
        }
        int status;
        if (pid < 0 || waitpid(pid, &status, 0) != pid) {
                violation("fork", __NR_fork, "sigreturn-batch", 0, pid);
                return;
        }
        n_sigreturns += n;
        if (WIFSIGNALED(status)) {
                round_nr = first;
                violation("rt_sigreturn", 0, "batch-killed-by-signal", 0, WTERMSIG(status));
        } else {
                violations += WEXITSTATUS(status);
        }
}

static char **env;

static unsigned long env_number(const char *name, unsigned long dflt)
{
        const char *v = env_lookup(env, name);
        return v ? strtoul(v, NULL, 0) : dflt;
}

int main(int argc, char **argv, char **envp)
{
        const char *lab = env_lookup(env = envp, "LAB");
        unsigned long count = env_number("COUNT", 10000);
        unsigned long every = env_number("EVERY", 1000), next_report = 0;
        uint64_t t0 = rdtsc();

        seed = env_number("SEED", 1);
        rng = seed;
        printf("fuzz: seed=%lu count=%lu lab=%s\n", seed, count, lab ? lab : "?");
        my_pid = getpid();
        my_ppid = getppid();
        sethandler(SIGTRAP, on_trap, 0);
        for (round_nr = 0; round_nr < count;) {
                unsigned long kind = below(64);
                if (every && round_nr >= next_report) {  /* what a hang or panic names */
                        printf("fuzz: seed=%lu round=%lu\n", seed, round_nr);
                        next_report = round_nr - round_nr % every + every;
                }
                if (kind == 0) {
                        unsigned long n = count - round_nr < SIG_BATCH ? count - round_nr : SIG_BATCH;
                        sigreturn_batch(n);
                        round_nr += n;
                } else {
                        if (kind < 4)
                                fork_round();
                        else
                                syscall_round();
                        round_nr++;
                }
        }
        /* instructions retired under icount (1 ns each): guest time */
        printf("fuzz: rdtsc=%lu\n", (unsigned long)(rdtsc() - t0));
        printf("fuzz: lab %s: %lu syscalls, %lu sigreturns, %lu violations (seed %lu, count %lu)\n",
               lab ? lab : "?", n_syscalls, n_sigreturns, violations, seed, count);
        return violations != 0;
}
