; switch_to.asm - the kernel-stack switch between two tasks.
;
; __switch_to_asm(prev, next): save the callee-saved registers on prev's
; kernel stack, park prev's rsp in prev->thread.sp, take next's, restore.
; A task that has never run starts with a stack whose return address is
; ret_from_fork (see copy_thread), so its "return" enters the lab's exit path
; with rax = prev.

%include "asm-offsets.inc"

section .text
bits 64
global __switch_to_asm
__switch_to_asm:
        push    rbp
        push    rbx
        push    r12
        push    r13
        push    r14
        push    r15
        mov     [rdi + TASK_THREAD_SP], rsp
        mov     rsp, [rsi + TASK_THREAD_SP]
        pop     r15
        pop     r14
        pop     r13
        pop     r12
        pop     rbx
        pop     rbp
        mov     rax, rdi                ; prev, for ret_from_fork's schedule_tail
        ret
