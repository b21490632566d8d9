/* sigbasic - the signal services as POSIX and Linux define them: handlers
 * and their siginfo and frame, the blocked mask, sa_mask, SA_RESETHAND,
 * SA_NODEFER, default actions seen through the wait status, kill's errors,
 * a sleep in wait4 broken by a signal (-EINTR, or restarted with
 * SA_RESTART), SIGCHLD, the SSE registers a handler gets and gives back.
 * Each line says what was seen and "ok" or "FAIL";
 * the program exits 0 only if every line is ok. */
#include "ulib.h"

static int failures;

static void verdict(int ok)
{
        if (!ok)
                failures++;
}
#define say(ok, fmt, ...) do { int ok_ = (ok); verdict(ok_); \
        printf("sigbasic: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

/* what the last handler saw */
static volatile int hits, nested, depth, max_depth;
static volatile int seen_signo, seen_code, seen_pid, seen_sig;
static volatile unsigned long seen_blocked, seen_uc_mask, frame_ok, align_ok;
static volatile int order[4], norder;

/* the FPU image sits above the siginfo, 64-byte aligned as on Linux (the
 * kit aligns it to 512, so that it never straddles a page) */
static int fpstate_in_frame(const struct ucontext *uc, const siginfo_t *si)
{
        unsigned long fp = uc->uc_mcontext.fpstate, end = (unsigned long)(si + 1);
        return fp % 64 == 0 && fp >= end && fp - end < 64 + 16;
}

static sigset_t blocked_now(void)
{
        sigset_t s;
        sigprocmask(SIG_BLOCK, NULL, &s);
        return s;
}

static void record(int sig, siginfo_t *si, void *ctx)
{
        struct ucontext *uc = ctx;
        hits++;
        seen_sig = sig;
        seen_signo = si->si_signo;
        seen_code = si->si_code;
        seen_pid = si->si_pid;
        seen_blocked = blocked_now();
        seen_uc_mask = uc->uc_sigmask;
        /* the frame is Linux's: pretcode just below uc, siginfo after it;
         * rsp + 8 was 16-byte aligned at entry (so rbp is now) */
        frame_ok = *(void **)((char *)uc - 8) == (void *)__restore_rt &&
                   (char *)si == (char *)uc + sizeof(struct ucontext) &&
                   uc->uc_stack.ss_flags == SS_DISABLE && fpstate_in_frame(uc, si) &&
                   uc->uc_mcontext.cs == 0x33 && uc->uc_mcontext.ss == 0x2b;
        align_ok = ((unsigned long)__builtin_frame_address(0) & 15) == 0;
}

static void handler_and_siginfo(void)
{
        long self = getpid();
        sethandler(SIGUSR1, record, 0);
        hits = 0;
        long ret = kill(self, SIGUSR1);
        say(ret == 0 && hits == 1 && seen_sig == SIGUSR1 && seen_signo == SIGUSR1 &&
            seen_code == SI_USER && seen_pid == self,
            "kill-self: ret=%ld hits=%d sig=%d signo=%d code=%d pid_is_self=%d",
            ret, hits, seen_sig, seen_signo, seen_code, seen_pid == self);
        say(frame_ok && align_ok && seen_uc_mask == 0 && seen_blocked == sigmask(SIGUSR1),
            "frame: layout=%lu aligned=%lu uc_sigmask=%#lx blocked_in_handler=%#lx",
            frame_ok, align_ok, seen_uc_mask, seen_blocked);
        say(blocked_now() == 0, "mask-after-return: blocked=%#lx", blocked_now());
}

static void masks(void)
{
        sigset_t set = sigmask(SIGUSR1), old = 1;
        hits = 0;
        long r1 = sigprocmask(SIG_BLOCK, &set, &old);
        kill(getpid(), SIGUSR1);
        int while_blocked = hits;
        long r2 = sigprocmask(SIG_UNBLOCK, &set, NULL);
        int after = hits;
        say(r1 == 0 && old == 0 && while_blocked == 0 && r2 == 0 && after == 1,
            "block: old=%#lx while_blocked=%d after_unblock=%d", old, while_blocked, after);

        set = ~0UL;
        sigprocmask(SIG_SETMASK, &set, NULL);
        sigset_t all = blocked_now();
        set = 0;
        sigprocmask(SIG_SETMASK, &set, NULL);
        say(all == (~0UL & ~sigmask(SIGKILL) & ~sigmask(SIGSTOP)),
            "block-all: blocked=%#lx", all);

        long bad_how = sigprocmask(7, &set, NULL);
        long bad_size = syscall4(__NR_rt_sigprocmask, SIG_BLOCK, &set, 0, 4);
        say(bad_how == -EINVAL && bad_size == -EINVAL, "sigprocmask-errors: how=%ld size=%ld",
            bad_how, bad_size);
}

static void sigaction_errors(void)
{
        struct sigaction sa = { .sa_handler = SIG_IGN }, old;
        long size = syscall4(__NR_rt_sigaction, SIGUSR1, &sa, 0, 4);
        long zero = rt_sigaction(0, &sa, NULL);
        long big = rt_sigaction(65, &sa, NULL);
        long skill = rt_sigaction(SIGKILL, &sa, NULL);
        long sstop = rt_sigaction(SIGSTOP, &sa, NULL);
        long query = rt_sigaction(SIGKILL, NULL, &old);
        say(size == -EINVAL && zero == -EINVAL && big == -EINVAL && skill == -EINVAL &&
            sstop == -EINVAL && query == 0 && old.sa_handler == SIG_DFL,
            "sigaction-errors: size=%ld sig0=%ld sig65=%ld sigkill=%ld sigstop=%ld query_kill=%ld",
            size, zero, big, skill, sstop, query);
        long k1 = kill(getpid(), 65), k2 = kill(getpid(), -1), k3 = kill(30000, SIGUSR1);
        long k4 = kill(getpid(), 0);
        long k5 = kill(1, SIGTERM);     /* init has no handler: ignored */
        say(k1 == -EINVAL && k2 == -EINVAL && k3 == -ESRCH && k4 == 0 && k5 == 0,
            "kill-errors: sig65=%ld sig-1=%ld nopid=%ld sig0=%ld init_sigterm=%ld", k1, k2, k3,
            k4, k5);
}

static void resethand(void)
{
        struct sigaction old;
        hits = 0;
        sethandler(SIGUSR2, record, SA_RESETHAND);
        kill(getpid(), SIGUSR2);
        rt_sigaction(SIGUSR2, NULL, &old);
        int status = 0;
        long pid = fork();
        if (pid == 0) {
                kill(getpid(), SIGUSR2);        /* default action: terminate */
                exit(0);
        }
        waitpid(pid, &status, 0);
        say(hits == 1 && old.sa_handler == SIG_DFL && WIFSIGNALED(status) &&
            WTERMSIG(status) == SIGUSR2,
            "resethand: hits=%d handler_after=%lu second_status=%#x", hits,
            (unsigned long)old.sa_handler, status);
}

static void reentrant(int sig, siginfo_t *si, void *ctx)
{
        depth++;
        if (depth > max_depth)
                max_depth = depth;
        if (hits++ == 0)
                kill(getpid(), sig);    /* nested now, or after we return */
        depth--;
}

static void nodefer(void)
{
        hits = 0, max_depth = 0;
        sethandler(SIGUSR1, reentrant, 0);
        kill(getpid(), SIGUSR1);
        int deferred_depth = max_depth, deferred_hits = hits;
        hits = 0, max_depth = 0;
        sethandler(SIGUSR1, reentrant, SA_NODEFER);
        kill(getpid(), SIGUSR1);
        say(deferred_depth == 1 && deferred_hits == 2 && max_depth == 2 && hits == 2,
            "nodefer: default_depth=%d nodefer_depth=%d", deferred_depth, max_depth);
}

static void ordered(int sig, siginfo_t *si, void *ctx)
{
        order[norder++] = sig;
        if (sig == SIGUSR1)
                kill(getpid(), SIGUSR2);        /* in sa_mask: waits for us */
        order[norder++] = -sig;
}

static void sa_mask(void)
{
        struct sigaction sa = {
                .sa_handler = (__sighandler_t)(void (*)(void))ordered,
                .sa_flags = SA_SIGINFO,
                .sa_mask = sigmask(SIGUSR2),
        };
        sigaction(SIGUSR1, &sa, NULL);
        sa.sa_mask = 0;
        sigaction(SIGUSR2, &sa, NULL);
        norder = 0;
        kill(getpid(), SIGUSR1);
        say(norder == 4 && order[0] == SIGUSR1 && order[1] == -SIGUSR1 && order[2] == SIGUSR2,
            "sa_mask: order=%d,%d,%d,%d", order[0], order[1], order[2], order[3]);
}

/* a child that waits to be killed, born with the mask block (fork
 * copies the blocked mask) */
static long idle_child(sigset_t block)
{
        sigset_t old;
        sigprocmask(SIG_SETMASK, &block, &old);
        long pid = fork();
        if (pid == 0) {
                for (;;)
                        sched_yield();
        }
        sigprocmask(SIG_SETMASK, &old, NULL);
        return pid;
}

static void kill_child(void)
{
        static const int sigs[] = { SIGTERM, SIGINT, SIGSEGV, SIGQUIT, SIGKILL };
        int status;
        for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
                long pid = idle_child(0);
                sched_yield();
                long r = kill(pid, sigs[i]);
                long w = waitpid(pid, &status, 0);
                say(r == 0 && w == pid && WIFSIGNALED(status) && WTERMSIG(status) == sigs[i] &&
                    status == sigs[i],
                    "kill-child: sig=%d kill=%ld status=%#x", sigs[i], r, status);
        }
        /* default-ignored signals do nothing; a blocked SIGTERM waits;
         * SIGKILL cannot be blocked */
        long pid = idle_child(~0UL);
        kill(pid, SIGCHLD);
        kill(pid, SIGURG);
        kill(pid, SIGWINCH);
        kill(pid, SIGTERM);
        sched_yield();
        sched_yield();
        long alive = waitpid(pid, &status, WNOHANG);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        say(alive == 0 && status == SIGKILL, "kill-blocked-child: alive_after_ignored=%d status=%#x",
            alive == 0, status);
}

