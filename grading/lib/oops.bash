# oops.bash - a kernel panic told as Linux's oops, from outside the guest.
#
# The kernel prints raw facts when it panics (common/arch/traps.c: the
# registers; common/kernel/dumpstack.c: the task, its frame's orig_ax and
# the words of its kernel stack). Here the lab's ELF turns them into names:
# the faulting RIP and every stack word that is a code address become
# function+offset (file:line), with readelf and addr2line from binutils.
#
#   kernel panic in do_syscall_64 (labs/01-iret-only/syscall.c:19), syscall -1 of enosys[2]: ...
#     RIP 0x0 is not kernel code: a call through a bad pointer?
#     Call Trace (code addresses on the kernel stack, innermost first):
#       do_syscall_64+0x24 (labs/01-iret-only/syscall.c:19)
#       entry_SYSCALL_64+0x57 (labs/01-iret-only/entry_64.asm:69)

# Symbols come from readelf, not nm: nm loads every linker plugin it finds
# (LLVM's, where LLVM is installed), which costs ten times the lookup.
#
# elf_symbol ELF NAME: NAME's address in ELF, in hex without 0x
elf_symbol() {
        readelf -sW "$1" 2>/dev/null | awk -v s="$2" '$8 == s { print $2; exit }'
}

# elf_code_symbol ELF ADDR: "name start" of the code symbol at or below
# ADDR (start in hex without 0x): the function ADDR is in
elf_code_symbol() {
        { readelf -SW "$1"; echo SYMBOLS; readelf -sW "$1"; } 2>/dev/null |
                awk -v a="$(printf '%016x' "$2")" '
                $0 == "SYMBOLS" { syms = 1; next }
                # a section line: "[Nr] Name Type Address Off Size ES Flg ..."
                !syms && /^ *\[ *[0-9]+\]/ {
                        sub(/^ *\[ */, ""); sub(/\]/, "")
                        if ($8 ~ /X/) code[$1] = 1
                        next
                }
                syms && $4 != "SECTION" && $4 != "FILE" && ($7 in code) && $8 != "" && $2 <= a && $2 >= best {
                        best = $2; name = $8
                }
                END { if (name != "") print name, best }'
}

# oops_text_range ELF: "start end" of .text, in hex without 0x
oops_text_range() {
        objdump -h "$1" | awk '$2 == ".text" { print $4, $3 }' |
                { read -r vma size && printf '%x %x\n' "$((16#$vma))" "$((16#$vma + 16#$size))"; }
}

# oops_where ELF ADDR [return]: "function+0xoff (file:line)" of one code
# address; a return address is looked up one byte back, in its call
oops_where() {
        local elf=$1 addr=$(( $2 )) look sym file
        look=$addr
        [ "${3:-}" = return ] && look=$((addr - 1))
        sym=$(elf_code_symbol "$elf" "$look")
        file=$(addr2line -e "$elf" "$(printf '%#x' "$look")" | sed 's|.*/\(labs/\)|\1|; s|.*/\(common/\)|\1|')
        if [ -n "$sym" ]; then
                printf '%s+0x%x (%s)\n' "${sym% *}" "$((addr - 16#${sym#* }))" "$file"
        else
                printf '%#x (%s)\n' "$addr" "$file"
        fi
}

# oops_syscall_name NR: getpid for 39, from the kit's uapi/unistd.h
oops_syscall_name() {
        sed -n "s/^#define __NR_\\([a-z0-9_]*\\)[[:space:]]*$1\$/\\1/p" \
                "$ENTRYLAB_ROOT/common/include/uapi/unistd.h" | head -n 1
}

