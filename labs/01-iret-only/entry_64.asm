; entry_64.asm - lab 01, iret-only: the syscall entry path, top to bottom.
;
; The simplest correct shape: build the whole pt_regs, let C do the rest,
; and always return with IRETQ, which restores every field of the frame.
; Not a Linux release; the baseline later labs are measured against.

%include "asm-offsets.inc"
%include "calling.inc"

extern do_syscall_64
extern swapgs_restore_regs_and_return_to_usermode

section .text
bits 64

; SYSCALL has just executed (docs/pt_regs.md, "What SYSCALL and SYSRET do"):
;   rax = syscall number, rdi rsi rdx r10 r8 r9 = arguments
;   rcx = user rip (the instruction after SYSCALL), r11 = user rflags
;   rflags &= ~MSR_SYSCALL_MASK: interrupts are off, DF and TF clear
;   cs/ss = kernel, rsp = the USER stack, gs = the USER gs
; Nothing may fault or be interrupted until rsp is a kernel stack.
global entry_SYSCALL_64
entry_SYSCALL_64:
        swapgs                                  ; gs -> cpu_data
        mov     [gs:PER_CPU_USER_RSP], rsp      ; park the user rsp
        mov     rsp, [gs:PER_CPU_TOP_OF_STACK]  ; this task's kernel stack

        ; Build struct pt_regs from the top down. The first five slots are
        ; the frame an interrupt from user mode would have pushed, so the
        ; IRETQ below can consume them.
        push    __USER_DS                       ; pt_regs->ss
        push    qword [gs:PER_CPU_USER_RSP]     ; pt_regs->sp
        push    r11                             ; pt_regs->flags
        push    __USER_CS                       ; pt_regs->cs
        push    rcx                             ; pt_regs->ip
; >>> exercise: 01-build-frame
; Push the rest of struct pt_regs: orig_ax, then the general registers
; down to r15, one push per slot in the order common/include/ptrace.h
; declares them (this lab's README has the table), as the five pushes
; above did for the top of the frame. Two slots are not the register of
; the same name:
;  - orig_ax is the syscall number, kept for whoever asks later which call
;    this was (a tracer, seccomp, a signal restart);
;  - ax is the result: preset it to the error of a number that has no
;    handler (Linux: "Function not implemented"), so that the dispatch
;    only writes it when a handler runs.
; The cx and r11 slots get what rcx and r11 hold now, the user rip and
; rflags (SYSCALL overwrote the user's rcx and r11; the ABI lets it), so
; that every exit hands them back as SYSRET would (`man 2 syscall`).
; The registers C preserves by itself are saved too: a tracer and a fork
; child read them from this frame.
; --- starter ---
;         sub     rsp, 16 * 8                     ; slots left unwritten
; --- solution ---
        push    rax                             ; pt_regs->orig_ax = nr
        push    rdi                             ; pt_regs->di
        push    rsi                             ; pt_regs->si
        push    rdx                             ; pt_regs->dx
        push    rcx                             ; pt_regs->cx
        push    -ENOSYS                         ; pt_regs->ax: the answer
                                                ;  unless a handler runs
        push    r8                              ; pt_regs->r8
        push    r9                              ; pt_regs->r9
        push    r10                             ; pt_regs->r10
        push    r11                             ; pt_regs->r11
        push    rbx                             ; pt_regs->bx
        push    rbp                             ; pt_regs->bp
        push    r12                             ; pt_regs->r12
        push    r13                             ; pt_regs->r13
        push    r14                             ; pt_regs->r14
        push    r15                             ; pt_regs->r15
; <<< exercise: 01-build-frame

        ; rsp = struct pt_regs *, complete. The number is an int (as in
        ; Linux): sign-extend it so -1 stays out of range.
        mov     rdi, rsp
        movsxd  rsi, eax
        call    do_syscall_64                   ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)
