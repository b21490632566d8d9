/* enosys - numbers with no syscall behind them must answer -ENOSYS
 * (Linux's selftest syscall_numbering), and nothing may crash. */
#include "ulib.h"

int main(void)
{
        static const long numbers[] = {
                NR_syscalls, 335, 1000, 0x7fffffff, -1, -2, -1000,
                (long)0x80000000UL, 4, 5, 232,
        };
        for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
                printf("enosys: nr=%ld ret=%ld\n", numbers[i],
                       syscall6(numbers[i], 0, 0, 0, 0, 0, 0));
        /* the number is an int: the upper half of rax is ignored, whatever
         * it holds, and what is left may be a served syscall (getpid) */
        static const unsigned long high[] = { 0x100000027UL, 0xffffffff00000027UL };
        for (size_t i = 0; i < sizeof(high) / sizeof(high[0]); i++)
                printf("enosys-int: nr=%#lx ret=%ld getpid=%ld\n", high[i],
                       syscall6(high[i], 0, 0, 0, 0, 0, 0), getpid());
        return 0;
}
