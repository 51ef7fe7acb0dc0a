#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An attacker's fuzzer for the token prefilter (src/pii/tokens.c): builds inputs around the
class-led formats and compares `protect scan --json` of the default engine with
AKIOS_PII_ENGINE=pcre2 (names off and on). Where tests/pii/gen-tokens.py writes one text of
glued formats, this writes what it leaves out:
  glue      many small cases, one a line, each a format (or its mutant) between bytes the
            prefilter treats specially: '_', bytes >= 0x80, NUL, CR, a capital or a digit
            against the value, separators the class lacks;
  straddle  one format across each place the stream cuts or restarts a window (1 MiB, the
            commit point, the next window's start and its look-back), at every split, in a
            file of filler, and at the file's first byte and its last (no newline);
  edges     tiny files: a format alone, with CRLF, without a trailing newline.
On a difference it prints the case (as a printf command when it is small) and exits 1.
  tokens-fuzz.py --akios ./akios [--seed N] [--cases N] [--kinds glue,straddle,edges]"""
import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen_tokens", os.path.join(HERE, "gen-tokens.py"))
gen_tokens = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen_tokens)
FORMATS = [s.encode("utf-8") for s in gen_tokens.SEEDS]

# bytes around a value: word bytes the classes lack ('_', lower case), non-word bytes the
# classes lack (>= 0x80, NUL, CR, ':'), and each class's own separators and letters
EDGE = [b"", b" ", b"\n", b"\r\n", b"\r", b"_", b"a", b"y", b"x", b"e", b"t", b"A", b"B", b"Z",
        b"N", b"S", b"E", b"W", b"d", b"0", b"1", b"9", b"00", b"+", b"-", b".", b",", b"/",
        b"(", b")", b":", b"#", b"'", b"\"", b"\t", b"\x00", b"\x80", b"\xff", b"\xc2\xb0",
        b"\xe2\x80\xb2", b"\xc3\xa9", b"\xe9", b"ab", b"gb", b"de", b"0x", b"  ", b"--"]
SEPS = b" -./,()+"

# Where the stream (src/pii/stream.c) cuts: the first window is 1 MiB + 3 x (16384 + 64)
# bytes, commits all but the last 16448, keeps 16448 before its commit point; the next
# window starts there and scans from 64 bytes into it.
ROUND, SPAN = 1 << 20, 16384 + 64
W1 = ROUND + 3 * SPAN
COMMIT1 = W1 - SPAN
BASE2 = COMMIT1 - SPAN
CUTS = [ROUND, BASE2 + 64, W1, BASE2 + W1]  # exact while nothing straddles COMMIT1


def mutate(rng, s):
    s = bytearray(s)
    for _ in range(rng.choice((1, 1, 2, 3))):
        if not s:
            break
        i = rng.randrange(len(s))
        k = rng.random()
        if k < 0.3:
            s[i] = rng.choice(SEPS + b"0123456789")
        elif k < 0.5:
            del s[i]
        elif k < 0.7:
            s.insert(i, s[i])
        elif k < 0.85:
            s.insert(i, rng.choice(b"_aAxZ\x80 "))
        else:
            s[i] = rng.randrange(256)
    return bytes(s)


def glue_case(rng):
    parts = [rng.choice(EDGE)]
    for _ in range(rng.choice((1, 1, 2, 3))):
        v = rng.choice(FORMATS)
        if rng.random() < 0.5:
            v = mutate(rng, v)
        parts.append(v)
        parts.append(rng.choice(EDGE))
    return b"".join(parts).replace(b"\n", b" ")


def scan(akios, path, names, pcre2):
    env = dict(os.environ, AKIOS_PII_DETECT_NAMES=names)
    if pcre2:
        env["AKIOS_PII_ENGINE"] = "pcre2"
    else:
        env.pop("AKIOS_PII_ENGINE", None)
    out = subprocess.run([akios, "protect", "scan", "--json", path], env=env,
                         capture_output=True, check=False).stdout.decode("utf-8", "replace")
    return out.replace('"engine":"pcre2"', '"engine":"hyperscan+pcre2"')


def findings(doc):
    return {(f["start"], f["end"], f["type"]) for f in json.loads(doc)["findings"]}


def as_printf(b):
    out = []
    for c in b:
        if c == 0x25:
            out.append("%%")
        elif 0x20 <= c < 0x7f and c not in b"'\\":
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    return "printf '%s'" % "".join(out)


def compare(akios, path, data, label, names_modes=("false", "true")):
    bad = 0
    for names in names_modes:
        a, b = scan(akios, path, names, False), scan(akios, path, names, True)
        if a == b:
            continue
        bad += 1
        fa, fb = findings(a), findings(b)
        print("DIFF %s names=%s" % (label, names))
        for tag, d in (("only default", fa - fb), ("only pcre2", fb - fa)):
            for s, e, ty in sorted(d)[:10]:
                print("  %s %s [%d,%d) %r" % (tag, ty, s, e, data[max(0, s - 12):e + 12]))
    return bad


def differing(akios, cases, tmp):
    """The cases that differ alone: halves of the list in one file each, recursively."""
    path = os.path.join(tmp, "glue.txt")
    data = b"\n".join(cases) + b"\n"
    with open(path, "wb") as f:
        f.write(data)
    if len(cases) == 1:
        return cases if compare(akios, path, data, "glue case") else []
    if not compare(akios, path, data, "glue file of %d" % len(cases)):
        return []
    half = len(cases) // 2
    found = differing(akios, cases[:half], tmp) + differing(akios, cases[half:], tmp)
    return found or [b"(only together) " + data[:200]]


def run_glue(akios, rng, n, tmp):
    cases = [glue_case(rng) for _ in range(n)]
    found = differing(akios, cases, tmp)
    for c in found[:20]:
        print("  case: %s" % as_printf(c + b"\n"))
    return len(found)


def pick(rng, p):
    """A known format, mutated with probability p."""
    v = rng.choice(FORMATS)
    return mutate(rng, v) if rng.random() < p else v


def filler(n):
    line = b"lorem ipsum dolor sit amet, consectetur adipiscing elit\n"
    return (line * (n // len(line) + 1))[:n]


def run_straddle(akios, rng, n, tmp):
    path = os.path.join(tmp, "straddle.txt")
    bad = 0
    for _ in range(n):
        v = pick(rng, 0.3)
        k = rng.randrange(len(v) + 1)  # bytes of v before the cut
        pre, post = rng.choice(EDGE), rng.choice(EDGE)
        body = bytearray(pre + v + post)
        total = CUTS[-1] + 40000
        buf = bytearray(filler(total))
        # a value across the commit point moves the later cuts: it goes in a file of its own
        cuts = CUTS if rng.random() < 0.75 else [COMMIT1]
        at = [0] + [cut - len(pre) - k for cut in cuts]
        for p in at:
            buf[p:p + len(body)] = body
        buf[len(buf) - len(body):] = body  # the last bytes, no newline
        with open(path, "wb") as f:
            f.write(buf)
        if compare(akios, path, bytes(buf), "straddle %r split %d" % (bytes(body), k),
                   ("false",)):
            bad += 1
    return bad


def run_edges(akios, rng, n, tmp):
    path = os.path.join(tmp, "edge.txt")
    bad = 0
    for _ in range(n):
        v = pick(rng, 0.4)
        data = rng.choice([b"", b"\r\n", b"_", b"\xff"]) + v + rng.choice(
            [b"", b"\r\n", b"\r", b"\n", b"_", b"\x00", b"\xc3\xa9"])
        with open(path, "wb") as f:
            f.write(data)
        if compare(akios, path, data, "edge"):
            print("  case: %s" % as_printf(data))
            bad += 1
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--akios", default=os.path.join(HERE, "..", "..", "akios"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--kinds", default="glue,straddle,edges")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in a.kinds.split(","):
            n = {"glue": a.cases, "straddle": max(1, a.cases // 50),
                 "edges": max(1, a.cases // 20)}[kind]
            b = {"glue": run_glue, "straddle": run_straddle, "edges": run_edges}[kind](
                a.akios, rng, n, tmp)
            print("%s: %d cases, %d differing" % (kind, n, b))
            bad += b
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
