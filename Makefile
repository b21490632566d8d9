# entrylab - the x86-64 syscall entry path, rebuilt one historical step at a
# time. `make help` lists the targets; ../README.md says more.

LABS := $(sort $(notdir $(wildcard labs/[0-9][0-9]-*)))
LAB_NUMBERS := $(foreach l,$(LABS),$(firstword $(subst -, ,$(l))))

# LAB=NN or LAB=NN-name; default: the highest lab that exists
LAB ?= $(lastword $(LAB_NUMBERS))
lab := $(firstword $(filter $(LAB),$(LABS)) $(foreach l,$(LABS),$(if $(filter $(LAB),$(firstword $(subst -, ,$(l)))),$(l))))
# expanded only by the targets that need one lab
check-lab = $(if $(lab),,$(error entrylab: unknown LAB=$(LAB); choose one of: $(LAB_NUMBERS) (or the folder name: $(LABS))))
# the kernel of a target that boots LAB, its prerequisite (none for an
# unknown LAB: its recipe's check-lab says so)
lab_kernel = $(if $(lab),$(BUILD)/$(lab)/kernel.elf)
# make grade takes several: LAB="04 05" (each resolved as above, to its number)
lab_number = $(firstword $(subst -, ,$(firstword $(filter $(1),$(LABS)) $(foreach l,$(LABS),$(if $(filter $(1),$(firstword $(subst -, ,$(l)))),$(l))))))
grade_labs := $(foreach n,$(LAB),$(call lab_number,$(n)))
check-labs = $(if $(and $(LAB),$(filter $(words $(LAB)),$(words $(grade_labs)))),,$(error entrylab: unknown LAB=$(LAB); choose one or more of: $(LAB_NUMBERS) (or the folder names: $(LABS))))
# make autograder's AUTOGRADER_LABS, resolved and checked the same way (a
# name Gradescope's run could not resolve would give every upload 0)
autograder_labs := $(foreach n,$(AUTOGRADER_LABS),$(call lab_number,$(n)))
check-autograder-labs = $(if $(filter $(words $(AUTOGRADER_LABS)),$(words $(autograder_labs))),,$(error entrylab: unknown AUTOGRADER_LABS=$(AUTOGRADER_LABS); choose one or more of: $(LAB_NUMBERS) (or the folder names: $(LABS))))

BUILD := build
# make V=1 prints every command; otherwise one line per step, as Linux's
# kbuild does (errors and warnings still show); make -s prints neither
V ?= 0
Q := $(if $(filter 1,$(V)),,@)
silent := $(findstring s,$(firstword -$(MAKEFLAGS)))
msg = $(if $(Q),$(if $(silent),,@printf '  %-7s %s\n' '$(1)' '$(2)'))
TIMEOUT ?= 30
export KVM QEMUEXTRA D
GDBPORT ?= $(shell echo $$(( $$(id -u) % 5000 + 25000 )))
ARGS ?=
BREAK ?= entry_SYSCALL_64

CC := gcc
LD := ld
# ld 2.39 and newer warn of the boot segment, writable and executable on
# purpose (kernel.ld: the 32-bit boot code and its data share it); older
# ld (2.38, Ubuntu 22.04 on Gradescope) has no such warning and refuses
# the option
LDFLAGS_RWX := $(shell $(LD) --no-warn-rwx-segments -v >/dev/null 2>&1 && echo --no-warn-rwx-segments)
NASM := nasm

COMMON_CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-omit-frame-pointer -mgeneral-regs-only \
	-Wall -Wextra -Wno-unused-parameter -Icommon/include
# pt_regs is 168 bytes, so C is entered with rsp 8 mod 16: like Linux, the
# kernel assumes only 8-byte stack alignment (it uses no SSE anyway)
KCFLAGS := $(COMMON_CFLAGS) -mcmodel=kernel -mno-red-zone -mpreferred-stack-boundary=3 -I$(BUILD)/include
UCFLAGS := $(COMMON_CFLAGS) -Icommon/user/lib
NASMFLAGS := -f elf64 -g -F dwarf -Icommon/include/ -I$(BUILD)/include/

