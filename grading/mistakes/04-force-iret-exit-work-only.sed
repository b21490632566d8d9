# sysret_check tests only the exit work (_TIF_EXIT_TO_USER_WORK): a handler that rewrote its frame (TIF_FULL_RESTORE) still leaves by SYSRET
# file: labs/04-full-frame/entry_64.asm
# expect: sysret_check sent a reschedule, nothing pending, TIF_FULL_RESTORE to: int_ret_from_sys_call syscall_return_via_sysret syscall_return_via_sysret
/^sysret_check:/,/^syscall_return_via_sysret:/ s/_TIF_ALLWORK_MASK/_TIF_EXIT_TO_USER_WORK/
