/* env.c - the environment and numbers in it, for programs that read
 * settings (fuzz: SEED, COUNT). An object of its own in libc.a, so that
 * only the programs that use it link it. */
#include "ulib.h"

/* NAME's value in envp (main's third argument), or NULL */
const char *env_lookup(char **envp, const char *name)
{
        size_t n = strlen(name);

        for (; envp && *envp; envp++)
                if (!strncmp(*envp, name, n) && (*envp)[n] == '=')
                        return *envp + n + 1;
        return NULL;
}

/* Decimal, or hex after 0x, as strtoul(s, end, 0) reads them; *end (if
 * end) is where the digits stopped */
unsigned long strtoul(const char *s, char **end, int base)
{
        unsigned long v = 0;
        unsigned b = 10, d;

        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
                b = 16;
                s += 2;
        }
        for (;; s++) {
                if (*s >= '0' && *s <= '9')
                        d = *s - '0';
                else if (b == 16 && (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
                        d = (*s | 0x20) - 'a' + 10;
                else
                        break;
                v = v * b + d;
        }
        if (end)
                *end = (char *)s;
        return v;
}
