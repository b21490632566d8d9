/* ptrace_syscall - a tracer and its child, as Linux's selftest of that name:
 * the tracer stops the child at every syscall entry and exit and changes
 * the number, an argument, skips a syscall with a result of its choosing,
 * changes a result at the exit stop, and rewrites the register file; the
 * child checks that each change took effect. Then the register file's
 * guards (no privilege through SETREGS, a non-canonical rip or a kernel
 * CS costs the tracee a SIGSEGV, never the kernel), PTRACE_KILL, and the
 * error codes. Every check prints "ptrace_syscall: <what>: ok" or FAIL;
 * exits 0 only if all passed. */
#include "trace.h"

#define X86_EFLAGS_IF   0x200UL
#define X86_EFLAGS_DF   0x400UL
#define X86_EFLAGS_IOPL 0x3000UL
#define X86_EFLAGS_AC   0x40000UL
#define STOP_SYSCALL    ((SIGTRAP | 0x80) << 8 | 0x7f)

/* the child's markers, in rdi, so the tracer knows which syscall it sees */
#define MARK_GETPID     0x1111
#define MARK_SKIP       77
#define MARK_RESULT     0x4444
#define MARK_REGS       0x5151

struct probe_out {
        unsigned long rax, rflags, rbx, rbp, r12, r13, r14, r15, rsp;
};
void trace_regs_probe(struct probe_out *out);
extern char trace_regs_after_syscall[], trace_regs_landing[];
extern unsigned long probe_missed, probe_rsp;

static const char msg_orig[] = "ptrace_syscall: child: the tracer did not change this write\n";
static const char msg_traced[] = "ptrace_syscall: child: this line was chosen by the tracer\n";

static const unsigned long new_regs[6] = {     /* rbx rbp r12 r13 r14 r15 */
        0x1010101010101010, 0x2020202020202020, 0x3030303030303030,
        0x4040404040404040, 0x5050505050505050, 0x6060606060606060,
};

static int failures;

static void check(int ok, const char *who, const char *what, long got)
{
        if (ok)
                printf("ptrace_syscall: %s: %s: ok\n", who, what);
        else
                printf("ptrace_syscall: %s: %s: FAIL (got %ld = %#lx)\n", who, what, got, got);
        failures += !ok;
}

/* ---- the traced child, after its execve ---- */

static int child_main(long tracer)
{
        struct probe_out o;
        long r;

        /* traced_syscall*: the tracer rewrites these calls' registers
         * (write's rsi and rdx among them), so none may be assumed kept */
        r = traced_syscall1(__NR_getpid, MARK_GETPID);  /* becomes getppid */
        long r1 = r;
        r = traced_syscall3(__NR_write, 1, msg_orig, sizeof(msg_orig) - 1);    /* buffer swapped */
        long r2 = r;
        r = traced_syscall1(__NR_exit, MARK_SKIP);      /* skipped */
        long r3 = r;
        r = traced_syscall1(__NR_getppid, MARK_RESULT); /* result changed */
        long r4 = r;
        trace_regs_probe(&o);

        /* all syscalls done: now print, the tracer lets these through */
        check(r1 == tracer, "child", "getpid became getppid at the entry stop", r1);
        check(r2 == (long)sizeof(msg_traced) - 1, "child", "write's buffer and length changed", r2);
        check(r3 == 0x1234, "child", "exit skipped with orig_ax = -1, ax = 0x1234", r3);
        check(r4 == 4242, "child", "getppid's result changed at the exit stop", r4);
        check(!probe_missed, "child", "rip moved by SETREGS", probe_missed);
        check(o.rsp == probe_rsp - 128, "child", "rsp moved by SETREGS", o.rsp - probe_rsp);
        check(o.rbx == new_regs[0] && o.rbp == new_regs[1] && o.r12 == new_regs[2] &&
              o.r13 == new_regs[3] && o.r14 == new_regs[4] && o.r15 == new_regs[5],
              "child", "rbx rbp r12-r15 set by SETREGS", o.rbx);
        check((o.rflags & (X86_EFLAGS_AC | X86_EFLAGS_DF)) == (X86_EFLAGS_AC | X86_EFLAGS_DF),
              "child", "AC and DF set by SETREGS", o.rflags);
        check((o.rflags & X86_EFLAGS_IF) && !(o.rflags & X86_EFLAGS_IOPL),
              "child", "IF kept and IOPL 0 despite SETREGS", o.rflags);
        return failures != 0;
}

/* ---- the tracer ---- */

