/* devnull - the files and the tracing Linux's syscall_numbering selftest
 * relies on, as Linux serves them: /dev/null opened on the lowest free fd
 * (open and openat), reads at its end, writes taking every byte unread
 * (read, readv, write, writev with counts of 0 too), no terminal, closed
 * by close and, with O_CLOEXEC, by execve, kept across fork; other paths
 * -ENOENT. A tracer that leaves an out-of-range number gets -ENOSYS as
 * the result whatever ax it wrote, -1 skips with its ax; PTRACE_DETACH
 * lets the tracee run on with no more stops. One line per check, "ok" or
 * "FAIL"; exit 0 only if every line is ok. */
#include "ulib.h"
#include "trace.h"

#define O_RDWR          2
#define O_CLOEXEC       02000000
#define AT_FDCWD        -100
#define TCGETS          0x5401
#define KERNEL_ADDR     0xffffffff80100000UL

static int failures;

#define say(ok, fmt, ...) do { int ok_ = (ok); failures += !ok_; \
        printf("devnull: " fmt " %s\n", __VA_ARGS__, ok_ ? "ok" : "FAIL"); } while (0)

struct iovec {
        void *base;
        size_t len;
};

static long open(const char *path, int flags)
{
        return syscall3(__NR_open, path, flags, 0);
}

static void check_open_close(void)
{
        long a = open("/dev/null", O_RDWR);
        long b = syscall4(__NR_openat, AT_FDCWD, "/dev/null", O_RDWR, 0);
        long c = syscall1(__NR_close, a);
        long again = open("/dev/null", O_RDWR);         /* the lowest free fd: a's */
        say(a == 3 && b == 4 && c == 0 && again == 3,
            "open -> %ld, openat -> %ld, close(%ld) -> %ld, open again -> %ld", a, b, a, c, again);
        long miss = open("/dev/zero", O_RDWR), bad = open(bad_pointer(KERNEL_ADDR), O_RDWR);
        long twice = syscall1(__NR_close, 9), con = syscall1(__NR_close, 1);
        say(miss == -ENOENT && bad == -EFAULT && twice == -EBADF && con == -EBUSY,
            "/dev/zero -> %ld, path at a kernel address -> %ld, close(9) -> %ld, close(1) -> %ld",
            miss, bad, twice, con);
        syscall1(__NR_close, b);
        syscall1(__NR_close, again);
}

static void check_io(void)
{
        char buf[8] = "xxxxxxx";
        struct iovec v[2] = { { buf, 3 }, { buf + 3, 4 } };
        long fd = open("/dev/null", O_RDWR);

        long r = syscall3(__NR_read, fd, buf, sizeof(buf));
        long rv = syscall3(__NR_readv, fd, v, 2);
        long w = syscall3(__NR_write, fd, bad_pointer(KERNEL_ADDR), 100);
        long wv = syscall3(__NR_writev, fd, v, 2);
        say(r == 0 && rv == 0 && buf[0] == 'x' && w == 100 && wv == 7,
            "read -> %ld, readv -> %ld (buffer untouched), write of 100 unread bytes -> %ld, writev -> %ld",
            r, rv, w, wv);
        long z = syscall3(__NR_read, fd, NULL, 0) | syscall3(__NR_write, fd, NULL, 0) |
                 syscall3(__NR_readv, fd, NULL, 0) | syscall3(__NR_writev, fd, NULL, 0);
        long tty = syscall3(__NR_ioctl, fd, TCGETS, buf);
        long badv = syscall3(__NR_writev, fd, bad_pointer(KERNEL_ADDR), 1);
        long shut = syscall3(__NR_read, 9, buf, 1);
        say(z == 0 && tty == -ENOTTY && badv == -EFAULT && shut == -EBADF,
            "counts of 0 -> %ld, TCGETS -> %ld, writev of an unreadable vector -> %ld, read(9) -> %ld",
            z, tty, badv, shut);
        syscall1(__NR_close, fd);
}

/* fork keeps the fds; execve closes the O_CLOEXEC one only */
static void check_inherit(char *self)
{
        long keep = open("/dev/null", O_RDWR), gone = open("/dev/null", O_RDWR | O_CLOEXEC);
        int status;
        long pid = fork();

        if (pid == 0) {
                if (syscall3(__NR_write, keep, "x", 1) != 1 || syscall3(__NR_write, gone, "x", 1) != 1)
                        exit(1);
                char *argv[] = { self, "exec", NULL }, *envp[] = { NULL };
                execve(self, argv, envp);
                exit(2);
        }
        waitpid(pid, &status, 0);
        say(keep == 3 && gone == 4 && status == 0,
            "fork child writes fds %ld and %ld, then execve: status=%#x", keep, gone, status);
        syscall1(__NR_close, keep);
        syscall1(__NR_close, gone);
}

/* the image execve started: fd 3 is still open, fd 4 (O_CLOEXEC) is not */
static int after_exec(void)
{
        long w3 = syscall3(__NR_write, 3, "x", 1), w4 = syscall3(__NR_write, 4, "x", 1);
        int ok = w3 == 1 && w4 == -EBADF;

        printf("devnull: after execve, write(3) -> %ld, write(4, O_CLOEXEC) -> %ld %s\n", w3, w4,
               ok ? "ok" : "FAIL");
        return !ok;
}

/* The tracee makes three syscalls: an out-of-range number, which its
 * tracer answers with ax = -9999, and -1, the same; then getppid, at
 * whose entry stop the tracer detaches: no exit stop follows. */
static void check_tracer(void)
{
        int status, entries = 0, entering = 0;
        long pid = fork();

        if (pid == 0) {
                ptrace(PTRACE_TRACEME, 0, NULL, NULL);
                kill(getpid(), SIGSTOP);
                long big = syscall0(1000), skip = syscall0(-1);
                long pp = getppid();
                exit(big == -ENOSYS && skip == -9999 && pp == getppid() ? 0 : 1);
        }
        waitpid(pid, &status, 0);
        while (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) == 0 && waitpid(pid, &status, 0) == pid &&
               WIFSTOPPED(status)) {
                struct user_regs_struct u;
                ptrace(PTRACE_GETREGS, pid, NULL, &u);
                entering = !entering;           /* stops alternate: entry, exit */
                if (!entering)
                        continue;
                if (u.orig_ax == __NR_getppid) {
                        entries++;
                        break;
                }
                if ((u.orig_ax == 1000 || u.orig_ax == -1UL) && (long)u.ax == -ENOSYS) {
                        entries++;              /* an entry stop: rewrite the result */
                        u.ax = -9999;
                        ptrace(PTRACE_SETREGS, pid, NULL, &u);
                }
        }
        long d = ptrace(PTRACE_DETACH, pid, NULL, NULL);
        long again = ptrace(PTRACE_CONT, pid, NULL, NULL);
        waitpid(pid, &status, 0);
        say(entries == 3 && d == 0 && again == -ESRCH && WIFEXITED(status) && WEXITSTATUS(status) == 0,
            "a tracer's ax for number 1000 -> -ENOSYS, for -1 kept; PTRACE_DETACH -> %ld, then CONT "
            "-> %ld; the child ran on to exit: status=%#x", d, again, status);
}

int main(int argc, char **argv)
{
        if (argc > 1 && !strcmp(argv[1], "exec"))
                return after_exec();
        check_open_close();
        check_io();
        check_inherit(argv[0]);
        check_tracer();
        printf("devnull: %d failure(s)\n", failures);
        return failures != 0;
}