# Kernel pieces shared by every lab, built once
KERNEL_C := $(wildcard common/arch/*.c common/kernel/*.c) common/lib/format.c common/lib/string.c
KERNEL_C := $(filter-out common/arch/asm-offsets.c common/kernel/syscall_table.c,$(KERNEL_C))
KERNEL_ASM := $(wildcard common/boot/*.asm common/arch/*.asm)
KERNEL_OBJS := $(patsubst common/%,$(BUILD)/kernel/%.o,$(KERNEL_C) $(KERNEL_ASM))
ASM_OFFSETS := $(BUILD)/include/asm-offsets.inc

# User programs: common/user/bin/<name>.c (+ <name>.asm), one static ELF each
PROGRAMS := $(sort $(basename $(notdir $(wildcard common/user/bin/*.c))))
ULIB_OBJS := $(BUILD)/user/lib/crt0.asm.o $(BUILD)/user/lib/ulib.c.o \
	$(BUILD)/user/lib/format.c.o $(BUILD)/user/lib/string.c.o $(BUILD)/user/lib/env.c.o
PROGRAM_ELFS := $(addprefix $(BUILD)/user/bin/,$(PROGRAMS))

# Per lab: its own sources, the syscall table in its calling convention,
# plus the packed programs and its name
lab_objs = $(patsubst labs/%,$(BUILD)/%.o,$(wildcard labs/$(1)/*.c labs/$(1)/*.asm)) \
	$(BUILD)/$(1)/syscall_table.c.o \
	$(BUILD)/$(1)/labinfo.asm.o $(BUILD)/user/programs.asm.o
# A lab's build options: labs/NN/config holds CONFIG_X=y lines (Linux's
# names; # starts a comment), each one -DCONFIG_X for the lab's C and NASM
# code and its syscall table
lab_config = $(shell sed -n 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$$/-D\1/p' labs/$(1)/config 2>/dev/null)
KERNELS := $(foreach l,$(LABS),$(BUILD)/$(l)/kernel.elf)

# QEMU itself is run by grading/lib/boot (KVM, QEMUEXTRA, D are read there)
# interactive targets keep a long bound unless TIMEOUT is given
INTERACTIVE_TIMEOUT = $(if $(filter command line environment,$(origin TIMEOUT)),$(TIMEOUT),3600)

NEED := grading/lib/need-tools

# Check the tools the goals need before anything runs: one line when some
# are missing (need-tools installs them instead when run as root).
GOALS := $(or $(MAKECMDGOALS),all)
TOOL_SETS := $(if $(filter-out help clean,$(GOALS)),build) \
	$(if $(filter run qemu qemu-gdb test test-mistakes grade grade-class bench diff trace bench-linux fuzz,$(GOALS)),run) $(if $(filter gdb,$(GOALS)),debug) \
	$(if $(filter test test-mistakes grade grade-class,$(GOALS)),test) $(if $(filter test grade-class,$(GOALS))$(findstring gradescope,$(FORMAT)),export) \
	$(if $(filter test bench diff,$(GOALS)),bench) $(if $(filter selftests test,$(GOALS)),run selftests) $(if $(filter test autograder grade-class,$(GOALS)),autograder)
ifneq ($(strip $(TOOL_SETS)),)
MISSING_TOOLS := $(shell $(NEED) $(TOOL_SETS))
$(if $(MISSING_TOOLS),$(error $(MISSING_TOOLS)))
endif

.PHONY: all build autograder grade-class run qemu qemu-gdb gdb grade handout test test-mistakes help clean bench diff trace bench-linux selftests fuzz
.DELETE_ON_ERROR:
.SECONDARY:
.SECONDEXPANSION:
# `make -j clean all` must not clean what it is building
ifneq ($(filter clean,$(GOALS)),)
.NOTPARALLEL:
endif

all: build
build: $(KERNELS)

$(ASM_OFFSETS): common/arch/asm-offsets.c $(wildcard common/include/*.h common/include/uapi/*.h)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)$(CC) $(COMMON_CFLAGS) -S -o $(@:.inc=.s) $<
	$(Q)sed -n 's/.*->\([A-Za-z_0-9]*\) \$$\{0,1\}\(-\{0,1\}[0-9]*\).*/%define \1 \2/p' $(@:.inc=.s) > $@

$(BUILD)/kernel/%.c.o: common/%.c Makefile $(wildcard common/include/*.h common/include/uapi/*.h)
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(KCFLAGS) -c -o $@ $<
$(BUILD)/kernel/%.asm.o: common/%.asm $(ASM_OFFSETS) common/include/calling.inc Makefile
	@mkdir -p $(@D)
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -o $@ $<

# ENTRYLAB_NO_BUILD=1 (grade --no-build: the autograder built the submission
# as nobody): a lab's code out of date is an error, never compiled as
# whoever runs make (root, there: make gdb's check runs make)
no-lab-build = $(if $(ENTRYLAB_NO_BUILD),@echo "entrylab: $@ is out of date: this grading builds no lab (ENTRYLAB_NO_BUILD)" >&2; exit 1)
$(BUILD)/%.c.o: labs/%.c Makefile $(wildcard common/include/*.h common/include/uapi/*.h) $$(wildcard labs/$$(firstword $$(subst /, ,$$*))/config)
	$(no-lab-build)
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(KCFLAGS) $(call lab_config,$(firstword $(subst /, ,$*))) -c -o $@ $<
$(BUILD)/%/syscall_table.c.o: common/kernel/syscall_table.c Makefile $(wildcard common/include/*.h common/include/uapi/*.h) $$(wildcard labs/$$*/config)
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(KCFLAGS) $(call lab_config,$*) -c -o $@ $<
$(BUILD)/%.asm.o: labs/%.asm $(ASM_OFFSETS) common/include/calling.inc Makefile $$(wildcard labs/$$(firstword $$(subst /, ,$$*))/config)
	$(no-lab-build)
	@mkdir -p $(@D)
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) $(call lab_config,$(firstword $(subst /, ,$*))) -o $@ $<

