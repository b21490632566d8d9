/* sysinfo.h (uapi) - struct sysinfo, what sysinfo(2) fills: Linux's
 * x86-64 layout (include/uapi/linux/sysinfo.h, 112 bytes). Shared by the
 * kernel and user programs. */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H

struct sysinfo {
        long uptime;                    /* seconds since boot */
        unsigned long loads[3];         /* load averages (not kept: 0) */
        unsigned long totalram;         /* in mem_unit */
        unsigned long freeram;
        unsigned long sharedram;
        unsigned long bufferram;
        unsigned long totalswap;
        unsigned long freeswap;
        unsigned short procs;           /* tasks in use */
        unsigned short pad;
        unsigned long totalhigh;
        unsigned long freehigh;
        unsigned int mem_unit;          /* 1 on 64-bit: the figures are bytes */
        char _f[20 - 2 * sizeof(long) - sizeof(int)];   /* empty on 64-bit */
};

#endif
