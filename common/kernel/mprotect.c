/* mprotect.c - changing mappings in place: mprotect, madvise and mremap,
 * with Linux's checks and errors, on the page tables mmap.c fills (the
 * page tables are the only record of what is mapped; see mmap.c). */
#include "mm.h"
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "x86.h"
#include "uapi/mman.h"

#define PROT_ACCESS     (PROT_READ | PROT_WRITE | PROT_EXEC)
#define PROT_SEM        0x8     /* taken and ignored, as on x86 Linux */
#define MADV_DONTNEED   4
#define MREMAP_MAYMOVE  1
#define MREMAP_FIXED    2

static int count_pte(u64 *pte, u64 va, void *arg)
{
        (*(u64 *)arg)++;
        return 0;
}

/* every page of [start, end) is mapped */
static bool range_mapped(u64 start, u64 end)
{
        u64 n = 0;

        walk_user_range(current->pgd, start, end, count_pte, &n);
        return n == (end - start) / PAGE_SIZE;
}

/* addr page-aligned, len rounded up, the range inside user space: the
 * checks mprotect and madvise share; the rounded end, or an error */
static long user_range(unsigned long addr, size_t len)
{
        if (addr & ~PAGE_MASK)
                return -EINVAL;
        len = PAGE_ALIGN(len);
        if (addr + len < addr || addr + len > TASK_SIZE_MAX)
                return -ENOMEM;
        if (!range_mapped(addr, addr + len))
                return -ENOMEM;
        return addr + len;
}

/* The protection's bits, as mmap.c's map_page sets them; PROT_NONE is a
 * present page without PTE_U */
static int set_prot(u64 *pte, u64 va, void *arg)
{
        unsigned long prot = *(unsigned long *)arg;

        *pte &= ~(PTE_U | PTE_W | PTE_NX);
        if (prot & PROT_ACCESS)
                *pte |= PTE_U | (prot & PROT_WRITE ? PTE_W : 0);
        *pte |= prot & PROT_EXEC ? 0 : PTE_NX;
        invlpg(va);
        return 0;
}

/* Linux's order (do_mprotect_pkey): the range first, so that a zero length
 * is 0 whatever prot says */
SYSCALL_DEFINE3(mprotect, unsigned long, addr, size_t, len, unsigned long, prot)
{
        long end = user_range(addr, len);
        if (end < 0 || end == (long)addr)
                return end < 0 ? end : 0;
        if (prot & ~(PROT_ACCESS | PROT_SEM))
                return -EINVAL;
        prot &= PROT_ACCESS;
        walk_user_range(current->pgd, addr, end, set_prot, &prot);
        return 0;
}

static int zero_pte(u64 *pte, u64 va, void *arg)
{
        if (!(*pte & PTE_SHARED))        /* shared memory keeps its content, as on Linux */
                clear_page(__va(*pte & PTE_ADDR));
        return 0;
}

/* the advice Linux knows (madvise_behavior_valid): MADV_NORMAL (0) to
 * MADV_COLLAPSE (25) but for 5-7, which are not assigned, and the two
 * memory-failure tests (100, 101) */
static bool advice_known(int advice)
{
        return (advice >= 0 && advice <= 25 && (advice < 5 || advice > 7)) ||
               advice == 100 || advice == 101;
}

/* Private anonymous memory after MADV_DONTNEED reads as zeros (shared
 * memory, its pages kept by the other processes, as it was); the other
 * advice changes nothing the kit can show and is accepted, advice Linux
 * does not know is -EINVAL before anything else */
SYSCALL_DEFINE3(madvise, unsigned long, addr, size_t, len, int, advice)
{
        if (!advice_known(advice))
                return -EINVAL;
        long end = user_range(addr, len);
        if (end < 0)
                return end;
        if (advice == MADV_DONTNEED)
                walk_user_range(current->pgd, addr, end, zero_pte, NULL);
        return 0;
}

/* move one page's entry from va to va + delta (the page itself stays) */
static int move_pte(u64 *pte, u64 va, void *arg)
{
        u64 to = va + *(long *)arg, old = *pte;
        void *page = __va(old & PTE_ADDR);
        u64 keep = old & (PTE_W | PTE_NX | PTE_SHARED);
        int err = old & PTE_U ? map_user_page(current->pgd, to, page, keep) :
                                map_prot_none_page(current->pgd, to, page, old);
        if (err)
                return err;
        *pte = 0;
        invlpg(va);
        return 0;
}

/* mremap: shrinking in place, or moving the whole mapping (same size) to
 * MREMAP_FIXED's address. Linux checks in this order (mm/mremap.c). */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
                unsigned long, flags, unsigned long, new_addr)
{
        if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
                return -EINVAL;
        if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
                return -EINVAL;
        if (addr & ~PAGE_MASK)
                return -EINVAL;
        old_len = PAGE_ALIGN(old_len);
        new_len = PAGE_ALIGN(new_len);
        if (!new_len)
                return -EINVAL;
        if (flags & MREMAP_FIXED) {
                if (new_addr & ~PAGE_MASK)
                        return -EINVAL;
                if (new_len > TASK_SIZE_MAX || new_addr > TASK_SIZE_MAX - new_len)
                        return -EINVAL;
                if (addr + old_len > new_addr && new_addr + new_len > addr)
                        return -EINVAL;         /* the ranges overlap */
        }
        if (!old_len || addr + old_len > TASK_SIZE_MAX || !range_mapped(addr, addr + old_len))
                return -EFAULT;
        if (!(flags & MREMAP_FIXED)) {
                if (new_len > old_len)
                        return -ENOMEM;         /* the kit grows no mapping */
                unmap_range(addr + new_len, addr + old_len);
                return addr;
        }
        if (new_len > old_len)
                return -ENOMEM;
        unmap_range(addr + new_len, addr + old_len);
        unmap_range(new_addr, new_addr + new_len);
        long delta = new_addr - addr;
        if (walk_user_range(current->pgd, addr, addr + new_len, move_pte, &delta))
                return -ENOMEM;
        return new_addr;
}
