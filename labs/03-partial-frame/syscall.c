/* syscall.c - lab 03, partial-frame: the C side of a slow-path syscall. */
#include "entry.h"
#include "syscalls.h"
#include "x86.h"

/* Called by entry_SYSCALL_64's slow path with the whole frame saved and
 * interrupts off; returns with interrupts on, regs->ax holding the result.
 * The fast path calls the handler itself and never comes here. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        nr = syscall_enter_from_user_mode(regs, nr);
        if ((unsigned long)nr < NR_syscalls)
                regs->ax = sys_call_table[nr](regs->di, regs->si, regs->dx,
                                              regs->r10, regs->r8, regs->r9);
}
