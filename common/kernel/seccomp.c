/* seccomp.c - syscall filters: classic BPF programs over struct
 * seccomp_data, run at syscall entry (Linux: kernel/seccomp.c).
 *
 * A task's filters form a list, newest first; each filter points at the
 * one installed before it. fork shares the list (a reference on its head),
 * execve keeps it, and a filter's pages go back when its last user, task
 * or newer filter, is gone. Every filter runs on every syscall and the
 * most restrictive answer wins: KILL_PROCESS < KILL_THREAD < TRAP < ERRNO
 * < USER_NOTIF < TRACE < LOG < ALLOW, as signed 32-bit action values. */
#include "sched.h"
#include "kernel.h"
#include "signal.h"
#include "filter.h"
#include "syscalls.h"
#include "uapi/ptrace.h"
#include "uaccess.h"

#define MAX_ERRNO               4095
#define MAX_INSNS_PER_PATH      ((1 << 18) / sizeof(struct sock_filter))  /* 32768 */

struct seccomp_filter {
        int refs;                       /* tasks and newer filters using it */
        struct seccomp_filter *prev;
        struct bpf_prog prog;
};

/* what the filters read: the frame's number, arguments and rip */
void populate_seccomp_data(struct seccomp_data *sd)
{
        const struct pt_regs *regs = current_pt_regs();

        sd->nr = (int)regs->orig_ax;
        sd->arch = AUDIT_ARCH_X86_64;
        sd->instruction_pointer = regs->ip;
        sd->args[0] = regs->di;
        sd->args[1] = regs->si;
        sd->args[2] = regs->dx;
        sd->args[3] = regs->r10;
        sd->args[4] = regs->r8;
        sd->args[5] = regs->r9;
}

static s32 action_only(u32 ret)
{
        return (s32)(ret & SECCOMP_RET_ACTION_FULL);
}

static u32 seccomp_run_filters(const struct seccomp_data *sd)
{
        u32 ret = SECCOMP_RET_ALLOW;

        for (struct seccomp_filter *f = current->seccomp.filter; f; f = f->prev) {
                u32 cur = bpf_prog_run(&f->prog, sd, sizeof(*sd));
                if (action_only(cur) < action_only(ret))
                        ret = cur;
        }
        return ret;
}

/* SECCOMP_RET_TRAP: SIGSYS with si_code SYS_SECCOMP, si_errno = the
 * filter's data, and the call: its address (the rip after SYSCALL), number
 * and arch. The frame goes back to how the syscall found it (ax = the
 * number: Linux's syscall_rollback), which is what the handler's ucontext
 * shows and what sigreturn restores. */
static void force_sig_seccomp(int syscall, int reason)
{
        struct pt_regs *regs = current_pt_regs();
        struct kernel_siginfo info = { .si_signo = SIGSYS, .si_code = SYS_SECCOMP };

        regs->ax = regs->orig_ax;
        info.si_errno = reason;
        info.si_call_addr = (void __user *)regs->ip;
        info.si_syscall = syscall;
        info.si_arch = AUDIT_ARCH_X86_64;
        force_sig_info(&info);
}

/* Filters' verdict for one syscall; recheck: the tracer has had its
 * RET_TRACE stop, and a second RET_TRACE now means allow (Linux 4.8+). */
static u32 __seccomp_filter(const struct seccomp_data *sd, bool recheck)
{
        u32 ret = seccomp_run_filters(sd);
        u32 data = ret & SECCOMP_RET_DATA;
        struct pt_regs *regs = current_pt_regs();

        switch (ret & SECCOMP_RET_ACTION_FULL) {
        case SECCOMP_RET_ERRNO:
                regs->ax = -(long)min(data, (u32)MAX_ERRNO);
                return SECCOMP_PHASE1_SKIP;
        case SECCOMP_RET_TRAP:
                force_sig_seccomp(sd->nr, data);
                return SECCOMP_PHASE1_SKIP;
        case SECCOMP_RET_TRACE:
                if (recheck)
                        return SECCOMP_PHASE1_OK;
                return ret;                     /* for phase 2 */
        case SECCOMP_RET_USER_NOTIF:            /* no listener can exist */
                regs->ax = -ENOSYS;
                return SECCOMP_PHASE1_SKIP;
        case SECCOMP_RET_LOG:
        case SECCOMP_RET_ALLOW:
                return SECCOMP_PHASE1_OK;
        default:                /* KILL_THREAD, KILL_PROCESS, unknown */
                do_exit(SIGSYS);
        }
}

/* Strict mode (seccomp's first form, 2005): read, write, exit, sigreturn. */
static u32 seccomp_strict(int nr)
{
        if (nr == __NR_read || nr == __NR_write || nr == __NR_exit || nr == __NR_rt_sigreturn)
                return SECCOMP_PHASE1_OK;
        do_exit(SIGKILL);
}

