/* segment.h - GDT layout, in Linux's order (arch/x86/include/asm/segment.h).
 *
 * SYSCALL loads CS = STAR[47:32] and SS = that + 8; SYSRET loads
 * SS = STAR[63:48] + 8 and CS = STAR[63:48] + 16. Hence kernel CS right
 * before kernel DS, and user DS right before user CS 64, with the 32-bit
 * user CS (the base SYSRET counts from) just before them. */
#ifndef SEGMENT_H
#define SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS   1
#define GDT_ENTRY_KERNEL_CS     2
#define GDT_ENTRY_KERNEL_DS     3
#define GDT_ENTRY_USER32_CS     4
#define GDT_ENTRY_USER_DS       5
#define GDT_ENTRY_USER_CS       6
#define GDT_ENTRY_TSS           8       /* 16 bytes: entries 8 and 9 */
#define GDT_ENTRIES             10

#define __KERNEL_CS     (GDT_ENTRY_KERNEL_CS * 8)       /* 0x10 */
#define __KERNEL_DS     (GDT_ENTRY_KERNEL_DS * 8)       /* 0x18 */
#define __USER32_CS     (GDT_ENTRY_USER32_CS * 8 + 3)   /* 0x23 */
#define __USER_DS       (GDT_ENTRY_USER_DS * 8 + 3)     /* 0x2b */
#define __USER_CS       (GDT_ENTRY_USER_CS * 8 + 3)     /* 0x33 */
#define GDT_TSS_SEL     (GDT_ENTRY_TSS * 8)             /* 0x40 */

#endif
