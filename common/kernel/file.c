/* file.c - open files: the console on fds 0-2 and /dev/null, the one path
 * a process can open (Linux's fs/open.c, fs/file.c and the null device of
 * drivers/char/mem.c). There is no file system: open and openat know
 * "/dev/null" by name and nothing else (-ENOENT).
 *
 * A process's fds 3 .. NR_OPEN - 1 are the bits of null_fds: set when the
 * fd is open on /dev/null, the lowest free one taken first, as Linux
 * does. Those opened with O_CLOEXEC are in cloexec_fds too and execve
 * closes them; fork copies both sets. The console's fds are always open:
 * the kit has no way to open the console again, so close(0-2) leaves them
 * as they are and says so with -EBUSY. */
#include "sched.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

#define NR_OPEN         64
#define AT_FDCWD        -100
#define O_CLOEXEC       02000000

bool fd_is_console(int fd)
{
        return fd >= 0 && fd <= 2;
}

bool fd_is_null(int fd)
{
        return fd > 2 && fd < NR_OPEN && (current->null_fds & (1UL << fd));
}

/* dfd is not looked at: the one path is absolute */
static long do_sys_open(int dfd, const char __user *filename, int flags)
{
        char path[64];
        long len = strncpy_from_user(path, filename, sizeof(path));

        /* a longer path is not /dev/null either */
        if (len == -ENAMETOOLONG || (len >= 0 && strcmp(path, "/dev/null")))
                return -ENOENT;
        if (len < 0)
                return len;
        for (int fd = 3; fd < NR_OPEN; fd++) {
                if (current->null_fds & (1UL << fd))
                        continue;
                current->null_fds |= 1UL << fd;
                if (flags & O_CLOEXEC)
                        current->cloexec_fds |= 1UL << fd;
                else
                        current->cloexec_fds &= ~(1UL << fd);
                return fd;
        }
        return -EMFILE;
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, unsigned int, mode)
{
        return do_sys_open(AT_FDCWD, filename, flags);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, unsigned int, mode)
{
        return do_sys_open(dfd, filename, flags);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
        if (fd_is_console(fd))
                return -EBUSY;
        if (!fd_is_null(fd))
                return -EBADF;
        current->null_fds &= ~(1UL << fd);
        current->cloexec_fds &= ~(1UL << fd);
        return 0;
}

/* execve: the fds opened with O_CLOEXEC go */
void do_close_on_exec(struct task_struct *t)
{
        t->null_fds &= ~t->cloexec_fds;
        t->cloexec_fds = 0;
}
