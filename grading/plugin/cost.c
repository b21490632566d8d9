/* cost.c - a cycle model for entrylab, as a QEMU TCG plugin.
 *
 * Every executed instruction is weighted from a plain-text cost table
 * (costs.txt: glob pattern on the AT&T disassembly, cycles, source), and
 * every SYSCALL starts a "round trip" keyed by the user address of that
 * SYSCALL instruction. Plugins cannot read registers in API version 1, so
 * the model keys by what it sees:
 *   - kernel or user: the address half (the kernel lives at the top);
 *   - a round trip of site S ends at the first user instruction at S's
 *     return address (S + 2: SYSCALL is 0f 05) - other processes may run
 *     meanwhile (a tracer, a fork child) and are counted in, inclusively;
 *     or, when the kernel stretch that S's SYSCALL began returns to user
 *     space anywhere else (execve's new image, a signal handler), there -
 *     unless S was named strict=S: a traced syscall, whose kernel stretch
 *     first returns to its tracer, ends only back at S + 2;
 *   - the exit taken: the last kernel instruction before that user one
 *     (sysretq, iretq, or anything else).
 * Per site the plugin keeps the round trip with the fewest kernel
 * instructions (the steady path, as a rule free of timer interrupts: not
 * always, as a tick that spares a tracer one sleep in wait4 can make its
 * round trip the shortest) and writes one line per site at exit. With
 * trace=ADDR it also writes that round trip, instruction by instruction.
 *
 * entry=LO-HI:LO-HI... names the code of the entry path (the lab's own
 * code and the common entry and exit work: grading/lib/bench): each line
 * then also gives the instructions and modelled cycles of its best round
 * trip that ran there. Unlike the whole trip, those hardly depend on the
 * GCC that built the kernel: the syscalls' own work (fork, execve, signal
 * delivery), most of a heavy path, is left out.
 *
 * Arguments (-plugin cost.so,costs=FILE,out=FILE[,trace=ADDR,traceout=FILE]
 * [,strict=ADDR][,entry=LO-HI:...]
 * [,probe=1]). probe=1 only reports the API version and makes QEMU exit:
 * grading/lib/cost-plugin uses it to learn whether this QEMU loads us.
 * -plugin cost.so,witness=1,out=FILE counts the round trips alone (the
 * grading's witness of every boot): one callback per translation block and
 * per SYSCALL instead of per instruction, no cost table, and the figures
 * of each line but trips are 0. */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qemu-plugin-api.h"

#ifndef ENTRYLAB_PLUGIN_API
#define ENTRYLAB_PLUGIN_API 1
#endif
QEMU_PLUGIN_EXPORT int qemu_plugin_version = ENTRYLAB_PLUGIN_API;

#define KERNEL_HALF 0xffff800000000000ULL

enum kind { K_OTHER, K_SYSCALL, K_SYSRET, K_IRET };
static const char *const kind_name[] = { "other", "syscall", "sysretq", "iretq" };

/* one per translated instruction; TCG passes it back on every execution */
struct insn {
        uint64_t vaddr;
        uint32_t cost;
        uint8_t kind;
        uint8_t kernel;
        uint8_t entry;                  /* in the entry path's code (entry=) */
        char *disas;
};

/* the cost table, in file order: the first matching pattern wins */
struct rule {
        char *pattern;
        uint32_t cycles;
};
static struct rule *rules;
static size_t n_rules;

/* a round trip's figures: kernel and user instructions, modelled cycles,
 * and the instructions and modelled cycles of the entry path's code */
struct trip {
        uint64_t kernel, user, cycles, entry, entry_cycles;
        enum kind exit;
};

struct site {
        uint64_t vaddr;                 /* of the SYSCALL; 0 = free slot */
        uint64_t trips, exits_sysret, exits_iret;
        struct trip best;               /* fewest kernel instructions */
        int open;                       /* a round trip is under way */
        int strict;                     /* ends only at its return address */
        struct trip start;              /* the counters when it began */
};

#define SITES 4096                      /* open addressing, power of two */
static struct site sites[SITES];

/* running totals; a round trip is the difference between two snapshots */
static uint64_t n_kernel, n_user, n_cycles, n_entry, n_entry_cycles;
/* the entry path's code: [lo, hi) ranges (entry=LO-HI:LO-HI...; none by default) */
#define ENTRY_RANGES 64
static struct { uint64_t lo, hi; } entry_code[ENTRY_RANGES];
static size_t n_entry_ranges;

static int in_entry_code(uint64_t vaddr)
{
        for (size_t i = 0; i < n_entry_ranges; i++)
                if (vaddr >= entry_code[i].lo && vaddr < entry_code[i].hi)
                        return 1;
        return 0;
}
static const struct insn *prev;
static struct site *entering;           /* whose SYSCALL began this kernel stretch */

