/* bpf.c - classic BPF: copying a program in, checking it, running it.
 *
 * The checker follows Linux's bpf_check_classic (net/core/filter.c): known
 * opcodes only, no division by a constant zero, shifts below 32, scratch
 * memory indices below BPF_MEMWORDS and never read before written, jumps
 * forward and inside the program, and a RET last. A checked program always
 * ends, so running it needs no step limit. */
#include "filter.h"
#include "kernel.h"
#include "uaccess.h"
#include "uapi/errno.h"

void bpf_prog_free(struct bpf_prog *p)
{
        for (unsigned int i = 0; i < BPF_PROG_PAGES; i++) {
                if (p->pages[i])
                        free_page(p->pages[i]);
                p->pages[i] = NULL;
        }
}

/* -EFAULT for a bad pointer, -EINVAL for a length out of 1..BPF_MAXINSNS,
 * -ENOMEM when pages run out; p is empty again on failure. */
int bpf_prog_copy_from_user(struct bpf_prog *p, const struct sock_fprog *ufprog)
{
        struct sock_fprog fprog;

        if (copy_from_user(&fprog, ufprog, sizeof(fprog)))
                return -EFAULT;
        if (fprog.len == 0 || fprog.len > BPF_MAXINSNS)
                return -EINVAL;
        p->len = fprog.len;
        for (unsigned int done = 0, i = 0; done < p->len; i++) {
                unsigned int n = min(p->len - done, BPF_INSNS_PER_PAGE);
                p->pages[i] = alloc_page();
                if (!p->pages[i]) {
                        bpf_prog_free(p);
                        return -ENOMEM;
                }
                if (copy_from_user(p->pages[i], fprog.filter + done, n * sizeof(struct sock_filter))) {
                        bpf_prog_free(p);
                        return -EFAULT;
                }
                done += n;
        }
        return 0;
}

static bool bpf_code_known(u16 code)
{
        switch (code) {
        case BPF_ALU | BPF_ADD | BPF_K: case BPF_ALU | BPF_ADD | BPF_X:
        case BPF_ALU | BPF_SUB | BPF_K: case BPF_ALU | BPF_SUB | BPF_X:
        case BPF_ALU | BPF_MUL | BPF_K: case BPF_ALU | BPF_MUL | BPF_X:
        case BPF_ALU | BPF_DIV | BPF_K: case BPF_ALU | BPF_DIV | BPF_X:
        case BPF_ALU | BPF_MOD | BPF_K: case BPF_ALU | BPF_MOD | BPF_X:
        case BPF_ALU | BPF_AND | BPF_K: case BPF_ALU | BPF_AND | BPF_X:
        case BPF_ALU | BPF_OR | BPF_K:  case BPF_ALU | BPF_OR | BPF_X:
        case BPF_ALU | BPF_XOR | BPF_K: case BPF_ALU | BPF_XOR | BPF_X:
        case BPF_ALU | BPF_LSH | BPF_K: case BPF_ALU | BPF_LSH | BPF_X:
        case BPF_ALU | BPF_RSH | BPF_K: case BPF_ALU | BPF_RSH | BPF_X:
        case BPF_ALU | BPF_NEG:
        case BPF_LD | BPF_W | BPF_ABS: case BPF_LD | BPF_H | BPF_ABS:
        case BPF_LD | BPF_B | BPF_ABS: case BPF_LD | BPF_W | BPF_IND:
        case BPF_LD | BPF_H | BPF_IND: case BPF_LD | BPF_B | BPF_IND:
        case BPF_LD | BPF_W | BPF_LEN: case BPF_LD | BPF_IMM: case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_W | BPF_LEN: case BPF_LDX | BPF_B | BPF_MSH:
        case BPF_LDX | BPF_IMM: case BPF_LDX | BPF_MEM:
        case BPF_ST: case BPF_STX:
        case BPF_MISC | BPF_TAX: case BPF_MISC | BPF_TXA:
        case BPF_RET | BPF_K: case BPF_RET | BPF_A:
        case BPF_JMP | BPF_JA:
        case BPF_JMP | BPF_JEQ | BPF_K: case BPF_JMP | BPF_JEQ | BPF_X:
        case BPF_JMP | BPF_JGE | BPF_K: case BPF_JMP | BPF_JGE | BPF_X:
        case BPF_JMP | BPF_JGT | BPF_K: case BPF_JMP | BPF_JGT | BPF_X:
        case BPF_JMP | BPF_JSET | BPF_K: case BPF_JMP | BPF_JSET | BPF_X:
                return true;
        }
        return false;
}

