/* mmap.c - mmap and munmap: anonymous memory, private or shared, with Linux's
 * checks, errors and (unrandomized) top-down layout.
 *
 * There is no VMA list: the page tables are the only record of what is
 * mapped, and an address is in use when its PTE is present. PROT_NONE
 * keeps its range that way too: a page the user cannot reach (no PTE_U,
 * vm.c's map_prot_none_page), which costs a page where Linux spends
 * none. Pages are allocated and zeroed at mmap time, not at the first
 * fault, so a mapping the kit cannot back fails at once with -ENOMEM.
 * What lives in the user page tables needs nothing more: fork copies it
 * (copy_user_space), exit and execve free it (pgd_free_user), and the
 * cost of fork and exit, figures of the kit's bench, stays as it was.
 *
 * The kit has no file to map: fds 0-2 are the console (a tty, which has
 * no mmap), the others /dev/null (no mmap either: file.c). Anonymous
 * MAP_SHARED memory is shared by fork (shmem.c). The other flags are accepted and
 * ignored: those that ask for nothing the kit can show (MAP_POPULATE,
 * MAP_LOCKED, MAP_NORESERVE, MAP_STACK), those it does not serve
 * (MAP_GROWSDOWN, MAP_HUGETLB, MAP_32BIT: a plain mapping of small pages,
 * placed as any other) and unknown ones (Linux ignores those too). */
#include "mm.h"
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "x86.h"
#include "uapi/mman.h"

/* Linux's vm.mmap_min_addr default: nothing is mapped below it, so a NULL
 * dereference always faults (exec.c keeps programs above it too) */
#define MMAP_MIN_ADDR   0x10000UL
/* Linux's top-down layout without randomization: mappings go below
 * mmap_base, TASK_SIZE less the 128 MiB kept for the stack (MIN_GAP) */
#define MMAP_BASE       (TASK_SIZE_MAX - (128UL << 20))

#define PROT_ACCESS     (PROT_READ | PROT_WRITE | PROT_EXEC)

static int unmap_pte(u64 *pte, u64 va, void *arg)
{
        u64 old = *pte;

        *pte = 0;
        invlpg(va);                     /* before the page can be reused */
        put_user_page(old);
        return 0;
}

/* Every page in [start, end) goes; holes are fine. The page tables stay
 * until exit (Linux frees empty ones in free_pgtables). */
void unmap_range(u64 start, u64 end)
{
        walk_user_range(current->pgd, start, end, unmap_pte, NULL);
}

static int pte_in_use(u64 *pte, u64 va, void *arg)
{
        return 1;
}

bool range_in_use(u64 start, u64 end)
{
        return walk_user_range(current->pgd, start, end, pte_in_use, NULL);
}

/* The top-down search: the pages in use, highest first, and the gap
 * above each one; the first gap that holds len wins, at its top. */
struct gap {
        u64 len;
        u64 top;                /* the lowest page in use seen so far */
};

static int gap_above(u64 *pte, u64 va, void *arg)
{
        struct gap *g = arg;

        if (g->top - (va + PAGE_SIZE) >= g->len)
                return 1;
        g->top = va;
        return 0;
}

static long find_free_area(u64 len)
{
        struct gap g = { .len = len, .top = MMAP_BASE };

        walk_user_range(current->pgd, MMAP_MIN_ADDR, MMAP_BASE, gap_above, &g);
        if (g.top - MMAP_MIN_ADDR < len)
                return -ENOMEM;
        return g.top - len;
}

/* Linux's get_unmapped_area: MAP_FIXED takes addr as it is, a hint is
 * taken when it is free, else the search; then the result's checks. */
static long get_unmapped_area(u64 addr, u64 len, unsigned long flags)
{
        if (len > TASK_SIZE_MAX)
                return -ENOMEM;
        if (!(flags & MAP_FIXED) &&
            (!addr || addr > TASK_SIZE_MAX - len || range_in_use(addr, addr + len))) {
                long found = find_free_area(len);
                if (found < 0)
                        return found;
                addr = found;
        }
        if (addr > TASK_SIZE_MAX - len)
                return -ENOMEM;         /* the last page below 2^47 included */
        if (addr & ~PAGE_MASK)
                return -EINVAL;
        if (addr < MMAP_MIN_ADDR)
                return -EPERM;          /* as for a process without CAP_SYS_RAWIO */
        return addr;
}

