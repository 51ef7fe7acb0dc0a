# SPDX-License-Identifier: GPL-3.0-or-later
# Helpers shared by the corpus generators written inline in tests/pii/tokens-attack.t.


def luhn_fix(d):
    """d with its last digit replaced by the Luhn check digit of the others."""
    s = 0
    for i, c in enumerate(reversed(d[:-1])):
        v = int(c) * (2 if i % 2 == 0 else 1)
        s += v - 9 if v > 9 else v
    return d[:-1] + str((10 - s % 10) % 10)


def write_joined(path, rnd, values, seps, tail=""):
    """Write values to path (latin-1), each followed by one of seps picked by rnd, then tail."""
    txt = "".join(v + rnd.choice(seps) for v in values) + tail
    open(path, "wb").write(txt.encode("latin-1"))
