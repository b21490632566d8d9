/* syscall_table.c - sys_call_table, indexed by Linux's x86-64 numbers.
 * Unlisted numbers reach sys_ni_syscall (-ENOSYS).
 *
 * Built once per lab, in the lab's calling convention (syscalls.h): with
 * CONFIG_ARCH_HAS_SYSCALL_WRAPPER each slot is the handler's pt_regs
 * wrapper, __x64_sys_*; without it, the handler itself. */
#include "syscalls.h"

/* every slot starts as sys_ni_syscall and the served ones override it */
#pragma GCC diagnostic ignored "-Woverride-init"

#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
#define SYSCALL_ENTRY(fn) __x64_##fn
#define SYSCALL(nr, fn) [nr] = SYSCALL_ENTRY(fn)
#else
/* Handlers keep their natural C types; the x86-64 ABI passes each argument
 * in its own register, so calling through the common six-argument type is
 * sound (Linux relied on the same before 4.17). */
#define SYSCALL_ENTRY(fn) (sys_call_ptr_t)(void (*)(void))fn
#define SYSCALL(nr, fn) [nr] = SYSCALL_ENTRY(fn)
#endif

/* Syscalls that read or rewrite the whole pt_regs, not just their
 * arguments (Linux's syscall_64.tbl marked them "ptregs" until 4.17). With
 * six-argument handlers their slots point at ptregs_<handler>. A lab whose
 * fast path saves only part of the frame (lab 03) defines ptregs_<handler>
 * itself, as a stub that completes the frame first; labs 01 and 02 link
 * the weak default made here, one jump to the handler. With the pt_regs
 * convention every handler gets the frame and the stubs are gone (seed
 * 001): a lab then forces IRET where a handler rewrote the frame. Adding a
 * ptregs syscall is one line in this list (and, in lab 03, one PTREGS_STUB
 * line). See entry.h. */
#define PTREGS_SYSCALLS(X)                      \
        X(__NR_fork, sys_fork)                  \
        X(__NR_execve, sys_execve)              \
        X(__NR_rt_sigreturn, sys_rt_sigreturn)  \
        X(__NR_iopl, sys_iopl)

#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
#define PTREGS_SYSCALL(nr, fn) SYSCALL(nr, fn),
#else
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
#endif

#define SYSCALLS(X)                                     \
        X(__NR_write, sys_write)                        \
        X(__NR_read, sys_read)                          \
        X(__NR_readv, sys_readv)                        \
        X(__NR_open, sys_open)                          \
        X(__NR_openat, sys_openat)                      \
        X(__NR_close, sys_close)                        \
        X(__NR_mmap, sys_mmap)                          \
        X(__NR_munmap, sys_munmap)                      \
        X(__NR_brk, sys_brk)                            \
        X(__NR_sched_yield, sys_sched_yield)            \
        X(__NR_getpid, sys_getpid)                      \
        X(__NR_exit, sys_exit)                          \
        X(__NR_wait4, sys_wait4)                        \
        X(__NR_ptrace, sys_ptrace)                      \
        X(__NR_getppid, sys_getppid)                    \
        X(__NR_exit_group, sys_exit_group)              \
        X(__NR_prctl, sys_prctl)                        \
        X(__NR_seccomp, sys_seccomp)                    \
        X(__NR_rt_sigaction, sys_rt_sigaction)          \
        X(__NR_rt_sigprocmask, sys_rt_sigprocmask)      \
        X(__NR_kill, sys_kill)                          \
        X(__NR_writev, sys_writev)                      \
        X(__NR_ioctl, sys_ioctl)                        \
        X(__NR_arch_prctl, sys_arch_prctl)              \
        X(__NR_set_tid_address, sys_set_tid_address)    \
        X(__NR_gettid, sys_gettid)                      \
        X(__NR_tkill, sys_tkill)                        \
        X(__NR_tgkill, sys_tgkill)                      \
        X(__NR_mprotect, sys_mprotect)                  \
        X(__NR_madvise, sys_madvise)                    \
        X(__NR_mremap, sys_mremap)                      \
        X(__NR_sigaltstack, sys_sigaltstack)            \
        X(__NR_sched_setaffinity, sys_sched_setaffinity) \
        X(__NR_sched_getaffinity, sys_sched_getaffinity) \
        X(__NR_ioperm, sys_ioperm)                      \
        X(__NR_setresuid, sys_setresuid)                \
        X(__NR_getresuid, sys_getresuid)                \
        X(__NR_getuid, sys_getuid)                      \
        X(__NR_geteuid, sys_geteuid)                    \
        X(__NR_nanosleep, sys_nanosleep)                \
        X(__NR_clock_nanosleep, sys_clock_nanosleep)    \
        X(__NR_clock_gettime, sys_clock_gettime)        \
        X(__NR_clock_getres, sys_clock_getres)          \
        X(__NR_restart_syscall, sys_restart_syscall)

#ifdef CONFIG_ARCH_HAS_SYSCALL_WRAPPER
#define DECLARE_WRAPPER(nr, fn) long __x64_##fn(const struct pt_regs *regs);
DECLARE_WRAPPER(0, sys_ni_syscall)
SYSCALLS(DECLARE_WRAPPER)
PTREGS_SYSCALLS(DECLARE_WRAPPER)
#endif

#define TABLE_SLOT(nr, fn) SYSCALL(nr, fn),

const sys_call_ptr_t sys_call_table[NR_syscalls] = {
        [0 ... NR_syscalls - 1] = SYSCALL_ENTRY(sys_ni_syscall),
        SYSCALLS(TABLE_SLOT)
        PTREGS_SYSCALLS(PTREGS_SYSCALL)
};
