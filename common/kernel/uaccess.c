/* uaccess.c - user memory, reached through the current task's page tables.
 *
 * Each page is looked up before it is touched and copied through the
 * kernel's map of physical memory, so a bad pointer is an error code,
 * never a fault in the kernel. */
#include "uaccess.h"
#include "sched.h"
#include "mm.h"
#include "kernel.h"
#include "uapi/errno.h"

/* kernel address of user va, or NULL when not mapped (or not writable) */
static void *user_page_ptr(u64 va, bool write)
{
        u64 *pte = user_pte(current->pgd, va);
        if (!pte || (write && !(*pte & PTE_W)))
                return NULL;
        return (char *)__va(*pte & PTE_ADDR) + (va & ~PAGE_MASK);
}

static int copy_user(void *kbuf, u64 uaddr, size_t n, bool to_user)
{
        char *k = kbuf;

        if (uaddr + n < uaddr || uaddr + n > TASK_SIZE_MAX)
                return -EFAULT;
        while (n) {
                size_t chunk = min(n, PAGE_SIZE - (uaddr & ~PAGE_MASK));
                char *u = user_page_ptr(uaddr, to_user);
                if (!u)
                        return -EFAULT;
                if (to_user)
                        memcpy(u, k, chunk);
                else
                        memcpy(k, u, chunk);
                k += chunk;
                uaddr += chunk;
                n -= chunk;
        }
        return 0;
}

/* (its own lookup, not user_page_ptr's: a second caller would take that
 * out of copy_user's loop, and cost every copy a call per page) */
void *user_bytes_in_page(const void *uptr, size_t n, bool write)
{
        u64 va = (u64)uptr, *pte;

        if (n == 0 || n > PAGE_SIZE - (va & ~PAGE_MASK) || va + n > TASK_SIZE_MAX)
                return NULL;
        pte = user_pte(current->pgd, va);
        if (!pte || (write && !(*pte & PTE_W)))
                return NULL;
        return (char *)__va(*pte & PTE_ADDR) + (va & ~PAGE_MASK);
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
        return copy_user(dst, (u64)usrc, n, false);
}

int copy_to_user(void *udst, const void *src, size_t n)
{
        return copy_user((void *)src, (u64)udst, n, true);
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
        for (size_t i = 0; i < max; i++) {
                if (copy_from_user(&dst[i], usrc + i, 1))
                        return -EFAULT;
                if (!dst[i])
                        return i;
        }
        return -ENAMETOOLONG;
}
