; entry_64.asm - lab 02, sysret-fastpath: the syscall entry path, top to bottom.
;
; Lab 01's frame and dispatcher, with a second way out. When no work is
; pending and nobody rewrote the frame, return with SYSRETQ, which takes rip
; from rcx and rflags from r11 and nothing from memory, instead of IRETQ,
; which reloads five fields and serialises the CPU (Linux 2.6-3.x:
; sysret_check). Anything else leaves by IRETQ, as every syscall did in 01.

%include "asm-offsets.inc"
%include "calling.inc"

extern do_syscall_64
extern syscall_exit_to_user_mode
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
        call    do_syscall_64                   ; returns with interrupts on

; The handler has run: rsp = struct pt_regs *, regs->ax = the result,
; gs = kernel. Interrupts go off before the flags are read and stay off
; until SYSRETQ or IRETQ: a flag set after the test (a timer tick asking
; for a reschedule) would otherwise wait for the next syscall.
sysret_check:
        cli
        ; >>> exercise: 02-work-mask
        ; Decide between the two exits: test the current task's thread
        ; flags (thread_info.flags of the task the per-CPU data points to;
        ; the offsets are those common/arch/asm-offsets.c exports) against
        ; the mask of every bit that asks for work on the way out
        ; (common/include/thread_info.h). Any bit set: the IRET exit,
        ; int_ret_from_sys_call. None: fall through to the SYSRET exit
        ; below. Every register is reloaded from the frame on both ways
        ; out, so any of them may be scratch. Linux 3.x: sysret_check in
        ; arch/x86/kernel/entry_64.S. Intel SDM vol. 2, TEST: how a 64-bit
        ; operand takes an immediate.
        ; --- starter ---
        ;         jmp     int_ret_from_sys_call           ; always IRET, as in lab 01
        ; --- solution ---
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_ALLWORK_MASK
        jnz     int_ret_from_sys_call
        ; <<< exercise: 02-work-mask

; Nothing pending, so nobody rewrote the frame either (force_iret sets
; TIF_FULL_RESTORE, a bit of the mask): SYSRETQ restores the user's rip,
; rflags, cs and ss exactly as SYSCALL left them. rsp = pt_regs.
syscall_return_via_sysret:
        ; >>> exercise: 02-fastpath-exit
        ; Leave by SYSRETQ (Intel SDM vol. 2, SYSRET: where it takes rip,
        ; rflags, cs and ss from). Every register the user gets back comes
        ; from the frame, as on the IRET exit (common/arch/entry_exit.asm
        ; shows that one); SYSRET's own inputs come from the frame's IRET
        ; part; the user's stack comes last, since once rsp is the user's
        ; the frame is out of reach, and GS is swapped back. Name the
        ; instruction after the stack switch entry_SYSRETQ_unsafe_stack, as
        ; Linux does (the GDB test breaks there). NASM writes the 64-bit
        ; form `o64 sysret`. Linux 3.x: the end of system_call in
        ; arch/x86/kernel/entry_64.S; 4.x: syscall_return_via_sysret.
        ; --- starter ---
        ;         jmp     int_ret_from_sys_call           ; IRET, as in lab 01
        ; --- solution ---
        POP_REGS                                ; r15 .. di; rsp -> orig_ax
        mov     rcx, [rsp + PTREGS_IP - PTREGS_ORIG_AX]      ; SYSRET's rip
        mov     r11, [rsp + PTREGS_FLAGS - PTREGS_ORIG_AX]   ; SYSRET's rflags
        mov     rsp, [rsp + PTREGS_SP - PTREGS_ORIG_AX]      ; user stack
global entry_SYSRETQ_unsafe_stack
entry_SYSRETQ_unsafe_stack:                     ; rsp is the user's: no
        swapgs                                  ; fault, no interrupt from here
        o64 sysret                              ; rip = rcx, rflags = r11,
                                                ; cs/ss from MSR_STAR
        ; <<< exercise: 02-fastpath-exit

; Work is pending (a reschedule, a signal, tracing) or the frame was
; rewritten: run the exit-work loop, then leave by IRETQ, which restores
; the frame as it now is. rsp = pt_regs, interrupts off, gs = kernel.
int_ret_from_sys_call:
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)
