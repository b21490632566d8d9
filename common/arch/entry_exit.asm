; entry_exit.asm - the IRET way back to user space, and a new task's first
; return to it. The same in every lab: what the labs change is how a syscall
; gets here (or avoids coming here, with SYSRET), never the IRET itself.

%include "asm-offsets.inc"
%include "calling.inc"

extern syscall_exit_to_user_mode
extern schedule_tail

section .text
bits 64

; Return to user space through the frame, whatever anyone changed in it:
; the way out of every interrupt or exception that came from user mode,
; and of every syscall a lab sends this way. rsp = pt_regs, interrupts
; off, gs = kernel.
global swapgs_restore_regs_and_return_to_usermode
swapgs_restore_regs_and_return_to_usermode:
        ; the whole frame goes back now: a force_iret() request is met (a
        ; plain read-modify-write: one CPU, interrupts off, so no one can set
        ; another flag in between; Linux, on many CPUs, clears with a lock)
        mov     rcx, [gs:PER_CPU_CURRENT]
        and     qword [rcx + TASK_TI_FLAGS], ~_TIF_FULL_RESTORE
        POP_REGS                                ; r15 .. di
        add     rsp, 8                          ; skip orig_ax
        swapgs                                  ; gs -> user
global native_irq_return_iret
native_irq_return_iret:                         ; a fault here is the user's
        iretq                                   ; ip, cs, flags, sp, ss

; A new task's first return from __switch_to_asm (rax = the previous task)
; lands here, rsp = its pt_regs: a fork child (a copy of a complete frame:
; fork is a ptregs syscall), or init after its execve.
global ret_from_fork
ret_from_fork:
        mov     rdi, rax
        call    schedule_tail
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; interrupts off on return
        jmp     swapgs_restore_regs_and_return_to_usermode
