; idt_entry.asm - exception and interrupt entry: every IDT vector lands here.
;
; The CPU has pushed ss, sp, flags, cs, ip (and for some exceptions an error
; code) on the stack it switched to: RSP0 from the TSS when coming from user
; mode, an IST stack for the paranoid vectors, else the current stack. Each
; stub completes struct pt_regs (error code or -1 in orig_ax) and passes the
; vector in esi to one of two common paths.

%include "asm-offsets.inc"
%include "calling.inc"

extern do_trap
extern irqentry_exit_to_user_mode
extern sync_regs
extern fixup_bad_iret
extern swapgs_restore_regs_and_return_to_usermode       ; the lab's IRET exit
extern native_irq_return_iret                           ; its IRETQ

section .text
bits 64

; IDTENTRY vector, has_error_code, common path
%macro IDTENTRY 3
idt_stub_%1:
%if %2 == 0
        push    -1                      ; pt_regs->orig_ax: no error code
%endif
        cld                             ; the C ABI wants DF clear
        ; the rest of pt_regs, in the order of common/include/ptrace.h:
        ; an interrupted context keeps every register, rax included
        push    rdi                     ; pt_regs->di
        push    rsi                     ; pt_regs->si
        push    rdx                     ; pt_regs->dx
        push    rcx                     ; pt_regs->cx
        push    rax                     ; pt_regs->ax
        push    r8                      ; pt_regs->r8
        push    r9                      ; pt_regs->r9
        push    r10                     ; pt_regs->r10
        push    r11                     ; pt_regs->r11
        push    rbx                     ; pt_regs->bx
        push    rbp                     ; pt_regs->bp
        push    r12                     ; pt_regs->r12
        push    r13                     ; pt_regs->r13
        push    r14                     ; pt_regs->r14
        push    r15                     ; pt_regs->r15
        mov     esi, %1
        jmp     %3
%endmacro

; Vectors with an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13, #PF 14,
; #AC 17, #CP 21, #VC 29, #SX 30. Paranoid (IST, may arrive with either GS):
; #DB 1, NMI 2, #DF 8, #MC 18.
%assign v 0
%rep 48
  %if v == 1 || v == 2 || v == 18
        IDTENTRY v, 0, paranoid_entry
  %elif v == 8
        IDTENTRY v, 1, paranoid_entry
  %elif v == 10 || v == 11 || v == 12 || v == 13 || v == 14 || v == 17 || v == 21 || v == 29 || v == 30
        IDTENTRY v, 1, error_entry
  %else
        IDTENTRY v, 0, error_entry
  %endif
%assign v v + 1
%endrep

; The table idt.c installs from.
section .rodata
global idt_stubs
idt_stubs:
%assign v 0
%rep 48
        dq      idt_stub_ %+ v
%assign v v + 1
%endrep

section .text
; A non-paranoid entry: the saved CS tells whose GS is live, because these
; vectors cannot hit the few instructions between SYSCALL and SWAPGS. One
; kernel instruction runs with the user GS after its SWAPGS, though: the
; IRETQ back to user space, which faults (#GP, #NP, #SS) when the frame it
; pops is bad.
error_entry:
        test    byte [rsp + PTREGS_CS], 3
        jz      .from_kernel
        swapgs                          ; user GS -> kernel GS
        jmp     exc_from_user
.from_kernel:
        lea     rax, [rel native_irq_return_iret]
        cmp     [rsp + PTREGS_IP], rax
        je      .bad_iret
        mov     rdi, rsp
        call    do_trap
        jmp     restore_regs_and_iret

; The IRET to user space faulted: a fault of the user process, not of the
; kernel (Linux: .Lerror_bad_iret, fixup_bad_iret). Take the kernel GS
; back, rebuild the frame as if user mode had faulted at the rip it was
; returning to, and handle it from there.
.bad_iret:
        swapgs
        mov     rdi, rsp
        mov     r12d, esi
        call    fixup_bad_iret          ; rax = the rebuilt pt_regs
        mov     rsp, rax
        mov     esi, r12d
        ; fall through

; Interrupted user mode: handle, then the exit work (signals, reschedule)
; and the lab's IRET exit. rsp = pt_regs on the task stack, esi = vector.
exc_from_user:
        mov     rdi, rsp
        call    do_trap
        mov     rdi, rsp
        call    irqentry_exit_to_user_mode      ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode

restore_regs_and_iret:
        POP_REGS
        add     rsp, 8
        iretq

; A paranoid entry runs on an IST stack and may interrupt the kernel before
; its SWAPGS (a #DB on the first instruction of entry_SYSCALL_64 after
; MOV SS; SYSCALL, CVE-2018-8897), so the saved CS cannot say which GS is
; live. MSR_GS_BASE can: kernel addresses are negative.
paranoid_entry:
        test    byte [rsp + PTREGS_CS], 3
        jnz     .from_user
        mov     ecx, MSR_GS_BASE        ; rdmsr leaves esi (the vector) alone
        rdmsr
        xor     ebx, ebx                ; ebx = 1: swap back on exit
        test    edx, edx
        js      .kernel_gs
        swapgs
        mov     ebx, 1
.kernel_gs:
        mov     rdi, rsp
        call    do_trap
        test    ebx, ebx
        jz      restore_regs_and_iret
        swapgs
        jmp     restore_regs_and_iret

; From user mode the GS question does not arise, but the work that may
; follow (a signal, a reschedule, exit) must not run on the shared IST
; stack: move the frame to the task stack first, as Linux's sync_regs does.
.from_user:
        swapgs
        mov     rdi, rsp
        mov     r12d, esi
        call    sync_regs               ; rax = pt_regs copy on the task stack
        mov     rsp, rax
        mov     esi, r12d
        jmp     exc_from_user
