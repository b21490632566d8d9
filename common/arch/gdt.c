/* gdt.c - segments and the TSS.
 *
 * Long mode ignores segment bases and limits (but FS/GS bases), so the GDT
 * exists for the privilege levels SYSCALL/SYSRET/IRET load, in the order
 * segment.h explains, and for the TSS: RSP0 is the stack the CPU switches
 * to on an interrupt from user mode, IST1-4 the known-good stacks for the
 * exceptions that may arrive when the current stack cannot be trusted. */
#include "types.h"
#include "segment.h"
#include "kernel.h"
#include "percpu.h"
#include "mm.h"
#include "cpu.h"

struct tss {
        u32 reserved0;
        u64 sp0, sp1, sp2;
        u64 reserved1;
        u64 ist[7];
        u64 reserved2;
        u16 reserved3;
        u16 io_bitmap_base;
} __packed;

/* The TSS and, right after it, the I/O permission bitmap of the running
 * task (ioperm.c) and the byte of ones the CPU wants past its end */
static struct {
        struct tss tss;
        u8 io_bitmap[IO_BITMAP_BYTES + 1];
} __packed tss_page __aligned(16);
/* an offset past the limit: every port is refused */
#define IO_BITMAP_OFFSET_INVALID 0xffff
static u8 ist_stacks[IST_COUNT][IST_STACK_SIZE] __aligned(16);

/* access byte: present, DPL, code/data; flags: L (64-bit) or D/B, 4K granular */
#define SEG(access, flags) (0x0000ffffUL | ((u64)(access) << 40) | ((u64)(flags) << 52) | (0xfUL << 48))

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
        [GDT_ENTRY_KERNEL32_CS] = SEG(0x9b, 0xc),       /* 32-bit code, DPL 0 */
        [GDT_ENTRY_KERNEL_CS]   = SEG(0x9b, 0xa),       /* 64-bit code, DPL 0 */
        [GDT_ENTRY_KERNEL_DS]   = SEG(0x93, 0xc),       /* data, DPL 0 */
        [GDT_ENTRY_USER32_CS]   = SEG(0xfb, 0xc),       /* 32-bit code, DPL 3 */
        [GDT_ENTRY_USER_DS]     = SEG(0xf3, 0xc),       /* data, DPL 3 */
        [GDT_ENTRY_USER_CS]     = SEG(0xfb, 0xa),       /* 64-bit code, DPL 3 */
};

static void set_tss_descriptor(void)
{
        u64 base = (u64)&tss_page, limit = sizeof(tss_page) - 1;

        gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
                             (0x89UL << 40) |           /* present, 64-bit TSS */
                             (((limit >> 16) & 0xf) << 48) |
                             (((base >> 24) & 0xff) << 56);
        gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

void gdt_init(void)
{
        struct { u16 limit; u64 base; } __packed desc = { sizeof(gdt) - 1, (u64)gdt };

        for (int i = 0; i < IST_COUNT; i++)
                tss_page.tss.ist[i] = (u64)ist_stacks[i] + IST_STACK_SIZE;
        tss_page.tss.io_bitmap_base = IO_BITMAP_OFFSET_INVALID;  /* user gets no ports */
        tss_page.io_bitmap[IO_BITMAP_BYTES] = 0xff;
        set_tss_descriptor();

        __asm__ volatile(
                "lgdt %0\n\t"
                "pushq %1\n\t"                  /* reload CS with a far return */
                "leaq 1f(%%rip), %%rax\n\t"
                "pushq %%rax\n\t"
                "lretq\n"
                "1:\n\t"
                "movl %2, %%eax\n\t"
                "movl %%eax, %%ds\n\t"
                "movl %%eax, %%es\n\t"
                "movl %%eax, %%ss\n\t"
                "xorl %%eax, %%eax\n\t"         /* fs, gs: null; GS base set by MSR */
                "movl %%eax, %%fs\n\t"
                "movl %%eax, %%gs\n\t"
                /* No LDT: a null LDTR makes every LDT selector a #GP. The
                 * reset value (base 0, limit 0xffff) would have an IRET to
                 * a user-chosen cs or ss (rt_sigreturn, a tracer) read its
                 * descriptor from linear address 0 on (Linux: clear_LDT) */
                "lldt %%ax\n\t"
                "ltr %w3"
                :: "m"(desc), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(GDT_TSS_SEL)
                : "rax", "memory");
}

/* RSP0: where an interrupt from user mode starts its frame */
void tss_set_sp0(u64 sp0)
{
        tss_page.tss.sp0 = sp0;
}

/* The running task's I/O bitmap, in two halves (ioperm.c), or none */
void tss_load_io_bitmap(const u8 *lo, const u8 *hi)
{
        if (!lo) {
                tss_page.tss.io_bitmap_base = IO_BITMAP_OFFSET_INVALID;
                return;
        }
        memcpy(tss_page.io_bitmap, lo, IO_BITMAP_BYTES / 2);
        memcpy(tss_page.io_bitmap + IO_BITMAP_BYTES / 2, hi, IO_BITMAP_BYTES / 2);
        tss_page.tss.io_bitmap_base = offsetof(typeof(tss_page), io_bitmap);
}
