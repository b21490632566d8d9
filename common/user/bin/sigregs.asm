; sigregs.asm - a signal round trip with every register under control.
;
; void sig_roundtrip(const struct regset *in, struct regset *out)
; Loads every general register and rflags from in, then executes ud2 at
; sig_trap_insn: the SIGILL handler (C) checks what the sigcontext says,
; rewrites it and points rip at sig_resume, which stores every register,
; rflags, rsp, cs and ss as rt_sigreturn left them into out. A round may
; trap twice (sigregs.c): the second handler also returns to sig_resume.
; struct regset: rax rbx rcx rdx rsi rdi rbp r8-r15 (15), rflags, rsp, cs, ss

section .bss
out_ptr:        resq 1
alignb 16
compat_stack:   resb 8192               ; the compat round's signal frame
global compat_stack_top
compat_stack_top:
global sig_saved_rsp
sig_saved_rsp:  resq 1

section .text
bits 64
global sig_roundtrip
global sig_trap_insn
global sig_resume
sig_roundtrip:
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rel out_ptr], rsi
        mov     [rel sig_saved_rsp], rsp
        push    qword [rdi + 15 * 8]
        popfq
        mov     rax, [rdi + 0 * 8]
        mov     rbx, [rdi + 1 * 8]
        mov     rcx, [rdi + 2 * 8]
        mov     rdx, [rdi + 3 * 8]
        mov     rsi, [rdi + 4 * 8]
        mov     rbp, [rdi + 6 * 8]
        mov     r8,  [rdi + 7 * 8]
        mov     r9,  [rdi + 8 * 8]
        mov     r10, [rdi + 9 * 8]
        mov     r11, [rdi + 10 * 8]
        mov     r12, [rdi + 11 * 8]
        mov     r13, [rdi + 12 * 8]
        mov     r14, [rdi + 13 * 8]
        mov     r15, [rdi + 14 * 8]
        mov     rdi, [rdi + 5 * 8]
sig_trap_insn:
        ud2
sig_resume:                                     ; rt_sigreturn lands here
        pushfq                                  ; flags before anything
        push    rax
        mov     rax, [rel out_ptr]
        pop     qword [rax + 0 * 8]
        pop     qword [rax + 15 * 8]
        mov     [rax + 1 * 8], rbx
        mov     [rax + 2 * 8], rcx
        mov     [rax + 3 * 8], rdx
        mov     [rax + 4 * 8], rsi
        mov     [rax + 5 * 8], rdi
        mov     [rax + 6 * 8], rbp
        mov     [rax + 7 * 8], r8
        mov     [rax + 8 * 8], r9
        mov     [rax + 9 * 8], r10
        mov     [rax + 10 * 8], r11
        mov     [rax + 11 * 8], r12
        mov     [rax + 12 * 8], r13
        mov     [rax + 13 * 8], r14
        mov     [rax + 14 * 8], r15
        mov     [rax + 16 * 8], rsp
        mov     rcx, cs
        mov     [rax + 17 * 8], rcx
        mov     rcx, ss
        mov     [rax + 18 * 8], rcx
        mov     rsp, [rel sig_saved_rsp]
        push    0x202                           ; back to plain flags
        popfq
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
        ret

; The compat round's rip: rt_sigreturn comes here with cs = __USER32_CS.
; ud2 is 0f 0b in either mode, so the SIGILL's cs says which mode ran it.
bits 32
global compat_ud2
compat_ud2:
        ud2
