/* ptrace.h - Linux's x86-64 ptrace ABI (include/uapi/linux/ptrace.h and
 * arch/x86/include/asm/user_64.h), shared by the kernel and user programs. */
#ifndef UAPI_PTRACE_H
#define UAPI_PTRACE_H

#define PTRACE_TRACEME          0
#define PTRACE_PEEKUSR          3
#define PTRACE_POKEUSR          6
#define PTRACE_CONT             7
#define PTRACE_KILL             8
#define PTRACE_GETREGS          12
#define PTRACE_SETREGS          13
#define PTRACE_DETACH           17
#define PTRACE_SYSCALL          24
#define PTRACE_SETOPTIONS       0x4200
#define PTRACE_GETEVENTMSG      0x4201

/* PTRACE_SETOPTIONS: the subset the kit serves */
#define PTRACE_O_TRACESYSGOOD   0x00000001      /* syscall stops report SIGTRAP|0x80 */
#define PTRACE_O_TRACEEXEC      0x00000010      /* execve stops with PTRACE_EVENT_EXEC */
#define PTRACE_O_TRACESECCOMP   0x00000080      /* SECCOMP_RET_TRACE stops */

/* event stops report (SIGTRAP | event << 8) << 8 | 0x7f */
#define PTRACE_EVENT_EXEC       4
#define PTRACE_EVENT_SECCOMP    7

/* the register file as PTRACE_GETREGS/SETREGS and PEEKUSR see it:
 * struct user_regs_struct, the first member of struct user */
struct user_regs_struct {
        unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
        unsigned long ax, cx, dx, si, di, orig_ax;
        unsigned long ip, cs, flags, sp, ss;
        unsigned long fs_base, gs_base;
        unsigned long ds, es, fs, gs;
};

#endif
