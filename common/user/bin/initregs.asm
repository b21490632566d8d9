; initregs.asm - this program's own _start: capture every register exactly
; as execve left it (Linux's selftest check_initial_reg_state), before any
; code of ours changes one, then let C print them.

section .bss
global initial_regs
initial_regs:   resq 17         ; rax rbx rcx rdx rsi rdi rbp r8-r15 rflags

section .text
bits 64
extern main
extern exit
global _start
_start:
        mov     [rel initial_regs + 0], rax
        mov     [rel initial_regs + 8], rbx
        mov     [rel initial_regs + 16], rcx
        mov     [rel initial_regs + 24], rdx
        mov     [rel initial_regs + 32], rsi
        mov     [rel initial_regs + 40], rdi
        mov     [rel initial_regs + 48], rbp
        mov     [rel initial_regs + 56], r8
        mov     [rel initial_regs + 64], r9
        mov     [rel initial_regs + 72], r10
        mov     [rel initial_regs + 80], r11
        mov     [rel initial_regs + 88], r12
        mov     [rel initial_regs + 96], r13
        mov     [rel initial_regs + 104], r14
        mov     [rel initial_regs + 112], r15
        pushfq
        pop     qword [rel initial_regs + 120]
        mov     [rel initial_regs + 128], rsp
        mov     rdi, [rsp]                      ; argc
        lea     rsi, [rsp + 8]                  ; argv
        and     rsp, -16
        call    main
        mov     edi, eax
        call    exit
