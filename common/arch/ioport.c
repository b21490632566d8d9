/* ioport.c - iopl(2): the I/O privilege level of the calling process
 * (Linux's arch/x86/kernel/ioport.c, before 5.5 turned it into an I/O
 * bitmap). IOPL lives in the saved rflags of the process, so iopl changes
 * the frame and must leave by IRET; fork copies the frame (the child
 * inherits it), execve rebuilds it (IOPL 0 again). Raising the level takes
 * CAP_SYS_RAWIO (cred.c), as ioperm does; lowering it never does. */
#include "sched.h"
#include "syscalls.h"
#include "x86.h"

SYSCALL_DEFINE1(iopl, unsigned int, level)
{
        struct pt_regs *regs = current_pt_regs();

        if (level > 3)
                return -EINVAL;
        if (level > ((regs->flags & X86_EFLAGS_IOPL) >> 12) && !capable_rawio())
                return -EPERM;
        regs->flags = (regs->flags & ~X86_EFLAGS_IOPL) | ((u64)level << 12);
        force_iret(current);
        return 0;
}