/* The mapping types do_mmap accepts, in its order of checks. */
static int check_type(bool file, unsigned long flags)
{
        switch (flags & MAP_TYPE) {
        case MAP_SHARED:
                return file ? -ENODEV : 0;      /* anonymous: shmem.c */
        case MAP_SHARED_VALIDATE:
                return file ? -ENODEV : -EINVAL;        /* Linux too, without a file */
        case MAP_PRIVATE:
                return file ? -ENODEV : 0;      /* neither file has an mmap */
        default:
                return -EINVAL;
        }
}

/* One page of the mapping: a zeroed page with the protection's bits, or,
 * for PROT_NONE, one the user cannot reach. x86 cannot refuse reads of a
 * present user page, so PROT_WRITE and PROT_EXEC imply PROT_READ, as on
 * Linux; without PROT_EXEC the page is NX (the kit runs with EFER.NXE). */
static int map_page(u64 *pgd, u64 va, unsigned long prot, u64 shared)
{
        void *page = shared ? alloc_shared_page() : alloc_page();
        if (!page)
                return -ENOMEM;
        u64 flags = (prot & PROT_WRITE ? PTE_W : 0) | (prot & PROT_EXEC ? 0 : PTE_NX) | shared;
        int err = prot & PROT_ACCESS ? map_user_page(pgd, va, page, flags) :
                                       map_prot_none_page(pgd, va, page, flags);
        if (err) {
                put_user_page(__pa(page) | shared);
                return -ENOMEM;
        }
        return 0;
}

/* All or nothing: a failure part way gives back every page mapped so far. */
int populate_range(u64 start, u64 end, unsigned long prot, u64 shared)
{
        for (u64 va = start; va < end; va += PAGE_SIZE) {
                if (map_page(current->pgd, va, prot, shared)) {
                        unmap_range(start, va);
                        return -ENOMEM;
                }
        }
        return 0;
}

/* Linux's default overcommit heuristic (OVERCOMMIT_GUESS, __vm_enough_memory):
 * a mapping of more pages than the machine has, swap included (the kit has
 * none), fails at once. Linux applies it to private writable and shared
 * mappings, which it backs lazily; the kit backs every page at mmap time,
 * so every mapping is accountable here. A mapping within the machine's
 * size but beyond what is free still fails, part way (populate_range). */
static bool enough_memory(u64 len)
{
        return len / PAGE_SIZE <= nr_total_pages();
}

/* sys_mmap takes the offset in bytes and checks it before anything else,
 * MAP_ANONYMOUS or not (arch/x86/kernel/sys_x86_64.c); the rest follows
 * ksys_mmap_pgoff and do_mmap, in their order. */
SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
                unsigned long, flags, int, fd, unsigned long, off)
{
        bool file = !(flags & MAP_ANONYMOUS);

        if (off & ~PAGE_MASK)
                return -EINVAL;
        if (file && !fd_is_console(fd) && !fd_is_null(fd))
                return -EBADF;
        if (!len)
                return -EINVAL;
        if (flags & MAP_FIXED_NOREPLACE)
                flags |= MAP_FIXED;
        if (!(flags & MAP_FIXED)) {
                addr &= PAGE_MASK;      /* a hint: rounded down, and up to the minimum */
                if (addr && addr < MMAP_MIN_ADDR)
                        addr = MMAP_MIN_ADDR;
        }
        len = PAGE_ALIGN(len);
        if (!len)
                return -ENOMEM;         /* it wrapped */
        long start = get_unmapped_area(addr, len, flags);
        if (start < 0)
                return start;
        if ((flags & MAP_FIXED_NOREPLACE) && range_in_use(start, start + len))
                return -EEXIST;
        int err = check_type(file, flags);
        if (err)
                return err;
        if (!enough_memory(len))
                return -ENOMEM;         /* before MAP_FIXED's unmap: the old mapping stays */
        unmap_range(start, start + len);        /* MAP_FIXED replaces what was there */
        err = populate_range(start, start + len, prot,
                             (flags & MAP_TYPE) == MAP_SHARED ? PTE_SHARED : 0);
        return err ? err : start;
}

/* Linux's checks (do_vmi_munmap): a page-aligned start inside user space,
 * a length that neither wraps nor leaves it, and is not 0 once rounded. */
SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
        if ((addr & ~PAGE_MASK) || addr > TASK_SIZE_MAX || len > TASK_SIZE_MAX - addr)
                return -EINVAL;
        len = PAGE_ALIGN(len);
        if (!len)
                return -EINVAL;
        unmap_range(addr, addr + len);
        return 0;
}
