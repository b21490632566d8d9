/* ioperm.c - ioperm(2): access to single I/O ports for one process,
 * through the TSS's I/O permission bitmap (Linux's arch/x86/kernel/
 * ioport.c and process.c). One bit per port, 65536 ports: a clear bit lets
 * ring 3 use the port. A task that asked for ports keeps its own bitmap in
 * two pages (8 KiB); the TSS holds the running task's copy, loaded by
 * context_switch only when one of the two tasks has a bitmap. A task
 * without one runs with the bitmap offset beyond the TSS limit: no port.
 * fork copies the bitmap, execve keeps it, exit frees it. */
#include "sched.h"
#include "mm.h"
#include "kernel.h"
#include "cpu.h"
#include "syscalls.h"

#define IO_BITMAP_BITS  65536
#define HALF            (IO_BITMAP_BYTES / 2)

static u8 *bit_byte(struct task_struct *t, unsigned int port)
{
        return &t->thread.io_bitmap[port / 8 / HALF][port / 8 % HALF];
}

/* a fresh bitmap: every port denied; -ENOMEM when the pages run out */
static int io_bitmap_alloc(struct task_struct *t)
{
        for (int i = 0; i < 2; i++) {
                t->thread.io_bitmap[i] = alloc_page();
                if (!t->thread.io_bitmap[i]) {
                        io_bitmap_exit(t);
                        return -ENOMEM;
                }
                memset(t->thread.io_bitmap[i], 0xff, HALF);
        }
        return 0;
}

void io_bitmap_exit(struct task_struct *t)
{
        if (t == current)       /* the TSS must not keep a dead task's ports */
                tss_load_io_bitmap(NULL, NULL);
        for (int i = 0; i < 2; i++) {
                if (t->thread.io_bitmap[i])
                        free_page(t->thread.io_bitmap[i]);
                t->thread.io_bitmap[i] = NULL;
        }
}

/* fork: the child gets a copy of the parent's */
int io_bitmap_copy(struct task_struct *child, struct task_struct *parent)
{
        child->thread.io_bitmap[0] = child->thread.io_bitmap[1] = NULL;
        if (!parent->thread.io_bitmap[0])
                return 0;
        if (io_bitmap_alloc(child))
                return -ENOMEM;
        for (int i = 0; i < 2; i++)
                memcpy(child->thread.io_bitmap[i], parent->thread.io_bitmap[i], HALF);
        return 0;
}

void io_bitmap_switch(struct task_struct *prev, struct task_struct *next)
{
        if (prev->thread.io_bitmap[0] || next->thread.io_bitmap[0])
                tss_load_io_bitmap(next->thread.io_bitmap[0], next->thread.io_bitmap[1]);
}

/* Linux refuses a range that wraps or passes port 65535; turning ports on
 * needs CAP_SYS_RAWIO (cred.c: root), turning them off does not. */
SYSCALL_DEFINE3(ioperm, unsigned long, from, unsigned long, num, int, turn_on)
{
        struct task_struct *t = current;

        if (from + num <= from || from + num > IO_BITMAP_BITS)
                return -EINVAL;
        if (turn_on && !capable_rawio())
                return -EPERM;
        if (!t->thread.io_bitmap[0]) {
                if (!turn_on)
                        return 0;       /* nothing was allowed */
                if (io_bitmap_alloc(t))
                        return -ENOMEM;
        }
        for (unsigned long port = from; port < from + num; port++) {
                u8 *b = bit_byte(t, port);
                if (turn_on)
                        *b &= ~(1 << (port % 8));
                else
                        *b |= 1 << (port % 8);
        }
        tss_load_io_bitmap(t->thread.io_bitmap[0], t->thread.io_bitmap[1]);
        return 0;
}
