/* filter.h - classic BPF programs in the kernel (Linux: include/linux/filter.h).
 *
 * A program of up to BPF_MAXINSNS instructions lives in whole pages (the
 * kit has no allocator for anything larger than one page), 512 instructions
 * to a page; bpf_insn() finds instruction pc. */
#ifndef FILTER_H
#define FILTER_H

#include "types.h"
#include "mm.h"
#include "uapi/seccomp.h"

#define BPF_INSNS_PER_PAGE      (PAGE_SIZE / sizeof(struct sock_filter))
#define BPF_PROG_PAGES          (BPF_MAXINSNS / BPF_INSNS_PER_PAGE)

struct bpf_prog {
        unsigned int len;                               /* 1 .. BPF_MAXINSNS */
        struct sock_filter *pages[BPF_PROG_PAGES];
};

static inline struct sock_filter *bpf_insn(const struct bpf_prog *p, unsigned int pc)
{
        return &p->pages[pc / BPF_INSNS_PER_PAGE][pc % BPF_INSNS_PER_PAGE];
}

/* common/kernel/bpf.c */
int bpf_prog_copy_from_user(struct bpf_prog *p, const struct sock_fprog *ufprog);
void bpf_prog_free(struct bpf_prog *p);
int bpf_check_classic(const struct bpf_prog *p);
u32 bpf_prog_run(const struct bpf_prog *p, const void *ctx, u32 ctx_len);

#endif
