/* seccomp_filter - each seccomp action, in a child of its own: ALLOW,
 * ERRNO, TRAP, KILL_PROCESS and KILL_THREAD, TRACE without a tracer and
 * with one (PTRACE_O_TRACESECCOMP), strict mode; filters stacking (the most
 * restrictive wins), inherited across fork and kept across execve; numbers
 * out of range and negative seen by a filter. Prints
 * "seccomp_filter: <what>: ok" or FAIL; exits 0 only if all passed. */
#include "trace.h"

#define NR              offsetof(struct seccomp_data, nr)
#define ARCH            offsetof(struct seccomp_data, arch)
#define ARG0            offsetof(struct seccomp_data, args[0])
#define LD(k)           BPF_STMT(BPF_LD | BPF_W | BPF_ABS, k)
#define RET(k)          BPF_STMT(BPF_RET | BPF_K, k)
#define JEQ(k, t, f)    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k, t, f)
/* nr == n: return action, else fall through to the next test */
#define MATCH(n, action) JEQ(n, 0, 1), RET(action)

static int failures;

static void check(int ok, const char *what, long got)
{
        if (ok)
                printf("seccomp_filter: %s: ok\n", what);
        else
                printf("seccomp_filter: %s: FAIL (got %ld = %#lx)\n", what, got, got);
        failures += !ok;
}

static long install(struct sock_filter *f, unsigned short len)
{
        struct sock_fprog prog = { len, f };
        return seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog);
}
#define INSTALL(...) ({ \
                struct sock_filter f_[] = { __VA_ARGS__ }; \
                install(f_, sizeof(f_) / sizeof(f_[0])); \
        })

/* Run fn in a child; returns its wait status. */
static int in_child(void (*fn)(void))
{
        int status = -1;
        long pid = fork();

        if (pid == 0) {
                failures = 0;           /* the child counts only its own */
                fn();
                exit(failures != 0);
        }
        waitpid(pid, &status, 0);
        return status;
}

static void allow_all(void)
{
        check(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 0, "no_new_privs starts 0", 0);
        check(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0, "PR_SET_NO_NEW_PRIVS", 0);
        long r = INSTALL(RET(SECCOMP_RET_ALLOW));
        check(r == 0, "allow-all: seccomp() = 0", r);
        check(prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == SECCOMP_MODE_FILTER, "allow-all: PR_GET_SECCOMP = 2", 0);
        r = getppid();
        check(r > 0, "allow-all: getppid runs", r);
        check(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1, "no_new_privs reads 1", 0);
}

static void errno_action(void)
{
        struct sock_filter f[] = {
                LD(ARCH), JEQ(AUDIT_ARCH_X86_64, 1, 0), RET(SECCOMP_RET_KILL_PROCESS),
                LD(NR), MATCH(__NR_getpid, SECCOMP_RET_ERRNO | 42),
                MATCH(__NR_getppid, SECCOMP_RET_ERRNO | 0xffff),
                JEQ(__NR_write, 0, 3), LD(ARG0), MATCH(99, SECCOMP_RET_ERRNO | 7),
                RET(SECCOMP_RET_ALLOW),
        };
        struct sock_fprog prog = { sizeof(f) / sizeof(f[0]), f };
        long r = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (unsigned long)&prog, 0, 0);
        check(r == 0, "errno: prctl(PR_SET_SECCOMP) = 0", r);
        r = getpid();
        check(r == -42, "errno: getpid = -42, skipped", r);
        r = getppid();
        check(r == -4095, "errno: data 0xffff is capped at -4095", r);
        r = write(99, "x", 1);
        check(r == -7, "errno: write(99, ...) = -7 (the filter read args[0])", r);
        r = write(1, "", 0);
        check(r == 0, "errno: write(1, ...) allowed", r);
}

/* RET_TRAP: a SIGSYS handler sees SYS_SECCOMP, the filter's data in
 * si_errno, the call's address, number and arch, and the frame rolled back
 * (rax = the number); what it puts in rax is the syscall's result. */
static volatile long trap_hits, trap_code, trap_errno, trap_syscall, trap_rax;
static volatile unsigned long trap_arch, trap_addr;

static void sigsys_handler(int sig, siginfo_t *si, void *uc_)
{
        struct ucontext *uc = uc_;

        trap_hits++;
        trap_code = si->si_code;
        trap_errno = si->si_errno;
        trap_syscall = si->si_syscall;
        trap_arch = si->si_arch;
        trap_addr = (unsigned long)si->si_call_addr;
        trap_rax = uc->uc_mcontext.ax;
        uc->uc_mcontext.ax = 0x7ee7;
        (void)sig;
}

