/* main.c - from the boot code to the first user process. */
#include "kernel.h"
#include "mm.h"
#include "cpu.h"
#include "sched.h"
#include "exec.h"

/* PVH's boot information (xen/include/public/arch-x86/hvm/start_info.h) */
struct hvm_start_info {
        u32 magic;              /* 0x336ec578 */
        u32 version;
        u32 flags;
        u32 nr_modules;
        u64 modlist_paddr;
        u64 cmdline_paddr;
        u64 rsdp_paddr;
        u64 memmap_paddr;       /* version >= 1 */
        u32 memmap_entries;
        u32 reserved;
};

struct hvm_memmap_entry {
        u64 addr, size;
        u32 type;               /* 1: RAM */
        u32 reserved;
};

#define HVM_START_MAGIC 0x336ec578
#define DIRECT_MAP_LIMIT (1UL << 30)    /* boot.asm maps the first GiB */

extern const char lab_name[];           /* build/<lab>/labinfo.asm */
extern char _end[];
static struct exec_args init_args;
static const char *init_path = "/init";  /* init=PATH on the command line */

/* The end of the RAM that contains the kernel, capped at the direct map. */
static u64 memory_end(const struct hvm_start_info *si)
{
        if (si->magic != HVM_START_MAGIC || si->version < 1 || !si->memmap_entries)
                panic("no PVH memory map (start_info %p)", si);
        const struct hvm_memmap_entry *e = __va(si->memmap_paddr);
        for (u32 i = 0; i < si->memmap_entries; i++)
                if (e[i].type == 1 && e[i].addr <= 0x100000 && e[i].addr + e[i].size > 0x100000)
                        return min(e[i].addr + e[i].size, DIRECT_MAP_LIMIT);
        panic("no RAM at 1 MiB in the PVH memory map");
}

/* NAME=value: an environment word */
static bool is_env_word(const char *w)
{
        while (*w && *w != '=')
                w++;
        return *w == '=';
}

/* init's argv: its path and the words of the kernel command line. As in
 * Linux, init=PATH runs another program as init (the frame audit runs
 * /bin/frameprobe so: its syscall is then the first the kernel sees), and a
 * word with "=" (SEED=42) goes to init's environment instead. */
static void init_argv(const struct hvm_start_info *si)
{
        static char words[MAX_ARG_BYTES];
        const char *cmdline = si->cmdline_paddr ? __va(si->cmdline_paddr) : "";
        size_t n = strnlen(cmdline, sizeof(words) - 1);
        char *end = words + n;

        memcpy(words, cmdline, n);
        for (char *p = words; p < end; p++)     /* words, NUL-separated */
                if (*p == ' ')
                        *p = '\0';
        for (char *w = words; w < end; w += strlen(w) + 1)
                if (strncmp(w, "init=", 5) == 0)
                        init_path = w + 5;
        exec_args_add(&init_args, false, init_path);
        for (char *w = words; w < end; w += strlen(w) + 1)
                if (*w && strncmp(w, "init=", 5) != 0 &&
                    exec_args_add(&init_args, is_env_word(w), w))
                        panic("kernel command line too long");
}

__noreturn void start_init(void)
{
        struct task_struct *init = alloc_task("init");
        int err = kernel_execve(init, init_path, &init_args);
        if (err)
                panic("cannot run %s: error %d", init_path, err);
        wake_up_new_task(init);
        cpu_idle_loop();                /* the swapper becomes the idle task */
}

__visible __noreturn void kernel_main(u32 start_info_phys)
{
        const struct hvm_start_info *si = __va(start_info_phys);

        serial_init();
        printk("entrylab: lab %s\n", lab_name);
        init_argv(si);          /* before the allocator may reuse its page */
        u64 end = memory_end(si);
        page_alloc_init(__pa(_end), end);
        printk("memory: %lu KiB free, kernel ends at %#lx\n",
               nr_free_pages() * PAGE_SIZE / 1024, __pa(_end));

        gdt_init();
        idt_init();
        percpu_init();
        syscall_init();
        fpu_init();
        sched_init();
        timer_init();
        start_init();
}
