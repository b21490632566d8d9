/* read_write.c - read, write, their vector forms and ioctl on the open
 * files (file.c): the console on fds 0-2 and /dev/null. What a C
 * library's stdio asks of them, and Linux's null device: a read finds the
 * end of the file, a write takes every byte without reading one. The
 * console has no input, so a read of fds 0-2 is at its end as well. */
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

static long file_write(int fd, const char __user *buf, size_t count)
{
        if (fd_is_null(fd))
                return count;
        if (fd != 1 && fd != 2)
                return -EBADF;
        return console_write(buf, count);
}

static long file_read(int fd)
{
        return fd_is_null(fd) || fd_is_console(fd) ? 0 : -EBADF;
}

SYSCALL_DEFINE3(write, int, fd, const char __user *, buf, size_t, count)
{
        return file_write(fd, buf, count);
}

SYSCALL_DEFINE3(read, int, fd, char __user *, buf, size_t, count)
{
        return file_read(fd);
}

/* Linux checks the whole vector first (import_iovec): a count over
 * UIO_MAXIOV, a vector it cannot read, a total that overflows ssize_t */
static long check_iovec(const struct iovec __user *vec, unsigned long vlen)
{
        struct iovec iov;
        size_t total = 0;

        if (vlen > UIO_MAXIOV)
                return -EINVAL;
        for (unsigned long i = 0; i < vlen; i++) {
                if (copy_from_user(&iov, &vec[i], sizeof(iov)))
                        return -EFAULT;
                if ((long)iov.iov_len < 0 || (long)(total + iov.iov_len) < 0)
                        return -EINVAL;
                total += iov.iov_len;
        }
        return 0;
}

/* As write, one buffer after another; a short write ends the call. */
SYSCALL_DEFINE3(writev, int, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
        struct iovec iov;
        long done = 0;

        if (fd != 1 && fd != 2 && !fd_is_null(fd))
                return -EBADF;
        long err = check_iovec(vec, vlen);
        if (err)
                return err;
        for (unsigned long i = 0; i < vlen; i++) {
                if (copy_from_user(&iov, &vec[i], sizeof(iov)))
                        return done ? done : -EFAULT;
                long n = file_write(fd, iov.iov_base, iov.iov_len);
                if (n < 0)
                        return done ? done : n;
                done += n;
                if ((size_t)n < iov.iov_len)
                        break;
        }
        return done;
}

SYSCALL_DEFINE3(readv, int, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
        long err = file_read(fd);

        return err ? err : check_iovec(vec, vlen);
}

/* Neither the serial line nor /dev/null is a terminal the kit can
 * describe: the terminal queries get -ENOTTY, as Linux answers for a
 * file that is no tty; stdio then buffers fully (musl asks TIOCGWINSZ). */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
        if (!fd_is_console(fd) && !fd_is_null(fd))
                return -EBADF;
        return -ENOTTY;
}