static const char *out_path, *trace_path, *costs_path;
static int witness;                     /* witness=1: round trips alone */
static int tb_kernel = 1;               /* the half the last block ran in */
static struct site *syscall_site;       /* a SYSCALL ended the last block */
static uint64_t trace_vaddr;
/* the trace site's current round trip and its best one, as instructions */
static const struct insn **trace_cur, **trace_best;
static size_t trace_cur_n, trace_cur_cap, trace_best_n, trace_best_cap;
static const struct insn *trace_end;    /* the user instruction after the best */

static void die(const char *msg, const char *what)
{
        fprintf(stderr, "entrylab cost plugin: %s%s\n", msg, what ? what : "");
        exit(2);  /* not 1, 3 or 5: those are the kernel's verdicts */
}

static struct site *site_of(uint64_t vaddr)
{
        size_t i = (vaddr * 0x9e3779b97f4a7c15ULL) >> 52;
        for (;; i = (i + 1) & (SITES - 1)) {
                if (sites[i].vaddr == vaddr)
                        return &sites[i];
                if (sites[i].vaddr == 0) {
                        sites[i].vaddr = vaddr;
                        return &sites[i];
                }
        }
}

static struct site *lookup(uint64_t vaddr)
{
        size_t i = (vaddr * 0x9e3779b97f4a7c15ULL) >> 52;
        for (;; i = (i + 1) & (SITES - 1)) {
                if (sites[i].vaddr == vaddr)
                        return &sites[i];
                if (sites[i].vaddr == 0)
                        return NULL;
        }
}

static void trip_open(struct site *s)
{
        s->open = 1;
        s->start = (struct trip){ n_kernel, n_user, n_cycles, n_entry, n_entry_cycles, K_OTHER };
        if (s->vaddr == trace_vaddr)
                trace_cur_n = 0;
}

static void trip_close(struct site *s, enum kind exit, const struct insn *next)
{
        struct trip t = { n_kernel - s->start.kernel, n_user - s->start.user,
                          n_cycles - s->start.cycles, n_entry - s->start.entry,
                          n_entry_cycles - s->start.entry_cycles, exit };
        s->open = 0;
        s->trips++;
        s->exits_sysret += exit == K_SYSRET;
        s->exits_iret += exit == K_IRET;
        if (s->trips == 1 || t.kernel < s->best.kernel) {
                s->best = t;
                if (s->vaddr == trace_vaddr) {
                        const struct insn **buf = trace_best;
                        size_t cap = trace_best_cap;
                        trace_best = trace_cur;
                        trace_best_cap = trace_cur_cap;
                        trace_best_n = trace_cur_n;
                        trace_cur = buf;
                        trace_cur_cap = cap;
                        trace_cur_n = 0;
                        trace_end = next;
                }
        }
}

static void trace_append(const struct insn *in)
{
        if (trace_cur_n == trace_cur_cap) {
                trace_cur_cap = trace_cur_cap ? 2 * trace_cur_cap : 4096;
                trace_cur = realloc(trace_cur, trace_cur_cap * sizeof(*trace_cur));
                if (!trace_cur)
                        die("out of memory for the trace", NULL);
        }
        trace_cur[trace_cur_n++] = in;
}

/* A user instruction right after kernel ones: some round trip may end. */
static void back_to_user(const struct insn *in)
{
        struct site *s = in->vaddr >= 2 ? lookup(in->vaddr - 2) : NULL;
        if (!(s && s->open))
                s = entering && entering->open && !entering->strict ? entering : NULL;
        if (s)
                trip_close(s, prev ? prev->kind : K_OTHER, in);
        entering = NULL;
}

static void on_exec(unsigned int vcpu, void *udata)
{
        const struct insn *in = udata;
        struct site *trace_site_open = NULL;

        if (!in->kernel && prev && prev->kernel)
                back_to_user(in);
        else if (in->kernel && prev && !prev->kernel)
                entering = prev->kind == K_SYSCALL ? site_of(prev->vaddr) : NULL;
        if (in->kind == K_SYSCALL && !in->kernel)
                trip_open(site_of(in->vaddr));

        if (in->kernel)
                n_kernel++;
        else
                n_user++;
        n_cycles += in->cost;
        if (in->entry) {
                n_entry++;
                n_entry_cycles += in->cost;
        }

        if (trace_vaddr && (trace_site_open = lookup(trace_vaddr)) && trace_site_open->open)
                trace_append(in);
        prev = in;
}

/* witness=1: a block starts. Kernel and user never share one, and SYSCALL,
 * SYSRET and IRET each end theirs, so crossing between halves at block
 * starts finds the same round trips as on_exec does per instruction. */
