/* syscall_arg_fault - bad pointers handed to the kernel cost the caller
 * -EFAULT and nothing else (Linux selftest syscall_arg_fault, and the
 * kernel's own rule: user memory only through copy_from_user/
 * copy_to_user): NULL, unmapped, read-only where the kernel writes,
 * kernel-half and non-canonical addresses, for every syscall that takes a
 * pointer. Then SYSCALL with a garbage rsp (the kernel must not use the
 * user stack), and a signal whose frame cannot be written (SIGSEGV). */
#include "ulib.h"

static const sigset_t read_only_set = 0;

static const struct { const char *name; unsigned long addr; } bad[] = {
        { "null", 0 },
        { "unmapped", 0x10000000 },
        { "last-user-page", 0x7ffffffff000 },
        { "non-canonical", 0x8000000000000000 },
        { "kernel", 0xffffffff80100000 },
};

static int failures;

static void expect(const char *what, const char *where, long got)
{
        int ok = got == -EFAULT;
        failures += !ok;
        printf("syscall_arg_fault: %s(%s) = %ld %s\n", what, where, got, ok ? "ok" : "FAIL");
}

/* a child's exit status copied to a bad pointer: -EFAULT, and the child
 * is gone all the same (Linux reaps it before the copy) */
static long wait4_bad(void *status)
{
        long pid = fork();
        if (pid == 0)
                exit(0);
        long r = wait4(pid, status, 0, NULL);
        long again = wait4(pid, NULL, 0, NULL);
        if (again != -ECHILD) {
                printf("syscall_arg_fault: child still there after wait4: %ld FAIL\n", again);
                failures++;
        }
        return r;
}

static void counter(int sig, siginfo_t *si, void *ctx) { }

int main(void)
{
        struct sigaction sa = { .sa_handler = SIG_DFL };
        sigset_t set = 0;

        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                void *p = bad_pointer(bad[i].addr);
                const char *w = bad[i].name;
                char *argv[] = { "/bin/echoargs", NULL };
                expect("write", w, write(1, p, 8));
                expect("execve-path", w, execve(p, argv, argv + 1));
                if (!bad[i].addr)       /* NULL means "none" to the rest */
                        continue;
                expect("execve-argv", w, execve("/bin/echoargs", p, argv + 1));
                expect("execve-envp", w, execve("/bin/echoargs", argv, p));
                expect("wait4-status", w, wait4_bad(p));
                expect("rt_sigaction-act", w, rt_sigaction(SIGUSR1, p, NULL));
                expect("rt_sigaction-oact", w, rt_sigaction(SIGUSR1, &sa, p));
                expect("rt_sigprocmask-set", w, sigprocmask(SIG_BLOCK, p, NULL));
                expect("rt_sigprocmask-oset", w, sigprocmask(SIG_BLOCK, &set, p));
        }
        /* the kernel writes: read-only memory is as bad as none */
        void *ro = bad_pointer((unsigned long)&read_only_set);
        expect("rt_sigprocmask-oset", "read-only", sigprocmask(SIG_BLOCK, &set, ro));
        expect("rt_sigaction-oact", "read-only", rt_sigaction(SIGUSR1, &sa, ro));
        expect("wait4-status", "read-only", wait4_bad(ro));

        /* SYSCALL with a garbage stack pointer: the kernel has its own */
        static const unsigned long sps[] = { 0, 0x8000000000000000, 0xffffffff80100000 };
        for (size_t i = 0; i < 3; i++) {
                long r;
                __asm__ volatile("movq %%rsp, %%r12\n\t"
                                 "movq %[sp], %%rsp\n\t"
                                 "syscall\n\t"
                                 "movq %%r12, %%rsp"
                                 : "=a"(r) : "a"(__NR_getpid), [sp] "r"(sps[i])
                                 : "rcx", "r11", "r12", "memory");
                int ok = r == getpid();
                failures += !ok;
                printf("syscall_arg_fault: syscall with rsp=%#lx: getpid_ok=%d %s\n", sps[i], ok,
                       ok ? "ok" : "FAIL");
        }

        /* a handler whose frame cannot be written: SIGSEGV, by force */
        int status;
        long pid = fork();
        if (pid == 0) {
                sethandler(SIGUSR1, counter, 0);
                long self = getpid();
                __asm__ volatile("movq %%rsp, %%r12\n\t"
                                 "movq $0x10000000, %%rsp\n\t"
                                 "syscall\n\t"
                                 "movq %%r12, %%rsp"
                                 :: "a"(__NR_kill), "D"(self), "S"(SIGUSR1)
                                 : "rcx", "r11", "r12", "memory");
                exit(0);
        }
        waitpid(pid, &status, 0);
        int ok = status == SIGSEGV;
        failures += !ok;
        printf("syscall_arg_fault: signal frame on an unmapped stack: status=%#x %s\n", status,
               ok ? "ok" : "FAIL");
        printf("syscall_arg_fault: %d failure(s)\n", failures);
        return failures != 0;
}
