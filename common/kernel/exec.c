/* exec.c - execve: replace a process's user space with a packed program.
 *
 * The new address space is built completely before the old one is
 * dropped, so a failing execve returns an error to an intact caller. */
#include "exec.h"
#include "mm.h"
#include "kernel.h"
#include "syscalls.h"
#include "uaccess.h"
#include "segment.h"
#include "x86.h"

struct elf64_ehdr {
        u8 ident[16];
        u16 type, machine;
        u32 version;
        u64 entry, phoff, shoff;
        u32 flags;
        u16 ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
        u32 type, flags;
        u64 offset, vaddr, paddr, filesz, memsz, align;
};

#define PT_LOAD 1
#define PT_PHDR 6
#define PF_X 1
#define PF_W 2
#define ET_EXEC 2
#define EM_X86_64 62
/* a program image lives below its stack */
#define USER_IMAGE_END (USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE)
/* and never on the lowest pages, so a NULL dereference always faults
 * (Linux's vm.mmap_min_addr default) */
#define USER_IMAGE_START 0x10000UL

static const struct program *find_program(const char *path)
{
        for (u64 i = 0; i < initrd_count; i++)
                if (!strcmp(initrd_programs[i].path, path))
                        return &initrd_programs[i];
        return NULL;
}

/* Copy bytes into the (not yet current) address space pgd at va. */
static int copy_to_space(u64 *pgd, u64 va, const void *src, size_t n)
{
        const u8 *s = src;
        while (n) {
                u64 *pte = user_pte(pgd, va);
                if (!pte)
                        return -EFAULT;
                size_t chunk = min(n, PAGE_SIZE - (va & ~PAGE_MASK));
                memcpy((u8 *)__va(*pte & PTE_ADDR) + (va & ~PAGE_MASK), s, chunk);
                s += chunk;
                va += chunk;
                n -= chunk;
        }
        return 0;
}

static int map_zeroed(u64 *pgd, u64 start, u64 end, u64 flags)
{
        for (u64 va = start & PAGE_MASK; va < end; va += PAGE_SIZE) {
                u64 *pte = user_pte(pgd, va);
                if (pte) {              /* shared with the previous segment */
                        *pte |= flags & PTE_W;
                        *pte &= flags & PTE_NX ? ~0UL : ~PTE_NX;
                        continue;
                }
                void *page = alloc_page();
                if (!page || map_user_page(pgd, va, page, flags)) {
                        if (page)
                                free_page(page);
                        return -ENOMEM;
                }
        }
        return 0;
}

/* what the initial stack's auxiliary vector tells the program of itself */
struct elf_info {
        u64 entry, phdr, phnum;
        u64 brk;                /* the end of the highest PT_LOAD: where the heap starts */
};

static long load_elf(u64 *pgd, const struct program *prog, struct elf_info *info)
{
        const struct elf64_ehdr *eh = (const void *)prog->start;
        size_t size = prog->end - prog->start;

        if (size < sizeof(*eh) || memcmp(eh->ident, "\177ELF\2\1", 6) ||
            eh->type != ET_EXEC || eh->machine != EM_X86_64 ||
            eh->phentsize != sizeof(struct elf64_phdr) ||
            eh->entry >= USER_IMAGE_END || eh->phoff > size ||
            (u64)eh->phnum * sizeof(struct elf64_phdr) > size - eh->phoff)
                return -ENOEXEC;
        const struct elf64_phdr *ph = (const void *)(prog->start + eh->phoff);
        info->entry = eh->entry;
        info->phnum = eh->phnum;
        info->phdr = 0;
        info->brk = 0;
        for (int i = 0; i < eh->phnum; i++, ph++) {
                /* the program headers, where the image maps them */
                if (ph->type == PT_PHDR)
                        info->phdr = ph->vaddr;
                else if (ph->type == PT_LOAD && !info->phdr && ph->offset <= eh->phoff &&
                         eh->phoff - ph->offset < ph->filesz)
                        info->phdr = ph->vaddr + (eh->phoff - ph->offset);
                if (ph->type != PT_LOAD || ph->memsz == 0)     /* empty: nothing to map */
                        continue;
                if (ph->filesz > ph->memsz || ph->offset > size ||
                    ph->filesz > size - ph->offset ||
                    ph->vaddr < USER_IMAGE_START || ph->vaddr > USER_IMAGE_END ||
                    ph->memsz > USER_IMAGE_END - ph->vaddr)
                        return -ENOEXEC;
                u64 flags = (ph->flags & PF_W ? PTE_W : 0) | (ph->flags & PF_X ? 0 : PTE_NX);
                int err = map_zeroed(pgd, ph->vaddr, ph->vaddr + ph->memsz, flags);
                if (!err)
                        err = copy_to_space(pgd, ph->vaddr, prog->start + ph->offset, ph->filesz);
                if (err)
                        return err;
                info->brk = max(info->brk, ph->vaddr + ph->memsz);
        }
        return eh->entry;
}

