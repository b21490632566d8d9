; ptrace_syscall.asm - a getpid with rbx rbp r12-r15 set to patterns, for a
; tracer to read and rewrite at the syscall stops; what came back is stored.
;
; void trace_regs_probe(struct probe_out *out)
; The tracer moves rip from trace_regs_after_syscall to trace_regs_landing
; and rsp down by 128; out gets rax, rflags, rbx rbp r12-r15 and rsp as
; they were at the landing, and probe_missed = 1 if rip was not moved.

section .bss
global probe_missed
global probe_rsp
probe_out:      resq 1
probe_rsp:      resq 1
probe_missed:   resq 1

section .text
bits 64
global trace_regs_probe
global trace_regs_after_syscall
global trace_regs_landing
trace_regs_probe:
        push    rbx
        push    rbp
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rel probe_out], rdi
        mov     [rel probe_rsp], rsp
        mov     rbx, 0x7777777777777777
        mov     rbp, 0x8888888888888888
        mov     r12, 0x9999999999999999
        mov     r13, 0xaaaaaaaaaaaaaaaa
        mov     r14, 0xbbbbbbbbbbbbbbbb
        mov     r15, 0xcccccccccccccccc
        mov     edi, 0x5151                     ; the tracer's marker
        mov     eax, 39                         ; getpid
        syscall
trace_regs_after_syscall:                       ; where rip would return
        mov     qword [rel probe_missed], 1     ; (mov leaves the flags)
trace_regs_landing:                             ; where the tracer sends it
        pushfq
        push    rax
        mov     rax, [rel probe_out]
        pop     qword [rax + 0]                 ; rax
        pop     qword [rax + 8]                 ; rflags
        mov     [rax + 16], rbx
        mov     [rax + 24], rbp
        mov     [rax + 32], r12
        mov     [rax + 40], r13
        mov     [rax + 48], r14
        mov     [rax + 56], r15
        mov     [rax + 64], rsp
        mov     rsp, [rel probe_rsp]
        push    0x202                           ; DF and AC off again for C
        popfq
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbp
        pop     rbx
        ret