# oops_report ELF SERIAL: the summary of the panic in SERIAL; its first line
# names where and in what the kernel died
oops_report() {
        local elf=$1 log range lo hi rip word head task orig nr what=""
        log=$(tr -d '\r' < "$2")
        range=$(oops_text_range "$elf") || return 1
        lo=$((16#${range% *})) hi=$((16#${range#* }))
        local in_text='(( w >= lo && w < hi ))'
        head=$(grep -m1 '^KERNEL PANIC: ' <<< "$log" | sed 's/^KERNEL PANIC: //')
        [ -n "$head" ] || head=$(grep -m1 '^Kernel panic - not syncing: ' <<< "$log" | sed 's/^Kernel panic - not syncing: //')
        rip=$(sed -n 's/^RIP: [0-9a-f]*:\([0-9a-f]*\) .*/\1/p' <<< "$log" | head -n 1)
        task=$(grep -m1 '^Task: ' <<< "$log")
        # the call trace: stack words in .text, innermost first
        local trace=() w
        for word in $(sed -n 's/^Stack [0-9a-f]*: //p' <<< "$log"); do
                [[ $word =~ ^[0-9a-f]{16}$ ]] || continue
                w=$((16#$word))
                eval "$in_text" && trace+=("$(oops_where "$elf" "$w" return)")
                [ "${#trace[@]}" -lt 10 ] || break
        done
        # where it died: the RIP if it is kernel code, else the innermost caller
        local where= ripline=
        if [ -n "$rip" ]; then
                w=$((16#$rip))
                if eval "$in_text"; then
                        where=$(oops_where "$elf" "$w")
                else
                        ripline="RIP $(printf '0x%x' "$w") is not kernel code: a jump or call through a bad pointer? Its caller is the first line of the trace."
                        where=${trace[0]:-}
                fi
        else
                where=${trace[0]:-}
        fi
        # the task and the syscall its user frame holds
        if [[ $task =~ ^Task:\ pid\ ([0-9]+)\ comm\ ([^ ]*)\ orig_ax\ ([0-9a-f]+) ]]; then
                orig=${BASH_REMATCH[3]}
                nr=$((16#$orig))
                local name
                name=$(oops_syscall_name "$nr")
                if [[ $where == entry_SYSCALL* ]]; then
                        what=", task ${BASH_REMATCH[2]}[${BASH_REMATCH[1]}] (its frame is not built yet)"
                elif [[ " ${trace[*]}" == *"/entry_64.asm:"* ]] || [ "$nr" -ge 0 ]; then
                        what=", syscall $nr${name:+ ($name)} of ${BASH_REMATCH[2]}[${BASH_REMATCH[1]}]"
                else
                        what=", task ${BASH_REMATCH[2]}[${BASH_REMATCH[1]}] (orig_ax $nr: not in a syscall)"
                fi
        fi
        local fn=${where%%+*}
        echo "kernel panic in ${fn:-an unknown place}${where:+ (${where#* (}}$what: $head"
        [ -z "$ripline" ] || echo "  $ripline"
        [ -z "$where" ] || [ -n "$ripline" ] || echo "  RIP: $where"
        oops_gs_hint "$elf" "$log"
        if [ "${#trace[@]}" -gt 0 ]; then
                echo "  Call Trace (code addresses on the kernel stack, innermost first):"
                printf '    %s\n' "${trace[@]:0:6}"
        fi
}

# oops_explain: the failure message of a test whose file-wide boot panicked:
# the whole summary the first time, one line after that
oops_explain() {
        local lab elf shown=$BATS_FILE_TMPDIR/oops.txt
        if [ ! -s "$shown" ]; then
                lab=$(lab_dir "$(cat "$SERIAL.lab" 2>/dev/null)") &&
                        elf=$ENTRYLAB_ROOT/build/$lab/kernel.elf &&
                        oops_report "$elf" "$SERIAL" > "$shown" 2>/dev/null
                [ -s "$shown" ] || cat "$SERIAL.verdict" > "$shown"
                echo "entrylab: lab $lab: $(head -n 1 "$shown")"
                tail -n +2 "$shown"
        else
                echo "kernel panicked, see above: $(head -n 1 "$shown" | sed 's/^kernel panic //')"
        fi
}

# oops_gs_hint ELF LOG: in the kernel, GS must point at cpu_data; when the
# dump's GS is anything else, a swapgs was missed (on the way in, or on the
# way out of the syscall before, which leaves the kernel's base in KGS)
oops_gs_hint() {
        local gs cpu
        [[ $2 =~ [[:space:]]GS:\ ([0-9a-f]+) ]] || return 0
        gs=${BASH_REMATCH[1]}
        cpu=$(elf_symbol "$1" cpu_data)
        [ -n "$cpu" ] && [ "$((16#$gs))" != "$((16#$cpu))" ] || return 0
        echo "  GS base is $(printf "0x%x" "$((16#$gs))"), not cpu_data (0x$cpu): a swapgs is missing, on the way in or on the way out of the syscall before"
}
