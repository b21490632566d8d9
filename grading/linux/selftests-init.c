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

/* The selftest writes into a pipe that init copies to the console: its
 * stdout is no terminal, fully buffered, as under kselftest's runner and
 * on the kit (whose console answers -ENOTTY), so both sides print alike
 * (a fork duplicates what is buffered on both). */
static void run(const char *name)
{
        char path[128], buf[512];
        int status, fds[2];
        ssize_t n;

        snprintf(path, sizeof(path), "/x86/%s", name);
        printf("selftest: begin %s\n", name);
        fflush(stdout);
        if (pipe(fds)) {
                printf("selftest: end %s lost\n", name);
                return;
        }
        pid_t pid = fork();
        if (pid == 0) {
                char *argv[] = { path, NULL };
                char *envp[] = { "PATH=/", NULL };
                dup2(fds[1], 1);
                dup2(fds[1], 2);
                close(fds[0]);
                close(fds[1]);
                execve(path, argv, envp);
                printf("selftests-init: cannot run %s\n", path);
                _exit(127);
        }
        close(fds[1]);
        char last = '\n';
        while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
                fwrite(buf, 1, n, stdout);
                last = buf[n - 1];
        }
        close(fds[0]);
        if (last != '\n')           /* the end marker starts a line of its own */
                putchar('\n');
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
