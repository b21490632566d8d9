; boot.asm - from QEMU's PVH entry (32-bit protected mode, paging off)
; to kernel_main in the higher half, in long mode.
;
; QEMU finds the 32-bit entry point in an ELF note (Xen's PHYS32_ENTRY),
; loads every PT_LOAD segment at its physical address and jumps here with
;   eax/ebx = physical address of struct hvm_start_info, flat 4 GiB
;   segments, interrupts off, paging off.
; This file runs at its physical (load) address; everything after
; long_mode_high runs at KERNEL_VMA + physical.

KERNEL_VMA      equ 0xFFFFFFFF80000000
CR0_PE          equ 1 << 0
CR0_MP          equ 1 << 1
CR0_EM          equ 1 << 2
CR0_WP          equ 1 << 16
CR0_PG          equ 1 << 31
CR4_PAE         equ 1 << 5
MSR_EFER        equ 0xC0000080
MSR_APIC_BASE   equ 0x1B
APIC_BASE_ADDR  equ 0xFFFFF000      ; the local APIC's registers, 4 KiB
APIC_SPIV       equ 0xF0            ; spurious vector; bit 8 enables the APIC
APIC_LVT0       equ 0x350           ; the LINT0 pin, where the 8259 PIC is wired
APIC_LVT1       equ 0x360           ; the LINT1 pin: NMI
APIC_DM_EXTINT  equ 7 << 8
APIC_DM_NMI     equ 4 << 8
EFER_SCE        equ 1 << 0          ; SYSCALL/SYSRET enabled
EFER_LME        equ 1 << 8          ; long mode
EFER_NXE        equ 1 << 11
PTE_PRESENT     equ 1 << 0
PTE_WRITE       equ 1 << 1
PTE_HUGE        equ 1 << 7

; The note must live in a 4-byte aligned PT_NOTE: QEMU ignores a note
; segment aligned to 16 and the guest then never starts.
section .note.pvh note alloc noexec nowrite align=4
        dd 4                        ; namesz: "Xen\0"
        dd 8                        ; descsz: the entry address, 64 bits
        dd 18                       ; XEN_ELFNOTE_PHYS32_ENTRY
        db "Xen", 0
        dq pvh_start32              ; QEMU reads 8 bytes here

section .boot.text progbits alloc exec nowrite align=16
bits 32
global pvh_start32
pvh_start32:
        mov     [boot_start_info], ebx
        mov     esp, boot_stack32_top

        ; The PIC's timer interrupt (timer.c) reaches the CPU through the
        ; local APIC's LINT0 pin, and only in ExtINT mode ("virtual wire").
        ; SeaBIOS leaves it so; other firmware (qboot) leaves LINT0 masked,
        ; and then no tick ever comes. Set it here, as Linux's
        ; init_bsp_APIC does, while paging is off and the APIC's physical
        ; address is reachable. LVTs stay masked while the APIC is
        ; software-disabled, so SPIV first.
        mov     ecx, MSR_APIC_BASE
        rdmsr
        and     eax, APIC_BASE_ADDR
        mov     dword [eax + APIC_SPIV], 0x100 | 0xFF
        mov     dword [eax + APIC_LVT0], APIC_DM_EXTINT
        mov     dword [eax + APIC_LVT1], APIC_DM_NMI

        ; CR3 -> boot_pml4 (identity for the first GiB, and the same GiB
        ; again at KERNEL_VMA, both with 2 MiB pages).
        mov     eax, boot_pml4
        mov     cr3, eax
        mov     eax, cr4
        or      eax, CR4_PAE
        mov     cr4, eax
        mov     ecx, MSR_EFER
        rdmsr
        or      eax, EFER_SCE | EFER_LME | EFER_NXE
        wrmsr
        mov     eax, cr0
        or      eax, CR0_PE | CR0_PG | CR0_WP | CR0_MP | CR0_EM  ; EM: no x87/MMX:
                                ; the kernel keeps no FPU state per process
        mov     cr0, eax                ; now in compatibility mode

        lgdt    [boot_gdt_desc]
        jmp     0x08:long_mode_low      ; a 64-bit code segment: long mode

bits 64
long_mode_low:
        xor     eax, eax
        mov     ds, eax
        mov     es, eax
        mov     ss, eax
        mov     fs, eax
        mov     gs, eax
        mov     rax, long_mode_high     ; leave the identity map
        jmp     rax

section .boot.data progbits alloc noexec write align=4096
; Page tables used only until each process has its own.
global boot_pml4
boot_pml4:
        dq      boot_pdpt_low + (PTE_PRESENT | PTE_WRITE)
        times 510 dq 0
        dq      boot_pdpt_high + (PTE_PRESENT | PTE_WRITE)   ; entry 511: -512 GiB
boot_pdpt_low:
        dq      boot_pd + (PTE_PRESENT | PTE_WRITE)
        times 511 dq 0
boot_pdpt_high:
        times 510 dq 0
        dq      boot_pd + (PTE_PRESENT | PTE_WRITE)          ; entry 510: -2 GiB
        dq      0
boot_pd:                                ; 512 x 2 MiB = physical 0 .. 1 GiB
%assign i 0
%rep 512
        dq      (i << 21) | (PTE_PRESENT | PTE_WRITE | PTE_HUGE)
%assign i i + 1
%endrep

boot_gdt:
        dq      0
        dq      0x00af9a000000ffff      ; 0x08: 64-bit code, DPL 0
boot_gdt_end:
boot_gdt_desc:
        dw      boot_gdt_end - boot_gdt - 1
        dd      boot_gdt
boot_start_info:
        dd      0

        align   16
boot_stack32:
        times 256 db 0
boot_stack32_top:

section .text
bits 64
extern kernel_main
extern boot_stack              ; sched.c: the swapper's stack
long_mode_high:
        mov     rsp, boot_stack + 16384 ; THREAD_SIZE, in the higher half
        xor     ebp, ebp
        mov     edi, [abs boot_start_info]    ; still identity-mapped here
        call    kernel_main
.hang:  cli
        hlt
        jmp     .hang
