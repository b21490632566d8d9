; compat.asm - SYSCALL from 32-bit compatibility mode.
;
; long compat_syscall(void): far-return into the 32-bit user code segment
; (__USER32_CS, 0x23), execute SYSCALL with eax = 20 (getpid's i386
; number), far-jump back to 64-bit mode (__USER_CS, 0x33) and return what
; eax held. The kernel serves no 32-bit syscalls: it must answer -ENOSYS
; (MSR_CSTAR) and never crash.

section .bss
alignb 16
compat_stack:   resb 256
compat_stack_top:
saved_rsp:      resq 1
result:         resd 1

section .text
bits 64
global compat_syscall
compat_syscall:
        push    rbx
        push    rbp
        mov     [rel saved_rsp], rsp
        lea     rax, [rel compat_code]          ; below 4 GiB, as it must be
        push    0x23                            ; __USER32_CS
        push    rax
        o64 retf

bits 32
compat_code:                                    ; esp must be a 32-bit stack
        mov     esp, compat_stack_top           ; (memory through SS: DS may
        mov     eax, 20                         ;  be anything in long mode)
        syscall
        mov     [ss:result], eax
        jmp     0x33:back_to_64

bits 64
back_to_64:
        mov     rsp, [rel saved_rsp]
        movsxd  rax, dword [rel result]
        pop     rbp
        pop     rbx
        ret