static void on_tb_witness(unsigned int vcpu, void *udata)
{
        const struct insn *in = udata;

        if (!in->kernel && tb_kernel)
                back_to_user(in);
        else if (in->kernel && !tb_kernel)
                entering = syscall_site;
        syscall_site = NULL;
        tb_kernel = in->kernel;
}

static void on_syscall_witness(unsigned int vcpu, void *udata)
{
        const struct insn *in = udata;

        syscall_site = site_of(in->vaddr);
        trip_open(syscall_site);
}

static enum kind classify(const char *d)
{
        if (!strncmp(d, "syscall", 7))
                return K_SYSCALL;
        if (!strncmp(d, "sysret", 6))
                return K_SYSRET;
        if (!strncmp(d, "iret", 4))
                return K_IRET;
        return K_OTHER;
}

/* "movq   %rax,  %cr3" -> "movq %rax, %cr3": one space between words */
static char *squeeze(char *s)
{
        char *r = s, *w = s;
        for (; *r; r++)
                if (!(*r == ' ' || *r == '\t') || (w > s && w[-1] != ' '))
                        *w++ = *r == '\t' ? ' ' : *r;
        while (w > s && w[-1] == ' ')
                w--;
        *w = 0;
        return s;
}

static uint32_t cost_of(const char *disas)
{
        for (size_t i = 0; i < n_rules; i++)
                if (fnmatch(rules[i].pattern, disas, 0) == 0)
                        return rules[i].cycles;
        return 1;
}

/* witness=1: the block's first instruction and its user SYSCALLs only.
 * Only a user instruction of two bytes can be the kit's SYSCALL (0f 05):
 * the others are not disassembled, which was most of what the witness
 * cost a boot (a boot of every test program: 1.7 s of QEMU, then 1.1 s,
 * 0.8 s without the plugin). */
static void on_translate_witness(struct qemu_plugin_tb *tb)
{
        size_t n = qemu_plugin_tb_n_insns(tb);
        for (size_t i = 0; i < n; i++) {
                struct qemu_plugin_insn *qi = qemu_plugin_tb_get_insn(tb, i);
                uint64_t vaddr = qemu_plugin_insn_vaddr(qi);
                struct insn *in;
                enum kind kind = K_OTHER;
                char *d;

                if (i > 0 && vaddr >= KERNEL_HALF)
                        continue;
                if (vaddr < KERNEL_HALF && qemu_plugin_insn_size(qi) == 2) {
                        d = qemu_plugin_insn_disas(qi);
                        kind = classify(d);
                        free(d);
                }
                if (i > 0 && kind != K_SYSCALL)
                        continue;
                in = calloc(1, sizeof(*in));
                if (!in)
                        die("out of memory", NULL);
                *in = (struct insn){ .vaddr = vaddr, .kind = kind, .kernel = vaddr >= KERNEL_HALF };
                if (i == 0)
                        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_tb_witness, QEMU_PLUGIN_CB_NO_REGS, in);
                if (kind == K_SYSCALL && !in->kernel)
                        qemu_plugin_register_vcpu_insn_exec_cb(qi, on_syscall_witness, QEMU_PLUGIN_CB_NO_REGS, in);
        }
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
        size_t n = qemu_plugin_tb_n_insns(tb);
        if (witness) {
                on_translate_witness(tb);
                return;
        }
        for (size_t i = 0; i < n; i++) {
                struct qemu_plugin_insn *qi = qemu_plugin_tb_get_insn(tb, i);
                struct insn *in = calloc(1, sizeof(*in));
                if (!in)
                        die("out of memory", NULL);
                in->vaddr = qemu_plugin_insn_vaddr(qi);
                in->kernel = in->vaddr >= KERNEL_HALF;
                in->entry = in_entry_code(in->vaddr);
                in->disas = squeeze(qemu_plugin_insn_disas(qi));
                in->kind = classify(in->disas);
                in->cost = cost_of(in->disas);
                qemu_plugin_register_vcpu_insn_exec_cb(qi, on_exec, QEMU_PLUGIN_CB_NO_REGS, in);
        }
}

/* costs.txt: "pattern cycles source..." per line; # starts a comment */
static void read_costs(const char *path)
{
        FILE *f = fopen(path, "r");
        char line[512];
        unsigned lineno = 0;

        if (!f)
                die("cannot read the cost table ", path);
        while (fgets(line, sizeof(line), f)) {
                char pattern[256];
                unsigned cycles;
                lineno++;
                char *p = line + strspn(line, " \t");
                if (*p == '#' || *p == '\n' || *p == 0)
                        continue;
                if (sscanf(p, "%255s %u", pattern, &cycles) != 2) {
                        fprintf(stderr, "entrylab cost plugin: %s:%u: expected 'pattern cycles source'\n",
                                path, lineno);
                        exit(2);
                }
                rules = realloc(rules, (n_rules + 1) * sizeof(*rules));
                if (!rules)
                        die("out of memory", NULL);
                rules[n_rules++] = (struct rule){ strdup(pattern), cycles };
        }
        fclose(f);
}

