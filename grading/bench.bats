#!/usr/bin/env bats
# make bench, make trace, make diff and the cost model: checks on
# instruction counts and modelled cycles only, never wall time.
load lib/entrylab
load lib/timing

setup_file() {
        TSV=$BATS_FILE_TMPDIR/bench.tsv
        "$BENCH" run --out "$TSV" >"$TSV.stdout" 2>&1 || true
        export TSV
}

require_tsv() {
        [ -s "$TSV" ] || fail "make bench wrote nothing: $(tail -n 3 "$TSV.stdout")"
}

@test "make bench: a row per lab and path, with figures or n/a, never blanks" {
        require_tsv
        local labs rows
        labs=$(ls -d "$ENTRYLAB_ROOT"/labs/[0-9][0-9]-*/ | wc -l)
        rows=$(( $(wc -l < "$TSV") - 1 ))
        assert_equal "$rows" "$(( labs * 8 ))"
        run awk -F'\t' 'NR > 1 && !($3 ~ /^[0-9]+\.[0-9]$/ && $4 ~ /^[0-9]+$/ && $7 ~ /^[0-9]+$/ && $8 ~ /^(sysretq|iretq|other)(\+(sysretq|iretq|other))*$/ && $9 ~ /^[0-9]+$/ && $10 ~ /^[0-9]+$/ || $3 $4 $5 $6 $7 $8 $9 $10 == "n/an/an/an/an/an/an/an/a")' "$TSV"
        assert_output ""
        # the null syscall is served everywhere
        run bench_field "$TSV" 01 getpid kernel
        assert_output --regexp '^[0-9]+$'
}

@test "make bench writes a byte-identical bench.tsv every run" {
        require_tsv
        bench_tsv "$BATS_TEST_TMPDIR/again.tsv"
        cmp "$TSV" "$BATS_TEST_TMPDIR/again.tsv" ||
                fail "two runs differ: $(diff "$TSV" "$BATS_TEST_TMPDIR/again.tsv" | head -4)"
}

@test "icount: a getpid call is its round trip plus the 3 instructions of the loop" {
        require_tsv
        local ic trip
        ic=$(bench_field "$TSV" 01 getpid icount) trip=$(bench_field "$TSV" 01 getpid trip)
        # best batch of 1000 calls: the rdtsc pair adds under one tick per call
        assert_equal "${ic%.*}" "$(( trip + 3 ))"
}

@test "make trace LAB=01 SYSCALL=getpid lists as many instructions as make bench counts" {
        require_tsv
        run make -s -C "$ENTRYLAB_ROOT" trace LAB=01 SYSCALL=getpid
        assert_success
        local n listed bench
        [[ $output =~ trace:\ ([0-9]+)\ instructions ]] || fail "no total line: ${lines[-1]}"
        n=${BASH_REMATCH[1]}
        listed=$(printf '%s\n' "$output" | grep -cE '^ +[0-9]+  ')
        bench=$(bench_field "$TSV" 01 getpid trip)
        assert_equal "listed $listed" "listed $n"
        assert_equal "trace $n" "trace $bench"
        # from the user's SYSCALL, through entry_SYSCALL_64, back to user space
        assert_line --regexp '^ +1 +0x[0-9a-f]+ +bench_site_getpid\+0 .*syscall$'
        assert_line --regexp '^ +2 +0xffffffff[0-9a-f]+ +entry_SYSCALL_64\+0 .*swapgs$'
        assert_line --regexp '^ +-> +0x[0-9a-f]+ +bench_site_getpid\+0x2 '
}

@test "the model classifies lab 01's exits: IRETQ on every path" {
        exits_taken 01 iretq getpid exit-work traced seccomp fork execve signal
        # and in the plugin's own counts: not one SYSRET in the whole boot
        run awk -F'\t' 'NR > 1 && $7 != 0' "$ENTRYLAB_ROOT/build/bench/01-iret-only/sites.tsv"
        assert_output ""
}

