/* initregs - registers at a program's first instruction: all zero but
 * rsp, and rflags = 0x202 (IF and the fixed bit), as on Linux. */
#include "ulib.h"

extern unsigned long initial_regs[17];
static const char *const names[17] = {
        "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9", "r10",
        "r11", "r12", "r13", "r14", "r15", "rflags", "rsp",
};

int main(int argc, char **argv)
{
        printf("initregs: argc=%d argv[0]=%s\n", argc, argv[0]);
        for (int i = 0; i < 17; i++)
                printf("initregs: %s=%#lx\n", names[i], initial_regs[i]);
        return 0;
}
