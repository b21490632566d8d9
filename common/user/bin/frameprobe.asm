; frameprobe.asm - one syscall with a distinct value in every register, for
; the frame audit (grading/lib/audit.bash) and the probe's own report.
;
; long frame_probe(long nr, unsigned long *before, unsigned long *after)
; Before SYSCALL every register but rax and rsp holds 0x5a5a5a5a00000bNN
; (NN: the register's index in PROBE_NAMES of frameprobe.c) and rflags
; holds 0x2d7 (IF and five arithmetic flags): a slot in the wrong place
; then names the register it came from. before[] receives those values,
; after[] the registers as SYSCALL returned them, rflags last.

%define PATTERN 0x5a5a5a5a00000b00

section .bss
after_ptr:      resq 1

section .text
bits 64
global frame_probe
global frame_probe_syscall
frame_probe:
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rel after_ptr], rdx
        mov     rax, PATTERN                    ; before[i] = PATTERN + i
        xor     ecx, ecx
.fill:  mov     [rsi + rcx * 8], rax
        inc     rax
        inc     ecx
        cmp     ecx, 14
        jne     .fill
        mov     qword [rsi + 14 * 8], 0x2d7
        mov     rax, rdi                        ; nr
        push    0x2d7
        popfq
        mov     rbx, PATTERN + 0
        mov     rbp, PATTERN + 1
        mov     r12, PATTERN + 2
        mov     r13, PATTERN + 3
        mov     r14, PATTERN + 4
        mov     r15, PATTERN + 5
        mov     rdi, PATTERN + 6
        mov     rsi, PATTERN + 7
        mov     rdx, PATTERN + 8
        mov     r10, PATTERN + 9
        mov     r8,  PATTERN + 10
        mov     r9,  PATTERN + 11
        mov     rcx, PATTERN + 12
        mov     r11, PATTERN + 13
frame_probe_syscall:
        syscall
        pushfq                                  ; flags first, then rax
        push    rax
        mov     rax, [rel after_ptr]
        pop     qword [rax + 15 * 8]            ; rax
        pop     qword [rax + 14 * 8]            ; rflags
        mov     [rax + 0 * 8], rbx
        mov     [rax + 1 * 8], rbp
        mov     [rax + 2 * 8], r12
        mov     [rax + 3 * 8], r13
        mov     [rax + 4 * 8], r14
        mov     [rax + 5 * 8], r15
        mov     [rax + 6 * 8], rdi
        mov     [rax + 7 * 8], rsi
        mov     [rax + 8 * 8], rdx
        mov     [rax + 9 * 8], r10
        mov     [rax + 10 * 8], r8
        mov     [rax + 11 * 8], r9
        mov     [rax + 12 * 8], rcx
        mov     [rax + 13 * 8], r11
        push    0x202                           ; back to plain flags
        popfq
        mov     rax, [rax + 15 * 8]
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
        ret
