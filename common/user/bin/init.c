/* init - the first process: runs programs in turn and reports each.
 *
 * With arguments (the kernel command line, e.g. `-append "regs forkwait"`)
 * it runs /bin/<arg> for each; without, the lab's demo. Each gets init's
 * environment: the command line's NAME=value words (SEED=42 for fuzz).
 * Exits 0 only if every program exited 0: the kernel turns init's exit
 * into QEMU's status. */
#include "ulib.h"

static const char *const demo[] = { "demo", "bench" };

static int run(const char *name, char **envp)
{
        char path[64];
        int status;

        snprintf(path, sizeof(path), "/bin/%s", name);
        long pid = fork();
        if (pid < 0) {
                printf("init: fork failed: %ld\n", pid);
                return 1;
        }
        if (pid == 0) {
                char *argv[] = { path, NULL };
                long err = execve(path, argv, envp);
                printf("init: cannot run %s: error %ld%s\n", path, err,
                       err == -ENOENT ? " (ENOENT: no such program in common/user/bin)" : "");
                exit(127);
        }
        if (waitpid(pid, &status, 0) != pid) {
                printf("init: lost child %ld\n", pid);
                return 1;
        }
        if (WIFSIGNALED(status)) {
                printf("init: %s killed by signal %d\n", name, WTERMSIG(status));
                return 1;
        }
        if (WEXITSTATUS(status))
                printf("init: %s exited with status %d\n", name, WEXITSTATUS(status));
        return WEXITSTATUS(status) != 0;
}

int main(int argc, char **argv, char **envp)
{
        int failed = 0;

        if (argc > 1) {
                for (int i = 1; i < argc; i++)
                        failed += run(argv[i], envp);
        } else {
                for (size_t i = 0; i < sizeof(demo) / sizeof(demo[0]); i++)
                        failed += run(demo[i], envp);
        }
        /* reap orphans handed to init, so none outlives the report */
        while (waitpid(-1, NULL, 0) > 0)
                ;
        printf("init: %d program(s) failed\n", failed);
        return failed != 0;
}
