/* seccomp.h - syscall filtering (Linux: include/linux/seccomp.h).
 *
 * Functions later labs call directly (lab 05 splits the entry work):
 *   seccomp_phase1(sd)   runs the filters (sd NULL: built from the current
 *                        frame) and acts on everything but RET_TRACE:
 *                        SECCOMP_PHASE1_OK = run the syscall,
 *                        SECCOMP_PHASE1_SKIP = skip it (regs->ax is the
 *                        answer); any other value is a RET_TRACE result for
 *                        seccomp_phase2. KILL never returns. Changes
 *                        pt_regs only in ax.
 *   seccomp_phase2(r)    the RET_TRACE stop for the tracer (may change the
 *                        whole frame; forces IRET); 0 = run, -1 = skip.
 *   __secure_computing(sd)  both phases: 0 = run, -1 = skip. */
#ifndef SECCOMP_H
#define SECCOMP_H

#include "types.h"
#include "uapi/seccomp.h"

struct task_struct;
struct pt_regs;
struct seccomp_filter;

struct seccomp {
        int mode;                       /* SECCOMP_MODE_* */
        struct seccomp_filter *filter;  /* newest first; shared across fork */
};

#define SECCOMP_PHASE1_OK       0
#define SECCOMP_PHASE1_SKIP     1

u32 seccomp_phase1(struct seccomp_data *sd);
int seccomp_phase2(u32 phase1_result);
int __secure_computing(struct seccomp_data *sd);
void populate_seccomp_data(struct seccomp_data *sd);

void copy_seccomp(struct task_struct *child, struct task_struct *parent);  /* fork */
void put_seccomp_filter(struct task_struct *t);                            /* exit */
long prctl_get_seccomp(void);
long prctl_set_seccomp(unsigned long mode, void *filter);

#endif
