/* asm-offsets.c - structure offsets and constants for the NASM code.
 *
 * Compiled to assembly only; the build turns each "->NAME value" marker
 * into "%define NAME value" in build/include/asm-offsets.inc (as Linux's
 * Kbuild does), so asm and C can never disagree about a layout. */
#include "ptrace.h"
#include "percpu.h"
#include "sched.h"
#include "segment.h"
#include "thread_info.h"
#include "syscalls.h"
#include "uapi/seccomp.h"
#include "x86.h"
#include "mm.h"

#define DEFINE(sym, val) \
        __asm__ volatile("\n.ascii \"->" #sym " %0\"" :: "i"((long)(val)))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);
void asm_offsets(void)
{
        OFFSET(PTREGS_R15, pt_regs, r15);
        OFFSET(PTREGS_R14, pt_regs, r14);
        OFFSET(PTREGS_R13, pt_regs, r13);
        OFFSET(PTREGS_R12, pt_regs, r12);
        OFFSET(PTREGS_BP, pt_regs, bp);
        OFFSET(PTREGS_BX, pt_regs, bx);
        OFFSET(PTREGS_R11, pt_regs, r11);
        OFFSET(PTREGS_R10, pt_regs, r10);
        OFFSET(PTREGS_R9, pt_regs, r9);
        OFFSET(PTREGS_R8, pt_regs, r8);
        OFFSET(PTREGS_AX, pt_regs, ax);
        OFFSET(PTREGS_CX, pt_regs, cx);
        OFFSET(PTREGS_DX, pt_regs, dx);
        OFFSET(PTREGS_SI, pt_regs, si);
        OFFSET(PTREGS_DI, pt_regs, di);
        OFFSET(PTREGS_ORIG_AX, pt_regs, orig_ax);
        OFFSET(PTREGS_IP, pt_regs, ip);
        OFFSET(PTREGS_CS, pt_regs, cs);
        OFFSET(PTREGS_FLAGS, pt_regs, flags);
        OFFSET(PTREGS_SP, pt_regs, sp);
        OFFSET(PTREGS_SS, pt_regs, ss);
        DEFINE(PTREGS_SIZE, sizeof(struct pt_regs));

        OFFSET(PER_CPU_USER_RSP, percpu, user_rsp);
        OFFSET(PER_CPU_TOP_OF_STACK, percpu, top_of_stack);
        OFFSET(PER_CPU_CURRENT, percpu, current_task);
        OFFSET(TASK_TI_FLAGS, task_struct, thread_info.flags);
        OFFSET(TASK_THREAD_SP, task_struct, thread.sp);
        /* not for NASM: the hang watcher (grading/lib/boot) names the
         * current task from these, through QEMU's monitor */
        OFFSET(TASK_PID, task_struct, pid);
        OFFSET(TASK_COMM, task_struct, comm);

        DEFINE(__KERNEL_CS, __KERNEL_CS);
        DEFINE(__KERNEL_DS, __KERNEL_DS);
        DEFINE(__USER_CS, __USER_CS);
        DEFINE(__USER_DS, __USER_DS);
        DEFINE(NR_syscalls, NR_syscalls);
        DEFINE(ENOSYS, ENOSYS);
        DEFINE(_TIF_ALLWORK_MASK, _TIF_ALLWORK_MASK);
        DEFINE(_TIF_FULL_RESTORE, _TIF_FULL_RESTORE);
        DEFINE(_TIF_WORK_SYSCALL_ENTRY, _TIF_WORK_SYSCALL_ENTRY);
        DEFINE(_TIF_EXIT_TO_USER_WORK, _TIF_EXIT_TO_USER_WORK);
        DEFINE(MSR_GS_BASE, MSR_GS_BASE);
        DEFINE(AUDIT_ARCH_X86_64, AUDIT_ARCH_X86_64);
        DEFINE(X86_EFLAGS_TF, X86_EFLAGS_TF);
        DEFINE(X86_EFLAGS_RF, X86_EFLAGS_RF);
        DEFINE(__VIRTUAL_MASK_SHIFT, __VIRTUAL_MASK_SHIFT);
}