static void counter(int sig, siginfo_t *si, void *ctx) { hits++; }

static void wait_interrupted(void)
{
        int status = 0;
        hits = 0;
        sethandler(SIGUSR1, counter, 0);
        long pid = fork();
        if (pid == 0) {
                for (;;) {              /* until the parent kills us */
                        kill(getppid(), SIGUSR1);
                        sched_yield();
                }
        }
        long w = waitpid(pid, &status, 0);
        kill(pid, SIGKILL);
        long w2 = waitpid(pid, &status, 0);
        say(w == -EINTR && hits >= 1 && w2 == pid && status == SIGKILL,
            "wait4-eintr: wait4=%ld handled=%d then=%d status=%#x", w, hits >= 1, w2 == pid, status);

        hits = 0;
        sethandler(SIGUSR1, counter, SA_RESTART);
        pid = fork();
        if (pid == 0) {
                for (int i = 0; i < 5; i++) {
                        kill(getppid(), SIGUSR1);
                        sched_yield();
                }
                exit(7);
        }
        w = waitpid(pid, &status, 0);
        say(w == pid && hits >= 1 && WEXITSTATUS(status) == 7,
            "wait4-restart: wait4_is_child=%d handled=%d status=%#x", w == pid, hits >= 1, status);
}

static volatile int chld_code, chld_status, chld_pid;
static void on_chld(int sig, siginfo_t *si, void *ctx)
{
        chld_code = si->si_code;
        chld_status = si->si_status;
        chld_pid = si->si_pid;
}

