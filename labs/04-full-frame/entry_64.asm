; entry_64.asm - lab 04, full-frame: the syscall entry path, top to bottom.
;
; Lab 03's two paths, with lab 03's partial frame gone (Andi Kleen's
; series, January 2018, seed 001). The fast path saves the whole pt_regs at
; once and then clears every register it saved that the handler does not
; need, so that no user value is left in a register for speculation to
; misuse (PUSH_AND_CLEAR_REGS). With the frame always complete, SAVE_REST,
; FIXUP_TOP_OF_STACK and the ptregs stubs have nothing left to do: fork,
; execve, rt_sigreturn and iopl are called straight from the fast path.
; Those that rewrite the frame ask for the IRET exit with a thread flag
; (force_iret: TIF_FULL_RESTORE), Kleen's answer to Brian Gerst's "You
; can't just blindly remove this". Every handler gets the frame itself,
; regs->ax = sys_call_table[nr](regs) (Linux 4.17, seed 003; config).

%include "asm-offsets.inc"
%include "calling.inc"

extern do_syscall_64
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
        ; >>> exercise: 04-push-and-clear
        ; The starter saves every register in its slot. Once saved, a user
        ; value is read from the frame, never from the register, so a
        ; register left holding it only serves speculation (a gadget fed
        ; user-chosen values): Linux's PUSH_AND_CLEAR_REGS (4.16)
        ; in arch/x86/entry/calling.h clears each one as soon as it is in
        ; its slot; rax, rdi and rsi keep theirs (what does the code after
        ; the macro read in rax?). Intel SDM vol. 1, 3.4.1.1: what writing a
        ; 32-bit register does to the upper half, and why that is the
        ; shorter encoding.
        ; --- starter ---
        ;         push    rdi                             ; pt_regs->di
        ;         push    rsi                             ; pt_regs->si
        ;         push    rdx                             ; pt_regs->dx
        ;         push    rcx                             ; pt_regs->cx
        ;         push    %1                              ; pt_regs->ax
        ;         push    r8                              ; pt_regs->r8
        ;         push    r9                              ; pt_regs->r9
        ;         push    r10                             ; pt_regs->r10
        ;         push    r11                             ; pt_regs->r11
        ;         push    rbx                             ; pt_regs->bx
        ;         push    rbp                             ; pt_regs->bp
        ;         push    r12                             ; pt_regs->r12
        ;         push    r13                             ; pt_regs->r13
        ;         push    r14                             ; pt_regs->r14
        ;         push    r15                             ; pt_regs->r15
        ; --- solution ---
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
        ; <<< exercise: 04-push-and-clear
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
        ; user's, every other register 0. Entry work (tracing, seccomp) runs
        ; in C on the slow path; interrupts are still off, so the answer
        ; holds until we act on it.
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_WORK_SYSCALL_ENTRY
        jnz     entry_SYSCALL64_slow_path

; Nothing to do at entry: call the handler from here, with the frame as its
; only argument. The number is an int: its upper half is ignored, and -1 is
; out of range.
entry_SYSCALL_64_fastpath:
        sti
        ; >>> exercise: 04-fastpath-dispatch
        ; Lab 03's fast path called each handler with its arguments in
        ; registers; here every handler takes the frame and nothing else
        ; (the pt_regs calling convention: CONFIG_ARCH_HAS_SYSCALL_WRAPPER
        ; in common/include/syscalls.h and syscall_wrapper.h). Which
        ; numbers are valid is lab 03's rule, with the answer for the others
        ; already in the frame. New is Spectre v1: a CPU may run the table
        ; load before the bound check resolves, with any index. Linux
        ; clamps the index with array_index_nospec, without a branch
        ; (array_index_mask_nospec in syscalls.h is the C; Intel SDM vol. 2:
        ; which instruction turns the carry flag into a whole-register
        ; mask?). Both exits read the result from one place: where?
        ; --- starter ---
        ;         jmp     entry_SYSCALL64_slow_path       ; C dispatches
        ; --- solution ---
        mov     eax, eax                        ; zero-extend the int
        cmp     rax, NR_syscalls
        jae     sysret_check                    ; ax stays -ENOSYS
        sbb     rcx, rcx                        ; rcx = ~0: nr < NR_syscalls
        and     rax, rcx                        ;  (0 under a mispredicted jae)
        mov     rdi, rsp                        ; the only argument: the frame
        call    [sys_call_table + rax * 8]      ; __x64_sys_*(regs)
        mov     [rsp + PTREGS_AX], rax          ; pt_regs->ax = the result
        ; <<< exercise: 04-fastpath-dispatch

; rsp = pt_regs, complete, regs->ax = the result, gs = kernel. Interrupts
; go off before the flags are read and stay off until SYSRETQ or IRETQ.
sysret_check:
        cli
        ; >>> exercise: 04-force-iret
        ; fork, execve, rt_sigreturn and iopl come back here now, not to a
        ; stub's slow path. Leave by int_ret_from_sys_call (exit work, IRET)
        ; when work is pending on the way out or when a handler rewrote the
        ; frame: which flag says so, and which mask holds it
        ; (common/include/thread_info.h, sched.h)?
        ; --- starter ---
        ;         jmp     int_ret_from_sys_call           ; always the exit work and IRET
        ; --- solution ---
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_ALLWORK_MASK ; incl.
        jnz     int_ret_from_sys_call           ;  _TIF_FULL_RESTORE
        ; <<< exercise: 04-force-iret

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

; Work pending at entry (tracing, seccomp): run the syscall in C, as lab 02
; did, then leave through the exit work and IRETQ. The frame is complete
; already. rsp = pt_regs, interrupts off.
entry_SYSCALL64_slow_path:
        mov     rdi, rsp
        movsxd  rsi, eax                        ; nr, an int
        call    do_syscall_64                   ; returns with interrupts on

; Leave through the exit work and IRETQ, which restores the frame as it now
; is (and clears TIF_FULL_RESTORE). rsp = struct pt_regs *, gs = kernel.
int_ret_from_sys_call:
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)