static long wait_stop(long pid)
{
        int status = 0;
        long r = waitpid(pid, &status, 0);
        return r == pid ? status : r << 16;
}

/* fork, PTRACE_TRACEME, execve ourselves with mode; returns at the
 * post-execve SIGTRAP stop */
static long spawn_traced(const char *mode, int *status)
{
        char tracer[24], self[] = "/bin/ptrace_syscall";
        long pid = fork();

        if (pid == 0) {
                snprintf(tracer, sizeof(tracer), "%ld", getppid());
                char *argv[] = { self, (char *)mode, tracer, NULL };
                char *envp[] = { NULL };
                if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
                        exit(120);
                long again = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                if (mode[0] == 'c' && mode[1] == 'h')
                        printf("ptrace_syscall: TRACEME twice = %ld\n", again);
                execve(self, argv, envp);
                exit(121);
        }
        *status = wait_stop(pid);
        return pid;
}

static void get(long pid, struct user_regs_struct *u)
{
        if (ptrace(PTRACE_GETREGS, pid, NULL, u))
                memset(u, 0, sizeof(*u));
}

static int regs_have(const struct user_regs_struct *u, const unsigned long v[6])
{
        return u->bx == v[0] && u->bp == v[1] && u->r12 == v[2] &&
               u->r13 == v[3] && u->r14 == v[4] && u->r15 == v[5];
}

/* The regs probe's entry stop: check what the child loaded, then rewrite. */
static void regs_entry_stop(long pid)
{
        static const unsigned long pattern[6] = {
                0x7777777777777777, 0x8888888888888888, 0x9999999999999999,
                0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb, 0xcccccccccccccccc,
        };
        struct user_regs_struct u, v;

        get(pid, &u);
        check(regs_have(&u, pattern) && u.ip == (unsigned long)trace_regs_after_syscall &&
              u.cx == u.ip && u.orig_ax == 39 && (long)u.ax == -ENOSYS &&
              u.cs == 0x33 && u.ss == 0x2b,
              "tracer", "GETREGS at the entry stop shows the child's registers", u.bx);

        v = u;
        v.bx = new_regs[0], v.bp = new_regs[1], v.r12 = new_regs[2];
        v.r13 = new_regs[3], v.r14 = new_regs[4], v.r15 = new_regs[5];
        v.flags |= X86_EFLAGS_AC | X86_EFLAGS_DF;
        v.ip = (unsigned long)trace_regs_landing;
        v.sp -= 128;

        struct user_regs_struct bad = v;
        bad.cs = 0x10;                                  /* kernel CS */
        long r = ptrace(PTRACE_SETREGS, pid, NULL, &bad);
        check(r == -EIO, "tracer", "SETREGS with the kernel CS = -EIO", r);
        bad = v;
        bad.ss = 0x18;                                  /* kernel SS */
        r = ptrace(PTRACE_SETREGS, pid, NULL, &bad);
        check(r == -EIO, "tracer", "SETREGS with the kernel SS = -EIO", r);
        get(pid, &bad);
        check(regs_have(&bad, pattern), "tracer", "a refused SETREGS changes nothing", bad.bx);

        v.flags |= X86_EFLAGS_IOPL;
        v.flags &= ~X86_EFLAGS_IF;
        r = ptrace(PTRACE_SETREGS, pid, NULL, &v);
        check(r == 0, "tracer", "SETREGS", r);
        get(pid, &u);
        check(regs_have(&u, new_regs) && u.ip == (unsigned long)trace_regs_landing &&
              u.sp == v.sp && (u.flags & (X86_EFLAGS_AC | X86_EFLAGS_DF)),
              "tracer", "GETREGS returns what SETREGS wrote", u.bx);
        check((u.flags & X86_EFLAGS_IF) && !(u.flags & X86_EFLAGS_IOPL),
              "tracer", "SETREGS cannot clear IF or raise IOPL", u.flags);
}

