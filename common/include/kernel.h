/* kernel.h - the kernel's everyday helpers. */
#ifndef KERNEL_H
#define KERNEL_H

#include "types.h"
#include <stdarg.h>

/* common/lib/format.c, shared with user space */
int vformat(void (*put)(char c, void *arg), void *arg, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...);
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

void serial_init(void);
void serial_putc(char c);
void serial_flush(void);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* dumpstack.c: the task, its syscall and its raw kernel stack, once */
void show_stack(const unsigned long *sp);

/* isa-debug-exit: QEMU exits with status (code << 1) | 1 */
#define EXIT_SUCCESS_CODE       0       /* init exited 0: QEMU status 1 */
#define EXIT_FAILURE_CODE       1       /* init exited non-zero: status 3 */
#define EXIT_PANIC_CODE         2       /* kernel panic: status 5 */
#define EXIT_DEADLOCK_CODE      3       /* user processes deadlocked: status 7 */
__noreturn void machine_power_off(int code);

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#endif
