/* ptrace.c - a parent traces its child: stops at syscall entry and exit,
 * the register file read and written while the child sleeps.
 *
 * Only PTRACE_TRACEME attaches, so the tracer is always the parent and
 * wait4 already connects the two. A stopped tracee sleeps in TASK_TRACED
 * inside ptrace_stop(), on its own kernel stack, with its user frame at the
 * top of that stack: the tracer reads and writes that frame directly. When
 * it runs again the frame may be anything a tracer wrote, so it leaves by
 * IRET (force_iret: Linux's rule since CVE-2014-4699, where a SYSRET to a
 * non-canonical rip set by ptrace faulted in ring 0). */
#include "sched.h"
#include "kernel.h"
#include "signal.h"
#include "syscalls.h"
#include "uaccess.h"
#include "segment.h"
#include "x86.h"
#include "mm.h"
#include "uapi/ptrace.h"

#define PTRACE_O_MASK   (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP)

/* The tracer hears of the stop: its wait4 wakes, and it gets SIGCHLD with
 * CLD_TRAPPED, unless it ignores SIGCHLD or asked for no stop reports
 * (SA_NOCLDSTOP), as Linux's do_notify_parent_cldstop decides. */
static void ptrace_notify_tracer(struct task_struct *t, int code)
{
        struct kernel_siginfo info = { .si_signo = SIGCHLD, .si_code = CLD_TRAPPED };
        const struct k_sigaction *ka = action_of(t->parent, SIGCHLD);

        info.si_pid = t->pid;
        info.si_status = code & 0x7f;
        if (ka->sa.sa_handler != SIG_IGN && !(ka->sa.sa_flags & SA_NOCLDSTOP))
                send_sig_info(SIGCHLD, &info, t->parent);
        wake_up(t->parent);             /* a tracer asleep in wait4 */
}

/* Sleep until the tracer resumes us; code is what its wait4 sees, as
 * (code << 8) | 0x7f. Returns the signal the tracer resumed us with. */
static int ptrace_stop(int code, unsigned long message)
{
        struct task_struct *t = current;

        t->ptrace_message = message;
        t->exit_code = code;
        t->state = TASK_TRACED;
        ptrace_notify_tracer(t, code);
        schedule();
        force_iret(t);                  /* the frame may be anything now */
        /* woken by SIGKILL rather than by the tracer: die, whatever the
         * stop was (the callers turn SIGKILL into do_exit) */
        int sig = (t->pending.signal & sigmask(SIGKILL)) ? SIGKILL : t->exit_code;
        t->exit_code = 0;
        return sig;
}

/* The signal a tracer resumed us with from an event or syscall stop is
 * sent to us (Linux: send_sig in ptrace_report_syscall); SIGKILL, from
 * PTRACE_KILL, ends us here so that the syscall does not run. */
static void ptrace_resume_signal(int sig)
{
        if (sig == SIGKILL)
                do_exit(SIGKILL);
        if (sig)
                send_sig_info(sig, NULL, current);
}

static void ptrace_report_syscall(int code)
{
        if (current->ptrace & PT_TRACESYSGOOD)
                code |= 0x80;
        ptrace_resume_signal(ptrace_stop(code, 0));
}

/* A number the tracer left out of range is still a syscall, an invalid
 * one: -ENOSYS, whatever ax the tracer wrote. Only -1 skips the syscall
 * and keeps the tracer's ax as the result (Linux's do_syscall_64 since
 * out-of-range numbers and gaps were made one case). */
int ptrace_report_syscall_entry(struct pt_regs *regs)
{
        ptrace_report_syscall(SIGTRAP);
        int nr = (int)regs->orig_ax;
        if (nr != -1 && (unsigned int)nr >= NR_syscalls)
                regs->ax = -ENOSYS;
        return 0;                       /* a killed tracee does not come back */
}

void ptrace_report_syscall_exit(struct pt_regs *regs, int step)
{
        (void)regs, (void)step;
        ptrace_report_syscall(SIGTRAP);
}

bool ptrace_event_enabled(struct task_struct *t, int event)
{
        return (t->ptrace & PT_PTRACED) && (t->ptrace & PT_EVENT_FLAG(event));
}

/* An event stop (exec, seccomp): a signal the tracer resumes it with is
 * dropped, as Linux's ptrace_event drops what ptrace_notify returns
 * (ptrace(2): "may simply be ignored"); only SIGKILL still ends the task. */
bool ptrace_event(int event, unsigned long message)
{
        if (!ptrace_event_enabled(current, event))
                return false;
        if (ptrace_stop((event << 8) | SIGTRAP, message) == SIGKILL)
                do_exit(SIGKILL);
        return true;
}

/* Linux sends a traced task SIGTRAP after a successful execve unless the
 * tracer asked for PTRACE_EVENT_EXEC; the tracer sees it as a
 * signal-delivery stop (status 0x57f) on the way back to user space, after
 * any syscall-exit stop. */
