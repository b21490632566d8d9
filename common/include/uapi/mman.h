/* mman.h (uapi) - mmap's protections and flags, Linux's x86-64 values
 * (asm-generic/mman-common.h, asm/mman.h, linux/mman.h). Shared by the
 * kernel and user programs. The kit serves anonymous mappings only,
 * private or shared (common/kernel/mmap.c, shmem.c); the flags it does
 * not act on are listed so that programs can name them and see them
 * accepted or refused as mmap.c says. */
#ifndef UAPI_MMAN_H
#define UAPI_MMAN_H

#define PROT_NONE               0x0
#define PROT_READ               0x1
#define PROT_WRITE              0x2
#define PROT_EXEC               0x4

#define MAP_SHARED              0x01
#define MAP_PRIVATE             0x02
#define MAP_SHARED_VALIDATE     0x03
#define MAP_TYPE                0x0f    /* the bits that say which of the three */
#define MAP_FIXED               0x10
#define MAP_ANONYMOUS           0x20
#define MAP_32BIT               0x40
#define MAP_GROWSDOWN           0x0100
#define MAP_LOCKED              0x2000
#define MAP_NORESERVE           0x4000
#define MAP_POPULATE            0x8000
#define MAP_STACK               0x20000
#define MAP_HUGETLB             0x40000
#define MAP_FIXED_NOREPLACE     0x100000

#endif
