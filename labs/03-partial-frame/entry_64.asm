; entry_64.asm - lab 03, partial-frame: the syscall entry path, top to bottom.
;
; Lab 02's two exits, with a cheaper way in. The fast path saves only what
; C may clobber (SAVE_ARGS): C functions preserve rbx, rbp and r12-r15
; themselves, so those six slots are reserved and left unwritten, and so is
; the top of the frame (ss, sp, flags, cs), which SYSRET does not need.
; Whatever needs the whole frame completes it first, with SAVE_REST and
; FIXUP_TOP_OF_STACK: the slow path (entry work, exit work), and the
; syscalls that read or rewrite pt_regs (fork, execve, rt_sigreturn, iopl),
; whose ptregs stubs restart them on the slow path (Linux 2.6-3.x's frame,
; 4.6-4.15's stubs).

%include "asm-offsets.inc"
%include "calling.inc"

extern do_syscall_64
extern syscall_exit_to_user_mode
extern swapgs_restore_regs_and_return_to_usermode
extern sys_call_table

section .text
bits 64

; SAVE_REST: the six callee-saved ("extra") registers into the slots the
; fast path reserved. They still hold the user's values: only assembly has
; run since SYSCALL, and C code called since has preserved them.
; rsp = struct pt_regs *. (2.6-3.x: "6 movq and a subq", seed 000; the
; subq was done at entry here, so that rsp is always the pt_regs pointer.)
%macro SAVE_REST 0
        mov     [rsp + PTREGS_BX], rbx          ; pt_regs->bx
        mov     [rsp + PTREGS_BP], rbp          ; pt_regs->bp
        mov     [rsp + PTREGS_R12], r12         ; pt_regs->r12
        mov     [rsp + PTREGS_R13], r13         ; pt_regs->r13
        mov     [rsp + PTREGS_R14], r14         ; pt_regs->r14
        mov     [rsp + PTREGS_R15], r15         ; pt_regs->r15
%endmacro

; FIXUP_TOP_OF_STACK tmp: the four slots of the IRET frame the fast path
; did not write, from where it left their values: the user rsp in the
; per-CPU slot, the user rflags in the r11 slot, cs and ss constants. The
; ip slot was written at entry. tmp is clobbered. rsp = struct pt_regs *.
%macro FIXUP_TOP_OF_STACK 1
        ; >>> exercise: 03-fixup-top-of-stack
        ; Complete the IRET part of the frame (ss, sp, flags, cs) from where
        ; the fast path left each value: the user rsp where the entry
        ; parked it, the user rflags in a slot SAVE_ARGS wrote (SYSCALL put
        ; them in r11), cs and ss the constants of user mode the entry of
        ; lab 02 pushed. %1 is yours to clobber. x86 has no memory-to-memory
        ; mov. Linux 2.6-3.x: FIXUP_TOP_OF_STACK in
        ; arch/x86/kernel/entry_64.S (seed 000 quotes its use).
        ; --- solution ---
        mov     %1, [gs:PER_CPU_USER_RSP]
        mov     [rsp + PTREGS_SP], %1           ; pt_regs->sp
        mov     qword [rsp + PTREGS_SS], __USER_DS      ; pt_regs->ss
        mov     qword [rsp + PTREGS_CS], __USER_CS      ; pt_regs->cs
        mov     %1, [rsp + PTREGS_R11]
        mov     [rsp + PTREGS_FLAGS], %1        ; pt_regs->flags
        ; <<< exercise: 03-fixup-top-of-stack
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

        ; Build struct pt_regs from the top down, but only the part the
        ; fast path needs: rip for SYSRET, the number, and what C may
        ; clobber. The rest stays reserved and unwritten until a path that
        ; needs it completes the frame (SAVE_REST, FIXUP_TOP_OF_STACK).
        ; >>> exercise: 03-partial-save
        ; Cut lab 02's frame (the starter) down to the partial frame: the
        ; same layout and the same rsp at the end (struct pt_regs *, the r15
        ; slot), but only what the fast path needs is written: the ip slot
        ; (SYSRET's rip), orig_ax, and the registers a C call may clobber
        ; (Linux 2.6-3.x: SAVE_ARGS; the psABI's "caller-saved"), with ax
        ; preset as before. The IRET part above ip and the callee-saved slots
        ; below r11 are reserved, not written: FIXUP_TOP_OF_STACK and
        ; SAVE_REST fill them when a path needs them. A reservation costs
        ; one instruction however many slots it spans.
        ; --- starter ---
        ;         push    __USER_DS                       ; pt_regs->ss
        ;         push    qword [gs:PER_CPU_USER_RSP]     ; pt_regs->sp
        ;         push    r11                             ; pt_regs->flags
        ;         push    __USER_CS                       ; pt_regs->cs
        ;         push    rcx                             ; pt_regs->ip
        ;         push    rax                             ; pt_regs->orig_ax
        ;         push    rdi                             ; pt_regs->di
        ;         push    rsi                             ; pt_regs->si
        ;         push    rdx                             ; pt_regs->dx
        ;         push    rcx                             ; pt_regs->cx
        ;         push    -ENOSYS                         ; pt_regs->ax
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
        sub     rsp, 4 * 8                      ; ss, sp, flags, cs: not
                                                ;  written (FIXUP_TOP_OF_STACK)
        push    rcx                             ; pt_regs->ip
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
        push    r11                             ; pt_regs->r11 = user rflags
        sub     rsp, 6 * 8                      ; bx, bp, r12-r15: not
                                                ;  written (SAVE_REST)
        ; <<< exercise: 03-partial-save

        ; rsp = struct pt_regs *, partial: only the C-clobbered registers,
        ; orig_ax and ip are in it. Entry work (tracing, seccomp) may read or
        ; rewrite all of it: with any pending, take the slow path. Interrupts
        ; are still off, so the answer holds until we act on it.
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_WORK_SYSCALL_ENTRY
        jnz     entry_SYSCALL64_slow_path

; Nothing to do at entry: call the handler from here, with the arguments
; still in their registers (r10 -> rcx for C). The number is an int: its
; upper half is ignored, and -1 is out of range.
entry_SYSCALL_64_fastpath:
        sti
        mov     eax, eax                        ; zero-extend the int
        cmp     rax, NR_syscalls
        jae     sysret_check                    ; ax stays -ENOSYS
        mov     rcx, r10                        ; 4th argument
        call    [sys_call_table + rax * 8]      ; a ptregs stub may not
                                                ;  return here (stub_ptregs_64)
entry_SYSCALL_64_after_fastpath_call:
        mov     [rsp + PTREGS_AX], rax          ; pt_regs->ax = the result

; rsp = the partial pt_regs, regs->ax = the result, gs = kernel. As in lab
; 02, interrupts go off before the flags are read and stay off to the end.
sysret_check:
        cli
        mov     rcx, [gs:PER_CPU_CURRENT]
        test    qword [rcx + TASK_TI_FLAGS], _TIF_ALLWORK_MASK
        jnz     sysret_careful

; Nothing pending, nobody rewrote the frame: SYSRETQ. Only the slots
; SAVE_ARGS wrote are read; rbx, rbp, r12-r15 were preserved by C and are
; still the user's; rflags are in the r11 slot and rsp in the per-CPU slot,
; where SYSCALL left them.
syscall_return_via_sysret:
        add     rsp, PTREGS_R11                 ; skip the six unwritten slots
        pop     r11                             ; r11 = user rflags, for SYSRETQ
        pop     r10
        pop     r9
        pop     r8
        pop     rax                             ; the result
        pop     rcx                             ; the user rip, as SYSCALL left
        pop     rdx                             ;  it (= pt_regs->ip), for SYSRETQ
        pop     rsi
        pop     rdi                             ; rsp -> orig_ax
        mov     rsp, [gs:PER_CPU_USER_RSP]      ; user stack
global entry_SYSRETQ_unsafe_stack
entry_SYSRETQ_unsafe_stack:                     ; rsp is the user's: no
        swapgs                                  ; fault, no interrupt from here
        o64 sysret                              ; rip = rcx, rflags = r11,
                                                ; cs/ss from MSR_STAR

; Work pending on the way out (a reschedule, a signal, tracing, a rewritten
; frame): the exit work may read or rewrite every register, and IRETQ will
; pop every slot. Complete the frame first. rsp = partial pt_regs,
; interrupts off.
sysret_careful:
        SAVE_REST
        FIXUP_TOP_OF_STACK rcx
        jmp     int_ret_from_sys_call

; Work pending at entry, or a ptregs syscall restarted by stub_ptregs_64:
; complete the frame and run the syscall in C as lab 02 did, then leave
; through the exit work and IRETQ. rsp = partial pt_regs, interrupts off;
; rax may be anything (stub_ptregs_64 put a handler address there): the
; number is read back from orig_ax.
entry_SYSCALL64_slow_path:
        SAVE_REST
        FIXUP_TOP_OF_STACK rcx
        mov     rdi, rsp                        ; complete from here on
        movsxd  rsi, dword [rsp + PTREGS_ORIG_AX]
        call    do_syscall_64                   ; returns with interrupts on

; Leave through the exit work and IRETQ, which restores the frame as it now
; is. rsp = struct pt_regs *, complete, gs = kernel.
int_ret_from_sys_call:
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; returns with interrupts off
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)

; The syscalls that need the whole frame (PTREGS_SYSCALLS in
; common/kernel/syscall_table.c) reach the handler through these, not
; directly, from sys_call_table. rax = the C handler. Interrupts on.
; Called from the fast path (the return address says so), the frame is
; partial: drop the return address, and run the syscall again on the slow
; path, which completes the frame; the arguments are still in their slots
; and orig_ax still holds the number. Called from C (do_syscall_64, on the
; slow path), the frame is complete already: go straight to the handler.
stub_ptregs_64:
        ; >>> exercise: 03-ptregs-stub
        ; Tell the two callers apart by the return address on the stack:
        ; the fast path's call returns to entry_SYSCALL_64_after_fastpath_call.
        ; From there, leave the fast path for good: the slow path expects
        ; interrupts off and rsp = the partial pt_regs, and restarts the
        ; syscall from orig_ax. From C, fall through to `jmp rax`. Intel SDM
        ; vol. 2, CMP: how a 64-bit compare takes an immediate, and why
        ; that is enough for a kernel address (the top 2 GiB, -mcmodel=kernel).
        ; Linux 4.6-4.15: stub_ptregs_64 in arch/x86/entry/entry_64.S.
        ; --- starter ---
        ;         mov     rax, -ENOSYS                    ; unwritten: every ptregs
        ;         ret                                     ;  syscall fails, as unknown
        ; --- solution ---
        cmp     qword [rsp], entry_SYSCALL_64_after_fastpath_call
        jne     .from_c
        cli
        add     rsp, 8                          ; rsp = the partial pt_regs
        jmp     entry_SYSCALL64_slow_path
.from_c:
        ; <<< exercise: 03-ptregs-stub
        jmp     rax                             ; the handler returns to C

; ptregs_<handler>: the handler's address for stub_ptregs_64. These strong
; symbols replace common's weak defaults, which jump to the handler.
%macro PTREGS_STUB 1
extern %1
global ptregs_%1
ptregs_%1:
        lea     rax, [rel %1]
        jmp     stub_ptregs_64
%endmacro

PTREGS_STUB sys_fork
PTREGS_STUB sys_execve
PTREGS_STUB sys_rt_sigreturn
PTREGS_STUB sys_iopl
