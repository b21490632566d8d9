/* ptrace.h - struct pt_regs, the frame every kernel entry builds.
 *
 * Linux's x86-64 layout (arch/x86/include/asm/ptrace.h), 168 bytes, lowest
 * address first. The entry code pushes it from the bottom of this list
 * upward, so ss is pushed first and r15 last; rsp then points at r15. */
#ifndef PTRACE_H
#define PTRACE_H

#include "types.h"

struct pt_regs {
        /* callee-saved ("extra regs"): C functions preserve these */
        u64 r15;                /*   0 */
        u64 r14;                /*   8 */
        u64 r13;                /*  16 */
        u64 r12;                /*  24 */
        u64 bp;                 /*  32 */
        u64 bx;                 /*  40 */
        /* C-clobbered ("C regs") */
        u64 r11;                /*  48 */
        u64 r10;                /*  56 */
        u64 r9;                 /*  64 */
        u64 r8;                 /*  72 */
        u64 ax;                 /*  80 */
        u64 cx;                 /*  88 */
        u64 dx;                 /*  96 */
        u64 si;                 /* 104 */
        u64 di;                 /* 112 */
        /* syscall number on a syscall; on an exception the error code
         * until do_trap reads it and sets -1, as on an interrupt */
        u64 orig_ax;            /* 120 */
        /* the hardware IRET frame */
        u64 ip;                 /* 128 */
        u64 cs;                 /* 136 */
        u64 flags;              /* 144 */
        u64 sp;                 /* 152 */
        u64 ss;                 /* 160 */
};

static inline bool user_mode(const struct pt_regs *regs)
{
        return (regs->cs & 3) == 3;
}

#endif