static void sigchld(void)
{
        int status;
        sethandler(SIGCHLD, on_chld, SA_RESTART);
        long pid = fork();
        if (pid == 0)
                exit(3);
        waitpid(pid, &status, 0);
        say(chld_code == CLD_EXITED && chld_status == 3 && chld_pid == pid,
            "sigchld: code=%d status=%d pid_is_child=%d", chld_code, chld_status, chld_pid == pid);
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);
}

/* The SSE registers through a handler: the program is built
 * -mgeneral-regs-only, so the compiler never touches them between these
 * asm statements and the kill that delivers the signal. */
#define MXCSR_DEFAULT   0x1f80
#define MXCSR_RZ        0x7f80          /* round toward zero, all masked */
#define MXCSR_DOWN      0x3f80          /* round down, all masked */
#define PATTERN         0x0123456789abcdefUL

static inline void set_xmm0(unsigned long v) { __asm__ volatile("movq %0, %%xmm0" :: "r"(v)); }
static inline unsigned long xmm0(void)
{
        unsigned long v;
        __asm__ volatile("movq %%xmm0, %0" : "=r"(v));
        return v;
}
static inline void set_mxcsr(unsigned int v) { __asm__ volatile("ldmxcsr %0" :: "m"(v)); }
static inline unsigned int mxcsr(void)
{
        unsigned int v;
        __asm__ volatile("stmxcsr %0" : "=m"(v));
        return v;
}

/* what the handler saw, and what it does to the frame's image */
static volatile unsigned long fp_xmm0, fp_frame_xmm0, fp_in_frame;
static volatile unsigned int fp_mxcsr, fp_frame_mxcsr;
static volatile unsigned long fp_write_xmm0;    /* 0: leave the image alone */
static volatile unsigned int fp_write_mxcsr;

static void fp_handler(int sig, siginfo_t *si, void *ctx)
{
        struct ucontext *uc = ctx;
        struct _fpstate_64 *fp = (struct _fpstate_64 *)uc->uc_mcontext.fpstate;

        fp_xmm0 = xmm0();
        fp_mxcsr = mxcsr();
        fp_in_frame = fpstate_in_frame(uc, si);
        set_xmm0(0xbad);                /* the handler's own: must not leak out */
        set_mxcsr(MXCSR_RZ);
        if (!fp)
                return;                 /* no image: the lines below say FAIL */
        /* the low 8 bytes of XMM0 in the image */
        fp_frame_xmm0 = fp->xmm_space[0] | (unsigned long)fp->xmm_space[1] << 32;
        fp_frame_mxcsr = fp->mxcsr;
        if (fp_write_xmm0) {
                fp->xmm_space[0] = (unsigned int)fp_write_xmm0;
                fp->xmm_space[1] = fp_write_xmm0 >> 32;
        }
        if (fp_write_mxcsr)
                fp->mxcsr = fp_write_mxcsr;
}

