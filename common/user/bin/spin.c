/* spin - never ends and never makes a syscall: what a hung kernel looks
 * like from outside. The harness must call it a hang within TIMEOUT. */
int main(void)
{
        for (;;)
                __asm__ volatile("pause");
}
