/* format.c - printf-style formatting, shared by printk and the user libc.
 *
 * Supports %d %i %u %x %X %o %c %s %p %% with flags '-', '0', '#', a field
 * width (or *) and the length modifiers l, ll, z. Output goes through a
 * callback so the same code writes to the serial port, a buffer or write(2). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*put_fn)(char c, void *arg);

struct out {
        put_fn put;
        void *arg;
        int count;
};

static void emit(struct out *o, char c)
{
        o->put(c, o->arg);
        o->count++;
}

static void pad(struct out *o, char c, int n)
{
        while (n-- > 0)
                emit(o, c);
}

static void emit_number(struct out *o, uint64_t v, int negative, unsigned base,
                        int upper, int width, int left, char padc, const char *prefix)
{
        const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        char buf[24];
        int n = 0, plen = 0;

        do {
                buf[n++] = digits[v % base];
                v /= base;
        } while (v);
        if (negative)
                prefix = "-";
        while (prefix && prefix[plen])
                plen++;

        int fill = width - n - plen;
        if (!left && padc == ' ')
                pad(o, ' ', fill);
        for (int i = 0; i < plen; i++)
                emit(o, prefix[i]);
        if (!left && padc == '0')
                pad(o, '0', fill);
        while (n)
                emit(o, buf[--n]);
        if (left)
                pad(o, ' ', fill);
}

int vformat(put_fn put, void *arg, const char *fmt, va_list ap)
{
        struct out o = { put, arg, 0 };

        for (; *fmt; fmt++) {
                if (*fmt != '%') {
                        emit(&o, *fmt);
                        continue;
                }
                int left = 0, alt = 0, width = 0, lng = 0;
                char padc = ' ';
                for (;; fmt++) {
                        if (fmt[1] == '-')
                                left = 1;
                        else if (fmt[1] == '0')
                                padc = '0';
                        else if (fmt[1] == '#')
                                alt = 1;
                        else
                                break;
                }
                fmt++;
                if (*fmt == '*') {
                        width = va_arg(ap, int);
                        fmt++;
                }
                while (*fmt >= '0' && *fmt <= '9')
                        width = width * 10 + (*fmt++ - '0');
                while (*fmt == 'l' || *fmt == 'z') {
                        lng = 1;
                        fmt++;
                }

                uint64_t u;
                int64_t s;
                switch (*fmt) {
                case 'd':
                case 'i':
                        s = lng ? va_arg(ap, long) : va_arg(ap, int);
                        u = s < 0 ? -(uint64_t)s : (uint64_t)s;
                        emit_number(&o, u, s < 0, 10, 0, width, left, padc, NULL);
                        break;
                case 'u':
                case 'x':
                case 'X':
                case 'o':
                        u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
                        if (*fmt == 'u')
                                emit_number(&o, u, 0, 10, 0, width, left, padc, NULL);
                        else if (*fmt == 'o')
                                emit_number(&o, u, 0, 8, 0, width, left, padc, alt ? "0" : NULL);
                        else
                                emit_number(&o, u, 0, 16, *fmt == 'X', width, left, padc,
                                            alt ? "0x" : NULL);
                        break;
                case 'p':
                        u = (uintptr_t)va_arg(ap, void *);
                        emit_number(&o, u, 0, 16, 0, width, left, padc, "0x");
                        break;
                case 'c':
                        pad(&o, ' ', left ? 0 : width - 1);
                        emit(&o, (char)va_arg(ap, int));
                        pad(&o, ' ', left ? width - 1 : 0);
                        break;
                case 's': {
                        const char *str = va_arg(ap, const char *);
                        int len = 0;
                        if (!str)
                                str = "(null)";
                        while (str[len])
                                len++;
                        pad(&o, ' ', left ? 0 : width - len);
                        for (int i = 0; i < len; i++)
                                emit(&o, str[i]);
                        pad(&o, ' ', left ? width - len : 0);
                        break;
                }
                case '%':
                        emit(&o, '%');
                        break;
                case '\0':
                        return o.count;
                default:        /* unknown conversion: show it as written */
                        emit(&o, '%');
                        emit(&o, *fmt);
                }
        }
        return o.count;
}

struct buf {
        char *p;
        size_t left;
};

static void put_buf(char c, void *arg)
{
        struct buf *b = arg;
        if (b->left > 1) {
                *b->p++ = c;
                b->left--;
        }
}

int snprintf(char *dst, size_t size, const char *fmt, ...)
{
        struct buf b = { dst, size };
        va_list ap;
        va_start(ap, fmt);
        int n = vformat(put_buf, &b, fmt, ap);
        va_end(ap);
        if (size)
                *b.p = '\0';
        return n;
}
