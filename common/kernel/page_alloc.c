/* page_alloc.c - physical pages: a free list threaded through the free
 * pages themselves. Deterministic: pages come back in a fixed order. */
#include "mm.h"
#include "kernel.h"

struct free_page {
        struct free_page *next;
};

static struct free_page *free_list;
static unsigned long nr_free;
static unsigned long nr_total;         /* every page handed to the allocator */

void free_page(void *page)
{
        struct free_page *p = page;
        p->next = free_list;
        free_list = p;
        nr_free++;
}

void *alloc_page(void)
{
        struct free_page *p = free_list;
        if (!p)
                return NULL;
        free_list = p->next;
        nr_free--;
        clear_page(p);
        return p;
}

unsigned long nr_free_pages(void)
{
        return nr_free;
}

unsigned long nr_total_pages(void)
{
        return nr_total;
}

/* Hand [start, end) to the allocator, highest page first so that the
 * lowest pages are handed out first. */
void page_alloc_init(u64 start, u64 end)
{
        start = PAGE_ALIGN(start);
        end &= PAGE_MASK;
        for (u64 p = end; p > start; p -= PAGE_SIZE) {
                free_page(__va(p - PAGE_SIZE));
                nr_total++;
        }
}
