/* sched.c - tasks, round-robin scheduling, sleeping and waking.
 *
 * One CPU, a non-preemptible kernel: a task gives up the CPU only inside
 * schedule(), called from a blocking syscall or from the exit work when the
 * timer tick has set TIF_NEED_RESCHED. Interrupt handlers wake no task but
 * the timed sleepers of nanosleep.c, which test and sleep with interrupts
 * off, so sleeping needs no lock beyond interrupts being off in
 * schedule(). When no task can run, the idle task does (idle.c). */
#include "sched.h"
#include "kernel.h"
#include "mm.h"
#include "x86.h"
#include "cpu.h"
#include "entry.h"

struct task_struct tasks[NR_TASKS];
static u8 kernel_stacks[NR_TASKS][THREAD_SIZE] __aligned(16);
u8 boot_stack[THREAD_SIZE] __aligned(16);      /* the swapper's stack */
static int last_pid;

/* returns the task that switched to us: prev of that other call */
struct task_struct *__switch_to_asm(struct task_struct *prev, struct task_struct *next);

/* Task 0, the swapper, is the boot context itself. Once init exists it
 * becomes the idle task, as Linux's does: always runnable, but picked only
 * when no other task is (idle.c). */
void sched_init(void)
{
        struct task_struct *swapper = idle_task;

        swapper->state = TASK_RUNNING;
        swapper->pid = 0;
        swapper->stack = boot_stack;
        swapper->pgd = __va(read_cr3());
        memcpy(swapper->comm, "swapper", 8);
        cpu_data.current_task = swapper;
}

struct task_struct *alloc_task(const char *comm)
{
        for (int i = 1; i < NR_TASKS; i++) {
                struct task_struct *t = &tasks[i];
                if (t->state != TASK_UNUSED)
                        continue;
                memset(t, 0, sizeof(*t));
                t->state = TASK_NEW;
                t->pid = ++last_pid;
                t->stack = kernel_stacks[i];
                size_t n = strnlen(comm, TASK_COMM_LEN - 1);
                memcpy(t->comm, comm, n);
                return t;
        }
        return NULL;
}

/* The first switch into t "returns" from __switch_to_asm into
 * ret_from_fork, with rsp at t's pt_regs: six callee-saved slots (zero)
 * and the return address sit just below the frame. */
void wake_up_new_task(struct task_struct *t)
{
        u64 *sp = (u64 *)task_pt_regs(t);

        *--sp = (u64)ret_from_fork;
        for (int i = 0; i < 6; i++)
                *--sp = 0;              /* rbp, rbx, r12-r15 */
        t->thread.sp = (u64)sp;
        t->state = TASK_RUNNING;
}

/* Round robin over slots 1 .. NR_TASKS - 1, from the one after prev's
 * around to prev itself. The idle task in slot 0 is never on this run
 * queue (Linux gives it a scheduling class of its own, tried last): it
 * runs only when no other task can. */
static struct task_struct *pick_next_task(struct task_struct *prev)
{
        int slot = prev - tasks;

        for (int i = 1; i < NR_TASKS; i++) {
                slot = slot == NR_TASKS - 1 ? 1 : slot + 1;
                if (tasks[slot].state == TASK_RUNNING)
                        return &tasks[slot];
        }
        return idle_task;
}

/* Work left by the task we switched away from, done on the new stack:
 * a dead task's PML4 can only go once CR3 no longer points at it. */
static void finish_task_switch(struct task_struct *prev)
{
        if ((prev->state == TASK_ZOMBIE || prev->state == TASK_DEAD) && prev->pgd) {
                pgd_free(prev->pgd);
                prev->pgd = NULL;
        }
        if (prev->state == TASK_DEAD) {         /* off its stack now: free it */
                prev->state = TASK_UNUSED;
                prev->parent = NULL;
        }
}

/* A new task's first instructions, from ret_from_fork. */
__visible void schedule_tail(struct task_struct *prev)
{
        finish_task_switch(prev);
}

static struct task_struct *context_switch(struct task_struct *prev,
                                          struct task_struct *next)
{
        u64 top = (u64)next->stack + THREAD_SIZE;

        /* The user rsp a syscall parked in cpu_data is the task's until it
         * returns: a fast path that keeps it only there (lab 03, and Linux
         * until 4.1: old_rsp, thread.usersp) must find it after a switch. */
        prev->thread.usersp = cpu_data.user_rsp;
        cpu_data.user_rsp = next->thread.usersp;
        cpu_data.current_task = next;
        cpu_data.top_of_stack = top;
        tss_set_sp0(top);
        if (next->pgd != prev->pgd)
                write_cr3(__pa(next->pgd));
        fpu_switch(prev, next);
        io_bitmap_switch(prev, next);
        /* the thread pointer of a C library (arch_prctl, tls.c) */
        if (next->thread.fsbase != prev->thread.fsbase)
                wrmsr(MSR_FS_BASE, next->thread.fsbase);
        /* returns when some task switches back to prev */
        return __switch_to_asm(prev, next);
}

void schedule(void)
{
        u64 flags = read_flags();
        struct task_struct *prev = current, *next;

        local_irq_disable();
        clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
        next = pick_next_task(prev);
        if (next != prev)
                finish_task_switch(context_switch(prev, next));
        if (flags & X86_EFLAGS_IF)
                local_irq_enable();
}

void sleep_on(const void *chan)
{
        current->wait_chan = chan;
        current->state = TASK_INTERRUPTIBLE;
        schedule();
        current->wait_chan = NULL;
}

void wake_up(const void *chan)
{
        for (int i = 0; i < NR_TASKS; i++)
                if (tasks[i].state == TASK_INTERRUPTIBLE && tasks[i].wait_chan == chan)
                        tasks[i].state = TASK_RUNNING;
}

void timer_tick(void)
{
        cpu_data.ticks++;
        wake_up_sleepers();             /* nanosleep.c: the sleeps this tick ends */
        set_tsk_thread_flag(current, TIF_NEED_RESCHED);
}
