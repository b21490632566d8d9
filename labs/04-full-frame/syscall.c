/* syscall.c - lab 04, full-frame: the C side of a slow-path syscall. */
#include "entry.h"
#include "syscalls.h"
#include "x86.h"

/* Called by entry_SYSCALL_64's slow path (entry work pending) with the
 * whole frame saved and interrupts off; returns with interrupts on,
 * regs->ax holding the result. The fast path calls the handler itself and
 * never comes here. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        nr = syscall_enter_from_user_mode(regs, nr);
/* >>> exercise: 04-ptregs-dispatch */
/* Call the handler for nr with the pt_regs convention (syscalls.h): the
 * frame is its only argument, and its wrapper finds the arguments there.
 * Out of range (nr is signed), regs->ax keeps the -ENOSYS the entry put
 * there; in range, clamp the index as the fast path does, so that not
 * even a mispredicted bound reads past the table. */
// --- starter ---
//         /* until then a task whose syscalls go to C can still exit */
//         if (nr == __NR_exit || nr == __NR_exit_group)
//                 do_exit((regs->di & 0xff) << 8);
/* --- solution --- */
        if ((unsigned long)nr < NR_syscalls) {
                nr = array_index_nospec(nr, NR_syscalls);
                regs->ax = sys_call_table[nr](regs);
        }
/* <<< exercise: 04-ptregs-dispatch */
}
