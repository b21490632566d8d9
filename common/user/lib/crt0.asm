; crt0.asm - where execve starts a program: argc, argv, envp from the
; initial stack (SysV x86-64 ABI) to main, and main's result to exit.
; Lives in libc.a and is linked with -u _start, so a program may bring
; its own _start instead (see bin/initregs.asm).

section .text
bits 64
extern main
extern exit
global _start
_start:
        xor     ebp, ebp                ; end of the frame chain
        mov     rdi, [rsp]              ; argc
        lea     rsi, [rsp + 8]          ; argv
        lea     rdx, [rsi + rdi * 8 + 8]        ; envp, past argv's NULL
        and     rsp, -16
        call    main
        mov     edi, eax
        call    exit
        ud2
