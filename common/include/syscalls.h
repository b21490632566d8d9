/* syscalls.h - the syscall table and the handlers in it. */
#ifndef SYSCALLS_H
#define SYSCALLS_H

#include "types.h"
#include "ptrace.h"
#include "syscall_wrapper.h"
#include "uapi/unistd.h"
#include "uapi/errno.h"

/* The table's calling convention is the lab's choice (its config file):
 * labs 01-03 pass the six argument registers (rdi, rsi, rdx, r10, r8, r9)
 * as plain C arguments to sys_*; from lab 04 on (Linux 4.17,
 * CONFIG_ARCH_HAS_SYSCALL_WRAPPER) the frame alone goes to __x64_sys_*,
 * which loads what its handler takes (syscall_wrapper.h). Handlers that
 * need the whole frame (fork, execve) find it with current_pt_regs(). */
#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);
#else
typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
                               unsigned long, unsigned long, unsigned long);
#endif
extern const sys_call_ptr_t sys_call_table[NR_syscalls];

/* The number is an int, and only numbers below NR_syscalls index the
 * table. A mispredicted bounds check must not let the CPU read the table
 * out of bounds even speculatively (Spectre v1, "x86/syscall: Sanitize
 * syscall table de-references under speculation", 2018): the mask is all
 * ones for nr < size and zero otherwise, computed with cmp/sbb, no branch. */
static inline unsigned long array_index_mask_nospec(unsigned long index,
                                                    unsigned long size)
{
        unsigned long mask;

        asm volatile("cmp %1, %2; sbb %0, %0" : "=r"(mask) : "g"(size), "r"(index) : "cc");
        return mask;
}
#define array_index_nospec(index, size) \
        ((index) & array_index_mask_nospec((index), (size)))

long sys_ni_syscall(void);
long sys_write(int fd, const char __user *buf, size_t count);
/* common/kernel/mmap.c */
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
              int fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_sched_yield(void);
long sys_getpid(void);
long sys_getppid(void);
struct sysinfo;
long sys_sysinfo(struct sysinfo __user *info);
long sys_fork(void);
long sys_execve(const char __user *path, const char __user *const __user *argv,
                const char __user *const __user *envp);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int __user *status, int options, void __user *rusage);
long sys_ptrace(long request, long pid, unsigned long addr, unsigned long data);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
               unsigned long arg5);
long sys_seccomp(unsigned int op, unsigned int flags, void __user *uargs);
/* signals: common/kernel/signal.c, common/arch/signal_64.c */
struct sigaction;
long sys_rt_sigaction(int sig, const struct sigaction __user *act,
                      struct sigaction __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const unsigned long __user *set,
                        unsigned long __user *oset, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_kill(int pid, int sig);
/* common/arch/ioport.c */
long sys_iopl(unsigned int level);
/* the console (sys.c, read_write.c) */
long console_write(const char __user *buf, size_t count);
struct iovec;
long sys_writev(int fd, const struct iovec __user *vec, unsigned long vlen);
long sys_readv(int fd, const struct iovec __user *vec, unsigned long vlen);
long sys_read(int fd, char __user *buf, size_t count);
/* open files: common/kernel/file.c */
long sys_open(const char __user *filename, int flags, unsigned int mode);
long sys_openat(int dfd, const char __user *filename, int flags, unsigned int mode);
long sys_close(unsigned int fd);
bool fd_is_console(int fd);
bool fd_is_null(int fd);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
/* a C library's start-up: common/kernel/tls.c */
long sys_arch_prctl(int option, unsigned long arg2);
long sys_set_tid_address(int __user *tidptr);
long sys_gettid(void);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
/* changing mappings: common/kernel/mprotect.c */
long sys_mprotect(unsigned long addr, size_t len, unsigned long prot);
long sys_madvise(unsigned long addr, size_t len, int advice);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
                unsigned long flags, unsigned long new_addr);
/* common/kernel/sigaltstack.c, affinity.c */
struct sigaltstack;
long sys_sigaltstack(const struct sigaltstack __user *uss, struct sigaltstack __user *uoss);
long sys_sched_setaffinity(int pid, unsigned int len, unsigned long __user *mask);
long sys_sched_getaffinity(int pid, unsigned int len, unsigned long __user *mask);
long sys_ioperm(unsigned long from, unsigned long num, int turn_on);
/* user ids: common/kernel/cred.c */
long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid);
long sys_getresuid(unsigned int __user *ruid, unsigned int __user *euid, unsigned int __user *suid);
long sys_getuid(void);
long sys_geteuid(void);
/* the heap: common/kernel/brk.c */
long sys_brk(unsigned long brk);
/* time: common/kernel/time.c, nanosleep.c; restart_syscall in signal.c */
struct timespec;
long sys_clock_gettime(int which, struct timespec __user *tp);
long sys_clock_getres(int which, struct timespec __user *tp);
long sys_nanosleep(const struct timespec __user *rqtp, struct timespec __user *rmtp);
long sys_clock_nanosleep(int which, int flags, const struct timespec __user *rqtp,
                         struct timespec __user *rmtp);
long sys_restart_syscall(void);

#endif
