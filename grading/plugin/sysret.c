/* sysret.c - the sysret watch of make fuzz, as a QEMU TCG plugin.
 *
 * Counts the SYSRETQs executed and those that faulted: a SYSRETQ to a
 * non-canonical rip (rcx) raises #GP. On Intel CPUs that #GP comes in ring
 * 0, on the user's stack (CVE-2012-0217's kind; docs/history.md); QEMU 7.2
 * raises it in ring 3 instead, at the bad rip, exactly as an IRETQ there
 * would, so no user program can tell. The plugin can: when the block run
 * right after a SYSRETQ is the #GP entry (gp=ADDR: the kernel's
 * idt_stub_13), that SYSRETQ faulted. Plugins cannot read registers in
 * API version 1, so this is judged from the flow alone.
 *
 * Arguments: -plugin sysret.so,gp=ADDR,out=FILE (or probe=1: report the API
 * version and exit, as the cost plugin does). FILE gets one line:
 * "sysretq=N faulted=F". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qemu-plugin-api.h"

#ifndef ENTRYLAB_PLUGIN_API
#define ENTRYLAB_PLUGIN_API 1
#endif
QEMU_PLUGIN_EXPORT int qemu_plugin_version = ENTRYLAB_PLUGIN_API;

static uint64_t gp_entry, n_sysret, n_faulted;
static int after_sysret;                /* the last instruction was SYSRETQ */
static const char *out_path;

static void on_block(unsigned int vcpu, void *udata)
{
        if (after_sysret && (uint64_t)(uintptr_t)udata == gp_entry)
                n_faulted++;
        after_sysret = 0;
}

static void on_sysret(unsigned int vcpu, void *udata)
{
        n_sysret++;
        after_sysret = 1;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
        qemu_plugin_register_vcpu_tb_exec_cb(tb, on_block, QEMU_PLUGIN_CB_NO_REGS,
                                             (void *)(uintptr_t)qemu_plugin_tb_vaddr(tb));
        for (size_t i = 0; i < qemu_plugin_tb_n_insns(tb); i++) {
                struct qemu_plugin_insn *qi = qemu_plugin_tb_get_insn(tb, i);
                char *d = qemu_plugin_insn_disas(qi);
                if (!strncmp(d, "sysret", 6))
                        qemu_plugin_register_vcpu_insn_exec_cb(qi, on_sysret, QEMU_PLUGIN_CB_NO_REGS, NULL);
                free(d);
        }
}

static void on_exit_report(qemu_plugin_id_t id, void *udata)
{
        FILE *f = fopen(out_path, "w");
        if (!f) {
                fprintf(stderr, "entrylab sysret plugin: cannot write %s\n", out_path);
                return;
        }
        fprintf(f, "sysretq=%lu faulted=%lu\n", (unsigned long)n_sysret, (unsigned long)n_faulted);
        fclose(f);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
                                           int argc, char **argv)
{
        for (int i = 0; i < argc; i++) {
                if (!strncmp(argv[i], "gp=", 3))
                        gp_entry = strtoull(argv[i] + 3, NULL, 0);
                else if (!strncmp(argv[i], "out=", 4))
                        out_path = argv[i] + 4;
                else if (!strcmp(argv[i], "probe=1")) {
                        printf("entrylab sysret plugin: loaded, API version %d\n", qemu_plugin_version);
                        fflush(stdout);
                        exit(0);
                } else {
                        fprintf(stderr, "entrylab sysret plugin: unknown argument %s\n", argv[i]);
                        return 1;
                }
        }
        if (!gp_entry || !out_path) {
                fprintf(stderr, "entrylab sysret plugin: needs gp=ADDR and out=FILE\n");
                return 1;
        }
        qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
        qemu_plugin_register_atexit_cb(id, on_exit_report, NULL);
        return 0;
}
