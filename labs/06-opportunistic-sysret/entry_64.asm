; entry_64.asm - lab 06, opportunistic-sysret: the syscall entry path, top
; to bottom.
;
; Lab 05's two paths, with the IRET exit made rare (Andy Lutomirski, "x86_64,
; entry: Use sysret to return to userspace when possible", Linux 4.0, seed
; 004). Until now a syscall that had exit work, a ptrace stop, or a handler
; that rewrote its frame left by IRET, because SYSRET restores only rip and
; rflags, from rcx and r11, and the rule was "when user space could have
; changed the frame, force IRET". Here the exit looks at the frame itself
; instead: if rcx == rip, r11 == rflags, rip is canonical, neither RF nor TF
; is set, and cs and ss are the user's, then SYSRET does exactly what IRET
; would, and much faster. TIF_FULL_RESTORE no longer forces IRET: it only
; sends a syscall whose frame may have changed past the six checks.

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

; CANONICAL_OR_FAIL addr, tmp: go to opportunistic_sysret_failed unless addr
; is canonical, its bits 63..47 all equal: shift the bits above the address
; out, shift back in copies of its top bit, and a canonical address comes
; back unchanged. (2015, "x86/asm/entry/64: Implement better check for
; canonical addresses".) The shift count is the kit's virtual-address width
; (mm.h); the build stops if that ever changes, as Linux's did, because the
; CPUs in use would then disagree on what canonical means.
%if __VIRTUAL_MASK_SHIFT != 47
%error "the virtual address width changed: review the SYSRET checks"
%endif
%macro CANONICAL_OR_FAIL 2
        mov     %2, %1
        shl     %2, 64 - (__VIRTUAL_MASK_SHIFT + 1)
        sar     %2, 64 - (__VIRTUAL_MASK_SHIFT + 1)
        cmp     %2, %1
        jne     opportunistic_sysret_failed
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

; Nothing pending and nobody rewrote the frame, so four of the six checks
; below hold by construction: the cx and ip slots hold SYSCALL's rcx, the
; r11 and flags slots its r11, cs and ss the user's. What the user still
; controls is rip (a SYSCALL in the last bytes below 2^47 would return to
; 2^47 itself, if that page were mapped) and TF (a single-stepping user):
; check those two here, in the slots SYSRET loads, cx and r11. Linux's
; fast path checked neither: the first is a defence against a mapping
; mistake, the second makes a single-stepped SYSCALL trap where IRET would.
        ; >>> exercise: 06-fastpath-checks
        ; No handler rewrote this frame, yet it can still fail two of the
        ; six checks below: which? Think of a SYSCALL in the last bytes of
        ; the user half (the selftest sysret_rip) and of a user who set TF
        ; before SYSCALL (single_step_syscall). Test the values SYSRET will
        ; load, fail to opportunistic_sysret_failed, reuse what the six
        ; checks use, and keep it short: the null syscall's budget is a
        ; graded test.
        ; --- solution ---
        mov     rcx, [rsp + PTREGS_CX]
        CANONICAL_OR_FAIL rcx, r11
        test    qword [rsp + PTREGS_R11], X86_EFLAGS_RF | X86_EFLAGS_TF
        jnz     opportunistic_sysret_failed
        ; <<< exercise: 06-fastpath-checks
        jmp     syscall_return_via_sysret

; Work pending at entry. rsp = pt_regs, complete; interrupts off.
;
; Phase 1 (seccomp) may only answer in ax or cancel through orig_ax, so
; when it asks for nothing more the frame is still what SYSCALL left, and
; the syscall can go back to the fast path, SYSRET and all. Anything else
; (a ptrace stop, SECCOMP_RET_TRACE) is phase 2, on the slow path.
tracesys:
        mov     rdi, rsp                        ; regs
        mov     esi, AUDIT_ARCH_X86_64          ; arch
        call    syscall_trace_enter_phase1      ; interrupts on; 0 = done
        test    rax, rax
        jnz     tracesys_phase2
        mov     rax, [rsp + PTREGS_ORIG_AX]     ; the number, as phase 1 left it
        jmp     entry_SYSCALL_64_fastpath       ; SYSRET is possible again

; Phase 2: the ptrace syscall-entry stop and SECCOMP_RET_TRACE, where a
; tracer may rewrite the whole frame. It returns the number to run (-1:
; none); the syscall runs in C and leaves through the exit work and the
; six checks.
; rax = phase 1's result.
tracesys_phase2:
        mov     rdi, rsp                        ; regs
        mov     esi, AUDIT_ARCH_X86_64          ; arch
        mov     rdx, rax                        ; phase1_result
        call    syscall_trace_enter_phase2      ; returns the nr to run
        mov     rdi, rsp
        mov     rsi, rax
%ifdef CONFIG_X86_SYSRET_CHECKS_IN_C
        call    do_syscall_64                   ; the syscall, the exit work
        jmp     sysret_verdict                  ;  and the checks, in C
%else
        call    do_syscall_64                   ; returns with interrupts on
%endif

; The exit work, after a syscall that had work pending on the way out, or
; entry work, or a handler that rewrote its frame (TIF_FULL_RESTORE: execve,
; rt_sigreturn, iopl, a ptrace stop). rsp = struct pt_regs *, gs = kernel.
int_ret_from_sys_call:
%ifdef CONFIG_X86_SYSRET_CHECKS_IN_C
; The extension (config): the exit work and the six checks in C, in Linux
; 6.7's shape; do_syscall_64 answers "may this frame leave by SYSRET?".
; The fast path's handler has run: nothing is left to run (-1).
        mov     rdi, rsp
        mov     rsi, -1
        call    do_syscall_64                   ; returns with interrupts off
sysret_verdict:
        test    al, al
        jz      opportunistic_sysret_failed
        jmp     syscall_return_via_sysret
%else
        mov     rdi, rsp
        call    syscall_exit_to_user_mode       ; returns with interrupts off
        ; A rewritten frame (TIF_FULL_RESTORE) is judged below, so the request
        ; is met here, whichever exit the checks choose: left set, it would
        ; send every later syscall of this task through this slow exit. (A
        ; plain and, as in entry_exit.asm: one CPU, interrupts off.)
        mov     rcx, [gs:PER_CPU_CURRENT]
        and     qword [rcx + TASK_TI_FLAGS], ~_TIF_FULL_RESTORE

; The frame may be anything now. SYSRET loads rip from rcx and rflags from
; r11, cs and ss from MSR_STAR, and nothing else: it does what IRET would
; only if the frame says exactly that. Any doubt: IRET.
        ; >>> exercise: 06-six-checks
        ; IRET restores every value of the IRET frame from the frame; SYSRET
        ; takes rip from rcx, rflags from r11, and cs and ss from MSR_STAR.
        ; Leave by SYSRET only where both would give user space the same:
        ; for each value IRET would restore, what would SYSRET restore
        ; instead (Intel SDM vol. 2, SYSRET, "Operation")? Where the two can
        ; differ, jump to opportunistic_sysret_failed. Two differences are
        ; worse than a wrong value: a rip SYSRET faults on in ring 0 on
        ; Intel (CANONICAL_OR_FAIL tests it), and flags that SYSRET cannot
        ; restore or that would trap at once. The README's table gives
        ; each check's reason. Any register is scratch: every one is
        ; reloaded from the frame.
        ; --- starter ---
        ;         jmp     opportunistic_sysret_failed     ; IRET, as in lab 05
        ; --- solution ---
        mov     rcx, [rsp + PTREGS_CX]
        cmp     rcx, [rsp + PTREGS_IP]          ; rcx == rip
        jne     opportunistic_sysret_failed
        CANONICAL_OR_FAIL rcx, r11              ; rip canonical
        cmp     qword [rsp + PTREGS_CS], __USER_CS      ; cs as SYSRET sets it
        jne     opportunistic_sysret_failed
        mov     r11, [rsp + PTREGS_R11]
        cmp     r11, [rsp + PTREGS_FLAGS]       ; r11 == rflags
        jne     opportunistic_sysret_failed
        test    r11, X86_EFLAGS_RF | X86_EFLAGS_TF      ; neither RF nor TF
        jnz     opportunistic_sysret_failed
        cmp     qword [rsp + PTREGS_SS], __USER_DS      ; ss as SYSRET sets it
        jne     opportunistic_sysret_failed
        ; <<< exercise: 06-six-checks
%endif

; We win! (Linux keeps this label for perf profiles; only the fast path, and
; the C checks' verdict, jump here.) The checks passed, so the cx and r11
; slots hold rip and rflags: SYSRETQ with every register from the frame,
; and the user rsp.
syscall_return_via_sysret:
        POP_REGS                                ; r15 .. di; rcx = rip,
                                                ;  r11 = rflags; rsp -> orig_ax
        mov     rsp, [rsp + PTREGS_SP - PTREGS_ORIG_AX]      ; user stack
global entry_SYSRETQ_unsafe_stack
entry_SYSRETQ_unsafe_stack:                     ; rsp is the user's: no
        swapgs                                  ; fault, no interrupt from here
        o64 sysret                              ; rip = rcx, rflags = r11,
                                                ; cs/ss from MSR_STAR

; A check failed: IRETQ restores the frame as it is (and clears
; TIF_FULL_RESTORE). rsp = pt_regs, interrupts off, gs = kernel.
opportunistic_sysret_failed:
        jmp     swapgs_restore_regs_and_return_to_usermode ; POP_REGS, swapgs, iretq
                                                ; (common/arch/entry_exit.asm)
