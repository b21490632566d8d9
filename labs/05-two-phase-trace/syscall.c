/* syscall.c - lab 05, two-phase-trace: the entry work in two phases, and
 * the C side of a slow-path syscall. */
#include "entry.h"
#include "seccomp.h"
#include "syscalls.h"
#include "x86.h"

/* Phase 1: the entry work that needs no ptrace stop and rewrites nothing
 * but ax and orig_ax: the seccomp filters. Called from tracesys with the
 * whole frame saved and interrupts off. Returns
 *   0          run the syscall in regs->orig_ax (-1: skipped, regs->ax is
 *              the answer), on the fast path: SYSRET stays possible;
 *   1          phase 2 is needed, with no seccomp work left for it;
 *   otherwise  a SECCOMP_RET_TRACE result for phase 2 to pass to
 *              seccomp_phase2.
 * (Linux 3.18, arch/x86/kernel/ptrace.c.) */
__visible unsigned long syscall_trace_enter_phase1(struct pt_regs *regs, u32 arch)
{
        unsigned long work = read_thread_flags() & _TIF_WORK_SYSCALL_ENTRY;
        unsigned long ret = 0;

        local_irq_enable();
/* >>> exercise: 05-phase1 */
/* When a seccomp filter is installed, run seccomp_phase1 (seccomp.h) on
 * the current frame: an OK is nothing more to do; a SKIP cancels the
 * syscall (its answer is already in regs->ax: what tells the fast path not
 * to run anything?); anything else is phase 2's to finish, at once. Then,
 * with seccomp done, is any entry work left that only phase 2 can do?
 * Phase 1 must not write any slot but ax and orig_ax. */
// --- starter ---
//         return work ? 1 : ret;  /* everything in phase 2 */
/* --- solution --- */
        if (work & _TIF_SECCOMP) {
                ret = seccomp_phase1(NULL);
                if (ret == SECCOMP_PHASE1_SKIP) {
                        regs->orig_ax = -1;
                        ret = 0;
                } else if (ret != SECCOMP_PHASE1_OK) {
                        return ret;             /* RET_TRACE: phase 2 */
                }
                work &= ~_TIF_SECCOMP;
        }
        return work ? 1 : ret;
/* <<< exercise: 05-phase1 */
}

/* Phase 2: the work that may stop for a tracer, who may rewrite the whole
 * frame: SECCOMP_RET_TRACE first (so that the other hooks see what the
 * seccomp tracer left), then the ptrace syscall-entry stop. Returns the
 * number to run, or -1 to skip it; the syscall leaves by IRET. Interrupts
 * on. */
__visible long syscall_trace_enter_phase2(struct pt_regs *regs, u32 arch,
                                          unsigned long phase1_result)
{
        unsigned long work = read_thread_flags() & _TIF_WORK_SYSCALL_ENTRY;
        long nr = (int)regs->orig_ax;

        if (phase1_result > 1 && seccomp_phase2(phase1_result))
                return -1;
        if (work & (_TIF_SYSCALL_TRACE | _TIF_SYSCALL_EMU)) {
                if (ptrace_report_syscall_entry(regs) || (work & _TIF_SYSCALL_EMU))
                        return -1;
                /* The filters ran in phase 1, before the stop. A number the
                 * tracer changed gets judged too (Linux 4.8 later moved
                 * seccomp after ptrace for this reason). */
                if ((work & _TIF_SECCOMP) && (int)regs->orig_ax != nr &&
                    (int)regs->orig_ax != -1 && __secure_computing(NULL) == -1)
                        return -1;
        }
        return (int)regs->orig_ax;
}

/* Called by tracesys_phase2 with the number phase 2 returned; interrupts
 * on; leaves regs->ax holding the result. The fast path calls the handler
 * itself and never comes here. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        if ((unsigned long)nr < NR_syscalls) {
                nr = array_index_nospec(nr, NR_syscalls);
                regs->ax = sys_call_table[nr](regs);
        }
}
