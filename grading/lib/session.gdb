# session.gdb - what grading/lib/gdb (make gdb, and the tests' GDB
# sessions) checks once GDB has reached QEMU's stub.

# entrylab_attached: `target remote` worked (its post-hook ran), or GDB
# says what to check and leaves. Without a target, every command after it
# fails with an error that names nothing useful ("cannot subscript
# something of type `void'"), and GDB would still exit 0.
set $entrylab_attached = 0
define target hookpost-remote
  set $entrylab_attached = 1
end
define entrylab_attached
  if !$entrylab_attached
    printf "entrylab: GDB did not attach to QEMU's stub at %s (GDB's reason is above): QEMU serves one GDB at a time, so check that make qemu-gdb runs and that no other GDB is attached\n", $entrylab_remote
    quit 1
  end
end

# entrylab_same_lab: QEMU runs the lab whose symbols GDB has (gdb sets
# $entrylab_other_lab, and $entrylab_lab to the ELF's lab), or GDB says so
# and leaves, the stub still waiting: on another lab's kernel every label
# and source line GDB showed would be wrong
define entrylab_same_lab
  if $entrylab_other_lab
    printf "entrylab: QEMU's stub runs another lab, not %s: give make gdb the LAB that make qemu-gdb was given (the stub still waits)\n", $entrylab_lab
    disconnect
    quit 1
  end
end

# entrylab_continue: after make gdb's BREAK, continue; a BREAK that set no
# breakpoint (a misspelt symbol) would run the whole boot past the student
define entrylab_continue
  if $_isvoid($bpnum)
    printf "entrylab: BREAK set no breakpoint: the kernel waits at its first instruction; break where you meant, then continue\n"
  else
    continue
  end
end
