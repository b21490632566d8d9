/* signal.h - signal numbers (Linux x86-64) and the kernel's signal calls.
 * Only the default actions exist so far: a fatal fault terminates. */
#ifndef SIGNAL_H
#define SIGNAL_H

#include "ptrace.h"

#define SIGILL          4
#define SIGTRAP         5
#define SIGABRT         6
#define SIGFPE          8
#define SIGKILL         9
#define SIGSEGV         11
#define SIGSYS          31

__noreturn void force_sig_fault(int sig, struct pt_regs *regs);
void do_signal(struct pt_regs *regs);

#endif
