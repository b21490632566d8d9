/* syscall_table.c - sys_call_table, indexed by Linux's x86-64 numbers.
 * Unlisted numbers reach sys_ni_syscall (-ENOSYS). */
#include "syscalls.h"

/* every slot starts as sys_ni_syscall and the served ones override it */
#pragma GCC diagnostic ignored "-Woverride-init"

/* Handlers keep their natural C types; the x86-64 ABI passes each argument
 * in its own register, so calling through the common six-argument type is
 * sound (Linux relied on the same before 4.17). */
#define SYSCALL(nr, fn) [nr] = (sys_call_ptr_t)(void (*)(void))fn

/* Syscalls that read or rewrite the whole pt_regs, not just their
 * arguments (Linux's syscall_64.tbl marks them "ptregs"). Their slots point
 * at ptregs_<handler>. A lab whose fast path saves only part of the frame
 * (lab 03) defines ptregs_<handler> itself, as a stub that completes the
 * frame first; every other lab links the weak default made here, one jump
 * to the handler. Adding a ptregs syscall is one line in this list (and,
 * in lab 03, one PTREGS_STUB line). See entry.h. */
#define PTREGS_SYSCALLS(X)                      \
        X(__NR_fork, sys_fork)                  \
        X(__NR_execve, sys_execve)              \
        X(__NR_rt_sigreturn, sys_rt_sigreturn)  \
        X(__NR_iopl, sys_iopl)

#define PTREGS_DEFAULT(nr, fn)                                          \
        __asm__(".pushsection .text\n"                                  \
                ".weak ptregs_" #fn "\n"                                \
                ".type ptregs_" #fn ", @function\n"                     \
                "ptregs_" #fn ":\n\tjmp " #fn "\n"                      \
                ".size ptregs_" #fn ", . - ptregs_" #fn "\n"            \
                ".popsection");                                         \
        void ptregs_##fn(void);
PTREGS_SYSCALLS(PTREGS_DEFAULT)

#define PTREGS_SYSCALL(nr, fn) SYSCALL(nr, ptregs_##fn),

const sys_call_ptr_t sys_call_table[NR_syscalls] = {
        [0 ... NR_syscalls - 1] = (sys_call_ptr_t)(void (*)(void))sys_ni_syscall,
        SYSCALL(__NR_write, sys_write),
        SYSCALL(__NR_sched_yield, sys_sched_yield),
        SYSCALL(__NR_getpid, sys_getpid),
        SYSCALL(__NR_exit, sys_exit),
        SYSCALL(__NR_wait4, sys_wait4),
        SYSCALL(__NR_ptrace, sys_ptrace),
        SYSCALL(__NR_getppid, sys_getppid),
        SYSCALL(__NR_exit_group, sys_exit_group),
        SYSCALL(__NR_prctl, sys_prctl),
        SYSCALL(__NR_seccomp, sys_seccomp),
        SYSCALL(__NR_rt_sigaction, sys_rt_sigaction),
        SYSCALL(__NR_rt_sigprocmask, sys_rt_sigprocmask),
        SYSCALL(__NR_kill, sys_kill),
        PTREGS_SYSCALLS(PTREGS_SYSCALL)
};
