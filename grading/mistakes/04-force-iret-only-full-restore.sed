# sysret_check tests only _TIF_FULL_RESTORE: pending signals and reschedules are left for later
# file: labs/04-full-frame/entry_64.asm
# expect: sysret_check sent a reschedule, nothing pending, TIF_FULL_RESTORE to: syscall_return_via_sysret syscall_return_via_sysret int_ret_from_sys_call
/^sysret_check:/,/^syscall_return_via_sysret:/ s/_TIF_ALLWORK_MASK/_TIF_FULL_RESTORE/