extern char seccomp_trap_ret[];

static __attribute__((noinline)) long trapped_getppid(void)
{
        long ret;
        __asm__ volatile("syscall\n.globl seccomp_trap_ret\nseccomp_trap_ret:"
                         : "=a"(ret) : "a"(__NR_getppid) : "rcx", "r11", "memory");
        return ret;
}

static void trap_action(void)
{
        check(sethandler(SIGSYS, sigsys_handler, 0) == 0, "trap: SIGSYS handler installed", 0);
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_TRAP | 7), RET(SECCOMP_RET_ALLOW));
        long r = trapped_getppid();
        check(trap_hits == 1, "trap: the handler ran once", trap_hits);
        check(trap_code == SYS_SECCOMP && trap_errno == 7, "trap: si_code SYS_SECCOMP, si_errno = data 7", trap_code);
        check(trap_syscall == __NR_getppid && trap_arch == AUDIT_ARCH_X86_64,
              "trap: si_syscall 110, si_arch AUDIT_ARCH_X86_64", trap_syscall);
        check(trap_addr == (unsigned long)seccomp_trap_ret, "trap: si_call_addr = the rip after SYSCALL", trap_addr);
        check(trap_rax == __NR_getppid, "trap: the handler's rax is the number (rolled back)", trap_rax);
        check(r == 0x7ee7, "trap: getppid skipped, returns the handler's rax", r);
}

/* Without a handler, SIGSYS's default action ends the process. */
static void trap_default(void)
{
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_TRAP | 7), RET(SECCOMP_RET_ALLOW));
        getppid();
        failures++;
}
static void kill_process(void)
{
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_KILL_PROCESS), RET(SECCOMP_RET_ALLOW));
        getppid();
        failures++;
}

static void kill_thread(void)
{
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_KILL_THREAD), RET(SECCOMP_RET_ALLOW));
        getppid();
        failures++;
}

static void trace_untraced(void)
{
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_TRACE | 5), RET(SECCOMP_RET_ALLOW));
        long r = getppid();
        check(r == -ENOSYS, "trace without a tracer: -ENOSYS", r);
}

static void strict_mode(void)
{
        long r = seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL);
        check(r == 0, "strict: seccomp(SET_MODE_STRICT) = 0, write still works", r);
        getpid();
        failures++;
}

/* Newest first; among equal actions the newest wins; KILL beats all. */
static void stacking(void)
{
        INSTALL(LD(NR), MATCH(__NR_getpid, SECCOMP_RET_ERRNO | 5), RET(SECCOMP_RET_ALLOW));
        INSTALL(RET(SECCOMP_RET_ALLOW));
        long r = getpid();
        check(r == -5, "stacked: a later ALLOW does not undo ERRNO", r);
        INSTALL(LD(NR), MATCH(__NR_getpid, SECCOMP_RET_ERRNO | 9), RET(SECCOMP_RET_ALLOW));
        INSTALL(LD(NR), MATCH(__NR_getpid, SECCOMP_RET_TRACE), RET(SECCOMP_RET_ALLOW));
        r = getpid();
        check(r == -9, "stacked: newest ERRNO wins, TRACE is weaker", r);
        INSTALL(LD(NR), MATCH(__NR_getpid, SECCOMP_RET_KILL_PROCESS), RET(SECCOMP_RET_ALLOW));
        getpid();
        failures++;
}

static void inherited(void)
{
        INSTALL(LD(NR), MATCH(__NR_getpid, SECCOMP_RET_ERRNO | 3), RET(SECCOMP_RET_ALLOW));
        int status = -1;
        long pid = fork();
        if (pid == 0) {
                failures = 0;
                long r = getpid();
                check(r == -3, "inherited: the fork child's getpid = -3", r);
                check(prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 2, "inherited: the fork child's mode is 2", 0);
                char self[] = "/bin/seccomp_filter", mode[] = "exec-check";
                char *argv[] = { self, mode, NULL }, *envp[] = { NULL };
                if (failures)
                        exit(1);
                execve(self, argv, envp);
                exit(2);
        }
        waitpid(pid, &status, 0);
        check(status == 0, "inherited: the filter survives execve in the child", status);
        long r = getpid();
        check(r == -3, "inherited: the parent's getpid = -3", r);
}

