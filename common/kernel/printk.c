/* printk.c - formatted output to the serial console, and panic. */
#include <stdarg.h>
#include "kernel.h"
#include "x86.h"

static void put_serial(char c, void *arg)
{
        (void)arg;
        serial_putc(c);
}

int printk(const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        int n = vformat(put_serial, NULL, fmt, ap);
        va_end(ap);
        return n;
}

__noreturn void panic(const char *fmt, ...)
{
        va_list ap;

        local_irq_disable();
        show_stack(__builtin_frame_address(0));
        printk("Kernel panic - not syncing: ");
        va_start(ap, fmt);
        vformat(put_serial, NULL, fmt, ap);
        va_end(ap);
        printk("\n");
        machine_power_off(EXIT_PANIC_CODE);
}
