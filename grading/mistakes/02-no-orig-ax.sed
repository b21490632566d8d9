# orig_ax left out: every slot below it is one word off
# file: labs/02-sysret-fastpath/entry_64.asm
# expect: pt_regs->r15 = 
# expect: the user's
/; pt_regs->orig_ax = nr/d
