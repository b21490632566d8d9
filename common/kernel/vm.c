/* vm.c - per-process page tables: a private user half (PML4 slots 0-255)
 * and the kernel half shared by copying the boot PML4's slot 511. */
#include "mm.h"
#include "kernel.h"
#include "uapi/errno.h"

extern u64 boot_pml4[512];
#define KERNEL_PML4_SLOT 511
#define USER_PML4_SLOTS 256

static inline u64 *table(u64 entry)
{
        return __va(entry & PTE_ADDR);
}

u64 *pgd_alloc(void)
{
        u64 *pgd = alloc_page();
        if (pgd)
                pgd[KERNEL_PML4_SLOT] = ((u64 *)__va(boot_pml4))[KERNEL_PML4_SLOT];
        return pgd;
}

/* Walk to va's PTE, making the intermediate tables if asked. */
static u64 *walk(u64 *pgd, u64 va, bool create)
{
        u64 *t = pgd;
        for (int shift = 39; shift > 12; shift -= 9) {
                u64 *e = &t[(va >> shift) & 511];
                if (!(*e & PTE_P)) {
                        if (!create)
                                return NULL;
                        void *next = alloc_page();
                        if (!next)
                                return NULL;
                        *e = __pa(next) | PTE_P | PTE_W | PTE_U;
                }
                t = table(*e);
        }
        return &t[(va >> 12) & 511];
}

u64 *user_pte(u64 *pgd, u64 va)
{
        if (va >= TASK_SIZE_MAX)
                return NULL;
        u64 *pte = walk(pgd, va, false);
        return pte && (*pte & PTE_P) && (*pte & PTE_U) ? pte : NULL;
}

int map_user_page(u64 *pgd, u64 va, void *page, u64 flags)
{
        u64 *pte = walk(pgd, va, true);
        if (!pte)
                return -ENOMEM;
        *pte = __pa(page) | flags | PTE_P | PTE_U;
        return 0;
}

/* Free what entry points to: a page when level is 0, else a table whose
 * entries are of level - 1 (a PML4 entry points to a level-3 table). */
static void free_level(u64 entry, int level)
{
        if (level == 0) {
                put_user_page(entry);   /* a shared page may stay */
                return;
        }
        u64 *t = table(entry);
        for (int i = 0; i < 512; i++)
                if (t[i] & PTE_P)
                        free_level(t[i], level - 1);
        free_page(t);
}

void pgd_free_user(u64 *pgd)
{
        for (int i = 0; i < USER_PML4_SLOTS; i++) {
                if (pgd[i] & PTE_P)
                        free_level(pgd[i], 3);
                pgd[i] = 0;
        }
}

void pgd_free(u64 *pgd)
{
        pgd_free_user(pgd);
        free_page(pgd);
}

/* One leaf entry: a private copy of its page, or, for a MAP_SHARED page,
 * the page itself (shmem.c counts it). Out of line, so that the scan of a
 * table's empty entries stays one test of memory each (fork's cost). */
static noinline int copy_pte(u64 *dst, const u64 *src)
{
        if (*src & PTE_SHARED) {
                get_shared_page(table(*src));
                *dst = *src;
                return 0;
        }
        void *page = alloc_page();
        if (!page)
                return -ENOMEM;
        *dst = __pa(page) | (*src & ~PTE_ADDR);
        copy_page(page, table(*src));
        return 0;
}

/* fork: a private copy of every user page (no copy-on-write yet), but
 * for MAP_SHARED ones, which both map (shmem.c).
 * Copies the first n entries of a table whose entries are of the given
 * level (0: they map pages). */
static int copy_level(u64 *dst, const u64 *src, int level, int n)
{
        for (int i = 0; i < n; i++) {
                if (!(src[i] & PTE_P))
                        continue;
                if (level == 0) {
                        if (copy_pte(&dst[i], &src[i]))
                                return -ENOMEM;
                        continue;
                }
                void *page = alloc_page();
                if (!page)
                        return -ENOMEM;
                dst[i] = __pa(page) | (src[i] & ~PTE_ADDR);
                int err = copy_level(page, table(src[i]), level - 1, 512);
                if (err)
                        return err;
        }
        return 0;
}

int copy_user_space(u64 *dst, u64 *src)
{
        return copy_level(dst, src, 3, USER_PML4_SLOTS);   /* the user half only */
}

/* PROT_NONE (mmap.c): a page the user cannot reach, present so that its
 * address stays taken. Without PTE_U every user access is a protection
 * fault (SIGSEGV with SEGV_ACCERR, as Linux gives) and user_pte, so
 * uaccess, refuses it; fork copies it and exit frees it like any page. */
int map_prot_none_page(u64 *pgd, u64 va, void *page, u64 flags)
{
        u64 *pte = walk(pgd, va, true);
        if (!pte)
                return -ENOMEM;
        *pte = __pa(page) | (flags & PTE_SHARED) | PTE_P | PTE_NX;
        return 0;
}

/* The present entries of table t (at base, each covering 1 << shift
 * bytes) that meet [start, end), from the top down; fn sees the PTEs. A
 * table that is absent is skipped whole, so a wide, sparse range costs a
 * few reads, not one per page. */
static int walk_level(u64 *t, int shift, u64 base, u64 start, u64 end, pte_fn fn, void *arg)
{
        u64 first = start > base ? (start - base) >> shift : 0;
        u64 last = min((end - 1 - base) >> shift, 511UL);

        for (u64 i = last + 1; i-- > first;) {
                if (!(t[i] & PTE_P))
                        continue;
                u64 va = base + (i << shift);
                int r = shift == 12 ? fn(&t[i], va, arg) :
                        walk_level(table(t[i]), shift - 9, va, start, end, fn, arg);
                if (r)
                        return r;
        }
        return 0;
}

/* Stops at the first non-zero fn result and returns it; 0 when none. */
int walk_user_range(u64 *pgd, u64 start, u64 end, pte_fn fn, void *arg)
{
        end = min(end, TASK_SIZE_MAX);          /* the user half only */
        if (start >= end)
                return 0;
        return walk_level(pgd, 39, 0, start, end, fn, arg);
}
