/* syscall.c - lab 01, iret-only: the C side of a syscall. */
#include "entry.h"
#include "syscalls.h"
#include "x86.h"

/* Called by entry_SYSCALL_64 with the whole frame saved and interrupts
 * off; returns with interrupts off, regs->ax holding the result. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        nr = syscall_enter_from_user_mode(regs, nr);
/* >>> exercise: 01-dispatch */
/* Call the handler for nr from sys_call_table with the six arguments of
 * the x86-64 syscall ABI, taken from the frame, and leave its result in
 * regs->ax. Hint: which register carries the fourth argument, and why not
 * rcx? A number out of range must leave the -ENOSYS the entry put there,
 * and nr is signed. */
/* --- solution --- */
        if ((unsigned long)nr < NR_syscalls)
                regs->ax = sys_call_table[nr](regs->di, regs->si, regs->dx,
                                              regs->r10, regs->r8, regs->r9);
/* <<< exercise: 01-dispatch */
        syscall_exit_to_user_mode(regs);
}
