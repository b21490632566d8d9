/* uaccess.h - copying to and from user space.
 *
 * Every user pointer is checked against the current page tables before it
 * is touched, so a bad pointer costs the caller -EFAULT and never a kernel
 * fault. */
#ifndef UACCESS_H
#define UACCESS_H

#include "types.h"

int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);
/* copies a NUL-terminated string; returns its length, -EFAULT or -ENAMETOOLONG */
long strncpy_from_user(char *dst, const char *usrc, size_t max);
/* the kernel's address of n user bytes at uptr that lie in one page, for
 * an instruction that reads or writes them in place (FXSAVE); NULL when
 * they are not all mapped (writable, for write) or cross a page */
void *user_bytes_in_page(const void *uptr, size_t n, bool write);

#endif
