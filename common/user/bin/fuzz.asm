; fuzz.asm - the two moments of fuzz.c where C cannot hold the registers:
; one SYSCALL with every register chosen, and the return of rt_sigreturn
; to a frame the handler rewrote.
;
; struct fuzz_regs (fuzz.c): rax rbx rcx rdx rsi rdi rbp r8-r15 (0..14),
; rflags (15), rsp (16), cs (17), ss (18); 8 bytes each.

%define F_FLAGS (15 * 8)
%define F_RSP   (16 * 8)
%define F_CS    (17 * 8)
%define F_SS    (18 * 8)

section .bss
global fuzz_in
global fuzz_out
fuzz_in:        resq 19
fuzz_out:       resq 19
global fuzz_saved_rsp
fuzz_saved_rsp: resq 1                  ; fuzz_syscall's rsp at SYSCALL
global fuzz_sig_rsp
fuzz_sig_rsp:   resq 1                  ; fuzz_sigreturn's, the same

section .text
bits 64

%macro SAVE_CALLEE 0
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
%endmacro
%macro RESTORE_CALLEE 0
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
%endmacro

; every register into fuzz_out, with no stack and no flags touched
%macro STORE_ALL 0
        mov     [rel fuzz_out + 0 * 8], rax
        mov     [rel fuzz_out + 1 * 8], rbx
        mov     [rel fuzz_out + 2 * 8], rcx
        mov     [rel fuzz_out + 3 * 8], rdx
        mov     [rel fuzz_out + 4 * 8], rsi
        mov     [rel fuzz_out + 5 * 8], rdi
        mov     [rel fuzz_out + 6 * 8], rbp
        mov     [rel fuzz_out + 7 * 8], r8
        mov     [rel fuzz_out + 8 * 8], r9
        mov     [rel fuzz_out + 9 * 8], r10
        mov     [rel fuzz_out + 10 * 8], r11
        mov     [rel fuzz_out + 11 * 8], r12
        mov     [rel fuzz_out + 12 * 8], r13
        mov     [rel fuzz_out + 13 * 8], r14
        mov     [rel fuzz_out + 14 * 8], r15
        mov     [rel fuzz_out + F_RSP], rsp
        mov     [rel fuzz_out + F_CS], cs
        mov     [rel fuzz_out + F_SS], ss
%endmacro

; long fuzz_syscall(void): SYSCALL with every register and rflags from
; fuzz_in (rsp stays ours); fuzz_out gets them as SYSCALL returned them.
; Returns rax. A fork child returns here too, with its own copy.
global fuzz_syscall
global fuzz_after_syscall
fuzz_syscall:
        SAVE_CALLEE
        mov     [rel fuzz_saved_rsp], rsp
        push    qword [rel fuzz_in + F_FLAGS]   ; popped last: under TF,
        mov     rax, [rel fuzz_in + 0 * 8]      ;  only SYSCALL is stepped
        mov     rbx, [rel fuzz_in + 1 * 8]
        mov     rcx, [rel fuzz_in + 2 * 8]
        mov     rdx, [rel fuzz_in + 3 * 8]
        mov     rsi, [rel fuzz_in + 4 * 8]
        mov     rdi, [rel fuzz_in + 5 * 8]
        mov     rbp, [rel fuzz_in + 6 * 8]
        mov     r8,  [rel fuzz_in + 7 * 8]
        mov     r9,  [rel fuzz_in + 8 * 8]
        mov     r10, [rel fuzz_in + 9 * 8]
        mov     r11, [rel fuzz_in + 10 * 8]
        mov     r12, [rel fuzz_in + 11 * 8]
        mov     r13, [rel fuzz_in + 12 * 8]
        mov     r14, [rel fuzz_in + 13 * 8]
        mov     r15, [rel fuzz_in + 14 * 8]
        popfq
        syscall
fuzz_after_syscall:                             ; rcx must point here
        pushfq                                  ; the flags first, then
        pop     qword [rel fuzz_out + F_FLAGS]  ;  plain flags again (TF
        push    0x202                           ;  off: no more steps)
        popfq
        STORE_ALL
        mov     rsp, [rel fuzz_saved_rsp]
        RESTORE_CALLEE
        mov     rax, [rel fuzz_out]
        ret

; void fuzz_sigreturn(void): kill(getpid(), SIGUSR1); the handler
; rewrites the frame, and rt_sigreturn lands at fuzz_sig_landing (every
; register stored, then back here) or faults, and the SIGSEGV handler
; sends the task to fuzz_sig_resume. Either way fuzz_sigreturn returns.
global fuzz_sigreturn
global fuzz_sig_landing
global fuzz_sig_resume
fuzz_sigreturn:
        SAVE_CALLEE
        mov     [rel fuzz_sig_rsp], rsp
        mov     eax, 39                         ; getpid
        syscall
        mov     edi, eax
        mov     esi, 10                         ; SIGUSR1
        mov     eax, 62                         ; kill
        syscall
        jmp     fuzz_sig_resume                 ; no handler ran: fuzz.c sees it

fuzz_sig_landing:                               ; rt_sigreturn's rip, asked for
        STORE_ALL
        mov     rsp, [rel fuzz_sig_rsp]         ; our stack, whatever rsp was
        pushfq
        pop     qword [rel fuzz_out + F_FLAGS]
fuzz_sig_resume:
        mov     rsp, [rel fuzz_sig_rsp]
        push    0x202
        popfq
        RESTORE_CALLEE
        ret
