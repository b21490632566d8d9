/* cpu.h - setting up the CPU: segments, interrupts, syscall MSRs, timer. */
#ifndef CPU_H
#define CPU_H

#include "types.h"
#include "ptrace.h"

/* IST slots (1-based in IDT gates) */
#define IST_DB          1
#define IST_NMI         2
#define IST_DF          3
#define IST_MC          4
#define IST_COUNT       4
#define IST_STACK_SIZE  8192

#define IRQ_BASE        32      /* the PIC's IRQ 0..15 arrive at 32..47 */
#define IRQ_TIMER       0
#define HZ              1000
#define TICK_NSEC       (1000000000UL / HZ)     /* one tick of the kit's clock (time.c) */

void gdt_init(void);
void tss_set_sp0(u64 sp0);
#define IO_BITMAP_BYTES (65536 / 8)
void tss_load_io_bitmap(const u8 *lo, const u8 *hi);   /* gdt.c: NULL = none */
void idt_init(void);
void syscall_init(void);
void percpu_init(void);
void timer_init(void);
void show_regs(const struct pt_regs *regs);
void timer_interrupt(void);

#endif
