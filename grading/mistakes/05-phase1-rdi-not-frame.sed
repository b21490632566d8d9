# tracesys calls phase 1 without the frame in rdi: rdi is the user's first argument
# file: labs/05-two-phase-trace/entry_64.asm
# expect: kernel panic in syscall_trace_enter_phase1 (labs/05-two-phase-trace/syscall.c:
/^tracesys:/,/^tracesys_phase2:/ { /^ +mov +rdi, rsp +; regs$/d }
