/* serial.c - COM1, polled: the console the harness reads. */
#include "x86.h"
#include "kernel.h"

#define COM1 0x3f8

void serial_init(void)
{
        outb(COM1 + 1, 0x00);   /* no interrupts */
        outb(COM1 + 3, 0x80);   /* DLAB on */
        outb(COM1 + 0, 0x01);   /* 115200 baud */
        outb(COM1 + 1, 0x00);
        outb(COM1 + 3, 0x03);   /* 8N1 */
        outb(COM1 + 2, 0xc7);   /* FIFO on */
        outb(COM1 + 4, 0x03);
}

/* wait until the transmitter has sent every byte */
void serial_flush(void)
{
        while (!(inb(COM1 + 5) & 0x40))
                ;
}

void serial_putc(char c)
{
        if (c == '\n')
                serial_putc('\r');
        while (!(inb(COM1 + 5) & 0x20))
                ;
        outb(COM1, (u8)c);
}
