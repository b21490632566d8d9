/* string.c - the string and memory routines, for the kernel and user space. */
#include <stddef.h>

void *memset(void *d, int c, size_t n)
{
        unsigned char *p = d;
        while (n--)
                *p++ = (unsigned char)c;
        return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
        unsigned char *dp = d;
        const unsigned char *sp = s;
        while (n--)
                *dp++ = *sp++;
        return d;
}

void *memmove(void *d, const void *s, size_t n)
{
        unsigned char *dp = d;
        const unsigned char *sp = s;
        if (dp < sp)
                return memcpy(d, s, n);
        while (n--)
                dp[n] = sp[n];
        return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
        const unsigned char *x = a, *y = b;
        for (; n; n--, x++, y++)
                if (*x != *y)
                        return *x - *y;
        return 0;
}

size_t strlen(const char *s)
{
        size_t n = 0;
        while (s[n])
                n++;
        return n;
}

size_t strnlen(const char *s, size_t max)
{
        size_t n = 0;
        while (n < max && s[n])
                n++;
        return n;
}

int strcmp(const char *a, const char *b)
{
        while (*a && *a == *b)
                a++, b++;
        return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
        for (; n; n--, a++, b++) {
                if (*a != *b)
                        return (unsigned char)*a - (unsigned char)*b;
                if (!*a)
                        break;
        }
        return 0;
}
