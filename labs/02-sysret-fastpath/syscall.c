/* syscall.c - lab 02, sysret-fastpath: the C side of a syscall. */
#include "entry.h"
#include "syscalls.h"
#include "x86.h"

/* Called by entry_SYSCALL_64 with the whole frame saved and interrupts
 * off; returns with interrupts on, regs->ax holding the result. The exit
 * work is the entry code's to choose now (sysret_check): it runs only
 * when a flag asks for it. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        nr = syscall_enter_from_user_mode(regs, nr);
/* >>> exercise: 01-dispatch */
/* Run the handler sys_call_table holds for nr with the six arguments of
 * the x86-64 syscall ABI, read from the frame, and store what it returns
 * as the syscall's result. Where to look: `man 2 syscall` ("Architecture
 * calling conventions"), struct pt_regs (common/include/ptrace.h), the
 * table's type (common/include/syscalls.h). Which register carries the
 * fourth argument, and why can it not be the one C uses? A number with
 * no handler keeps the result the entry preset; nr is signed. */
/* --- solution --- */
        if ((unsigned long)nr < NR_syscalls)
                regs->ax = sys_call_table[nr](regs->di, regs->si, regs->dx,
                                              regs->r10, regs->r8, regs->r9);
/* <<< exercise: 01-dispatch */
}