/* Scratch memory must be written before it is read on every path to the
 * read. Jumps go only forward, so one pass carries the set of written
 * slots to each instruction: the AND over all ways in (Linux:
 * check_load_and_stores). One CPU and no sleeping here, so one table. */
static u16 memvalid[BPF_MAXINSNS];

static void bpf_flow(unsigned int to, u16 set)
{
        memvalid[to] &= set;
}

static int bpf_check_memory(const struct bpf_prog *p)
{
        for (unsigned int pc = 0; pc < p->len; pc++)
                memvalid[pc] = 0xffff;
        memvalid[0] = 0;
        for (unsigned int pc = 0; pc < p->len; pc++) {
                const struct sock_filter *f = bpf_insn(p, pc);
                u16 set = memvalid[pc];

                switch (f->code) {
                case BPF_ST:
                case BPF_STX:
                        set |= 1 << f->k;
                        break;
                case BPF_LD | BPF_MEM:
                case BPF_LDX | BPF_MEM:
                        if (!(set & (1 << f->k)))
                                return -EINVAL;
                        break;
                }
                if (BPF_CLASS(f->code) == BPF_RET)
                        continue;
                if (f->code == (BPF_JMP | BPF_JA)) {
                        bpf_flow(pc + 1 + f->k, set);
                } else if (BPF_CLASS(f->code) == BPF_JMP) {
                        bpf_flow(pc + 1 + f->jt, set);
                        bpf_flow(pc + 1 + f->jf, set);
                } else {
                        bpf_flow(pc + 1, set);
                }
        }
        return 0;
}

int bpf_check_classic(const struct bpf_prog *p)
{
        unsigned int len = p->len;

        if (len == 0 || len > BPF_MAXINSNS)
                return -EINVAL;
        for (unsigned int pc = 0; pc < len; pc++) {
                const struct sock_filter *f = bpf_insn(p, pc);

                if (!bpf_code_known(f->code))
                        return -EINVAL;
                switch (f->code) {
                case BPF_ALU | BPF_DIV | BPF_K:
                case BPF_ALU | BPF_MOD | BPF_K:
                        if (f->k == 0)
                                return -EINVAL;
                        break;
                case BPF_ALU | BPF_LSH | BPF_K:
                case BPF_ALU | BPF_RSH | BPF_K:
                        if (f->k >= 32)
                                return -EINVAL;
                        break;
                case BPF_LD | BPF_MEM:
                case BPF_LDX | BPF_MEM:
                case BPF_ST:
                case BPF_STX:
                        if (f->k >= BPF_MEMWORDS)
                                return -EINVAL;
                        break;
                case BPF_JMP | BPF_JA:
                        /* k is unsigned: a jump can only go forward */
                        if (f->k >= len - pc - 1)
                                return -EINVAL;
                        break;
                default:
                        if (BPF_CLASS(f->code) == BPF_JMP &&
                            (pc + f->jt + 1 >= len || pc + f->jf + 1 >= len))
                                return -EINVAL;
                }
        }
        if (BPF_CLASS(bpf_insn(p, len - 1)->code) != BPF_RET)
                return -EINVAL;
        return bpf_check_memory(p);
}