static void regs_exit_stop(long pid)
{
        struct user_regs_struct u;
        unsigned long orig = 0;

        get(pid, &u);
        check((long)u.ax == pid && regs_have(&u, new_regs) &&
              u.ip == (unsigned long)trace_regs_landing,
              "tracer", "exit stop: getpid ran, the new registers stayed", u.ax);
        long r = ptrace(PTRACE_PEEKUSR, pid, (void *)offsetof(struct user_regs_struct, orig_ax), &orig);
        check(r == 0 && orig == 39, "tracer", "PEEKUSR orig_ax = 39", orig);

        /* the FS base (arch_prctl's): POKEUSR sets it, PEEKUSR and GETREGS
         * read it back, a base outside user space is refused */
        const unsigned long want = 0x7f0000001000;
        unsigned long fs = 0, before = 0;
        void *at = (void *)offsetof(struct user_regs_struct, fs_base);
        ptrace(PTRACE_PEEKUSR, pid, at, &before);
        long set = ptrace(PTRACE_POKEUSR, pid, at, (void *)want);
        long peek = ptrace(PTRACE_PEEKUSR, pid, at, &fs);
        long high = ptrace(PTRACE_POKEUSR, pid, at, (void *)(1UL << 47));
        get(pid, &u);
        check(set == 0 && peek == 0 && fs == want && high == -EIO && u.fs_base == want,
              "tracer", "POKEUSR fs_base; PEEKUSR and GETREGS read it back; 2^47 = -EIO", (long)fs);
        ptrace(PTRACE_POKEUSR, pid, at, (void *)before);
}

/* One entry or exit stop of the main child: act on the marked syscalls. */
static void syscall_stop(long pid, int entering)
{
        struct user_regs_struct u;

        get(pid, &u);
        if (entering && u.orig_ax == __NR_getpid && u.di == MARK_GETPID) {
                u.orig_ax = __NR_getppid;
        } else if (entering && u.orig_ax == __NR_write && u.si == (unsigned long)msg_orig) {
                u.si = (unsigned long)msg_traced;
                u.dx = sizeof(msg_traced) - 1;
        } else if (entering && u.orig_ax == __NR_exit && u.di == MARK_SKIP) {
                u.orig_ax = -1;
                u.ax = 0x1234;
        } else if (!entering && u.orig_ax == __NR_getppid && u.di == MARK_RESULT) {
                u.ax = 4242;
        } else if (u.orig_ax == __NR_getpid && u.di == MARK_REGS) {
                if (entering)
                        regs_entry_stop(pid);
                else
                        regs_exit_stop(pid);
                return;
        } else {
                return;
        }
        long r = ptrace(PTRACE_SETREGS, pid, NULL, &u);
        if (r)
                check(0, "tracer", "SETREGS at a syscall stop", r);
}

static void trace_child(void)
{
        int status;
        long pid = spawn_traced("child", &status), r;
        struct user_regs_struct u;

        check(status == 0x57f, "tracer", "execve stops the tracee with SIGTRAP (0x57f)", status);
        unsigned long orig = 0;
        ptrace(PTRACE_PEEKUSR, pid, (void *)offsetof(struct user_regs_struct, orig_ax), &orig);
        check(orig == __NR_execve, "tracer", "at that stop orig_ax is still execve's number (59)", (long)orig);
        r = ptrace(PTRACE_GETREGS, pid, NULL, bad_pointer(0x10));
        check(r == -EFAULT, "tracer", "GETREGS to a bad pointer = -EFAULT", r);
        r = ptrace(PTRACE_SETREGS, pid, NULL, bad_pointer(0xffff800000000000UL));
        check(r == -EFAULT, "tracer", "SETREGS from a bad pointer = -EFAULT", r);
        r = ptrace(0x9999, pid, NULL, NULL);
        check(r == -EIO, "tracer", "an unknown request = -EIO", r);
        r = ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)0x40000000UL);
        check(r == -EINVAL, "tracer", "an unknown option = -EINVAL", r);
        r = ptrace(PTRACE_GETREGS, 1, NULL, &u);
        check(r == -ESRCH, "tracer", "GETREGS on a process not traced by us = -ESRCH", r);
        r = ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACESYSGOOD);
        check(r == 0, "tracer", "SETOPTIONS TRACESYSGOOD", r);

        int stops = 0, bad_stops = 0, entering = 1;
        for (;;) {
                if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL)) {
                        check(0, "tracer", "PTRACE_SYSCALL", -1);
                        break;
                }
                status = wait_stop(pid);
                if (!WIFSTOPPED(status))
                        break;
                stops++;
                bad_stops += status != STOP_SYSCALL;
                syscall_stop(pid, entering);
                entering = !entering;
        }
        check(bad_stops == 0 && stops > 20, "tracer", "every syscall stop reports SIGTRAP|0x80", stops);
        check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "tracer",
              "the tracee's exit reaches wait4, status 0", status);
}

