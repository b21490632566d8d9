/* ulib.c - printf to stdout, and exit. Formatting is common/lib/format.c,
 * the same code printk uses. */
#include "ulib.h"

int vformat(void (*put)(char c, void *arg), void *arg, const char *fmt, va_list ap);

/* Buffer a line at a time: one write per line keeps the output of
 * processes that run in turn from interleaving mid-line. */
struct line {
        char buf[256];
        size_t n;
};

static void flush(struct line *l)
{
        if (l->n)
                write(1, l->buf, l->n);
        l->n = 0;
}

static void put_line(char c, void *arg)
{
        struct line *l = arg;
        l->buf[l->n++] = c;
        if (c == '\n' || l->n == sizeof(l->buf))
                flush(l);
}

int vprintf(const char *fmt, va_list ap)
{
        struct line l = { .n = 0 };
        int n = vformat(put_line, &l, fmt, ap);
        flush(&l);
        return n;
}

int printf(const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int n = vprintf(fmt, ap);
        va_end(ap);
        return n;
}

int puts(const char *s)
{
        return printf("%s\n", s);
}

void exit(int code)
{
        syscall1(__NR_exit_group, code);
        __builtin_unreachable();
}

/* The return address of every handler: rt_sigreturn reads the frame the
 * kernel left just above the stack pointer (the handler's RET popped
 * pretcode). */
__asm__(".text\n"
        ".globl __restore_rt\n"
        "__restore_rt:\n"
        "        movl $15, %eax\n"              /* __NR_rt_sigreturn */
        "        syscall\n"
        "        ud2\n");

long sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
        struct sigaction k;

        if (!act)
                return rt_sigaction(sig, NULL, oact);
        k = *act;
        k.sa_flags |= SA_RESTORER;
        k.sa_restorer = __restore_rt;
        return rt_sigaction(sig, &k, oact);
}

long sethandler(int sig, void (*handler)(int, siginfo_t *, void *), unsigned long flags)
{
        struct sigaction sa = {
                .sa_handler = (__sighandler_t)(void (*)(void))handler,
                .sa_flags = SA_SIGINFO | flags,
        };
        return sigaction(sig, &sa, NULL);
}
