/* trace.h - ptrace(2), prctl(2) and seccomp(2) for user programs.
 *
 * The raw syscalls, as the kernel sees them: PTRACE_PEEKUSR stores the word
 * at data and returns 0 (glibc's wrapper returns it instead). */
#ifndef TRACE_H
#define TRACE_H

#include "ulib.h"
#include "uapi/ptrace.h"
#include "uapi/seccomp.h"

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