u32 seccomp_phase1(struct seccomp_data *sd)
{
        struct seccomp_data local;

        if (!sd) {
                populate_seccomp_data(&local);
                sd = &local;
        }
        switch (current->seccomp.mode) {
        case SECCOMP_MODE_STRICT:
                return seccomp_strict(sd->nr);
        case SECCOMP_MODE_FILTER:
                return __seccomp_filter(sd, false);
        }
        return SECCOMP_PHASE1_OK;
}

/* RET_TRACE: a stop for a tracer that asked for it (PTRACE_O_TRACESECCOMP,
 * PTRACE_GETEVENTMSG = the filter's data); with none, -ENOSYS. The tracer
 * may change the number (-1 skips) or anything else, so the filters run
 * again on what it left. */
int seccomp_phase2(u32 phase1_result)
{
        struct pt_regs *regs = current_pt_regs();
        struct seccomp_data sd;

        if (!ptrace_event(PTRACE_EVENT_SECCOMP, phase1_result & SECCOMP_RET_DATA)) {
                regs->ax = -ENOSYS;
                return -1;
        }
        populate_seccomp_data(&sd);
        if (sd.nr < 0)
                return -1;
        return __seccomp_filter(&sd, true) == SECCOMP_PHASE1_OK ? 0 : -1;
}

int __secure_computing(struct seccomp_data *sd)
{
        u32 r = seccomp_phase1(sd);

        if (r == SECCOMP_PHASE1_OK)
                return 0;
        if (r == SECCOMP_PHASE1_SKIP)
                return -1;
        return seccomp_phase2(r);
}

/* ---- installing ---- */

static void free_filter(struct seccomp_filter *f)
{
        bpf_prog_free(&f->prog);
        free_page(f);
}

/* Linux's seccomp_check_filter: only the instructions that make sense over
 * seccomp_data. Loads are aligned 32-bit words inside it; BPF_LEN is its
 * size; no packet loads, no MOD. */
static int seccomp_check_filter(struct bpf_prog *p)
{
        for (unsigned int pc = 0; pc < p->len; pc++) {
                struct sock_filter *f = bpf_insn(p, pc);

                switch (f->code) {
                case BPF_LD | BPF_W | BPF_ABS:
                        if (f->k >= sizeof(struct seccomp_data) || (f->k & 3))
                                return -EINVAL;
                        continue;
                case BPF_LD | BPF_W | BPF_LEN:
                        f->code = BPF_LD | BPF_IMM;
                        f->k = sizeof(struct seccomp_data);
                        continue;
                case BPF_LDX | BPF_W | BPF_LEN:
                        f->code = BPF_LDX | BPF_IMM;
                        f->k = sizeof(struct seccomp_data);
                        continue;
                case BPF_RET | BPF_K: case BPF_RET | BPF_A:
                case BPF_ALU | BPF_ADD | BPF_K: case BPF_ALU | BPF_ADD | BPF_X:
                case BPF_ALU | BPF_SUB | BPF_K: case BPF_ALU | BPF_SUB | BPF_X:
                case BPF_ALU | BPF_MUL | BPF_K: case BPF_ALU | BPF_MUL | BPF_X:
                case BPF_ALU | BPF_DIV | BPF_K: case BPF_ALU | BPF_DIV | BPF_X:
                case BPF_ALU | BPF_AND | BPF_K: case BPF_ALU | BPF_AND | BPF_X:
                case BPF_ALU | BPF_OR | BPF_K:  case BPF_ALU | BPF_OR | BPF_X:
                case BPF_ALU | BPF_XOR | BPF_K: case BPF_ALU | BPF_XOR | BPF_X:
                case BPF_ALU | BPF_LSH | BPF_K: case BPF_ALU | BPF_LSH | BPF_X:
                case BPF_ALU | BPF_RSH | BPF_K: case BPF_ALU | BPF_RSH | BPF_X:
                case BPF_ALU | BPF_NEG:
                case BPF_LD | BPF_IMM: case BPF_LDX | BPF_IMM:
                case BPF_MISC | BPF_TAX: case BPF_MISC | BPF_TXA:
                case BPF_LD | BPF_MEM: case BPF_LDX | BPF_MEM:
                case BPF_ST: case BPF_STX:
                case BPF_JMP | BPF_JA:
                case BPF_JMP | BPF_JEQ | BPF_K: case BPF_JMP | BPF_JEQ | BPF_X:
                case BPF_JMP | BPF_JGE | BPF_K: case BPF_JMP | BPF_JGE | BPF_X:
                case BPF_JMP | BPF_JGT | BPF_K: case BPF_JMP | BPF_JGT | BPF_X:
                case BPF_JMP | BPF_JSET | BPF_K: case BPF_JMP | BPF_JSET | BPF_X:
                        continue;
                }
                return -EINVAL;
        }
        return 0;
}

static long seccomp_prepare_filter(const struct sock_fprog *ufprog, struct seccomp_filter **out)
{
        struct seccomp_filter *f = alloc_page();
        long err;

        if (!f)
                return -ENOMEM;
        err = bpf_prog_copy_from_user(&f->prog, ufprog);
        if (!err)
                err = bpf_check_classic(&f->prog);
        if (!err)
                err = seccomp_check_filter(&f->prog);
        if (err) {
                free_filter(f);
                return err;
        }
        f->refs = 1;
        *out = f;
        return 0;
}

