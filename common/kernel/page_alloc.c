/* page_alloc.c - physical pages: a free list threaded through the pages
 * freed so far, above a frontier of pages never handed out. Deterministic:
 * the page freed last comes back first, and once none is left, the lowest
 * page never handed out.
 *
 * The frontier is why init touches no page: a list threaded through all
 * 128 MiB at boot made the host fault in every page of the guest's
 * memory, which cost each boot about as much time in the host's kernel
 * as the whole boot of a small program takes now. */
#include "mm.h"
#include "kernel.h"

struct free_page {
        struct free_page *next;
};

static struct free_page *free_list;
static u64 frontier, frontier_end;     /* physical: never handed out */
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
        if (p) {
                free_list = p->next;
        } else if (frontier < frontier_end) {
                p = __va(frontier);
                frontier += PAGE_SIZE;
        } else {
                return NULL;
        }
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

/* Hand [start, end) to the allocator, the lowest page to be handed out
 * first. Called once, at boot. */
void page_alloc_init(u64 start, u64 end)
{
        frontier = PAGE_ALIGN(start);
        frontier_end = end & PAGE_MASK;
        if (frontier_end < frontier)
                frontier_end = frontier;
        nr_total = (frontier_end - frontier) / PAGE_SIZE;
        nr_free = nr_total;
}
