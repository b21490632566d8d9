/* brk.c - the program break: the end of the heap that starts after the
 * program's bss (Linux's brk in mm/mmap.c, without randomization).
 *
 * execve puts start_brk and brk at the page-aligned end of the highest
 * PT_LOAD segment (exec.c); fork copies both. The heap is ordinary
 * anonymous memory in the page tables, [start_brk, PAGE_ALIGN(brk)),
 * zeroed, writable, not executable, backed at once as mmap's is. brk
 * itself keeps the exact value asked for; only its pages are rounded.
 *
 * Linux's convention, which C libraries rely on: brk never fails with an
 * error. It returns the new break, or the old one when the request is
 * refused (below the start, no room, no memory), so brk(0) asks for the
 * current break. */
#include "mm.h"
#include "sched.h"
#include "syscalls.h"
#include "uapi/mman.h"

/* Growing keeps one free page above the heap, as Linux's check against
 * the next mapping does (newbrk + PAGE_SIZE must not reach it). */
static bool brk_room(u64 oldbrk, u64 newbrk)
{
        if (newbrk > TASK_SIZE_MAX - PAGE_SIZE)
                return false;
        return !range_in_use(oldbrk, newbrk + PAGE_SIZE);
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
        struct task_struct *t = current;
        u64 newbrk = PAGE_ALIGN(brk), oldbrk = PAGE_ALIGN(t->brk);

        if (brk < t->start_brk || brk > TASK_SIZE_MAX)
                return t->brk;
        if (newbrk == oldbrk) {
                t->brk = brk;
                return brk;
        }
        if (brk <= t->brk) {                    /* shrinking: its pages go */
                t->brk = brk;
                unmap_range(newbrk, oldbrk);
                return brk;
        }
        if (!brk_room(oldbrk, newbrk) || populate_range(oldbrk, newbrk, PROT_READ | PROT_WRITE, 0))
                return t->brk;
        t->brk = brk;
        return brk;
}