/* The task's reference to its old head moves into the new filter's prev. */
static long seccomp_attach_filter(struct seccomp_filter *f)
{
        unsigned long total = f->prog.len;

        for (struct seccomp_filter *w = current->seccomp.filter; w; w = w->prev)
                total += w->prog.len + 4;       /* Linux's per-filter penalty */
        if (total > MAX_INSNS_PER_PATH)
                return -ENOMEM;
        f->prev = current->seccomp.filter;
        current->seccomp.filter = f;
        return 0;
}

/* Once set, the mode never changes, except FILTER stacking more filters. */
static bool seccomp_may_assign_mode(int mode)
{
        return current->seccomp.mode == SECCOMP_MODE_DISABLED || current->seccomp.mode == mode;
}

static void seccomp_assign_mode(int mode)
{
        current->seccomp.mode = mode;
        set_tsk_thread_flag(current, TIF_SECCOMP);
}

static long seccomp_set_mode_strict(void)
{
        if (!seccomp_may_assign_mode(SECCOMP_MODE_STRICT))
                return -EINVAL;
        seccomp_assign_mode(SECCOMP_MODE_STRICT);
        return 0;
}

/* Linux also demands no_new_privs or CAP_SYS_ADMIN; every process here is
 * root (privileged), so the check always passes and is left out. With one
 * thread per process, TSYNC has nothing to synchronise. */
static long seccomp_set_mode_filter(unsigned long flags, const struct sock_fprog *ufprog)
{
        const unsigned long known = SECCOMP_FILTER_FLAG_TSYNC | SECCOMP_FILTER_FLAG_LOG |
                                    SECCOMP_FILTER_FLAG_SPEC_ALLOW;
        struct seccomp_filter *f;
        long err;

        if (flags & ~known)
                return -EINVAL;
        err = seccomp_prepare_filter(ufprog, &f);
        if (err)
                return err;
        if (!seccomp_may_assign_mode(SECCOMP_MODE_FILTER))
                err = -EINVAL;
        if (!err)
                err = seccomp_attach_filter(f);
        if (err) {
                free_filter(f);
                return err;
        }
        seccomp_assign_mode(SECCOMP_MODE_FILTER);
        return 0;
}

static long seccomp_get_action_avail(const u32 *uaction)
{
        u32 action;

        if (copy_from_user(&action, uaction, sizeof(action)))
                return -EFAULT;
        switch (action) {
        case SECCOMP_RET_KILL_PROCESS: case SECCOMP_RET_KILL_THREAD:
        case SECCOMP_RET_TRAP: case SECCOMP_RET_ERRNO: case SECCOMP_RET_USER_NOTIF:
        case SECCOMP_RET_TRACE: case SECCOMP_RET_LOG: case SECCOMP_RET_ALLOW:
                return 0;
        }
        return -EOPNOTSUPP;
}

#define SECCOMP_GET_ACTION_AVAIL 2

/* seccomp(2) and prctl(PR_SET_SECCOMP) both come here: kernel code never
 * calls a syscall's entry point (syscall_wrapper.h) */
static long do_seccomp(unsigned int op, unsigned int flags, void __user *uargs)
{
        switch (op) {
        case SECCOMP_SET_MODE_STRICT:
                if (flags || uargs)
                        return -EINVAL;
                return seccomp_set_mode_strict();
        case SECCOMP_SET_MODE_FILTER:
                return seccomp_set_mode_filter(flags, uargs);
        case SECCOMP_GET_ACTION_AVAIL:
                if (flags)
                        return -EINVAL;
                return seccomp_get_action_avail(uargs);
        }
        return -EINVAL;
}

SYSCALL_DEFINE3(seccomp, unsigned int, op, unsigned int, flags, void __user *, uargs)
{
        return do_seccomp(op, flags, uargs);
}

long prctl_get_seccomp(void)
{
        return current->seccomp.mode;
}

long prctl_set_seccomp(unsigned long mode, void *filter)
{
        switch (mode) {
        case SECCOMP_MODE_STRICT:
                return do_seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL);
        case SECCOMP_MODE_FILTER:
                return do_seccomp(SECCOMP_SET_MODE_FILTER, 0, filter);
        }
        return -EINVAL;
}

/* ---- fork and exit ---- */

void copy_seccomp(struct task_struct *child, struct task_struct *parent)
{
        child->seccomp = parent->seccomp;
        if (child->seccomp.filter)
                child->seccomp.filter->refs++;
        if (child->seccomp.mode)
                set_tsk_thread_flag(child, TIF_SECCOMP);
}

void put_seccomp_filter(struct task_struct *t)
{
        struct seccomp_filter *f = t->seccomp.filter;

        t->seccomp.filter = NULL;
        while (f && --f->refs == 0) {
                struct seccomp_filter *prev = f->prev;
                free_filter(f);
                f = prev;
        }
}
