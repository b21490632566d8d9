/* syscall_wrapper.h - SYSCALL_DEFINEn: one definition, both conventions.
 *
 *      SYSCALL_DEFINE3(write, int, fd, const char __user *, buf, size_t, count)
 *      { ...body... }
 *
 * defines two entry points for the one body:
 *
 *   sys_write(fd, buf, count)      the handler with its C arguments, as
 *                                  labs 01-03 call it: the dispatcher passes
 *                                  all six argument registers, whatever the
 *                                  handler takes (Linux before 4.17);
 *   __x64_sys_write(regs)          the pt_regs convention (labs 04-06, Linux
 *                                  4.17's CONFIG_ARCH_HAS_SYSCALL_WRAPPER,
 *                                  seed 003): the dispatcher passes only the
 *                                  frame, and the wrapper loads the arguments
 *                                  this handler takes, and no others, from
 *                                  their slots (di, si, dx, r10, r8, r9).
 *
 * A lab picks one with its table (common/kernel/syscall_table.c). sys_*
 * stays out of line so that a breakpoint on it stops in every lab; kernel
 * code never calls either entry point (seed 003: "should only be called
 * from userspace through kernel entry points"), it calls helpers. */
#ifndef SYSCALL_WRAPPER_H
#define SYSCALL_WRAPPER_H

#include "ptrace.h"

/* "type, name" pairs -> declarations "type name, ..." */
#define __SC_DECL0()
#define __SC_DECL1(t1, a1)                      t1 a1
#define __SC_DECL2(t1, a1, t2, a2)              __SC_DECL1(t1, a1), t2 a2
#define __SC_DECL3(t1, a1, t2, a2, t3, a3)      __SC_DECL2(t1, a1, t2, a2), t3 a3
#define __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4) \
        __SC_DECL3(t1, a1, t2, a2, t3, a3), t4 a4
#define __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
        __SC_DECL4(t1, a1, t2, a2, t3, a3, t4, a4), t5 a5
#define __SC_DECL6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
        __SC_DECL5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), t6 a6

/* "type, name" pairs -> the arguments from the frame, in the x86-64
 * syscall ABI's order: the nth argument is in the nth of these slots */
#define __SC_X64_0()
#define __SC_X64_1(t1, a1)                      (t1)regs->di
#define __SC_X64_2(t1, a1, t2, a2)              __SC_X64_1(t1, a1), (t2)regs->si
#define __SC_X64_3(t1, a1, t2, a2, t3, a3)      __SC_X64_2(t1, a1, t2, a2), (t3)regs->dx
#define __SC_X64_4(t1, a1, t2, a2, t3, a3, t4, a4) \
        __SC_X64_3(t1, a1, t2, a2, t3, a3), (t4)regs->r10
#define __SC_X64_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
        __SC_X64_4(t1, a1, t2, a2, t3, a3, t4, a4), (t5)regs->r8
#define __SC_X64_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
        __SC_X64_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)regs->r9

#define __SYSCALL_DEFINEx(x, name, ...)                                         \
        noinline long sys_##name(__SC_DECL##x(__VA_ARGS__));                    \
        long __x64_sys_##name(const struct pt_regs *regs);                      \
        long __x64_sys_##name(const struct pt_regs *regs)                       \
        {                                                                       \
                return sys_##name(__SC_X64_##x(__VA_ARGS__));                   \
        }                                                                       \
        long sys_##name(__SC_DECL##x(__VA_ARGS__))

#define SYSCALL_DEFINE0(name)           __SYSCALL_DEFINEx(0, name)
#define SYSCALL_DEFINE1(name, ...)      __SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...)      __SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...)      __SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...)      __SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...)      __SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...)      __SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#endif