/* auxiliary vector types (Linux's uapi/linux/auxvec.h) */
#define AT_NULL         0
#define AT_PHDR         3
#define AT_PHENT        4
#define AT_PHNUM        5
#define AT_PAGESZ       6
#define AT_ENTRY        9
#define AT_UID          11
#define AT_EUID         12
#define AT_GID          13
#define AT_EGID         14
#define AT_HWCAP        16
#define AT_CLKTCK       17
#define AT_SECURE       23
#define AT_RANDOM       25
#define AT_EXECFN       31
#define AT_MINSIGSTKSZ  51
#define AUXV_PAIRS      17

/* AT_RANDOM's 16 bytes: a C library seeds its stack protector and pointer
 * guard from them. Under icount rdtsc is the same in every run, so the
 * bytes are too: a run can be repeated, as every run of the kit can. */
static void random_bytes(u64 out[2])
{
        u64 x = rdtsc() ^ 0x9e3779b97f4a7c15UL;
        for (int i = 0; i < 2; i++) {   /* splitmix64 */
                x += 0x9e3779b97f4a7c15UL;
                u64 z = x;
                z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
                z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
                out[i] = z ^ (z >> 31);
        }
}

static u64 cpuid_edx1(void)
{
        u32 a = 1, b, c = 0, d;
        __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
        return d;
}

/* The initial stack, as Linux lays it out (fs/binfmt_elf.c, top down):
 * the argument and environment strings, the file name (AT_EXECFN), 16
 * random bytes (AT_RANDOM), then 16-byte aligned: argc, argv[], NULL,
 * envp[], NULL, the auxiliary vector ending with AT_NULL. Returns the new
 * rsp, pointing at argc. */
static long setup_stack(u64 *pgd, struct exec_args *a, const struct elf_info *info,
                        const char *path)
{
        u64 bottom = USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE;
        u64 vectors[2 * MAX_ARG_STRINGS + 4 + 2 * AUXV_PAIRS];
        u64 rnd[2];
        size_t pathlen = strlen(path) + 1;
        int n = 0;

        int err = map_zeroed(pgd, bottom, USER_STACK_TOP, PTE_W | PTE_NX);
        if (err)
                return err;
        u64 strings = USER_STACK_TOP - PAGE_ALIGN(a->used);
        u64 execfn = (strings - pathlen) & ~15UL;
        u64 random = execfn - sizeof(rnd);
        random_bytes(rnd);
        if (copy_to_space(pgd, strings, a->buf, a->used) ||
            copy_to_space(pgd, execfn, path, pathlen) ||
            copy_to_space(pgd, random, rnd, sizeof(rnd)))
                return -EFAULT;

        vectors[n++] = a->argc;
        for (int i = 0; i < a->argc; i++)
                vectors[n++] = strings + (a->argv[i] - a->buf);
        vectors[n++] = 0;
        for (int i = 0; i < a->envc; i++)
                vectors[n++] = strings + (a->envp[i] - a->buf);
        vectors[n++] = 0;
        const u64 auxv[][2] = {
                { AT_HWCAP, cpuid_edx1() }, { AT_PAGESZ, PAGE_SIZE }, { AT_CLKTCK, 100 },
                { AT_PHDR, info->phdr }, { AT_PHENT, sizeof(struct elf64_phdr) },
                { AT_PHNUM, info->phnum }, { AT_ENTRY, info->entry },
                { AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 }, { AT_EGID, 0 },
                { AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_EXECFN, execfn },
                { AT_MINSIGSTKSZ, MINSIGSTKSZ },
                { AT_NULL, 0 },
        };
        for (size_t i = 0; i < sizeof(auxv) / sizeof(auxv[0]); i++) {
                vectors[n++] = auxv[i][0];
                vectors[n++] = auxv[i][1];
        }
        u64 sp = (random - n * sizeof(u64)) & ~15UL;
        if (copy_to_space(pgd, sp, vectors, n * sizeof(u64)))
                return -EFAULT;
        return sp;
}