/* the pattern in xmm0 and a rounding mode in MXCSR, a signal, and what
 * the interrupted code has afterwards */
static void raise_with_pattern(unsigned long *after_xmm0, unsigned int *after_mxcsr)
{
        set_mxcsr(MXCSR_DOWN);
        set_xmm0(PATTERN);
        kill(getpid(), SIGUSR1);
        *after_xmm0 = xmm0();
        *after_mxcsr = mxcsr();
        set_mxcsr(MXCSR_DEFAULT);
}

static void fpu_state(void)
{
        unsigned long after;
        unsigned int after_mxcsr;

        sethandler(SIGUSR1, fp_handler, 0);
        fp_write_xmm0 = 0, fp_write_mxcsr = 0;
        raise_with_pattern(&after, &after_mxcsr);
        say(fp_xmm0 == 0 && fp_mxcsr == MXCSR_DEFAULT,
            "fpu-handler: xmm0=%#lx mxcsr=%#x (a fresh FPU)", fp_xmm0, fp_mxcsr);
        say(fp_in_frame && fp_frame_xmm0 == PATTERN && fp_frame_mxcsr == MXCSR_DOWN,
            "fpu-frame: fpstate_placed=%lu xmm0=%#lx mxcsr=%#x", fp_in_frame, fp_frame_xmm0,
            fp_frame_mxcsr);
        say(after == PATTERN && after_mxcsr == MXCSR_DOWN,
            "fpu-sigreturn: xmm0=%#lx mxcsr=%#x", after, after_mxcsr);

        /* what the handler writes into the image is what comes back (Linux) */
        fp_write_xmm0 = 0xfeedface;
        raise_with_pattern(&after, &after_mxcsr);
        fp_write_xmm0 = 0;
        say(after == 0xfeedface && after_mxcsr == MXCSR_DOWN,
            "fpu-frame-write: xmm0=%#lx mxcsr=%#x", after, after_mxcsr);

        /* reserved MXCSR bits in the image: dropped, not a #GP in the
         * kernel's FXRSTOR (a child, so a SIGSEGV cannot end us) */
        int status = 0;
        long pid = fork();
        if (pid == 0) {
                fp_write_mxcsr = 0xffff0000 | MXCSR_DOWN;
                raise_with_pattern(&after, &after_mxcsr);
                exit(after == PATTERN && after_mxcsr == MXCSR_DOWN ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        say(WIFEXITED(status) && WEXITSTATUS(status) == 0,
            "fpu-bad-mxcsr: child status=%#x", status);
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGUSR1, &dfl, NULL);
}

/* x86-64 needs SA_RESTORER: a handler without one has nowhere to return,
 * and the kernel refuses to set up its frame (SIGSEGV, handler never run) */
static void exit_41(int sig) { exit(41); }      /* never returns to a restorer */

static void no_restorer(void)
{
        int status;
        long pid = fork();
        if (pid == 0) {
                struct sigaction raw = { .sa_handler = exit_41 };
                rt_sigaction(SIGUSR1, &raw, NULL);      /* no SA_RESTORER */
                kill(getpid(), SIGUSR1);
                exit(40);                               /* never reached */
        }
        waitpid(pid, &status, 0);
        say(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
            "no-restorer: status=%#x", status);
}

/* SIGCHLD ignored: children are not kept as zombies. More forks than the
 * kernel has task slots all succeed, and wait4 finds no child (-ECHILD) */
static void sigchld_ignored(void)
{
        struct sigaction ign = { .sa_handler = SIG_IGN };
        int status, forked = 0;

        sigaction(SIGCHLD, &ign, NULL);
        for (int i = 0; i < 100; i++) {
                long pid = fork();
                if (pid == 0)
                        exit(0);
                if (pid > 0)
                        forked++;
                sched_yield();                  /* let it run and exit */
        }
        long w = waitpid(-1, &status, 0);
        say(forked == 100 && w == -ECHILD, "sigchld-ignored: forked=%d wait4=%ld", forked, w);
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);
}

int main(void)
{
        handler_and_siginfo();
        masks();
        sigaction_errors();
        resethand();
        nodefer();
        sa_mask();
        kill_child();
        wait_interrupted();
        sigchld();
        no_restorer();
        sigchld_ignored();
        fpu_state();
        printf("sigbasic: %d failure(s)\n", failures);
        return failures != 0;
}
