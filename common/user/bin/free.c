/* free - the memory figures sysinfo(2) gives, as free(1) would in KiB.
 * The grading's page-leak check runs it between rounds of the same
 * programs in one boot: once the first round has run, a kernel that gives
 * back every page shows the same free figure after each later round. */
#include "ulib.h"
#include "uapi/sysinfo.h"

int main(void)
{
        struct sysinfo si;
        long err = sysinfo(&si);

        if (err) {
                printf("free: sysinfo failed: %ld\n", err);
                return 1;
        }
        printf("free: %lu KiB total, %lu KiB free, %u tasks\n",
               si.totalram * si.mem_unit / 1024, si.freeram * si.mem_unit / 1024, si.procs);
        return 0;
}
