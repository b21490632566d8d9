/* read_write.c - writev and ioctl on the console, the kit's only open
 * files (fds 0-2): what a C library's stdio asks of them. */
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"

struct iovec {
        void __user *iov_base;
        size_t iov_len;
};

#define UIO_MAXIOV      1024
#define TCGETS          0x5401
#define TIOCGWINSZ      0x5413

/* As write, one buffer after another; a short write ends the call. Linux
 * refuses a count over UIO_MAXIOV, or a total that overflows ssize_t. */
SYSCALL_DEFINE3(writev, int, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
        struct iovec iov;
        long done = 0;

        if (fd != 1 && fd != 2)
                return -EBADF;
        if (vlen > UIO_MAXIOV)
                return -EINVAL;
        for (unsigned long i = 0; i < vlen; i++) {
                if (copy_from_user(&iov, &vec[i], sizeof(iov)))
                        return done ? done : -EFAULT;
                if ((long)iov.iov_len < 0 || (long)(done + iov.iov_len) < 0)
                        return -EINVAL;
                long n = console_write(iov.iov_base, iov.iov_len);
                if (n < 0)
                        return done ? done : n;
                done += n;
                if ((size_t)n < iov.iov_len)
                        break;
        }
        return done;
}

/* The serial line is not a terminal the kit can describe: the terminal
 * queries get -ENOTTY, as Linux answers for a file that is no tty; stdio
 * then buffers fully (musl asks TIOCGWINSZ). Other fds are not open. */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
        if (fd > 2)
                return -EBADF;
        return -ENOTTY;
}
