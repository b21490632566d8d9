/* shmem.c - anonymous shared memory (mmap's MAP_SHARED | MAP_ANONYMOUS,
 * Linux's shmem_zero_setup): pages that fork shares instead of copying,
 * so a child's writes are its parent's too.
 *
 * A private page has one owner and is freed when its PTE goes. A shared
 * page's PTE carries PTE_SHARED (a bit the MMU leaves to software) and
 * the page has a count here of the PTEs that map it; it is freed when
 * the last one goes. Shared pages are few (a C library's or a test's
 * control block), so the table is small and searched in order; a
 * mapping it cannot hold fails with -ENOMEM. */
#include "mm.h"
#include "kernel.h"

#define NR_SHARED_PAGES 256

static struct shared_page {
        void *page;             /* kernel virtual; NULL: a free slot */
        unsigned int refs;
} shared_pages[NR_SHARED_PAGES];

static struct shared_page *find_shared(void *page)
{
        for (int i = 0; i < NR_SHARED_PAGES; i++)
                if (shared_pages[i].page == page)
                        return &shared_pages[i];
        return NULL;
}

/* a zeroed page with one reference, or NULL */
void *alloc_shared_page(void)
{
        struct shared_page *s = find_shared(NULL);
        void *page = s ? alloc_page() : NULL;

        if (page) {
                s->page = page;
                s->refs = 1;
        }
        return page;
}

/* fork: one more PTE maps it */
void get_shared_page(void *page)
{
        find_shared(page)->refs++;
}

/* A PTE that mapped a page goes: a private page is freed, a shared one
 * when no PTE maps it any more. */
void put_user_page(u64 pte)
{
        void *page = __va(pte & PTE_ADDR);
        struct shared_page *s;

        if (!(pte & PTE_SHARED)) {
                free_page(page);
                return;
        }
        s = find_shared(page);
        if (--s->refs == 0) {
                s->page = NULL;
                free_page(page);
        }
}