/* A rip or CS from SETREGS that IRET refuses: the tracee dies of SIGSEGV. */
static void crash_child(const char *what, unsigned long ip, unsigned long cs)
{
        int status;
        long pid = spawn_traced("crash", &status);
        struct user_regs_struct u;

        ptrace(PTRACE_SYSCALL, pid, NULL, NULL);
        status = wait_stop(pid);                        /* first entry stop */
        get(pid, &u);
        if (ip)
                u.ip = ip;
        if (cs)
                u.cs = cs;
        long r = ptrace(PTRACE_SETREGS, pid, NULL, &u);
        ptrace(PTRACE_CONT, pid, NULL, NULL);
        /* the IRET faults: the SIGSEGV stops for us first, then we deliver it */
        int stop = wait_stop(pid);
        ptrace(PTRACE_CONT, pid, NULL, (void *)SIGSEGV);
        status = wait_stop(pid);
        char line[112];
        snprintf(line, sizeof(line), "%s: SETREGS = %ld, SIGSEGV stop, the tracee dies of SIGSEGV", what, r);
        check(r == 0 && stop == (SIGSEGV << 8 | 0x7f) && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
              "tracer", line, stop);
}

static volatile int sigchlds;
static void count_sigchld(int sig, siginfo_t *si, void *uc)
{
        (void)sig, (void)si, (void)uc;
        sigchlds++;
}

/* A tracer with SA_NOCLDSTOP hears of the tracee's exit by SIGCHLD, not
 * of its stops (Linux's do_notify_parent_cldstop) */
static void nocldstop_child(void)
{
        int status;

        sethandler(SIGCHLD, count_sigchld, SA_NOCLDSTOP);
        sigchlds = 0;
        long pid = spawn_traced("victim", &status);   /* the exec stop */
        int at_stop = sigchlds;
        ptrace(PTRACE_CONT, pid, NULL, NULL);
        status = wait_stop(pid);
        int in_all = sigchlds;
        struct sigaction dfl = { .sa_handler = SIG_DFL };
        sigaction(SIGCHLD, &dfl, NULL);
        check(at_stop == 0 && in_all == 1 && WIFEXITED(status), "tracer",
              "SA_NOCLDSTOP: no SIGCHLD at the stop, one at the exit", at_stop * 10 + in_all);
}

static void kill_child(void)
{
        int status;
        long pid = spawn_traced("victim", &status);

        long r = ptrace(PTRACE_KILL, pid, NULL, NULL);
        status = wait_stop(pid);
        check(r == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
              "tracer", "PTRACE_KILL at a stop: the tracee dies of SIGKILL", status);
}

/* kill(2) with SIGKILL wakes a tracee stopped for its tracer: it dies, and
 * the tracer's wait4 says so (a stopped tracee must not outlive SIGKILL) */
static void sigkill_stopped_child(void)
{
        int status;
        long pid = spawn_traced("victim", &status);

        long r = kill(pid, SIGKILL);
        status = wait_stop(pid);
        check(r == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
              "tracer", "kill(SIGKILL) of a stopped tracee: it dies of SIGKILL", status);
}

/* A traced child that never stops: requests on it are -ESRCH. */
static void running_child(void)
{
        struct user_regs_struct u;
        int status;
        long pid = fork();

        if (pid == 0) {
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                for (int i = 0; i < 20; i++)
                        sched_yield();
                exit(7);
        }
        sched_yield();
        long r = ptrace(PTRACE_GETREGS, pid, NULL, &u);
        check(r == -ESRCH, "tracer", "GETREGS on a running tracee = -ESRCH", r);
        r = ptrace(PTRACE_CONT, pid, NULL, NULL);
        check(r == -ESRCH, "tracer", "CONT on a running tracee = -ESRCH", r);
        r = ptrace(PTRACE_KILL, pid, NULL, NULL);
        long w = waitpid(pid, &status, 0);
        check(r == 0 && w == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
              "tracer", "PTRACE_KILL on a running tracee: it dies of SIGKILL", status);
}

int main(int argc, char **argv)
{
        if (argc > 2 && !strcmp(argv[1], "child")) {
                long tracer = 0;
                for (const char *p = argv[2]; *p; p++)
                        tracer = tracer * 10 + (*p - '0');
                return child_main(tracer);
        }
        if (argc > 1 && !strcmp(argv[1], "crash")) {
                getpid();
                printf("ptrace_syscall: crash child survived\n");
                return 1;
        }
        if (argc > 1)
                return 1;                               /* the victim */

        trace_child();
        crash_child("non-canonical rip 0x800000000000", 0x800000000000UL, 0);
        crash_child("CS 0x13 (kernel code, RPL 3)", 0, 0x13);
        kill_child();
        nocldstop_child();
        sigkill_stopped_child();
        running_child();
        printf("ptrace_syscall: %d failure(s)\n", failures);
        return failures != 0;
}
