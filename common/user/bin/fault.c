/* fault - a user fault ends the offending process, never the kernel: the
 * parent sees each child killed by the signal Linux would send. */
#include "ulib.h"

static void write_null(void) { *(volatile int *)bad_pointer(16) = 1; }
static void write_kernel(void) { *(volatile int *)bad_pointer(0xffffffff80100000UL) = 1; }
static void breakpoint(void) { __asm__ volatile("int3"); }
static void undefined(void) { __asm__ volatile("ud2"); }
/* TF set across a syscall (selftest single_step_syscall): the #DB arrives
 * through the paranoid entry, on its IST stack, from user mode */
static void single_step(void)
{
        __asm__ volatile("pushfq; orq $0x100, (%%rsp); popfq; syscall"
                         :: "a"(__NR_getpid) : "rcx", "r11", "memory");
}

static const struct {
        const char *name;
        void (*fn)(void);
} cases[] = {
        { "write-null", write_null },           /* #PF: SIGSEGV */
        { "write-kernel", write_kernel },       /* #PF, protection: SIGSEGV */
        { "int3", breakpoint },                 /* #BP: SIGTRAP */
        { "ud2", undefined },                   /* #UD: SIGILL */
        { "tf-syscall", single_step },          /* #DB: SIGTRAP */
};

int main(void)
{
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                int status;
                long pid = fork();
                if (pid == 0) {
                        cases[i].fn();
                        exit(0);
                }
                waitpid(pid, &status, 0);
                printf("fault: %s: signaled=%d signal=%d\n", cases[i].name,
                       WIFSIGNALED(status), WTERMSIG(status));
        }
        return 0;
}