void ptrace_exec_notify(void)
{
        if (!(current->ptrace & PT_PTRACED))
                return;
        if (!ptrace_event(PTRACE_EVENT_EXEC, current->pid))
                send_sig_info(SIGTRAP, NULL, current);
}

/* get_signal: a traced task stops for its tracer before any signal but
 * SIGKILL is acted on. The tracer resumes it with the signal to deliver:
 * 0 discards it, another number replaces it (as if the tracer had sent
 * it). Returns the signal to act on, or 0. */
int ptrace_signal(int sig, struct kernel_siginfo *info)
{
        int new = ptrace_stop(sig, 0);

        if (!new)
                return 0;
        if (new != sig) {
                memset(info, 0, sizeof(*info));
                info->si_signo = new;
                info->si_code = SI_USER;
                info->si_pid = current->parent ? current->parent->pid : 0;
        }
        if (current->blocked & sigmask(new)) {          /* later, when unblocked */
                send_sig_info(new, info, current);
                return 0;
        }
        return new;
}

void exit_ptrace(struct task_struct *tracer)
{
        for (int i = 0; i < NR_TASKS; i++) {
                struct task_struct *t = &tasks[i];
                if (t->parent != tracer || t->state == TASK_UNUSED || !t->ptrace)
                        continue;
                t->ptrace = 0;
                clear_tsk_thread_flag(t, TIF_SYSCALL_TRACE);
                if (t->state == TASK_TRACED) {
                        t->exit_code = 0;
                        t->state = TASK_RUNNING;
                }
        }
}

/* ---- the register file, as struct user_regs_struct ---- */

/* Flags a tracer may change: the arithmetic ones, TF, DF, RF, AC, NT.
 * Never IF, IOPL, VM or anything else that is the kernel's (Linux:
 * FLAG_MASK in arch/x86/kernel/ptrace.c). */
#define FLAG_MASK       (X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF | \
                         X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_OF | \
                         X86_EFLAGS_RF | X86_EFLAGS_AC | X86_EFLAGS_NT)

/* A selector with RPL other than 3 (the null selector aside) would ask
 * IRET for privilege: refused. An RPL-3 selector that names a kernel
 * descriptor makes the IRET fault, which costs the tracee a SIGSEGV
 * (fixup_bad_iret), never the kernel. */
static bool invalid_selector(u64 v)
{
        return v != 0 && (v & 3) != 3;
}

#define UREG(name) offsetof(struct user_regs_struct, name)

/* user_regs_struct starts with exactly pt_regs' fields, in its order */
_Static_assert(UREG(ss) + 8 == sizeof(struct pt_regs), "user_regs_struct and pt_regs agree");

/* Past pt_regs: the FS base (arch_prctl's, thread.fsbase); the GS base
 * and the data selectors, which the kit keeps for no task, read 0. */
static u64 getreg(struct task_struct *child, unsigned long offset)
{
        if (offset < sizeof(struct pt_regs))
                return *(u64 *)((char *)task_pt_regs(child) + offset);
        if (offset == UREG(fs_base))
                return child->thread.fsbase;
        return 0;
}

/* Write one register into regs (a copy of the child's frame), or the FS
 * base into *fsbase (taken with the frame). */
static int putreg(struct pt_regs *regs, u64 *fsbase, unsigned long offset, u64 value)
{
        switch (offset) {
        case UREG(cs):
        case UREG(ss):
                value &= 0xffff;
                if (value == 0 || invalid_selector(value))
                        return -EIO;
                break;
        case UREG(flags):
                value = (regs->flags & ~FLAG_MASK) | (value & FLAG_MASK);
                break;
        case UREG(fs_base):
                if (value >= TASK_SIZE_MAX)     /* as arch_prctl: user space only */
                        return -EIO;
                *fsbase = value;
                return 0;
        case UREG(gs_base):
                return value == 0 ? 0 : -EIO;   /* the kernel's (swapgs) */
        case UREG(ds):
        case UREG(es):
        case UREG(fs):
        case UREG(gs):
                return invalid_selector(value & 0xffff) ? -EIO : 0;
        }
        *(u64 *)((char *)regs + offset) = value;
        return 0;
}

/* GETREGS, PEEKUSR and POKEUSR out of line: inlined, their locals cost
 * sys_ptrace saved registers and a stack frame on every request, the
 * PTRACE_SYSCALL of each traced stop included (make bench's traced) */
static noinline long ptrace_getregs(struct task_struct *child, void *udata)
{
        struct user_regs_struct u;

        for (unsigned long off = 0; off < sizeof(u); off += 8)
                *(u64 *)((char *)&u + off) = getreg(child, off);
        return copy_to_user(udata, &u, sizeof(u)) ? -EFAULT : 0;
}