int exec_args_add(struct exec_args *a, bool env, const char *s)
{
        size_t len = strlen(s) + 1;
        int *count = env ? &a->envc : &a->argc;

        if (*count >= MAX_ARG_STRINGS || a->used + len > MAX_ARG_BYTES)
                return -E2BIG;
        char *copy = a->buf + a->used;
        memcpy(copy, s, len);
        a->used += len;
        (env ? a->envp : a->argv)[(*count)++] = copy;
        return 0;
}

/* Give t a fresh image of path; t's registers start as Linux's do after
 * execve: all zero but rip, rsp, and rflags = IF | the fixed bit. */
int kernel_execve(struct task_struct *t, const char *path, struct exec_args *args)
{
        const struct program *prog = find_program(path);
        if (!prog)
                return -ENOENT;
        u64 *pgd = pgd_alloc();
        if (!pgd)
                return -ENOMEM;
        struct elf_info info;
        long entry = load_elf(pgd, prog, &info);
        long sp = entry < 0 ? entry : setup_stack(pgd, args, &info, path);
        if (sp < 0) {
                pgd_free(pgd);
                return sp;
        }

        u64 *old = t->pgd;
        t->pgd = pgd;
        if (t == current)
                write_cr3(__pa(pgd));
        if (old)
                pgd_free(old);

        /* every register starts at 0 (Linux's ELF_PLAT_INIT) but orig_ax: a
         * tracer at execve's exit stop still reads the syscall's number */
        struct pt_regs *regs = task_pt_regs(t);
        u64 orig_ax = regs->orig_ax;
        memset(regs, 0, sizeof(*regs));
        regs->orig_ax = orig_ax;
        regs->ip = entry;
        regs->sp = sp;
        regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
        regs->cs = __USER_CS;
        regs->ss = __USER_DS;
        force_iret(t);
        flush_signal_handlers(t);
        set_fsbase(t, 0);
        fpu_reset(t);
        t->sas_ss_sp = t->sas_ss_size = 0;
        t->sas_ss_flags = 0;
        t->start_brk = t->brk = PAGE_ALIGN(info.brk);
        do_close_on_exec(t);

        const char *base = path;
        for (const char *p = path; *p; p++)
                if (*p == '/')
                        base = p + 1;
        memset(t->comm, 0, TASK_COMM_LEN);
        memcpy(t->comm, base, strnlen(base, TASK_COMM_LEN - 1));
        return 0;
}

/* Gather a NULL-terminated user array of strings into a. */
static int copy_strings(struct exec_args *a, bool env, const char *const *uvec)
{
        char s[MAX_ARG_BYTES];

        for (int i = 0; uvec; i++) {
                const char *up;
                if (copy_from_user(&up, &uvec[i], sizeof(up)))
                        return -EFAULT;
                if (!up)
                        return 0;
                long len = strncpy_from_user(s, up, sizeof(s));
                if (len < 0)
                        return len == -ENAMETOOLONG ? -E2BIG : len;
                int err = exec_args_add(a, env, s);
                if (err)
                        return err;
        }
        return 0;
}

static struct exec_args exec_buffer;    /* one CPU, no preemption inside */

SYSCALL_DEFINE3(execve, const char __user *, upath, const char __user *const __user *, argv,
                const char __user *const __user *, envp)
{
        char path[64];
        struct exec_args *a = &exec_buffer;
        long err = strncpy_from_user(path, upath, sizeof(path));

        if (err < 0)
                return err;
        memset(a, 0, sizeof(*a));
        err = copy_strings(a, false, argv);
        if (!err)
                err = copy_strings(a, true, envp);
        if (!err)
                err = kernel_execve(current, path, a);
        if (!err)
                ptrace_exec_notify();
        return err;
}
