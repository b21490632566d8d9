# the handler is called with the user's rdi, not the frame (mov rdi, rsp left out, as in lab 03's register convention)
# file: labs/04-full-frame/entry_64.asm
# expect: kernel panic in __x64_sys_write
# expect: entry_SYSCALL_64_fastpath+0x18 (labs/04-full-frame/entry_64.asm:
/^entry_SYSCALL_64_fastpath:/,/^sysret_check:/ { /^ +mov +rdi, rsp/d }