static void numbers(void)
{
        INSTALL(LD(NR), MATCH(1000, SECCOMP_RET_ERRNO | 33),
                MATCH(0xffffffff, SECCOMP_RET_ERRNO | 34), RET(SECCOMP_RET_ALLOW));
        long r = syscall0(1000);
        check(r == -33, "numbers: 1000 reaches the filter (-33)", r);
        r = syscall0(-1);
        check(r == -34, "numbers: -1 reaches the filter (-34)", r);
        r = syscall0(500);
        check(r == -ENOSYS, "numbers: 500 allowed, then -ENOSYS", r);
        r = syscall0(0x7fffffff);
        check(r == -ENOSYS, "numbers: 0x7fffffff allowed, then -ENOSYS", r);
}

/* The traced child: a filter asking for the tracer on getppid and getpid. */
static int traced_main(void)
{
        INSTALL(LD(NR), MATCH(__NR_getppid, SECCOMP_RET_TRACE | 0x77),
                MATCH(__NR_getpid, SECCOMP_RET_TRACE | 0x78), RET(SECCOMP_RET_ALLOW));
        long r = getppid();
        long p = getpid();
        check(r == 555, "trace: the tracer skipped getppid with ax = 555", r);
        check(p > 1, "trace: getpid ran after its stop", p);
        return failures != 0;
}

static void trace_traced(void)
{
        int status;
        long pid = fork();

        if (pid == 0) {
                char self[] = "/bin/seccomp_filter", mode[] = "traced";
                char *argv[] = { self, mode, NULL }, *envp[] = { NULL };
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                execve(self, argv, envp);
                exit(2);
        }
        waitpid(pid, &status, 0);
        ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_TRACESECCOMP);
        /* the second stop is resumed with SIGTERM: an event stop drops
         * such a signal (ptrace(2)), so the tracee still exits 0 */
        int stops = 0;
        long resume_with = 0;
        for (;;) {
                ptrace(PTRACE_CONT, pid, NULL, (void *)resume_with);
                resume_with = 0;
                waitpid(pid, &status, 0);
                if (!WIFSTOPPED(status))
                        break;
                unsigned long msg = 0;
                struct user_regs_struct u;
                ptrace(PTRACE_GETEVENTMSG, pid, NULL, &msg);
                ptrace(PTRACE_GETREGS, pid, NULL, &u);
                stops++;
                if (stops == 1) {
                        check(status >> 8 == (SIGTRAP | PTRACE_EVENT_SECCOMP << 8) &&
                              msg == 0x77 && u.orig_ax == __NR_getppid,
                              "trace: stop 0x705 with event message 0x77 at getppid", status);
                        u.orig_ax = -1;
                        u.ax = 555;
                        ptrace(PTRACE_SETREGS, pid, NULL, &u);
                } else if (stops == 2) {
                        check(msg == 0x78 && u.orig_ax == __NR_getpid,
                              "trace: second stop, message 0x78 at getpid", msg);
                        resume_with = SIGTERM;
                }
        }
        check(stops == 2 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "trace: two stops, the tracee exits 0", status);
}

static void expect_signal(const char *what, int status, int sig)
{
        check(WIFSIGNALED(status) && WTERMSIG(status) == sig, what, status);
}

int main(int argc, char **argv)
{
        if (argc > 1 && !strcmp(argv[1], "exec-check"))
                return getpid() != -3;
        if (argc > 1 && !strcmp(argv[1], "traced"))
                return traced_main();

        check(in_child(allow_all) == 0, "allow-all child exits 0", 0);
        check(in_child(errno_action) == 0, "errno child exits 0", 0);
        check(in_child(trap_action) == 0, "trap child exits 0", 0);
        expect_signal("trap without a handler: killed by SIGSYS", in_child(trap_default), SIGSYS);
        expect_signal("kill-process: killed by SIGSYS", in_child(kill_process), SIGSYS);
        expect_signal("kill-thread: killed by SIGSYS", in_child(kill_thread), SIGSYS);
        check(in_child(trace_untraced) == 0, "trace-untraced child exits 0", 0);
        trace_traced();
        expect_signal("strict: getpid kills with SIGKILL", in_child(strict_mode), SIGKILL);
        expect_signal("stacked: KILL_PROCESS beats all", in_child(stacking), SIGSYS);
        check(in_child(inherited) == 0, "inherited child exits 0", 0);
        check(in_child(numbers) == 0, "numbers child exits 0", 0);
        printf("seccomp_filter: %d failure(s)\n", failures);
        return failures != 0;
}
