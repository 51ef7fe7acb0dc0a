#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Inputs for tests/pii/tokdiff.c (records: u32 length, bytes), built from the regexes
themselves: `tokdiff d` (or `dA` for every pattern) prints them; this parses that subset of
PCRE2 (groups, alternation, classes, bounded repeats, \\b, \\xHH) and writes
  walk  1-3 random walks of the regexes (repeats often at their bounds), half of them mutated
        with class bytes or any byte, glued by edge bytes ('_', >= 0x80, CR, letters, digits);
  rand  random strings over one class's bytes and edge bytes, chains of one pattern's walks
        without glue, and walks whose first and last bytes are any byte.
  tokdiff-gen.py PATS.tsv SEED COUNT walk|rand"""
import random
import struct
import sys


def parse(rx):
    pos = 0
    def peek():
        return rx[pos] if pos < len(rx) else None
    def alt():
        nonlocal pos
        branches = [seq()]
        while peek() == '|':
            pos += 1
            branches.append(seq())
        return ('alt', branches)
    def seq():
        nonlocal pos
        items = []
        while peek() is not None and peek() not in '|)':
            a = atom()
            q = quant()
            items.append(('rep', a, q) if q else a)
        return ('seq', items)
    def esc():
        nonlocal pos
        c = rx[pos]; pos += 1
        if c == 'x':
            v = int(rx[pos:pos + 2], 16); pos += 2
            return ('set', [v])
        if c == 'b':
            return ('wb',)
        if c == 's':
            return ('set', [9, 10, 11, 12, 13, 32])
        if c == 'd':
            return ('set', list(range(48, 58)))
        if c == 'n':
            return ('set', [10])
        if c == 'r':
            return ('set', [13])
        return ('set', [ord(c)])
    def cls():
        nonlocal pos
        neg = False
        if peek() == '^':
            neg = True; pos += 1
        vals = set()
        first = True
        while first or peek() != ']':
            first = False
            if rx[pos] == '\\':
                pos += 1
                e = esc()
                lo = e[1]
                if len(lo) != 1:
                    vals.update(lo); continue
                lo = lo[0]
            else:
                lo = ord(rx[pos]); pos += 1
            if peek() == '-' and rx[pos + 1] != ']':
                pos += 1
                if rx[pos] == '\\':
                    pos += 1
                    hi = esc()[1][0]
                else:
                    hi = ord(rx[pos]); pos += 1
                vals.update(range(lo, hi + 1))
            else:
                vals.add(lo)
        pos += 1
        if neg:
            vals = set(range(256)) - vals
        return ('set', sorted(vals))
    def atom():
        nonlocal pos
        c = rx[pos]; pos += 1
        if c == '(':
            if rx[pos] == '?':
                j = rx.index(':', pos)
                pos = j + 1
            a = alt()
            assert rx[pos] == ')', rx[pos:]
            pos += 1
            return a
        if c == '[':
            return cls()
        if c == '\\':
            return esc()
        if c == '.':
            return ('set', [x for x in range(256) if x != 10])
        if c == '^' or c == '$':
            return ('seq', [])
        return ('set', [ord(c)])
    def quant():
        nonlocal pos
        c = peek()
        if c == '?':
            pos += 1; q = (0, 1)
        elif c == '*':
            pos += 1; q = (0, 4)
        elif c == '+':
            pos += 1; q = (1, 4)
        elif c == '{' and rx[pos + 1].isdigit():
            j = rx.index('}', pos)
            body = rx[pos + 1:j]; pos = j + 1
            if ',' in body:
                a, b = body.split(',')
                q = (int(a), int(b) if b else int(a) + 4)
            else:
                q = (int(body), int(body))
        else:
            return None
        if peek() == '?':  # lazy
            pos += 1
        return q
    t = alt()
    assert pos == len(rx), rx[pos:]
    return t

def walk(t, rng, out, extreme):
    k = t[0]
    if k == 'alt':
        walk(rng.choice(t[1]), rng, out, extreme)
    elif k == 'seq':
        for x in t[1]:
            walk(x, rng, out, extreme)
    elif k == 'rep':
        lo, hi = t[2]
        if extreme and rng.random() < 0.6:
            n = rng.choice((lo, hi))
        else:
            n = rng.randint(lo, hi)
        for _ in range(n):
            walk(t[1], rng, out, extreme)
    elif k == 'set':
        out.append(rng.choice(t[1]))
    elif k == 'wb':
        pass

CLASS = {1: b"0123456789 .,/()+xetAB-", 2: b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -",
         3: b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .",
         4: b"0123456789 .,'\"dNSEW\xc2\xb0\xe2\x80\xb2\xb3"}
EDGE = [b"", b" ", b"\n", b"\r\n", b"_", b"a", b"y", b"Z", b"0", b"9", b"1", b"-", b".", b"+",
        b"(", b")", b"x", b"e", b"t", b"d", b"\xc2\xb0", b"\xe9", b"\xc3\xa9", b"\x80", b"\xff",
        b":", b"#", b"/", b",", b"'", b"\"", b"\t", b"00", b"A", b"B", b"N", b"S", b"E", b"W",
        b"ab", b"gb", b"de", b"\xe2\x80\xb2", b"\xe2\x80\xb3", b"\x00"]

def mutate(rng, s, cls):
    s = bytearray(s)
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        if not s:
            break
        i = rng.randrange(len(s) + 1)
        r = rng.random()
        pool = cls if rng.random() < 0.8 else bytes(range(256))
        if r < 0.3 and i < len(s):
            s[i] = rng.choice(pool)
        elif r < 0.55:
            s[i:i] = bytes([rng.choice(pool)])
        elif r < 0.8 and i < len(s):
            del s[i]
        elif i < len(s):
            s[i:i] = bytes([s[i]])
    return bytes(s)

def main():
    path, seed, n, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    pats = []
    for line in open(path):
        i, name, c, hx, mw = line.rstrip("\n").split("\t")
        pats.append((name, int(c), parse(bytes.fromhex(hx).decode("latin-1"))))
    w = sys.stdout.buffer
    extra = b"_ay\xe9\x80\xff\n\r:#x"
    for _ in range(n):
        if kind == "walk":
            parts = []
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                name, c, t = rng.choice(pats)
                out = []
                walk(t, rng, out, rng.random() < 0.5)
                inst = bytes(out)
                if rng.random() < 0.5:
                    inst = mutate(rng, inst, CLASS.get(c, CLASS[3]))
                parts.append(inst)
                parts.append(rng.choice(EDGE) if rng.random() < 0.7 else
                             bytes(rng.choice(CLASS.get(c, CLASS[3]))
                                   for _ in range(rng.randint(1, 4))))
            s = rng.choice(EDGE) + b"".join(parts[:-1]) + (parts[-1] if rng.random() < 0.5
                                                            else b"")
            if rng.random() < 0.3:
                s = rng.choice(EDGE) + s
        else:
            k = rng.random()
            name, c, t = rng.choice(pats)
            cls = CLASS.get(c, CLASS[3])
            if k < 0.4:
                alpha = cls + b"0123456789" * 2 + extra
                s = bytes(rng.choice(alpha) for _ in range(rng.randint(1, 40)))
            elif k < 0.7:
                out = []
                for _ in range(rng.randint(2, 4)):
                    walk(t, rng, out, True)
                    if rng.random() < 0.5:
                        out.append(rng.choice(cls))
                s = mutate(rng, bytes(out), cls)
            else:
                out = []
                walk(t, rng, out, rng.random() < 0.5)
                s = bytes(out)
                pre = bytes([rng.randrange(256)]) if rng.random() < 0.5 else rng.choice(EDGE)
                suf = bytes([rng.randrange(256)]) if rng.random() < 0.5 else rng.choice(EDGE)
                if rng.random() < 0.3 and len(s) > 1:
                    s = s[1:] if rng.random() < 0.5 else s[:-1]
                s = pre + s + suf
        w.write(struct.pack("<I", len(s)) + s)


if __name__ == "__main__":
    main()
