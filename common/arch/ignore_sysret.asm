; ignore_sysret.asm - where a SYSCALL from 32-bit compatibility mode lands.
;
; The kit serves no 32-bit syscalls, but the GDT has a user 32-bit code
; segment, so user space can reach compatibility mode and execute SYSCALL
; there (AMD CPUs, and QEMU's qemu64 model, allow it). MSR_CSTAR must point
; somewhere safe: like Linux's ignore_sysret, answer -ENOSYS and SYSRET
; straight back. Still on the user's stack with the user's GS, so this code
; touches no memory and no GS.

%include "asm-offsets.inc"

section .text
bits 64
global ignore_sysret
ignore_sysret:
        mov     eax, -ENOSYS
        o32 sysret                      ; eip = ecx, eflags = r11, CS = __USER32_CS
