/* types.h - fixed-width types and the few compiler words the kernel uses. */
#ifndef TYPES_H
#define TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uint8_t  u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t  s32;

#define __visible       __attribute__((externally_visible, used))
#define __user                  /* a user-space address: never dereferenced */
#define __noreturn      __attribute__((noreturn))
#define noinline        __attribute__((__noinline__))  /* the spelling a macro named noinline leaves alone */
#define __packed        __attribute__((packed))
#define __aligned(n)    __attribute__((aligned(n)))
#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))

#endif
