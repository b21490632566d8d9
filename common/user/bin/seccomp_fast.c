/* seccomp_fast - syscalls under a seccomp filter that needs no tracer:
 * ALLOW for getpid, ERRNO (EPERM) for getppid. Both can be answered in
 * phase 1, so from lab 05 on both may leave by SYSRET. Each SYSCALL has a
 * global label, so the tests can watch its exit from GDB. Prints
 * "seccomp_fast: <what>: ok" or FAIL; exits 0 only if all passed. */
#include "trace.h"

#define LD(k)           BPF_STMT(BPF_LD | BPF_W | BPF_ABS, k)
#define RET(k)          BPF_STMT(BPF_RET | BPF_K, k)
#define JEQ(k, t, f)    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k, t, f)

/* one SYSCALL, labelled seccomp_fast_<name>, with no argument */
#define LABELLED_SYSCALL0(name, nr) ({                                          \
        long ret_;                                                              \
        __asm__ volatile(".globl seccomp_fast_" #name "\n"                      \
                         "seccomp_fast_" #name ":\n\tsyscall"                   \
                         : "=a"(ret_) : "a"((long)(nr)) : "rcx", "r11", "memory"); \
        ret_;                                                                   \
})

/* getpid through the labelled SYSCALL seccomp_fast_allow */
static __attribute__((noinline, noclone)) long allowed_getpid(void)
{
        return LABELLED_SYSCALL0(allow, __NR_getpid);
}

static int failures;

static void check(int ok, const char *what, long got)
{
        if (ok)
                printf("seccomp_fast: %s: ok\n", what);
        else
                printf("seccomp_fast: %s: FAIL (got %ld)\n", what, got);
        failures += !ok;
}

int main(void)
{
        struct sock_filter filter[] = {
                LD(offsetof(struct seccomp_data, nr)),
                JEQ(__NR_getppid, 0, 1),
                RET(SECCOMP_RET_ERRNO | EPERM),
                RET(SECCOMP_RET_ALLOW),
        };
        struct sock_fprog prog = { sizeof(filter) / sizeof(filter[0]), filter };
        long mine = getpid();

        check(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0, "PR_SET_NO_NEW_PRIVS", 0);
        long r = seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog);
        check(r == 0, "filter installed", r);
        for (int i = 0; i < 3; i++) {
                r = allowed_getpid();
                check(r == mine, "ALLOW: getpid is the pid", r);
        }
        r = LABELLED_SYSCALL0(errno, __NR_getppid);
        check(r == -EPERM, "ERRNO: getppid skipped, -EPERM", r);
        printf("seccomp_fast: %d failure(s)\n", failures);
        return failures != 0;
}
