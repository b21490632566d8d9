; regs.asm - one syscall with every register set to a known pattern, and
; every register captured right after it.
;
; long regs_probe(long nr, unsigned long rflags, struct regs_out *out)
; Before SYSCALL: rdi..r9 = argument patterns, rbx rbp r12-r15 = patterns,
; rcx r11 = patterns (SYSCALL overwrites them), rflags = the given value.
; out receives rax rbx rcx rdx rsi rdi rbp r8-r15, rflags and rsp as they
; were immediately after SYSCALL returned, plus rsp before it.

section .bss
out_ptr:        resq 1
saved_rsp:      resq 1

section .text
bits 64
global regs_probe
global regs_after_syscall
regs_probe:
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rel out_ptr], rdx
        mov     [rel saved_rsp], rsp
        mov     rax, rdi                        ; nr
        push    rsi
        popfq                                   ; rflags under test
        mov     rdi, 0x1111111111111111
        mov     rsi, 0x2222222222222222
        mov     rdx, 0x3333333333333333
        mov     r10, 0x4444444444444444
        mov     r8,  0x5555555555555555
        mov     r9,  0x6666666666666666
        mov     rbx, 0x7777777777777777
        mov     rbp, 0x8888888888888888
        mov     r12, 0x9999999999999999
        mov     r13, 0xaaaaaaaaaaaaaaaa
        mov     r14, 0xbbbbbbbbbbbbbbbb
        mov     r15, 0xcccccccccccccccc
        mov     rcx, 0xdddddddddddddddd
        mov     r11, 0xeeeeeeeeeeeeeeee
        syscall
regs_after_syscall:                             ; rcx must point here
        pushfq                                  ; flags first: nothing below
        push    rax                             ; may change them unseen
        mov     rax, [rel out_ptr]
        pop     qword [rax + 0]                 ; rax
        pop     qword [rax + 120]               ; rflags
        mov     [rax + 8], rbx
        mov     [rax + 16], rcx
        mov     [rax + 24], rdx
        mov     [rax + 32], rsi
        mov     [rax + 40], rdi
        mov     [rax + 48], rbp
        mov     [rax + 56], r8
        mov     [rax + 64], r9
        mov     [rax + 72], r10
        mov     [rax + 80], r11
        mov     [rax + 88], r12
        mov     [rax + 96], r13
        mov     [rax + 104], r14
        mov     [rax + 112], r15
        mov     [rax + 128], rsp
        mov     rcx, [rel saved_rsp]
        mov     [rax + 136], rcx
        mov     rsp, rcx
        push    0x202                           ; back to plain flags
        popfq
        mov     rax, [rax]
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
        ret
