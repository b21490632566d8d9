/* qemu-plugin-api.h - the few declarations of QEMU's TCG plugin API that
 * the cost model and the sysret watch use, written from QEMU's plugin documentation
 * (docs/devel/tcg-plugins.rst, include/qemu/qemu-plugin.h) because Debian
 * packages no header. Every name used here exists unchanged in API
 * versions 1 to 4; the version the plugin declares is chosen at build time
 * (ENTRYLAB_PLUGIN_API, probed by grading/lib/cost-plugin). */
#ifndef ENTRYLAB_QEMU_PLUGIN_API_H
#define ENTRYLAB_QEMU_PLUGIN_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;

/* what QEMU tells qemu_plugin_install about itself */
typedef struct qemu_info_t {
        const char *target_name;
        struct {
                int min;
                int cur;
        } version;
        bool system_emulation;
        union {
                struct {
                        int smp_vcpus;
                        int max_vcpus;
                } system;
        };
} qemu_info_t;

struct qemu_plugin_tb;          /* opaque: a block being translated */
struct qemu_plugin_insn;        /* opaque: one of its instructions */

enum qemu_plugin_cb_flags {
        QEMU_PLUGIN_CB_NO_REGS,
        QEMU_PLUGIN_CB_R_REGS,
        QEMU_PLUGIN_CB_RW_REGS,
};

typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn,
                                            qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
/* the sysret watch (sysret.c): a callback per executed block */
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
                                          enum qemu_plugin_cb_flags flags, void *userdata);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
char *qemu_plugin_insn_disas(const struct qemu_plugin_insn *insn);    /* g_malloc'd */
void qemu_plugin_outs(const char *string);

#endif
