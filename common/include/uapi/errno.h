/* errno.h - Linux's errno values; syscalls return -errno. */
#ifndef UAPI_ERRNO_H
#define UAPI_ERRNO_H

#define EPERM           1
#define ENOENT          2
#define ESRCH           3
#define EINTR           4
#define EIO             5
#define E2BIG           7
#define ENOEXEC         8
#define EBADF           9
#define ECHILD          10
#define EAGAIN          11
#define ENOMEM          12
#define EFAULT          14
#define EBUSY           16
#define EEXIST          17
#define ENODEV          19
#define EINVAL          22
#define EMFILE          24
#define ENOTTY          25
#define ENAMETOOLONG    36
#define ENOSYS          38
#define EOPNOTSUPP      95

#endif
