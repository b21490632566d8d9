/* syscall.c (arch) - per-CPU data and the SYSCALL MSRs. */
#include "types.h"
#include "x86.h"
#include "segment.h"
#include "percpu.h"
#include "entry.h"
#include "cpu.h"

struct percpu cpu_data;
void ignore_sysret(void);

/* GS_BASE is the kernel's while the kernel runs; KERNEL_GS_BASE holds the
 * user's (0) until the first SWAPGS on the way out. */
void percpu_init(void)
{
        cpu_data.self = &cpu_data;
        wrmsr(MSR_GS_BASE, (u64)&cpu_data);
        wrmsr(MSR_KERNEL_GS_BASE, 0);
}

void syscall_init(void)
{
        /* SYSCALL: CS = __KERNEL_CS, SS = +8. SYSRET: SS = __USER32_CS + 8
         * = __USER_DS, CS = __USER32_CS + 16 = __USER_CS. */
        wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
        wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
        wrmsr(MSR_CSTAR, (u64)ignore_sysret);  /* 32-bit SYSCALL: -ENOSYS */
        /* Flags SYSCALL clears, as Linux does: TF (no trap on the first
         * kernel instruction), DF (the C ABI), IF (nothing may interrupt
         * before the stack switch), IOPL, AC (SMAP), NT (a kernel IRET with
         * NT set would fault), and the arithmetic flags. */
        wrmsr(MSR_SYSCALL_MASK,
              X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | X86_EFLAGS_ZF |
              X86_EFLAGS_SF | X86_EFLAGS_TF | X86_EFLAGS_IF | X86_EFLAGS_DF |
              X86_EFLAGS_OF | X86_EFLAGS_IOPL | X86_EFLAGS_NT | X86_EFLAGS_RF |
              X86_EFLAGS_AC | X86_EFLAGS_ID);
}
