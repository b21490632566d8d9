/* ulib.h - the kit's freestanding C library for user programs.
 *
 * Syscall wrappers return what the kernel returned: a result, or -errno
 * (there is no errno variable), so programs can print exactly what the
 * kernel said. Numbers and ABI are Linux's x86-64. */
#ifndef ULIB_H
#define ULIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "uapi/unistd.h"
#include "uapi/errno.h"
#include "uapi/signal.h"
#include "uapi/mman.h"

static inline long syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
        register long r10 __asm__("r10") = a4;
        register long r8 __asm__("r8") = a5;
        register long r9 __asm__("r9") = a6;
        long ret;
        /* SYSCALL overwrites rcx (return rip) and r11 (rflags) */
        __asm__ volatile("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                         : "rcx", "r11", "memory");
        return ret;
}
#define syscall0(n)             syscall6(n, 0, 0, 0, 0, 0, 0)
#define syscall1(n, a)          syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define syscall2(n, a, b)       syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define syscall3(n, a, b, c)    syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define syscall4(n, a, b, c, d) syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

static inline long write(int fd, const void *buf, size_t n) { return syscall3(__NR_write, fd, buf, n); }
static inline long getpid(void) { return syscall0(__NR_getpid); }
static inline long getppid(void) { return syscall0(__NR_getppid); }
struct sysinfo;
static inline long sysinfo(struct sysinfo *info) { return syscall1(__NR_sysinfo, info); }
static inline long sched_yield(void) { return syscall0(__NR_sched_yield); }
static inline long fork(void) { return syscall0(__NR_fork); }
static inline long execve(const char *path, char *const argv[], char *const envp[])
{
        return syscall3(__NR_execve, path, argv, envp);
}
static inline long wait4(int pid, int *status, int options, void *rusage)
{
        return syscall4(__NR_wait4, pid, status, options, rusage);
}
static inline long waitpid(int pid, int *status, int options)
{
        return wait4(pid, status, options, NULL);
}
__attribute__((noreturn)) void exit(int code);

/* signals: the raw syscalls (sigsetsize 8), and sigaction as libc does it,
 * with SA_RESTORER and __restore_rt, which calls rt_sigreturn */
static inline long rt_sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
        return syscall4(__NR_rt_sigaction, sig, act, oact, sizeof(sigset_t));
}
static inline long sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
        return syscall4(__NR_rt_sigprocmask, how, set, oset, sizeof(sigset_t));
}
static inline long kill(int pid, int sig) { return syscall3(__NR_kill, pid, sig, 0); }
static inline long iopl(int level) { return syscall1(__NR_iopl, level); }
/* mmap returns the address, or -errno as a pointer: (long)p < 0 */
static inline void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
        return (void *)syscall6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, off);
}
static inline long munmap(void *addr, size_t len) { return syscall2(__NR_munmap, addr, len); }
void __restore_rt(void);
/* a sigcontext's general registers by number, in the order rax rbx rcx
 * rdx rsi rdi rbp r8-r15 (0..14): for handlers that check or rewrite them all */
static inline unsigned long *sigcontext_reg(struct sigcontext *sc, int i)
{
        unsigned long *const slot[15] = {
                &sc->ax, &sc->bx, &sc->cx, &sc->dx, &sc->si, &sc->di, &sc->bp,
                &sc->r8, &sc->r9, &sc->r10, &sc->r11, &sc->r12, &sc->r13, &sc->r14, &sc->r15,
        };
        return slot[i];
}
long sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
/* a SA_SIGINFO handler for sig, with extra flags; returns sigaction's result */
long sethandler(int sig, void (*handler)(int, siginfo_t *, void *), unsigned long flags);

/* wait status */
#define WIFEXITED(s)    (((s) & 0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)     (((s) >> 8) & 0xff)

static inline uint64_t rdtsc(void)
{
        uint32_t lo, hi;
        __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
        return ((uint64_t)hi << 32) | lo;
}

/* An address the compiler cannot reason about: for tests that pass bad
 * pointers on purpose. */
static inline void *bad_pointer(unsigned long addr)
{
        __asm__("" : "+r"(addr));
        return (void *)addr;
}

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int puts(const char *s);
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

/* env.c: NAME=value in main's envp; numbers (base 0 only: 10, or 16 after 0x) */
const char *env_lookup(char **envp, const char *name);
unsigned long strtoul(const char *s, char **end, int base);

#endif
