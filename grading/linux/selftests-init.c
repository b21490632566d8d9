/* selftests-init.c - /init of make selftests' Linux initramfs: runs each
 * selftest named after "--" on the kernel command line (/x86/<name>), one
 * after another, each between two marker lines the harness splits the
 * serial log on:
 *      selftest: begin <name>
 *      selftest: end <name> exit <status> | signal <n>
 * then leaves QEMU through isa-debug-exit (status 1: all ran). Built static
 * with musl, as the selftests are. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/io.h>
#include <sys/reboot.h>
#include <sys/wait.h>

static void run(const char *name)
{
        char path[128];
        int status;

        snprintf(path, sizeof(path), "/x86/%s", name);
        printf("selftest: begin %s\n", name);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
                char *argv[] = { path, NULL };
                char *envp[] = { "PATH=/", NULL };
                execve(path, argv, envp);
                printf("selftests-init: cannot run %s\n", path);
                _exit(127);
        }
        if (pid < 0 || waitpid(pid, &status, 0) != pid) {
                printf("selftest: end %s lost\n", name);
                return;
        }
        if (WIFSIGNALED(status))
                printf("selftest: end %s signal %d\n", name, WTERMSIG(status));
        else
                printf("selftest: end %s exit %d\n", name, WEXITSTATUS(status));
        fflush(stdout);
}

int main(int argc, char **argv)
{
        for (int i = 1; i < argc; i++)
                run(argv[i]);
        if (iopl(3) == 0)
                outb(0, 0xf4);
        reboot(RB_POWER_OFF);
        return 0;
}
