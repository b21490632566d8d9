/* unistd.h - Linux's x86-64 syscall numbers (arch/x86/entry/syscalls/
 * syscall_64.tbl), shared by the kernel and user programs. */
#ifndef UAPI_UNISTD_H
#define UAPI_UNISTD_H

#define __NR_read               0
#define __NR_write              1
#define __NR_open               2
#define __NR_close              3
#define __NR_mmap               9
#define __NR_mprotect           10
#define __NR_munmap             11
#define __NR_brk                12
#define __NR_rt_sigaction       13
#define __NR_rt_sigprocmask     14
#define __NR_rt_sigreturn       15
#define __NR_ioctl              16
#define __NR_readv              19
#define __NR_writev             20
#define __NR_sched_yield        24
#define __NR_mremap             25
#define __NR_madvise            28
#define __NR_nanosleep          35
#define __NR_getpid             39
#define __NR_fork               57
#define __NR_execve             59
#define __NR_exit               60
#define __NR_wait4              61
#define __NR_kill               62
#define __NR_sysinfo            99
#define __NR_ptrace             101
#define __NR_getuid             102
#define __NR_geteuid            107
#define __NR_setresuid          117
#define __NR_getresuid          118
#define __NR_sigaltstack        131
#define __NR_getppid            110
#define __NR_prctl              157
#define __NR_arch_prctl         158
#define __NR_iopl               172
#define __NR_ioperm             173
#define __NR_gettid             186
#define __NR_tkill              200
#define __NR_sched_setaffinity  203
#define __NR_sched_getaffinity  204
#define __NR_set_tid_address    218
#define __NR_restart_syscall    219
#define __NR_clock_gettime      228
#define __NR_clock_getres       229
#define __NR_clock_nanosleep    230
#define __NR_exit_group         231
#define __NR_tgkill             234
#define __NR_openat             257
#define __NR_seccomp            317

#define NR_syscalls             318     /* one past the highest number served */

/* wait4(2) */
#define WNOHANG                 1
#define WUNTRACED               2
#define WCONTINUED              8
#define __WNOTHREAD             0x20000000
#define __WALL                  0x40000000
#define __WCLONE                0x80000000

#endif