/* Run a checked program over ctx. Only the loads a caller's own checker
 * lets through reach here (seccomp: aligned 32-bit words of seccomp_data,
 * native byte order); any other load ends the program with 0, as classic
 * BPF does for a load out of bounds. */
u32 bpf_prog_run(const struct bpf_prog *p, const void *ctx, u32 ctx_len)
{
        u32 A = 0, X = 0, mem[BPF_MEMWORDS] = { 0 };

        for (unsigned int pc = 0;; pc++) {
                const struct sock_filter *f = bpf_insn(p, pc);
                u32 k = f->k;

                switch (f->code) {
                case BPF_ALU | BPF_ADD | BPF_K: A += k; break;
                case BPF_ALU | BPF_ADD | BPF_X: A += X; break;
                case BPF_ALU | BPF_SUB | BPF_K: A -= k; break;
                case BPF_ALU | BPF_SUB | BPF_X: A -= X; break;
                case BPF_ALU | BPF_MUL | BPF_K: A *= k; break;
                case BPF_ALU | BPF_MUL | BPF_X: A *= X; break;
                case BPF_ALU | BPF_DIV | BPF_K: A /= k; break;
                case BPF_ALU | BPF_DIV | BPF_X: if (!X) return 0; A /= X; break;
                case BPF_ALU | BPF_MOD | BPF_K: A %= k; break;
                case BPF_ALU | BPF_MOD | BPF_X: if (!X) return 0; A %= X; break;
                case BPF_ALU | BPF_AND | BPF_K: A &= k; break;
                case BPF_ALU | BPF_AND | BPF_X: A &= X; break;
                case BPF_ALU | BPF_OR | BPF_K:  A |= k; break;
                case BPF_ALU | BPF_OR | BPF_X:  A |= X; break;
                case BPF_ALU | BPF_XOR | BPF_K: A ^= k; break;
                case BPF_ALU | BPF_XOR | BPF_X: A ^= X; break;
                case BPF_ALU | BPF_LSH | BPF_K: A <<= k; break;
                case BPF_ALU | BPF_LSH | BPF_X: A = X < 32 ? A << X : 0; break;
                case BPF_ALU | BPF_RSH | BPF_K: A >>= k; break;
                case BPF_ALU | BPF_RSH | BPF_X: A = X < 32 ? A >> X : 0; break;
                case BPF_ALU | BPF_NEG:         A = -A; break;
                case BPF_LD | BPF_W | BPF_ABS:
                        if ((k & 3) || k >= ctx_len || ctx_len - k < 4)
                                return 0;
                        A = *(const u32 *)((const char *)ctx + k);
                        break;
                case BPF_LD | BPF_W | BPF_LEN:  A = ctx_len; break;
                case BPF_LDX | BPF_W | BPF_LEN: X = ctx_len; break;
                case BPF_LD | BPF_IMM:          A = k; break;
                case BPF_LDX | BPF_IMM:         X = k; break;
                case BPF_LD | BPF_MEM:          A = mem[k]; break;
                case BPF_LDX | BPF_MEM:         X = mem[k]; break;
                case BPF_ST:                    mem[k] = A; break;
                case BPF_STX:                   mem[k] = X; break;
                case BPF_MISC | BPF_TAX:        X = A; break;
                case BPF_MISC | BPF_TXA:        A = X; break;
                case BPF_JMP | BPF_JA:          pc += k; break;
                case BPF_JMP | BPF_JEQ | BPF_K: pc += A == k ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JEQ | BPF_X: pc += A == X ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JGT | BPF_K: pc += A > k ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JGT | BPF_X: pc += A > X ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JGE | BPF_K: pc += A >= k ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JGE | BPF_X: pc += A >= X ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JSET | BPF_K: pc += (A & k) ? f->jt : f->jf; break;
                case BPF_JMP | BPF_JSET | BPF_X: pc += (A & X) ? f->jt : f->jf; break;
                case BPF_RET | BPF_K:           return k;
                case BPF_RET | BPF_A:           return A;
                default:                        return 0;
                }
        }
}
