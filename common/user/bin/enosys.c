/* enosys - numbers with no syscall behind them must answer -ENOSYS
 * (Linux's selftest syscall_numbering), and nothing may crash. */
#include "ulib.h"

int main(void)
{
        static const long numbers[] = {
                NR_syscalls, 335, 1000, 0x7fffffff, -1, -2, -1000,
                (long)0x80000000UL, 0, 2, 230,
        };
        for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
                printf("enosys: nr=%ld ret=%ld\n", numbers[i],
                       syscall6(numbers[i], 0, 0, 0, 0, 0, 0));
        return 0;
}
