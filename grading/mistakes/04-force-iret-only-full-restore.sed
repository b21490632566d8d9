# sysret_check tests only _TIF_FULL_RESTORE: pending signals and reschedules are left for later
# file: labs/04-full-frame/entry_64.asm
# expect: init: sigbasic exited with status 1: sigbasic: kill-self: ret=0 hits=0
/^sysret_check:/,/^syscall_return_via_sysret:/ s/_TIF_ALLWORK_MASK/_TIF_FULL_RESTORE/
