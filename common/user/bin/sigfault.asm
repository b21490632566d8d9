; sigfault.asm - one exception each: fault_<name> raises it at
; fault_<name>_insn. The handler resumes at fault_resume, a RET back to
; the C caller (the stack is as the call left it).

%macro CASE 1
global fault_%1
global fault_%1_insn
fault_%1:
%endmacro

section .text
bits 64
global fault_resume
fault_resume:
        ret

CASE de                                 ; #DE: divide by zero
        xor     ecx, ecx
        xor     edx, edx
        mov     eax, 1
fault_de_insn:
        div     ecx
        ret

CASE ud                                 ; #UD
fault_ud_insn:
        ud2
        ret

CASE bp                                 ; #BP: a trap, rip after the int3
fault_bp_insn:
        int3
        jmp     fault_resume

CASE gp                                 ; #GP(0): a privileged instruction
fault_gp_insn:
        hlt
        ret

CASE pf_read                            ; #PF: read of an unmapped page
        mov     rax, 0x10
fault_pf_read_insn:
        mov     rax, [rax]
        ret

CASE pf_write                           ; #PF: write to a read-only page (rdi)
fault_pf_write_insn:
        mov     dword [rdi], 1
        ret

CASE pf_kernel                          ; #PF: read of a kernel address
        mov     rax, 0xffffffff80100000
fault_pf_kernel_insn:
        mov     rax, [rax]
        ret

CASE pf_exec                            ; #PF: fetch from a no-execute page (rdi)
fault_pf_exec_insn:
        jmp     rdi

CASE db                                 ; #DB: TF set, trap after one instruction
        pushfq
        or      qword [rsp], 0x100
        popfq
fault_db_insn:
        nop
        nop
        ret
