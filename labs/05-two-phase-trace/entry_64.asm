; entry_64.asm - lab 05, two-phase-trace: the syscall entry path, top to bottom.
;
; Lab 04's full frame, with cheaper entry work (Andy Lutomirski, "x86:
; Split syscall_trace_enter into two phases", Linux 3.18, seed 000). Entry
; work used to mean the slow path: the work in C, the syscall, the exit work
; and IRET, even for a seccomp filter that only says "allow". Now the work
; is split. Phase 1 runs what needs no ptrace stop and rewrites nothing but
; ax and orig_ax (the seccomp filters): when it is content, the syscall
; rejoins the fast path, and SYSRET stays possible. Phase 2 (a ptrace
; stop, SECCOMP_RET_TRACE) may rewrite the whole frame: that syscall runs
; in C and leaves by IRET, as every traced syscall did in lab 04.

%include "asm-offsets.inc"
%include "calling.inc"

extern do_syscall_64
extern syscall_trace_enter_phase1
extern syscall_trace_enter_phase2
extern syscall_exit_to_user_mode
extern swapgs_restore_regs_and_return_to_usermode
extern sys_call_table

section .text
bits 64

; PUSH_AND_CLEAR_REGS ax: push the 15 general registers below orig_ax, in
; pt_regs order, with %1 in the ax slot; zero each one the handler does not
; need once its value is safe in the frame: dx, cx, r8-r15, rbx, rbp. di,
; si and ax are kept: the dispatch uses rax (the number) and rdi (the
; frame), and si costs nothing to keep. A handler reads its arguments from
; the frame, so a user value reaches C only where the ABI says it does.
; (Dan Williams, then Dominik Brodowski's macro, Linux 4.16.)
%macro PUSH_AND_CLEAR_REGS 1
        push    rdi                             ; pt_regs->di
        push    rsi                             ; pt_regs->si
        push    rdx                             ; pt_regs->dx
        xor     edx, edx                        ;  (the 3rd argument)
        push    rcx                             ; pt_regs->cx
        xor     ecx, ecx                        ;  (the user rip)
        push    %1                              ; pt_regs->ax
        push    r8                              ; pt_regs->r8
        xor     r8d, r8d
        push    r9                              ; pt_regs->r9
        xor     r9d, r9d
        push    r10                             ; pt_regs->r10
        xor     r10d, r10d
        push    r11                             ; pt_regs->r11
        xor     r11d, r11d                      ;  (the user rflags)
        push    rbx                             ; pt_regs->bx
        xor     ebx, ebx
        push    rbp                             ; pt_regs->bp
        xor     ebp, ebp
        push    r12                             ; pt_regs->r12
        xor     r12d, r12d
        push    r13                             ; pt_regs->r13
        xor     r13d, r13d
        push    r14                             ; pt_regs->r14
        xor     r14d, r14d
        push    r15                             ; pt_regs->r15
        xor     r15d, r15d
%endmacro

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

        ; The whole struct pt_regs, from the top down, on every path: the
        ; IRET frame first, as an interrupt from user mode would push it.
        push    __USER_DS                       ; pt_regs->ss
        push    qword [gs:PER_CPU_USER_RSP]     ; pt_regs->sp
        push    r11                             ; pt_regs->flags
        push    __USER_CS                       ; pt_regs->cs
        push    rcx                             ; pt_regs->ip
        push    rax                             ; pt_regs->orig_ax = nr
        PUSH_AND_CLEAR_REGS -ENOSYS             ; pt_regs->di .. r15; ax =
                                                ;  -ENOSYS unless a handler runs

        ; rsp = struct pt_regs *, complete; rax = nr, rdi and rsi the
        ; user's, every other register 0. Entry work (seccomp, tracing)
        ; goes through its phases first; interrupts are still off, so the
        ; answer holds until we act on it.
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_WORK_SYSCALL_ENTRY
        jnz     tracesys

; Nothing to do at entry: call the handler from here, with the frame as its
; only argument. The number is an int: its upper half is ignored, and -1 is
; out of range.
entry_SYSCALL_64_fastpath:
        sti
        mov     eax, eax                        ; zero-extend the int
        cmp     rax, NR_syscalls
        jae     sysret_check                    ; ax stays -ENOSYS
        sbb     rcx, rcx                        ; rcx = ~0: nr < NR_syscalls
        and     rax, rcx                        ;  (0 under a mispredicted jae)
        mov     rdi, rsp                        ; the only argument: the frame
        call    [sys_call_table + rax * 8]      ; __x64_sys_*(regs)
        mov     [rsp + PTREGS_AX], rax          ; pt_regs->ax = the result

; rsp = pt_regs, complete, regs->ax = the result, gs = kernel. Interrupts
; go off before the flags are read and stay off until SYSRETQ or IRETQ.
sysret_check:
        cli
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_ALLWORK_MASK ; incl.
        jnz     int_ret_from_sys_call           ;  _TIF_FULL_RESTORE

; Nothing pending, nobody rewrote the frame: SYSRETQ, with every register
; from the frame (the entry cleared them), rip and rflags from their slots
; as SYSCALL left them, and the user rsp.
syscall_return_via_sysret:
        POP_REGS                                ; r15 .. di; rsp -> orig_ax
        mov     rcx, [rsp + PTREGS_IP - PTREGS_ORIG_AX]      ; SYSRET's rip
        mov     r11, [rsp + PTREGS_FLAGS - PTREGS_ORIG_AX]   ; SYSRET's rflags
        mov     rsp, [rsp + PTREGS_SP - PTREGS_ORIG_AX]      ; user stack
global entry_SYSRETQ_unsafe_stack
entry_SYSRETQ_unsafe_stack:                     ; rsp is the user's: no
        swapgs                                  ; fault, no interrupt from here
        o64 sysret                              ; rip = rcx, rflags = r11,
                                                ; cs/ss from MSR_STAR

; Work pending at entry. rsp = pt_regs, complete; interrupts off.
;
; Phase 1 (seccomp) may only answer in ax or cancel through orig_ax, so
; when it asks for nothing more the frame is still what SYSCALL left, and
; the syscall can go back to the fast path, SYSRET and all. Anything else
; (a ptrace stop, SECCOMP_RET_TRACE) is phase 2, on the slow path.
tracesys:
        ; >>> exercise: 05-rejoin-fastpath
        ; The starter calls phase 1 and ignores what it answers. Phase 1's
        ; return value is a contract (its comment in syscall.c): one answer
        ; means "nothing left to do, run the syscall", every other is
        ; phase 2's to finish. Act on it. Going back to the fast path: read
        ; what entry_SYSCALL_64_fastpath expects in its registers, and ask
        ; which of them a C call may have clobbered (the psABI's
        ; caller-saved registers) and which slot of the frame holds the
        ; number as phase 1 left it (it may have changed it). What
        ; tracesys_phase2 expects is written above it. Linux 3.18:
        ; "tracesys" in arch/x86/kernel/entry_64.S; this lab's README.
        ; --- starter ---
        ;         mov     rdi, rsp                        ; regs
        ;         mov     esi, AUDIT_ARCH_X86_64          ; arch
        ;         call    syscall_trace_enter_phase1
        ;         jmp     tracesys_phase2                 ; always the slow path, as in lab 04
        ; --- solution ---
        mov     rdi, rsp                        ; regs
        mov     esi, AUDIT_ARCH_X86_64          ; arch
        call    syscall_trace_enter_phase1      ; interrupts on; 0 = done
        test    rax, rax
        jnz     tracesys_phase2
        mov     rax, [rsp + PTREGS_ORIG_AX]     ; the number, as phase 1 left it
        jmp     entry_SYSCALL_64_fastpath       ; SYSRET is possible again
        ; <<< exercise: 05-rejoin-fastpath

; Phase 2: the ptrace syscall-entry stop and SECCOMP_RET_TRACE, where a
; tracer may rewrite the whole frame. It returns the number to run (-1:
; none); the syscall runs in C and leaves through the exit work and IRETQ.
; rax = phase 1's result.
tracesys_phase2:
        mov     rdi, rsp                        ; regs
        mov     esi, AUDIT_ARCH_X86_64          ; arch
        mov     rdx, rax                        ; phase1_result
        call    syscall_trace_enter_phase2      ; returns the nr to run
        mov     rdi, rsp
        mov     rsi, rax
        call    do_syscall_64                   ; returns with interrupts on

; Leave through the exit work and IRETQ, which restores the frame as it now
; is (and clears TIF_FULL_RESTORE). rsp = struct pt_regs *, gs = kernel.
int_ret_from_sys_call:
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)
