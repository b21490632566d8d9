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

#endif
