/* idle.c - what the CPU does when no task can run (Linux's
 * kernel/sched/idle.c), and the verdict when none ever will again.
 *
 * The swapper, task 0, becomes the idle task once init exists: schedule()
 * switches to it only when no other task is runnable. It halts with
 * interrupts on until an interrupt may have woken someone.
 *
 * In this kernel only a running task wakes another (wake_up, a signal, a
 * tracer's PTRACE_CONT), but for the timer tick that ends a nanosleep.
 * So when every task sleeps and no interrupt can wake one, the user processes are deadlocked for good: a tracee stopped
 * with its tracer waiting for it again, say. Linux lets such a system
 * sleep forever; the kit names who waits for what and powers off with a
 * status of its own, so that the harness gives a verdict at once rather
 * than a hang after its timeout. Never a panic: the kernel is fine. */
#include "sched.h"
#include "kernel.h"
#include "x86.h"

/* Could an interrupt still make a task runnable? Only a sleep that the
 * timer ends: nanosleep's (nanosleep.c), which the tick wakes. Every other
 * IRQ line is masked (timer.c). While one is pending, idle means wait. */
static bool wakeup_source_pending(void)
{
        return sleepers_pending();
}

/* The state letter of Linux's /proc/<pid>/stat and ps */
static char task_state_char(const struct task_struct *t)
{
        switch (t->state) {
        case TASK_RUNNING:       return 'R';
        case TASK_INTERRUPTIBLE: return 'S';
        case TASK_TRACED:        return 't';
        case TASK_ZOMBIE:        return 'Z';
        default:                 return '?';
        }
}

static int parent_pid(const struct task_struct *t)
{
        return t->parent ? t->parent->pid : 0;
}

/* One line: who, and what it waits for. wait4 is the only sleep on a
 * channel (the sleeper itself); a tracee waits for its tracer, always its
 * parent (only PTRACE_TRACEME attaches). */
static void show_task(const struct task_struct *t)
{
        printk("%s[%d] %c: ", t->comm, t->pid, task_state_char(t));
        if (t->state == TASK_INTERRUPTIBLE && t->wait_chan == t && t->wait_pid == -1)
                printk("wait4 for any child\n");
        else if (t->state == TASK_INTERRUPTIBLE && t->wait_chan == t)
                printk("wait4 for child %d\n", t->wait_pid);
        else if (t->state == TASK_INTERRUPTIBLE)
                printk("asleep on %p\n", t->wait_chan);
        else if (t->state == TASK_TRACED)
                printk("ptrace stop, until its tracer %d resumes it%s\n", parent_pid(t),
                       t->exit_code ? " (the stop not yet reported)" : "");
        else if (t->state == TASK_ZOMBIE)
                printk("exited, until its parent %d reaps it\n", parent_pid(t));
        else
                printk("state %d\n", t->state);
}

static __noreturn void report_deadlock(void)
{
        printk("no task can run, and nothing can wake one:\n");
        for (int i = 1; i < NR_TASKS; i++)
                if (tasks[i].state != TASK_UNUSED && tasks[i].state != TASK_DEAD)
                        show_task(&tasks[i]);
        printk("entrylab: user processes deadlocked: powering off\n");
        machine_power_off(EXIT_DEADLOCK_CODE);
}

/* The idle task's loop (Linux's do_idle). schedule() comes back here only
 * when it found nothing else to run, and interrupts have been off since
 * it looked: nothing has changed. Then the CPU halts until the next
 * interrupt (sti; hlt: none slips in between), or, if no interrupt could
 * wake a task, the wait would be forever. */
__noreturn void cpu_idle_loop(void)
{
        for (;;) {
                local_irq_disable();
                schedule();
                if (!wakeup_source_pending())
                        report_deadlock();
                safe_halt();
        }
}