static int by_vaddr(const void *a, const void *b)
{
        const struct site *x = a, *y = b;
        return (x->vaddr > y->vaddr) - (x->vaddr < y->vaddr);
}

static void on_exit_report(qemu_plugin_id_t id, void *udata)
{
        FILE *f = fopen(out_path, "w");
        if (!f)
                die("cannot write ", out_path);
        qsort(sites, SITES, sizeof(sites[0]), by_vaddr);
        fprintf(f, "# site\ttrips\tkernel\tuser\tcycles\texit\tsysret\tiret\tentry\tentry_cycles\n");
        for (size_t i = 0; i < SITES; i++) {
                const struct site *s = &sites[i];
                if (!s->trips)
                        continue;
                fprintf(f, "%#lx\t%lu\t%lu\t%lu\t%lu\t%s\t%lu\t%lu\t%lu\t%lu\n", (unsigned long)s->vaddr,
                        (unsigned long)s->trips, (unsigned long)s->best.kernel,
                        (unsigned long)s->best.user, (unsigned long)s->best.cycles,
                        kind_name[s->best.exit], (unsigned long)s->exits_sysret,
                        (unsigned long)s->exits_iret, (unsigned long)s->best.entry,
                        (unsigned long)s->best.entry_cycles);
        }
        fclose(f);

        if (trace_path) {
                f = fopen(trace_path, "w");
                if (!f)
                        die("cannot write ", trace_path);
                for (size_t i = 0; i < trace_best_n; i++)
                        fprintf(f, "%#lx\t%u\t%s\n", (unsigned long)trace_best[i]->vaddr,
                                trace_best[i]->cost, trace_best[i]->disas);
                if (trace_end)
                        fprintf(f, "%#lx\tend\t%s\n", (unsigned long)trace_end->vaddr, trace_end->disas);
                fclose(f);
        }
}

/* entry=LO-HI:LO-HI...: the entry path's code */
static void read_entry_ranges(const char *v)
{
        const char *p = v;
        char *end;

        while (*p) {
                if (n_entry_ranges == ENTRY_RANGES)
                        die("entry=: too many ranges: ", v);
                entry_code[n_entry_ranges].lo = strtoull(p, &end, 0);
                if (*end != '-')
                        die("entry= needs LO-HI ranges, separated by ':': ", v);
                entry_code[n_entry_ranges].hi = strtoull(end + 1, &end, 0);
                if (entry_code[n_entry_ranges].hi <= entry_code[n_entry_ranges].lo || (*end && *end != ':'))
                        die("entry= needs LO-HI ranges, LO below HI, separated by ':': ", v);
                n_entry_ranges++;
                p = *end ? end + 1 : end;
        }
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
        for (int i = 0; i < argc; i++) {
                char *eq = strchr(argv[i], '=');
                if (!eq)
                        die("argument without '=': ", argv[i]);
                *eq = 0;
                const char *k = argv[i], *v = eq + 1;
                if (!strcmp(k, "costs"))
                        costs_path = v;
                else if (!strcmp(k, "out"))
                        out_path = v;
                else if (!strcmp(k, "trace"))
                        trace_vaddr = strtoull(v, NULL, 0);
                else if (!strcmp(k, "traceout"))
                        trace_path = v;
                else if (!strcmp(k, "witness"))
                        witness = atoi(v);
                else if (!strcmp(k, "entry"))
                        read_entry_ranges(v);
                else if (!strcmp(k, "strict"))
                        site_of(strtoull(v, NULL, 0))->strict = 1;
                else if (!strcmp(k, "probe")) {
                        printf("entrylab cost plugin: loaded, API version %d (QEMU offers %d..%d)\n",
                               qemu_plugin_version, info->version.min, info->version.cur);
                        fflush(stdout);
                        exit(0);
                } else
                        die("unknown argument ", k);
        }
        if (!out_path || !(costs_path || witness))
                die("needs costs=FILE and out=FILE (or witness=1 and out=FILE)", NULL);
        if (trace_vaddr && (!trace_path || witness))
                die("trace=ADDR needs traceout=FILE, and no witness=1", NULL);
        if (costs_path)
                read_costs(costs_path);
        qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
        qemu_plugin_register_atexit_cb(id, on_exit_report, NULL);
        return 0;
}
