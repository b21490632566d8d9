/* seccomp_bad - programs the filter checker must refuse (-EINVAL), bad
 * pointers (-EFAULT), and the limits: a 4096-instruction filter is taken,
 * 4097 is not, and filters stack until the 32768-instruction path limit
 * (-ENOMEM). Nothing refused may be installed, and the kernel lives on.
 * Prints "seccomp_bad: <what> = <result>: ok" or FAIL; exits 0 if all ok. */
#include "trace.h"

#define LD_ABS(k)       BPF_STMT(BPF_LD | BPF_W | BPF_ABS, k)
#define RET(k)          BPF_STMT(BPF_RET | BPF_K, k)

static int failures;

static void expect(const char *what, long got, long want)
{
        printf("seccomp_bad: %s = %ld: %s\n", what, got, got == want ? "ok" : "FAIL");
        failures += got != want;
}

static long install(struct sock_filter *f, unsigned short len)
{
        struct sock_fprog prog = { len, f };
        return seccomp(SECCOMP_SET_MODE_FILTER, 0, &prog);
}

#define TRY(what, want, ...) do { \
                struct sock_filter f_[] = { __VA_ARGS__ }; \
                expect(what, install(f_, sizeof(f_) / sizeof(f_[0])), want); \
        } while (0)

static struct sock_filter big[BPF_MAXINSNS + 1];

int main(void)
{
        TRY("unknown opcode", -EINVAL, BPF_STMT(0xffff, 0), RET(SECCOMP_RET_ALLOW));
        TRY("conditional jump past the end", -EINVAL,
            LD_ABS(0), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 39, 5, 0), RET(SECCOMP_RET_ALLOW));
        TRY("JA past the end", -EINVAL, BPF_STMT(BPF_JMP | BPF_JA, 1), RET(SECCOMP_RET_ALLOW));
        TRY("JA backwards (k = -2)", -EINVAL, RET(SECCOMP_RET_ALLOW),
            BPF_STMT(BPF_JMP | BPF_JA, 0xfffffffe), RET(SECCOMP_RET_ALLOW));
        TRY("last instruction not RET", -EINVAL, RET(SECCOMP_RET_ALLOW), LD_ABS(0));
        TRY("misaligned load (k = 1)", -EINVAL, LD_ABS(1), RET(SECCOMP_RET_ALLOW));
        TRY("load past seccomp_data (k = 64)", -EINVAL, LD_ABS(64), RET(SECCOMP_RET_ALLOW));
        TRY("byte load (packet op)", -EINVAL,
            BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 0), RET(SECCOMP_RET_ALLOW));
        TRY("indirect load (packet op)", -EINVAL,
            BPF_STMT(BPF_LD | BPF_W | BPF_IND, 0), RET(SECCOMP_RET_ALLOW));
        TRY("MOD (not for seccomp)", -EINVAL,
            BPF_STMT(BPF_ALU | BPF_MOD | BPF_K, 3), RET(SECCOMP_RET_ALLOW));
        TRY("division by constant 0", -EINVAL,
            BPF_STMT(BPF_ALU | BPF_DIV | BPF_K, 0), RET(SECCOMP_RET_ALLOW));
        TRY("shift by 32", -EINVAL,
            BPF_STMT(BPF_ALU | BPF_LSH | BPF_K, 32), RET(SECCOMP_RET_ALLOW));
        TRY("scratch memory read before written", -EINVAL,
            BPF_STMT(BPF_LD | BPF_MEM, 0), BPF_STMT(BPF_RET | BPF_A, 0));
        TRY("scratch memory index 16", -EINVAL,
            BPF_STMT(BPF_ST, 16), RET(SECCOMP_RET_ALLOW));
        TRY("memory written on one path only", -EINVAL,
            LD_ABS(0), BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 39, 0, 1), BPF_STMT(BPF_ST, 2),
            BPF_STMT(BPF_LD | BPF_MEM, 2), BPF_STMT(BPF_RET | BPF_A, 0));

        expect("length 0", install(big, 0), -EINVAL);
        for (int i = 0; i <= BPF_MAXINSNS; i++)
                big[i] = (struct sock_filter)RET(SECCOMP_RET_ALLOW);
        expect("length 4097", install(big, BPF_MAXINSNS + 1), -EINVAL);
        expect("bad sock_fprog pointer", seccomp(SECCOMP_SET_MODE_FILTER, 0, bad_pointer(0x10)), -EFAULT);
        struct sock_fprog badf = { 1, bad_pointer(0x7fff00000000UL) };
        expect("bad filter pointer", seccomp(SECCOMP_SET_MODE_FILTER, 0, &badf), -EFAULT);
        struct sock_fprog ok1 = { 1, big };
        expect("unknown flag", seccomp(SECCOMP_SET_MODE_FILTER, 0x100, &ok1), -EINVAL);
        expect("unknown operation", seccomp(99, 0, &ok1), -EINVAL);
        expect("prctl mode 3", prctl(PR_SET_SECCOMP, 3, (unsigned long)&ok1, 0, 0), -EINVAL);
        struct sock_filter nret[] = { LD_ABS(0) };
        struct sock_fprog bad = { 1, nret };
        expect("prctl with a bad program", prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (unsigned long)&bad, 0, 0), -EINVAL);
        expect("nothing installed: PR_GET_SECCOMP", prctl(PR_GET_SECCOMP, 0, 0, 0, 0), 0);

        /* a scratch-memory round trip is fine */
        TRY("ST then LD MEM", 0, BPF_STMT(BPF_LD | BPF_IMM, SECCOMP_RET_ALLOW), BPF_STMT(BPF_ST, 3),
            BPF_STMT(BPF_LD | BPF_IMM, 0), BPF_STMT(BPF_LD | BPF_MEM, 3), BPF_STMT(BPF_RET | BPF_A, 0));
        /* 4096 instructions: taken; stacked until the path holds 32768 */
        int n = 0;
        long r;
        while ((r = install(big, BPF_MAXINSNS)) == 0)
                n++;
        printf("seccomp_bad: 4096-instruction filters stacked: %d, then %ld: %s\n", n, r,
               n == 7 && r == -ENOMEM ? "ok" : "FAIL");
        failures += !(n == 7 && r == -ENOMEM);
        expect("getpid under 8 filters is positive", getpid() > 0, 1);
        expect("PR_GET_SECCOMP", prctl(PR_GET_SECCOMP, 0, 0, 0, 0), SECCOMP_MODE_FILTER);
        printf("seccomp_bad: %d failure(s)\n", failures);
        return failures != 0;
}
