/* syscall.c - lab 06, opportunistic-sysret: the entry work in two phases, and
 * the C side of a slow-path syscall. */
#include "entry.h"
#include "mm.h"
#include "seccomp.h"
#include "segment.h"
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
}

/* Phase 2: the work that may stop for a tracer, who may rewrite the whole
 * frame: SECCOMP_RET_TRACE first (so that the other hooks see what the
 * seccomp tracer left), then the ptrace syscall-entry stop. Returns the
 * number to run, or -1 to skip it; the syscall leaves through the exit
 * work and the SYSRET checks. Interrupts on. */
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

static void dispatch(struct pt_regs *regs, long nr)
{
        if ((unsigned long)nr < NR_syscalls) {
                nr = array_index_nospec(nr, NR_syscalls);
                regs->ax = sys_call_table[nr](regs);
        }
}

#ifndef CONFIG_X86_SYSRET_CHECKS_IN_C
/* Called by tracesys_phase2 with the number phase 2 returned; interrupts
 * on; leaves regs->ax holding the result. The fast path calls the handler
 * itself and never comes here; the exit work and the six checks follow in
 * entry_64.asm. */
__visible void do_syscall_64(struct pt_regs *regs, long nr)
{
        dispatch(regs, nr);
}
#else
/* The extension (config: CONFIG_X86_SYSRET_CHECKS_IN_C=y), Linux 6.7's
 * shape: after phase 2 (nr: what it returned) or after the fast path's
 * handler (nr = -1: nothing left to run), the syscall, the exit work, and
 * the answer to "may this frame leave by SYSRET?". Returns with interrupts
 * off; the caller leaves by SYSRET when true, by IRET otherwise. */
__visible bool do_syscall_64(struct pt_regs *regs, long nr)
{
        dispatch(regs, nr);
        syscall_exit_to_user_mode(regs);
        /* the checks below judge a rewritten frame: the request is met */
        clear_tsk_thread_flag(current, TIF_FULL_RESTORE);
/* >>> exercise: 06-checks-in-c */
/* Extension, built with CONFIG_X86_SYSRET_CHECKS_IN_C=y in this lab's config
 * (see the README): the verdict of 06-six-checks, in C, from struct pt_regs
 * (Linux 6.7's shape: arch/x86/entry/syscall_64.c). True only when SYSRET
 * gives user space what IRET would. One compare can say "canonical and a
 * user address" at once: which limit in mm.h, and why does no user address
 * lie above it in this kit? */
// --- starter ---
//         return false;           /* IRET, as in lab 05 */
/* --- solution --- */
        if (regs->cx != regs->ip || regs->r11 != regs->flags)
                return false;
        if (regs->ip >= TASK_SIZE_MAX)
                return false;
        if (regs->cs != __USER_CS || regs->ss != __USER_DS)
                return false;
        return !(regs->flags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
/* <<< exercise: 06-checks-in-c */
}
#endif
