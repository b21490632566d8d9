/* signal.h (uapi) - signals as user space and the kernel both see them,
 * in Linux's x86-64 layout: numbers and flags (asm-generic/signal.h), the
 * kernel's struct sigaction, siginfo_t (asm-generic/siginfo.h), and the
 * signal frame (asm/sigcontext.h, asm/ucontext.h, asm/sigframe.h). Only
 * standard C types here: shared by the kernel and user programs. */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#ifndef __user
#define __user                  /* a user-space address */
#endif

#define SIGHUP          1
#define SIGINT          2
#define SIGQUIT         3
#define SIGILL          4
#define SIGTRAP         5
#define SIGABRT         6
#define SIGBUS          7
#define SIGFPE          8
#define SIGKILL         9
#define SIGUSR1         10
#define SIGSEGV         11
#define SIGUSR2         12
#define SIGPIPE         13
#define SIGALRM         14
#define SIGTERM         15
#define SIGSTKFLT       16
#define SIGCHLD         17
#define SIGCONT         18
#define SIGSTOP         19
#define SIGTSTP         20
#define SIGTTIN         21
#define SIGTTOU         22
#define SIGURG          23
#define SIGXCPU         24
#define SIGXFSZ         25
#define SIGVTALRM       26
#define SIGPROF         27
#define SIGWINCH        28
#define SIGIO           29
#define SIGPWR          30
#define SIGSYS          31
#define SIGRTMIN        32
#define _NSIG           64

/* one bit per signal, bit (sig - 1): the 8 bytes rt_sigaction and
 * rt_sigprocmask want as sigsetsize */
typedef unsigned long sigset_t;
#define sigmask(sig)    (1UL << ((sig) - 1))

/* sa_flags */
#define SA_NOCLDSTOP    0x00000001
#define SA_NOCLDWAIT    0x00000002
#define SA_SIGINFO      0x00000004
#define SA_RESTORER     0x04000000
#define SA_ONSTACK      0x08000000
#define SA_RESTART      0x10000000
#define SA_NODEFER      0x40000000
#define SA_RESETHAND    0x80000000

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);

#define SIG_DFL         ((__sighandler_t)0)
#define SIG_IGN         ((__sighandler_t)1)

/* rt_sigprocmask's how */
#define SIG_BLOCK       0
#define SIG_UNBLOCK     1
#define SIG_SETMASK     2

/* what rt_sigaction reads and writes: the kernel's layout, not glibc's */
struct sigaction {
        __sighandler_t sa_handler;
        unsigned long sa_flags;
        __sigrestore_t sa_restorer;
        sigset_t sa_mask;
};

/* si_code values */
#define SI_USER         0               /* kill() */
#define SI_KERNEL       0x80            /* sent by the kernel */
#define SI_TKILL        (-6)            /* tkill(), tgkill() */
#define ILL_ILLOPN      2               /* illegal operand */
#define FPE_INTDIV      1               /* integer divide by zero */
#define SEGV_MAPERR     1               /* address not mapped */
#define SEGV_ACCERR     2               /* no permission for the mapped page */
#define BUS_ADRALN      1
#define TRAP_BRKPT      1               /* breakpoint */
#define TRAP_TRACE      2               /* single step */
#define CLD_EXITED      1
#define CLD_KILLED      2
#define CLD_DUMPED      3
#define CLD_TRAPPED     4               /* a traced child stopped */
#define SYS_SECCOMP     1

union __sifields {
        struct {                        /* kill(), SI_USER */
                int _pid;
                unsigned int _uid;
        } _kill;
        struct {                        /* SIGCHLD */
                int _pid;
                unsigned int _uid;
                int _status;
                long _utime, _stime;
        } _sigchld;
        struct {                        /* SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP */
                void __user *_addr;
                union {
                        short _addr_lsb;
                        struct {
                                short _dummy_bnd;
                                void __user *_lower, *_upper;
                        } _addr_bnd;
                };
        } _sigfault;
        struct {                        /* SIGSYS from seccomp */
                void __user *_call_addr;
                int _syscall;
                unsigned int _arch;
        } _sigsys;
};

#define __SIGINFO struct {                      \
        int si_signo;                           \
        int si_errno;                           \
        int si_code;                            \
        union __sifields _sifields;             \
}

#define SI_MAX_SIZE     128
/* siginfo_t: 48 bytes used, padded to 128 */
typedef struct siginfo {
        union {
                __SIGINFO;
                int _si_pad[SI_MAX_SIZE / sizeof(int)];
        };
} siginfo_t;

#define si_pid          _sifields._kill._pid
#define si_uid          _sifields._kill._uid
#define si_status       _sifields._sigchld._status
#define si_addr         _sifields._sigfault._addr
#define si_call_addr    _sifields._sigsys._call_addr
#define si_syscall      _sifields._sigsys._syscall
#define si_arch         _sifields._sigsys._arch

/* The x87 and SSE registers of the interrupted code, as FXSAVE stores
 * them (struct _fpstate_64), 512 bytes: what sigcontext.fpstate points to.
 * A handler may change them; rt_sigreturn loads them back. */
struct _fpstate_64 {
        unsigned short cwd, swd, twd, fop;      /* x87 control, status, tags */
        unsigned long rip, rdp;                 /* the last x87 instruction, operand */
        unsigned int mxcsr, mxcsr_mask;         /* SSE control and status; its valid bits */
        unsigned int st_space[32];              /* ST0-ST7, 16 bytes each */
        unsigned int xmm_space[64];             /* XMM0-XMM15, 16 bytes each */
        unsigned int reserved2[12];
        unsigned int reserved3[12];             /* XSAVE's marker on Linux; 0 here */
};

/* The registers a handler sees and rt_sigreturn restores (struct
 * sigcontext for x86-64), 256 bytes. */
struct sigcontext {
        unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
        unsigned long di, si, bp, bx, dx, ax, cx, sp, ip;
        unsigned long flags;
        unsigned short cs, gs, fs, ss;
        unsigned long err;              /* the exception's error code */
        unsigned long trapno;           /* the exception's vector */
        unsigned long oldmask;
        unsigned long cr2;              /* the faulting address of a #PF */
        unsigned long fpstate;          /* its struct _fpstate_64 (0: a fresh FPU) */
        unsigned long reserved1[8];
};

typedef struct sigaltstack {
        void __user *ss_sp;
        int ss_flags;
        unsigned long ss_size;
} stack_t;
#define SS_DISABLE      2

#define UC_SIGCONTEXT_SS        0x2
#define UC_STRICT_RESTORE_SS    0x4

struct ucontext {
        unsigned long uc_flags;
        struct ucontext *uc_link;
        stack_t uc_stack;
        struct sigcontext uc_mcontext;
        sigset_t uc_sigmask;
};

/* What a handler finds at its rsp: the return address (sa_restorer,
 * which calls rt_sigreturn), then the context and the siginfo; above
 * them the struct _fpstate_64, 64-byte aligned on Linux, 512 in the kit
 * (signal_64.c). */
struct rt_sigframe {
        char __user *pretcode;
        struct ucontext uc;
        siginfo_t info;
};

#endif
