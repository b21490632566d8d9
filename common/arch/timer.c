/* timer.c - the 8259 PIC and the 8254 PIT: a HZ tick for preemption.
 *
 * Under -icount the PIT counts virtual time, so ticks land on the same
 * instruction in every run. */
#include "x86.h"
#include "cpu.h"
#include "sched.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_HZ 1193182

void timer_init(void)
{
        /* ICW1-4: cascade, vectors IRQ_BASE / IRQ_BASE + 8, 8086 mode */
        outb(PIC1_CMD, 0x11);
        outb(PIC2_CMD, 0x11);
        outb(PIC1_DATA, IRQ_BASE);
        outb(PIC2_DATA, IRQ_BASE + 8);
        outb(PIC1_DATA, 4);
        outb(PIC2_DATA, 2);
        outb(PIC1_DATA, 1);
        outb(PIC2_DATA, 1);
        outb(PIC1_DATA, 0xff & ~(1 << IRQ_TIMER));      /* only the timer */
        outb(PIC2_DATA, 0xff);

        u16 divisor = PIT_HZ / HZ;
        outb(PIT_CMD, 0x34);            /* channel 0, lo/hi, rate generator */
        outb(PIT_CH0, divisor & 0xff);
        outb(PIT_CH0, divisor >> 8);
}

void timer_interrupt(void)
{
        outb(PIC1_CMD, 0x20);           /* EOI */
        timer_tick();
}
