/* idt.c - the interrupt descriptor table. */
#include "types.h"
#include "segment.h"
#include "cpu.h"

struct gate {
        u16 offset_low;
        u16 segment;
        u8 ist;
        u8 type;                /* present | DPL | 0xe interrupt gate */
        u16 offset_mid;
        u32 offset_high;
        u32 reserved;
} __packed;

#define NR_VECTORS      48      /* exceptions 0-31, PIC IRQs 32-47 */
extern const u64 idt_stubs[NR_VECTORS];         /* idt_entry.asm */

static struct gate idt[256] __aligned(16);

static void set_gate(int vector, u64 handler, int ist, int dpl)
{
        idt[vector] = (struct gate){
                .offset_low = handler & 0xffff,
                .segment = __KERNEL_CS,
                .ist = ist,
                .type = 0x8e | dpl << 5,        /* interrupt gate: IF cleared on entry */
                .offset_mid = (handler >> 16) & 0xffff,
                .offset_high = handler >> 32,
        };
}

static int ist_for(int vector)
{
        switch (vector) {
        case 1:  return IST_DB;
        case 2:  return IST_NMI;
        case 8:  return IST_DF;
        case 18: return IST_MC;
        default: return 0;
        }
}

/* int3 and into are meant to be executed by user code; every other vector
 * raised by an INT instruction from user mode is a #GP */
static bool user_may_raise(int vector)
{
        return vector == 3 || vector == 4;
}

void idt_init(void)
{
        struct { u16 limit; u64 base; } __packed desc = { sizeof(idt) - 1, (u64)idt };

        for (int v = 0; v < NR_VECTORS; v++)
                set_gate(v, idt_stubs[v], ist_for(v), user_may_raise(v) ? 3 : 0);
        __asm__ volatile("lidt %0" :: "m"(desc));
}
