/* trace.h - ptrace(2), prctl(2) and seccomp(2) for user programs.
 *
 * The raw syscalls, as the kernel sees them: PTRACE_PEEKUSR stores the word
 * at data and returns 0 (glibc's wrapper returns it instead). */
#ifndef TRACE_H
#define TRACE_H

#include "ulib.h"
#include "uapi/ptrace.h"
#include "uapi/seccomp.h"

/* A tracee's syscall whose registers its tracer rewrites at a syscall stop
 * (PTRACE_SETREGS or POKEUSR: the number, an argument, the result). ulib.h's
 * syscall6 declares the arguments inputs only, as the ABI allows (the kernel
 * itself keeps every register but rax, rcx and r11), so the compiler may
 * reuse them after the SYSCALL: a value still in rdx, say, for a later
 * syscall's number. A tracer may change them all, so here every argument
 * register is read and written, and the compiler assumes nothing survives.
 * For the tracee's rewritten calls only: everything else, bench's paths
 * above all (counted instruction by instruction), keeps ulib.h's syscall6. */
static inline long traced_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
        register long r10 __asm__("r10") = a4;
        register long r8 __asm__("r8") = a5;
        register long r9 __asm__("r9") = a6;
        __asm__ volatile("syscall"
                         : "+a"(nr), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10), "+r"(r8), "+r"(r9)
                         :
                         : "rcx", "r11", "memory");
        return nr;
}
#define traced_syscall1(n, a)           traced_syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define traced_syscall3(n, a, b, c)     traced_syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

static inline long ptrace(long request, long pid, void *addr, void *data)
{
        return syscall4(__NR_ptrace, request, pid, addr, data);
}
static inline long prctl(long option, unsigned long a2, unsigned long a3, unsigned long a4,
                         unsigned long a5)
{
        return syscall6(__NR_prctl, option, a2, a3, a4, a5, 0);
}
static inline long seccomp(unsigned int op, unsigned int flags, void *args)
{
        return syscall3(__NR_seccomp, op, flags, args);
}

#endif
