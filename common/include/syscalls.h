/* syscalls.h - the syscall table and the handlers in it. */
#ifndef SYSCALLS_H
#define SYSCALLS_H

#include "types.h"
#include "uapi/unistd.h"
#include "uapi/errno.h"

/* Every handler takes the six argument registers (rdi, rsi, rdx, r10, r8,
 * r9) as plain C arguments; handlers that need the whole frame (fork,
 * execve) find it with current_pt_regs(). */
typedef long (*sys_call_ptr_t)(unsigned long, unsigned long, unsigned long,
                               unsigned long, unsigned long, unsigned long);
extern const sys_call_ptr_t sys_call_table[NR_syscalls];

long sys_ni_syscall(void);
long sys_write(int fd, const char *buf, size_t count);
long sys_sched_yield(void);
long sys_getpid(void);
long sys_getppid(void);
long sys_fork(void);
long sys_execve(const char *path, const char *const *argv, const char *const *envp);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int *status, int options, void *rusage);
long sys_ptrace(long request, long pid, unsigned long addr, unsigned long data);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
               unsigned long arg5);
long sys_seccomp(unsigned int op, unsigned int flags, void *uargs);
/* signals: common/kernel/signal.c, common/arch/signal_64.c */
struct sigaction;
long sys_rt_sigaction(int sig, const struct sigaction *act, struct sigaction *oact,
                      size_t sigsetsize);
long sys_rt_sigprocmask(int how, const unsigned long *set, unsigned long *oset,
                        size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_kill(int pid, int sig);
/* common/arch/ioport.c */
long sys_iopl(unsigned int level);

#endif
