/* exec.h - programs packed into the kernel image, and loading them. */
#ifndef EXEC_H
#define EXEC_H

#include "types.h"
#include "sched.h"

struct program {
        const char *path;       /* "/init", "/bin/<name>" */
        const u8 *start, *end;  /* the static ELF file */
};

/* build/user/programs.asm, generated from the user programs built */
extern const struct program initrd_programs[];
extern const u64 initrd_count;

#define MAX_ARG_STRINGS 32
#define MAX_ARG_BYTES   4096

/* argument strings gathered in kernel memory */
struct exec_args {
        int argc, envc;
        char *argv[MAX_ARG_STRINGS + 1];
        char *envp[MAX_ARG_STRINGS + 1];
        char buf[MAX_ARG_BYTES];
        size_t used;
};

int exec_args_add(struct exec_args *a, bool env, const char *s);
int kernel_execve(struct task_struct *t, const char *path, struct exec_args *args);

#endif