# (the folder only has to exist: its time changes whenever an editor
# saves a file there by renaming, which changes no code)
$(BUILD)/%/labinfo.asm: | labs/%
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)printf 'section .rodata\nglobal lab_name\nlab_name: db "%s", 0\n' $* > $@
$(BUILD)/%/labinfo.asm.o: $(BUILD)/%/labinfo.asm
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -o $@ $<

$(BUILD)/%/kernel.elf: $(KERNEL_OBJS) common/boot/kernel.ld Makefile $$(call lab_objs,$$*)
	$(no-lab-build)
	$(call msg,LD,$@)
	$(Q)$(LD) -n -z max-page-size=4096 -z noexecstack $(LDFLAGS_RWX) -T common/boot/kernel.ld \
		-Map=$(@D)/kernel.map -o $@ $(KERNEL_OBJS) $(call lab_objs,$*)

# user space
$(BUILD)/user/lib/%.c.o: common/lib/%.c Makefile
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<
$(BUILD)/user/lib/%.c.o: common/user/lib/%.c Makefile common/user/lib/ulib.h $(wildcard common/include/uapi/*.h)
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<
$(BUILD)/user/%.asm.o: common/user/%.asm Makefile
	@mkdir -p $(@D)
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -o $@ $<
$(BUILD)/user/bin/%.c.o: common/user/bin/%.c Makefile $(wildcard common/user/lib/*.h) $(wildcard common/include/uapi/*.h) common/include/syscall_list.h
	@mkdir -p $(@D)
	$(call msg,CC,$<)
	$(Q)$(CC) $(UCFLAGS) -c -o $@ $<
$(BUILD)/user/libc.a: $(ULIB_OBJS)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^
# crt0 comes from libc.a only when the program has no _start of its own
$(BUILD)/user/bin/%: $(BUILD)/user/bin/%.c.o $$(addprefix $(BUILD)/user/bin/,$$(addsuffix .o,$$(notdir $$(wildcard common/user/bin/$$*.asm)))) $(BUILD)/user/libc.a common/user/user.ld
	$(call msg,LD,$@)
	$(Q)$(LD) -static -z max-page-size=4096 -z noexecstack -T common/user/user.ld -u _start -o $@ \
		$(filter %.o,$^) $(BUILD)/user/libc.a

# Programs packed into an image, each "path=file": the table
# initrd_programs (exec.h) and each ELF by incbin
pack_programs = { printf 'section .rodata\nglobal initrd_programs\nglobal initrd_count\nalign 8\n'; \
	  printf 'initrd_count: dq %d\ninitrd_programs:\n' $(words $(1)); \
	  i=0; for e in $(1); do printf '  dq path_%d, elf_%d, elf_%d_end\n' $$i $$i $$i; i=$$((i + 1)); done; \
	  i=0; for e in $(1); do \
	    printf 'path_%d: db "%s", 0\nalign 16\nelf_%d: incbin "%s"\nelf_%d_end:\n' \
	      $$i "$${e%%=*}" $$i "$$(echo $$e | cut -d= -f2)" $$i; i=$$((i + 1)); \
	  done; }
# every program packed into the image: /init and /bin/<name>
PACKED := $(foreach p,$(PROGRAMS),$(if $(filter init,$(p)),/init,/bin/$(p))=$(BUILD)/user/bin/$(p))
$(BUILD)/user/programs.asm: $(PROGRAM_ELFS)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)$(call pack_programs,$(PACKED)) > $@
$(BUILD)/user/programs.asm.o: $(BUILD)/user/programs.asm
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -o $@ $<

# make selftests: Linux's x86 selftests (built by grading/lib/selftests in
# build/selftests/bin) packed beside the kit's programs into a second
# kernel per lab, kernel-selftests.elf; kernel.elf stays as it is
SELFTEST_ELFS := $(filter-out %.log,$(wildcard $(BUILD)/selftests/bin/*))
$(BUILD)/selftests/programs.asm: $(PROGRAM_ELFS) $(SELFTEST_ELFS)
	@mkdir -p $(@D)
	$(call msg,GEN,$@)
	$(Q)$(call pack_programs,$(PACKED) $(foreach f,$(SELFTEST_ELFS),/bin/x86/$(notdir $(f))=$(f))) > $@
$(BUILD)/selftests/programs.asm.o: $(BUILD)/selftests/programs.asm
	$(call msg,AS,$<)
	$(Q)$(NASM) $(NASMFLAGS) -o $@ $<
$(BUILD)/%/kernel-selftests.elf: $(KERNEL_OBJS) common/boot/kernel.ld Makefile $$(call lab_objs,$$*) $(BUILD)/selftests/programs.asm.o
	$(call msg,LD,$@)
	$(Q)$(LD) -n -z max-page-size=4096 -z noexecstack $(LDFLAGS_RWX) -T common/boot/kernel.ld \
		-o $@ $(KERNEL_OBJS) $(filter-out $(BUILD)/user/programs.asm.o,$(call lab_objs,$*)) \
		$(BUILD)/selftests/programs.asm.o

run: $(lab_kernel)
	$(check-lab)
	@grading/lib/boot --lab $(lab) --timeout $(TIMEOUT) --append "$(ARGS)"
	@# then, for the demo, each path across the history (make bench, condensed)
	@$(if $(ARGS),,grading/lib/bench history)

qemu: $(lab_kernel)
	$(check-lab)
	@echo "entrylab: lab $(lab) on the serial console; Ctrl-A X quits"
	@grading/lib/boot --lab $(lab) --timeout $(INTERACTIVE_TIMEOUT) --append "$(ARGS)" --interactive

qemu-gdb: $(lab_kernel)
	$(check-lab)
	@grading/lib/boot --lab $(lab) --timeout $(INTERACTIVE_TIMEOUT) --append "$(ARGS)" --interactive --gdb $(GDBPORT)

# make gdb right after an edit: wait for the stub (make qemu-gdb builds
# before it listens), then for the kernel to be current, so that GDB never
# reads a kernel.elf that is being written
gdb:
	$(check-lab)
	@grading/lib/boot --wait-gdb $(GDBPORT) --timeout 60
	@$(MAKE) -s --no-print-directory $(BUILD)/$(lab)/kernel.elf
	@grading/lib/gdb --elf $(BUILD)/$(lab)/kernel.elf --port $(GDBPORT) $(if $(filter 1,$(V)),--show) $(if $(BREAK),--break '$(BREAK)')

# timing (docs/timing.md, grading/plugin/README.md): icount, the cost model, KVM
# bench, diff and run's history build the labs they measure themselves, one
# by one (grading/lib/build.bash): a lab that does not build is n/a, and
# the others are measured all the same
bench:
	@$(if $(filter command line environment,$(origin TIMEOUT)),TIMEOUT=$(TIMEOUT)) grading/lib/bench run --build

diff:
	@$(if $(A),,$(error entrylab: make diff needs A=NN B=MM))$(if $(B),,$(error entrylab: make diff needs A=NN B=MM))
	@$(if $(filter command line environment,$(origin TIMEOUT)),TIMEOUT=$(TIMEOUT)) grading/lib/bench diff $(A) $(B)

SYSCALL ?= getpid
trace: $(lab_kernel)
	$(check-lab)
	@$(if $(filter command line environment,$(origin TIMEOUT)),TIMEOUT=$(TIMEOUT)) grading/lib/bench trace $(lab) $(SYSCALL)

# a real Linux under the same QEMU, icount and plugin (default: the newest
# readable /boot/vmlinuz-*, else Debian's linux-image package, fetched
# into build/linux/image: grading/lib/linux.bash)
LINUX_IMAGE ?=
bench-linux:
	@$(if $(filter command line environment,$(origin TIMEOUT)),TIMEOUT=$(TIMEOUT)) grading/lib/bench linux "$(LINUX_IMAGE)"

# Linux's own x86 selftests on every lab (or LAB=NN) and on a Debian Linux
# under the same QEMU, side by side: SELFTESTS='sysret_rip ...' chooses
# (grading/lib/selftests says how they are built and run)
SELFTESTS ?=
selftests: build
	$(if $(filter command line environment,$(origin LAB)),$(check-lab))
	@$(if $(filter command line environment,$(origin TIMEOUT)),TIMEOUT=$(TIMEOUT)) grading/lib/selftests \
		$(if $(filter command line environment,$(origin LAB)),--labs $(firstword $(subst -, ,$(lab)))) \
		$(if $(SELFTESTS),--tests "$(SELFTESTS)")
# make grade: every lab, LAB=NN alone or several (LAB="04 05"); FORMAT=tap,junit,gradescope also
# writes build/grade/. Grading runs under icount, whatever KVM says. grading/grade builds
# the labs it grades, and only those: a lab not yet reached that does not build costs nothing.
grade:
	$(if $(filter command line environment,$(origin LAB)),$(check-labs))
	@env -u KVM -u QEMUEXTRA -u D grading/grade $(if $(FORMAT),--format $(FORMAT)) \
		$(if $(filter command line environment,$(origin LAB)),$(grade_labs),$(LAB_NUMBERS))

# make grade-class SUBMISSIONS='submissions/*': each folder (a clone or an
# unpacked upload) graded as Gradescope grades it, its labs/ alone, built as
# nobody when run as root (grading/class); LAB=NN or several, else every lab
SUBMISSIONS ?=
grade-class:
	@$(if $(SUBMISSIONS),,$(error entrylab: make grade-class needs SUBMISSIONS='folder ...' (a student's clone or upload each)))
	$(if $(filter command line environment,$(origin LAB)),$(check-labs))
	@env -u KVM -u QEMUEXTRA -u D grading/class \
		$(if $(filter command line environment,$(origin LAB)),--labs "$(grade_labs)") $(SUBMISSIONS)

# make fuzz: hostile syscalls and sigreturns on every lab, or LAB=NN alone
# (grading/lib/fuzz); deterministic for a SEED, under icount whatever KVM
# says. The timeout scales with COUNT unless TIMEOUT is given; WATCH=1
# adds the sysret watch (grading/plugin/sysret.c).
SEED ?= 1
COUNT ?= 10000
fuzz: build
	$(if $(filter command line environment,$(origin LAB)),$(check-lab))
	@env -u KVM -u QEMUEXTRA -u D grading/lib/fuzz --seed "$(SEED)" --count "$(COUNT)" \
		$(if $(filter command line environment,$(origin TIMEOUT)),--timeout "$(TIMEOUT)") \
		$(if $(filter 1,$(WATCH)),--watch-sysret) $(if $(EVERY),--every "$(EVERY)") \
		$(if $(filter command line environment,$(origin LAB)),$(lab),$(LABS))

# make handout: the student tree, every exercise replaced by its text
handout:
	$(if $(filter command line environment,$(origin LAB)),$(check-lab))
	@grading/handout $(if $(filter command line environment,$(origin LAB)),--upto $(firstword $(subst -, ,$(lab)))) . $(BUILD)/handout

# make autograder: build/autograder.zip for Gradescope (grading/autograder/:
# setup.sh and run_autograder at the top). The kit beside them is the
# handout, what students have already, with your hidden tests: no solution
# is on the machine where a submission builds (it could include one)
autograder:
	$(check-autograder-labs)
	$(call msg,GEN,$(BUILD)/autograder.zip)
	$(Q)rm -rf $(BUILD)/autograder $(BUILD)/autograder.zip
	$(Q)grading/handout . $(BUILD)/autograder > /dev/null
	$(Q)if [ -d grading/hidden ]; then cp -R grading/hidden $(BUILD)/autograder/grading/; fi
	$(Q)cp -p grading/autograder/setup.sh grading/autograder/run_autograder $(BUILD)/autograder/
	$(Q)$(if $(autograder_labs),echo "$(sort $(autograder_labs))" > $(BUILD)/autograder/autograder-labs)
	$(Q)cd $(BUILD)/autograder && zip -q -r -X ../autograder.zip .
	@echo "entrylab: $(BUILD)/autograder.zip: upload it as a Gradescope autograder (Ubuntu 22.04 base image); grading/README.md says more"

test: build
	@# the tests judge the kernel under icount, whatever KVM or QEMUEXTRA say;
	@# each test's time goes into the output (--timing), never into a verdict
	env -u KVM -u QEMUEXTRA -u TIMEOUT bats --timing grading/kit.bats grading/grade.bats grading/bench.bats grading/autograder.bats grading/fuzz.bats $(foreach l,$(LABS),grading/lab$(firstword $(subst -, ,$(l))).bats) grading/mistakes.bats grading/selftests.bats

# make test-mistakes: the catalogue of typical mistakes (grading/mistakes/)
# alone, each planted and named by its lab's first failure (part of make test)
test-mistakes: build
	env -u KVM -u QEMUEXTRA -u TIMEOUT bats grading/mistakes.bats

clean:
	rm -rf $(BUILD)

help:
	@echo "entrylab targets (LAB=01..06 or a folder name; default: the highest lab, $(lastword $(LAB_NUMBERS)))"
	@echo "  make                 build every lab: build/<lab>/kernel.elf (ELF64, symbols, boots under QEMU)"
	@echo "  make run [LAB=NN]    boot one lab (icount on): its demo and a table of syscall costs; exit 0 = all well"
	@echo "  make qemu LAB=NN     boot one lab on the serial console (Ctrl-A X quits); D=1 logs -d int to build/<lab>/qemu.log"
	@echo "  make qemu-gdb LAB=NN the same, paused, with a GDB stub on localhost:GDBPORT ($(GDBPORT))"
	@echo "  make gdb LAB=NN      GDB with the lab's symbols and the kit's commands (ptregs); stops at BREAK ($(BREAK))"
	@echo "  make bench           every path of every lab: icount, modelled cycles, exit taken; build/bench.tsv, .svg, .png"
	@echo "  make diff A=NN B=MM  diff -ru of two labs' code (not the .md files), then the cost change per path"
	@echo "  make trace LAB=NN SYSCALL=getpid  one round trip, instruction by instruction, with costs"
	@echo "  make bench-linux     getpid on a real Linux (LINUX_IMAGE=/boot/vmlinuz-...) beside the labs"
	@echo "  make selftests [LAB=NN] [SELFTESTS=...]  Linux's x86 selftests on the labs and on Linux: build/selftests.tsv"
	@echo "  make grade [LAB=NN]  grade one lab, several (LAB=\"04 05\") or all: points per test, lab NN: X/Y, total; FORMAT=tap,junit,gradescope"
	@echo "  make fuzz [LAB=NN] [SEED=n] [COUNT=n]  hostile syscalls and sigreturns, checked register by register;"
	@echo "                       0 violations = pass (WATCH=1: also count SYSRETQs to a non-canonical rip)"
	@echo "  make autograder [AUTOGRADER_LABS='01 02'] build/autograder.zip for Gradescope: setup.sh, run_autograder (grades the upload's labs/ only)"
	@echo "  make grade-class SUBMISSIONS='dir ...' [LAB=NN]  each student's labs/ graded as Gradescope would: build/class/scores.tsv"
	@echo "  make handout [LAB=NN] the student tree in build/handout/ (labs 01..NN), each exercise replaced by its text"
	@echo "  make test            the kit's own test suite (what CI runs)"
	@echo "  make test-mistakes   each typical mistake of grading/mistakes/ named by its first failure"
	@echo "  make clean           remove build/"
	@echo "variables: QEMUEXTRA='...' extra QEMU args, TIMEOUT=s bound on a boot ($(TIMEOUT)), GDBPORT=n,"
	@echo "           KVM=1 (real CPU, /dev/kvm; timings become cycles), ARGS='prog ...' programs for init to run"
	@echo "           V=1 prints every build command (default: one line per step, CC/AS/LD/AR/GEN)"
