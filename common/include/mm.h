/* mm.h - physical pages and page tables.
 *
 * The first GiB of physical memory is mapped at KERNEL_VMA in every address
 * space (the boot mapping, PML4 slot 511), so physical p is reachable at
 * KERNEL_VMA + p. User space is the lower half, private to each process. */
#ifndef MM_H
#define MM_H

#include "types.h"

#define KERNEL_VMA      0xFFFFFFFF80000000UL
#define PAGE_SIZE       4096UL
#define PAGE_MASK       (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)   (((x) + PAGE_SIZE - 1) & PAGE_MASK)

#define __va(p)         ((void *)((u64)(p) + KERNEL_VMA))
#define __pa(v)         ((u64)(v) - KERNEL_VMA)

/* 4-level paging: 48-bit virtual addresses, canonical when bits 63..47 are
 * all equal. User space is [0, TASK_SIZE_MAX), the lower half less its top
 * page: a SYSCALL in the last bytes below 2^47 would return to 2^47, a
 * non-canonical address that SYSRET must never be given (lab 06). */
#define __VIRTUAL_MASK_SHIFT 47
#define TASK_SIZE_MAX   ((1UL << __VIRTUAL_MASK_SHIFT) - PAGE_SIZE)
#define USER_STACK_TOP  0x7fffffffe000UL
#define USER_STACK_PAGES 16

#define PTE_P           (1UL << 0)
#define PTE_W           (1UL << 1)
#define PTE_U           (1UL << 2)
#define PTE_PS          (1UL << 7)
#define PTE_SHARED      (1UL << 9)      /* software: a MAP_SHARED page (shmem.c) */
#define PTE_NX          (1UL << 63)
#define PTE_ADDR        0x000ffffffffff000UL

static inline void clear_page(void *page)
{
        unsigned long n = PAGE_SIZE / 8;
        __asm__ volatile("rep stosq" : "+D"(page), "+c"(n) : "a"(0UL) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
        unsigned long n = PAGE_SIZE / 8;
        __asm__ volatile("rep movsq" : "+D"(to), "+S"(from), "+c"(n) :: "memory");
}

void page_alloc_init(u64 start_phys, u64 end_phys);
void *alloc_page(void);                 /* zeroed; kernel virtual; NULL if none */
void free_page(void *page);
/* shmem.c: pages that fork shares (PTE_SHARED) and their counts */
void *alloc_shared_page(void);
void get_shared_page(void *page);
void put_user_page(u64 pte);            /* a private page is freed, a shared one counted */
unsigned long nr_free_pages(void);
unsigned long nr_total_pages(void);

u64 *pgd_alloc(void);                   /* new PML4 sharing the kernel half */
void pgd_free_user(u64 *pgd);           /* free the user half's pages and tables */
void pgd_free(u64 *pgd);
int map_user_page(u64 *pgd, u64 va, void *page, u64 flags);
int copy_user_space(u64 *dst, u64 *src);
u64 *user_pte(u64 *pgd, u64 va);        /* present user PTE for va, or NULL */
int map_prot_none_page(u64 *pgd, u64 va, void *page, u64 flags); /* present, not PTE_U */
void unmap_range(u64 start, u64 end);   /* mmap.c: current's pages in [start, end) go */
bool range_in_use(u64 start, u64 end);  /* mmap.c: some page of current's is there */
/* mmap.c: zeroed pages of protection prot (PROT_*) in [start, end), all or
 * none; shared: PTE_SHARED for MAP_SHARED pages, else 0 */
int populate_range(u64 start, u64 end, unsigned long prot, u64 shared);
/* fn(pte, va, arg) on each present PTE in [start, end), highest first */
typedef int (*pte_fn)(u64 *pte, u64 va, void *arg);
int walk_user_range(u64 *pgd, u64 start, u64 end, pte_fn fn, void *arg);

#endif