@test "the cost table is read at every run: a heavier IRETQ costs getpid exactly that much more" {
        require_tsv
        local costs=$BATS_TEST_TMPDIR/costs.txt before after w
        w=$(cost_weight iretq)
        sed "s/^iretq \( *\)$w /iretq \1$((w + 1000)) /" "$COSTS_TXT" > "$costs"
        ! cmp -s "$costs" "$COSTS_TXT" || fail "could not change the iretq line"
        COSTS=$costs bench_tsv "$BATS_TEST_TMPDIR/heavy.tsv" 01
        before=$(bench_field "$TSV" 01 getpid cycles)
        after=$(bench_field "$BATS_TEST_TMPDIR/heavy.tsv" 01 getpid cycles)
        assert_equal "$after" "$(( before + 1000 ))"
}

# QEMU disassembles with capstone where it was built with it (Debian's
# 7.2 and 10.0) and with its own older code otherwise (Ubuntu 22.04's 6.2,
# Gradescope's): the spellings below are what each printed for the same
# instructions of make trace. The table must weigh both alike, or a grade
# would depend on how the grader's QEMU was built.
@test "the cost table weighs an instruction alike in capstone's disassembly and QEMU's own" {
        local costs=$ENTRYLAB_ROOT/grading/plugin/costs.txt pair a b
        # cost INSN: the cycles of the first rule whose glob matches, as
        # the plugin's fnmatch does (bash's [[ == ]] is the same glob)
        cost() {
                local pattern cycles
                while read -r pattern cycles _; do
                        [[ $pattern == \#* || -z $pattern ]] && continue
                        [[ $1 == $pattern ]] && { echo "$cycles"; return; }
                done < "$costs"
                echo 1
        }
        for pair in "outb %al, \$0x20|out %al,\$0x20" "inb (%dx), %al|in (%dx),%al" \
                "inb \$0x60, %al|in \$0x60,%al" "movq %r12, %cr3|mov %r12,%cr3" \
                "movq %cr3, %rax|mov %cr3,%rax" "iretq|iretq" "sysretq|sysretq" \
                "swapgs|swapgs" "wrmsr|wrmsr" "pushfq|pushfq" "cli|cli" \
                "movq %rsp, %gs:8|mov %rsp,%gs:0x8" "addq \$8, %rsp|add \$0x8,%rsp"; do
                a=${pair%|*} b=${pair#*|}
                assert_equal "$b: $(cost "$b")" "$b: $(cost "$a")"
        done
        # and the rules are not all 1: port I/O and a CR3 write cost 100
        assert_equal "$(cost 'out %al,$0x20') $(cost 'mov %r12,%cr3')" "100 100"
}

@test "without a plugin QEMU loads, bench says so in one line and keeps the icount figures" {
        local fake=$BATS_TEST_TMPDIR/qemu
        # a QEMU that refuses every plugin, and is the real one otherwise
        printf '#!/bin/sh\nfor a; do case $a in *probe=1*) echo "plugin API mismatch" >&2; exit 1 ;; esac; done\nexec qemu-system-x86_64 "$@"\n' > "$fake"
        chmod +x "$fake"
        ENTRYLAB_QEMU=$fake run "$BENCH" run --out "$BATS_TEST_TMPDIR/icount.tsv" 01
        assert_success
        assert_equal "$(printf '%s\n' "$output" | grep -c 'only icount timings are available')" 1
        run bench_field "$BATS_TEST_TMPDIR/icount.tsv" 01 getpid icount
        assert_output "$(bench_field "$TSV" 01 getpid icount)"
}

@test "make diff A=01 B=01: the code diff, then a cost change per path" {
        run make -s -C "$ENTRYLAB_ROOT" diff A=01 B=01
        assert_success
        assert_line --regexp '^getpid +[0-9]+ +[0-9]+ +\+0 '
        assert_line --regexp '^signal '
}

@test "a lab that does not build costs make bench, make diff and make run's history its own column alone" {
        skip_in_student_tree
        require_tsv
        local tree=$BATS_TEST_TMPDIR/broken03
        tree_as_is "$tree"
        echo 'this is not C;' >> "$tree/labs/03-partial-frame/syscall.c"
        run make -s -C "$tree" bench 3>&-
        assert_failure
        assert_line --regexp "^bench: lab 03-partial-frame: no figures: it does not build: labs/03-partial-frame/syscall.c:[0-9]+:[0-9]+: error: .*\(all of it: build/03-partial-frame.log\)$"
        [ ! -e "$tree/build/03-partial-frame/kernel.elf" ] || fail "lab 03's last good kernel is still there"
        # every other lab measured as ever, to the byte; lab 03 n/a throughout
        run diff <(grep -v '^03-' "$TSV") <(grep -v '^03-' "$tree/build/bench.tsv")
        assert_success
        run awk -F'\t' '$1 ~ /^03-/ && $3$4$5$6$7$8$9$10 != "n/an/an/an/an/an/an/an/a"' "$tree/build/bench.tsv"
        assert_output ""
        run grep -c '^03-' "$tree/build/bench.tsv"
        assert_output 8
        # make run: lab 02's demo, then the history with lab 03's column n/a
        run make -s -C "$tree" run LAB=02 3>&-
        assert_success
        assert_output --partial "entrylab: lab 02-sysret-fastpath: all well"
        assert_line --regexp "^getpid +$(bench_field "$TSV" 01 getpid cycles) iretq +$(bench_field "$TSV" 02 getpid cycles) sysretq +n/a +[0-9]+ sysretq"
        assert_line --regexp "^bench: lab 03-partial-frame: no figures: it does not build: "
        # make diff of two labs that build: a third that does not is no matter
        run make -s -C "$tree" diff A=01 B=02 3>&-
        assert_success
        assert_line --regexp "^getpid +$(bench_field "$TSV" 01 getpid cycles) +$(bench_field "$TSV" 02 getpid cycles) +-[0-9]+ "
        run make -s -C "$tree" diff A=02 B=03 3>&-
        assert_failure
        assert_line --regexp "^getpid +$(bench_field "$TSV" 02 getpid cycles) +n/a +n/a "
}

# entry and entry_cycles, on which the grading compares labs, count the
# entry path's code alone (grading/lib/bench): a nop more at lab 01's
# entry_SYSCALL_64 adds one instruction to every path's entry and trip,
# three more in getpid's own work (common/kernel/sys.c) add three to its
# trip and nothing to its entry
@test "make bench's entry counts the entry path's code alone: a nop at the entry counts there, three in sys_getpid do not" {
        skip_in_student_tree
        require_tsv
        local tree=$BATS_TEST_TMPDIR/nops p col want
        tree_as_is "$tree"
        sed -i '/^entry_SYSCALL_64:$/a\        nop' "$tree/labs/01-iret-only/entry_64.asm"
        sed -i '/^SYSCALL_DEFINE0(getpid)$/,/^}$/ s/^{$/{\n        asm volatile("nop; nop; nop");/' "$tree/common/kernel/sys.c"
        grep -q 'nop; nop; nop' "$tree/common/kernel/sys.c" || fail "no nops planted in sys_getpid"
        run "$tree/grading/lib/bench" run --build --no-plot --out "$tree/b.tsv" 01 3>&-
        assert_success
        for p in getpid fork iopl; do
                for col in entry trip; do
                        want=$(( $(bench_field "$TSV" 01 "$p" "$col") + 1 ))
                        [ "$p/$col" = getpid/trip ] && want=$((want + 3))
                        assert_equal "$p $col: $(bench_field "$tree/b.tsv" 01 "$p" "$col")" "$p $col: $want"
                done
        done
}

# without the linker's map bench cannot tell the entry path's code: the
# lab has no figures, and says why (entry figures of 0 would pass every
# comparison that asks for fewer)
@test "a kernel without its linker map has no bench figures, and bench says why" {
        skip_in_student_tree
        require_tsv
        local tree=$BATS_TEST_TMPDIR/nomap
        tree_as_is "$tree"
        rm "$tree/build/01-iret-only/kernel.map"
        run "$tree/grading/lib/bench" run --no-plot --out "$tree/b.tsv" 01 02 3>&-
        assert_failure
        assert_line "bench: lab 01-iret-only: no figures: no linker map build/01-iret-only/kernel.map (make links the kernel with one)"
        run awk -F'\t' '$1 ~ /^01-/ && $3$4$5$6$7$8$9$10 != "n/an/an/an/an/an/an/an/a"' "$tree/b.tsv"
        assert_output ""
        run diff <(grep '^02-' "$TSV") <(grep '^02-' "$tree/b.tsv")
        assert_success
}

@test "make bench KVM=1 does not crash where KVM does not work; the TSV stays icount" {
        require_tsv
        run env KVM=1 "$BENCH" run --out "$BATS_TEST_TMPDIR/kvm.tsv" 01
        assert_success
        assert_output --partial "KVM"
        run bench_field "$BATS_TEST_TMPDIR/kvm.tsv" 01 getpid icount
        assert_output "$(bench_field "$TSV" 01 getpid icount)"
}

@test "every served path does its work: each costs more than a bare getpid, and the traced one stops twice" {
        require_tsv
        local path get ic
        get=$(bench_field "$TSV" 01 getpid icount)
        for path in exit-work traced seccomp fork execve signal; do
                ic=$(bench_field "$TSV" 01 "$path" icount)
                [ "$ic" != n/a ] || fail "lab 01 serves $path, and the bench says n/a"
                [ "${ic%.*}" -gt "${get%.*}" ] || fail "$path costs $ic, no more than getpid's $get"
        done
        # two ptrace stops per call, each a switch to the tracer and back:
        # at least ten times a bare call, whatever the kernel's speed
        ic=$(bench_field "$TSV" 01 traced icount)
        [ "${ic%.*}" -gt $(( ${get%.*} * 10 )) ] || fail "traced getpid costs $ic: the tracer never stopped it"
}

@test "grading/reference.tsv is the reference's own bench table (what labs are compared with)" {
        # a student's kernels are not the reference: their figures differ
        skip_in_student_tree
        # the figures are the compiler's too
        skip_unless_reference_gcc grading/reference.tsv
        require_tsv
        # the labs of this tree only (make handout LAB=NN keeps 01 .. NN)
        local labs here=$BATS_TEST_TMPDIR/reference.here
        labs=$(cd "$ENTRYLAB_ROOT/labs" && ls -d [0-9][0-9]-* | paste -sd'|')
        grep -E "^(lab|$labs)$(printf '\t')" "$ENTRYLAB_ROOT/grading/reference.tsv" > "$here" || true
        cmp "$TSV" "$here" ||
                fail "grading/reference.tsv is stale: after a change to the reference, run make bench && cp build/bench.tsv grading/reference.tsv && gcc -dumpfullversion > grading/reference.gcc ($(diff "$here" "$TSV" | head -4 | tr '\n' ' '))"
}

@test "the model sees the force-IRET rule: a traced getpid returns by iretq until lab 06 checks the frame instead, the tracer's work counted in" {
        require_tsv
        local lab ic trip want
        for lab in $(cd "$ENTRYLAB_ROOT/labs" && ls -d [0-9][0-9]-*); do
                # lab 06: a tracer that changed nothing leaves a frame SYSRET can restore
                want=iretq
                [ "${lab%%-*}" -ge 06 ] && want=sysretq
                assert_equal "$lab traced: $(bench_field "$TSV" "$lab" traced exit)" "$lab traced: $want"
                ic=$(bench_field "$TSV" "$lab" traced icount) trip=$(bench_field "$TSV" "$lab" traced trip)
                # rdtsc per call is the mean of the best batch: the round trip
                # + the loop's 3 user instructions. The plugin keeps the trip
                # with the fewest kernel instructions. Where every trip takes
                # the same route the two agree exactly; where the order of
                # tracer and tracee varies within a batch (the tracer already
                # waiting, or not), the fewest lies below the mean, but never
                # by anything like the tracer's share of the work (two stops,
                # each a switch to the tracer and back), which a trip that
                # stopped counting at the tracer would lose.
                [ "${ic%.*}" -ge $((trip + 3)) ] || fail "$lab traced: icount $ic is below the trip $trip + 3"
                [ $((trip + 3)) -ge $((${ic%.*} * 8 / 10)) ] ||
                        fail "$lab traced: the trip ($trip) misses part of the work rdtsc counts ($ic)"
        done
}
