# entrylab.gdb - the kit's GDB commands. Loaded by `make gdb` with -x, after
# `set architecture i386:x86-64` and the lab's ELF64 kernel.elf.

set confirm off
set pagination off
set disassembly-flavor intel

# entrylab_no_task: 1, with a line that says why, when there is no task to
# show yet: at the reset vector (paging off, the kernel's addresses mean
# nothing) or before the first task runs
define entrylab_no_task
  if !($cr0 & 0x80000000)
    printf "paging is not on yet: the kernel has not started; set a breakpoint (break entry_SYSCALL_64) and continue\n"
    set $entrylab_no_task = 1
  else
    if cpu_data.current_task == 0
      printf "no task runs yet: set a breakpoint in a syscall and continue\n"
      set $entrylab_no_task = 1
    else
      set $entrylab_no_task = 0
    end
  end
end

define ptregs
  entrylab_no_task
  if !$entrylab_no_task
    if $argc == 1
      set $ptregs = (struct pt_regs *)($arg0)
    else
      set $ptregs = (struct pt_regs *)(cpu_data.top_of_stack - sizeof(struct pt_regs))
    end
    printf "pt_regs at %#lx, top of %s[%d]'s kernel stack\n", $ptregs, cpu_data.current_task->comm, cpu_data.current_task->pid
    printf "  r15 0x%016lx   r14 0x%016lx   r13 0x%016lx\n", $ptregs->r15, $ptregs->r14, $ptregs->r13
    printf "  r12 0x%016lx    bp 0x%016lx    bx 0x%016lx\n", $ptregs->r12, $ptregs->bp, $ptregs->bx
    printf "  r11 0x%016lx   r10 0x%016lx    r9 0x%016lx\n", $ptregs->r11, $ptregs->r10, $ptregs->r9
    printf "   r8 0x%016lx    ax 0x%016lx    cx 0x%016lx\n", $ptregs->r8, $ptregs->ax, $ptregs->cx
    printf "   dx 0x%016lx    si 0x%016lx    di 0x%016lx\n", $ptregs->dx, $ptregs->si, $ptregs->di
    printf "  orig_ax %ld\n", (long)$ptregs->orig_ax
    printf "  ip 0x%016lx  cs %#lx  flags %#lx  sp 0x%016lx  ss %#lx\n", $ptregs->ip, $ptregs->cs, $ptregs->flags, $ptregs->sp, $ptregs->ss
  end
end
document ptregs
Print struct pt_regs at the top of the current task's kernel stack (where
every entry builds it), or at the address given: ptregs [ADDRESS].
Meaningful once the entry code has pushed the frame, e.g. in do_syscall_64.
end

define whoami
  entrylab_no_task
  if !$entrylab_no_task
    printf "%s[%d], TIF flags %#lx, GS base %#lx, kernel GS base %#lx, %lu ticks\n", cpu_data.current_task->comm, cpu_data.current_task->pid, cpu_data.current_task->thread_info.flags, $gs_base, $k_gs_base, cpu_data.ticks
  end
end
document whoami
The current task, its TIF_* flags, both GS bases (swapgs exchanges them)
and the timer ticks taken so far.
end

define finish_at_caller
  up-silently
  set $caller_pc = $pc
  set $caller_sp = $sp
  down-silently
  tbreak *$caller_pc if $sp == $caller_sp
  continue
end
document finish_at_caller
Run until the current function returns to its caller, as finish does, but
known by the return address and the stack pointer alone. finish also
compares frames, and where a label sits at the return address (lab 03's
entry_SYSCALL_64_after_fastpath_call) it takes the caller for another
function and runs on past the return.
end
