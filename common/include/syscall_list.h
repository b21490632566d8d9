/* syscall_list.h - the syscalls the kit serves, as X-macro lists of
 * (number, handler): syscall_table.c builds sys_call_table from them, and
 * the user programs that must tell a served number from an unserved one
 * (the fuzzer) read the same lists, so the two can never disagree.
 * Needs the __NR_* numbers (uapi/unistd.h) first. Adding a syscall is one
 * line here. */
#ifndef SYSCALL_LIST_H
#define SYSCALL_LIST_H

/* Syscalls that read or rewrite the whole pt_regs, not just their
 * arguments (Linux's syscall_64.tbl marked them "ptregs" until 4.17). With
 * six-argument handlers their slots point at ptregs_<handler>. A lab whose
 * fast path saves only part of the frame (lab 03) defines ptregs_<handler>
 * itself, as a stub that completes the frame first; labs 01 and 02 link
 * the weak default syscall_table.c makes, one jump to the handler. With
 * the pt_regs convention every handler gets the frame and the stubs are
 * gone (seed 001): a lab then forces IRET where a handler rewrote the
 * frame. Adding a ptregs syscall is one line in this list (and, in lab 03,
 * one PTREGS_STUB line). See entry.h. */
#define PTREGS_SYSCALLS(X)                      \
        X(__NR_fork, sys_fork)                  \
        X(__NR_execve, sys_execve)              \
        X(__NR_rt_sigreturn, sys_rt_sigreturn)  \
        X(__NR_iopl, sys_iopl)

/* the others: arguments in, a value out */
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
        X(__NR_sysinfo, sys_sysinfo)                    \
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

#endif
