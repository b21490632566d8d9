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

#include "syscall_list.h"

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
