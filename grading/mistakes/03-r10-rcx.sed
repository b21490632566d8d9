# the fast path calls the handler without moving r10 to rcx
# file: labs/03-partial-frame/entry_64.asm
# expect: sys_mmap's 4th argument
# expect: (expected r10 0x5a5a5a5a00000b09)
/^ +mov +rcx, r10 +; 4th argument/d