/* All or nothing: the new frame is built aside and taken whole. */
static long ptrace_setregs(struct task_struct *child, const void *udata)
{
        struct user_regs_struct u;
        struct pt_regs regs = *task_pt_regs(child);
        u64 fsbase = child->thread.fsbase;

        if (copy_from_user(&u, udata, sizeof(u)))
                return -EFAULT;
        for (unsigned long off = 0; off < sizeof(u); off += 8) {
                int err = putreg(&regs, &fsbase, off, *(u64 *)((char *)&u + off));
                if (err)
                        return err;
        }
        *task_pt_regs(child) = regs;
        set_fsbase(child, fsbase);
        return 0;
}

static bool user_offset_ok(unsigned long addr)
{
        return (addr & 7) == 0 && addr < sizeof(struct user_regs_struct);
}

/* PTRACE_PEEKUSR (the raw syscall stores the word at data) and POKEUSR,
 * over the registers part of struct user only. */
static noinline long ptrace_peekusr(struct task_struct *child, unsigned long addr, void *udata)
{
        if (!user_offset_ok(addr))
                return -EIO;
        u64 v = getreg(child, addr);
        return copy_to_user(udata, &v, sizeof(v)) ? -EFAULT : 0;
}

static noinline long ptrace_pokeusr(struct task_struct *child, unsigned long addr, u64 value)
{
        struct pt_regs regs = *task_pt_regs(child);
        u64 fsbase = child->thread.fsbase;

        if (!user_offset_ok(addr))
                return -EIO;
        int err = putreg(&regs, &fsbase, addr, value);
        if (!err) {
                *task_pt_regs(child) = regs;
                set_fsbase(child, fsbase);
        }
        return err;
}

/* ---- attaching, checking, resuming ---- */

static long ptrace_traceme(void)
{
        if (current->ptrace & PT_PTRACED)
                return -EPERM;
        current->ptrace = PT_PTRACED;
        return 0;
}

/* Our traced child, stopped (any state for PTRACE_KILL); else -ESRCH. */
static struct task_struct *ptrace_check_attach(long pid, bool ignore_state)
{
        for (int i = 0; i < NR_TASKS; i++) {
                struct task_struct *t = &tasks[i];
                if (t->pid != pid || t->state == TASK_UNUSED || t->state == TASK_NEW ||
                    t->state == TASK_DEAD)
                        continue;
                if (t->parent != current || !(t->ptrace & PT_PTRACED))
                        return NULL;
                if (t->state != TASK_TRACED && !(ignore_state && t->state != TASK_ZOMBIE))
                        return NULL;
                return t;
        }
        return NULL;
}

static long ptrace_resume(struct task_struct *child, long request, unsigned long data)
{
        if (data > _NSIG)
                return -EIO;
        if (request == PTRACE_SYSCALL)
                set_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
        else
                clear_tsk_thread_flag(child, TIF_SYSCALL_TRACE);
        child->exit_code = data;
        child->state = TASK_RUNNING;
        return 0;
}

/* A stopped tracee resumes into its death; a running one gets SIGKILL,
 * as Linux sends it. */
static long ptrace_kill(struct task_struct *child)
{
        if (child->state != TASK_TRACED)
                return send_sig_info(SIGKILL, NULL, child);
        return ptrace_resume(child, PTRACE_KILL, SIGKILL);
}

/* The tracee goes its own way, resumed with data's signal (0: none), as
 * from PTRACE_CONT; its syscall stops end with the tracing. */
static long ptrace_detach(struct task_struct *child, unsigned long data)
{
        long err = ptrace_resume(child, PTRACE_DETACH, data);

        if (!err)
                child->ptrace = 0;
        return err;
}

static long ptrace_setoptions(struct task_struct *child, unsigned long data)
{
        if (data & ~(unsigned long)PTRACE_O_MASK)
                return -EINVAL;
        child->ptrace = PT_PTRACED | (data << PT_OPT_FLAG_SHIFT);
        return 0;
}

SYSCALL_DEFINE4(ptrace, long, request, long, pid, unsigned long, addr, unsigned long, data)
{
        if (request == PTRACE_TRACEME)
                return ptrace_traceme();

        struct task_struct *child = ptrace_check_attach(pid, request == PTRACE_KILL);
        if (!child)
                return -ESRCH;
        switch (request) {
        case PTRACE_PEEKUSR:
                return ptrace_peekusr(child, addr, (void *)data);
        case PTRACE_POKEUSR:
                return ptrace_pokeusr(child, addr, data);
        case PTRACE_GETREGS:
                return ptrace_getregs(child, (void *)data);
        case PTRACE_SETREGS:
                return ptrace_setregs(child, (const void *)data);
        case PTRACE_SYSCALL:
        case PTRACE_CONT:
                return ptrace_resume(child, request, data);
        case PTRACE_KILL:
                return ptrace_kill(child);
        case PTRACE_DETACH:
                return ptrace_detach(child, data);
        case PTRACE_SETOPTIONS:
                return ptrace_setoptions(child, data);
        case PTRACE_GETEVENTMSG:
                return copy_to_user((void *)data, &child->ptrace_message,
                                    sizeof(child->ptrace_message)) ? -EFAULT : 0;
        }
        return -EIO;
}
