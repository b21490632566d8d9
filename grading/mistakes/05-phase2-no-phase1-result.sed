# tracesys_phase2 calls phase 2 without phase 1's result in rdx: phase 2 gets whatever phase 1 left there
# file: labs/05-two-phase-trace/entry_64.asm
# expect: phase 2 was not given phase 1's result: syscall_trace_enter_phase2 got phase1_result (rdx) =
/^tracesys_phase2:/,/call +syscall_trace_enter_phase2/ { /^ +mov +rdx, rax/d }
