/* exectest - execve delivers argv and envp, and reports bad input as
 * errors without harming the caller. */
#include "ulib.h"

int main(void)
{
        char *argv[] = { "/bin/echoargs", "one", "two words", "three", NULL };
        char *envp[] = { "HOME=/", "KIT=entrylab", NULL };
        int status;

        printf("exectest: missing program = %ld\n", execve("/bin/nonexistent", argv, envp));
        printf("exectest: bad path pointer = %ld\n", execve(bad_pointer(8), argv, envp));
        printf("exectest: bad argv pointer = %ld\n", execve("/bin/echoargs", bad_pointer(0x10), envp));
        printf("exectest: kernel-half path = %ld\n",
               execve(bad_pointer(0xffffffff80100000UL), argv, envp));

        long pid = fork();
        if (pid == 0) {
                execve("/bin/echoargs", argv, envp);
                exit(127);
        }
        waitpid(pid, &status, 0);
        printf("exectest: child exit status %d\n", WEXITSTATUS(status));
        return 0;
}
