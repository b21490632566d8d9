/* echoargs - prints its argv, one per line: what execve delivered. */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
        printf("echoargs: argc=%d pid=%ld\n", argc, getpid());
        for (int i = 0; i < argc; i++)
                printf("echoargs: argv[%d]=%s\n", i, argv[i]);
        for (int i = 0; envp[i]; i++)
                printf("echoargs: envp[%d]=%s\n", i, envp[i]);
        return argc;
}
