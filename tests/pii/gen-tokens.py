#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Text for tests/pii/tokens.t: the token prefilter's (src/pii/tokens.c) worst case. Every
format the class-led patterns know, written many ways, glued to its neighbours by random
separators, capitals, hex, lower-case words, degree signs and digits, so that runs start, end
and merge at every kind of byte. Deterministic for a seed.
  gen-tokens.py --seed N --bytes B OUT"""
import argparse
import random

SEEDS = [
    "4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444", "378282246310005",
    "6011111111111117", "3530111333300000", "30569309025904", "6200000000000005",
    "6759649826438453", "2223000048400011", "(555) 867-5309", "+1 555 867 5309",
    "555.867.5309", "1-555-867-5309", "555-867-5309 ext. 42", "+44 20 7946 0958",
    "0044 20 7946 0958", "01 23 45 67 89", "030 123 4567", "089/1234567", "(030) 1234 5678",
    "0412 345 678", "06-12-34-56-78", "06.12.34.56.78", "06151 123456", "02 9876 5432",
    "0301 23 45 67", "123-45-6789", "123 45 6789", "912-70-1234", "192.168.1.20",
    "10.0.0.1", "255.255.255.255", "52.5200, 13.4050", "-33.8688, 151.2093",
    "1 85 05 78 006 084 91", "2 85 2A 123 456 78", "185057800608491", "AB 12 34 56 C",
    "QQ123456C", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000",
    "de89 3704 0044 0532 0130 00", "nl91abna0417164300", "SW1A 1AA", "EC1A 1BB", "K1A 0B1",
    "M5V3L9", "CA 94105", "NY 10001-1234", "12345678Z", "12345678-Z", "X1234567L", "Z-7654321 Q", "Y-1234567-X",
    "1EG4-TE5-MK73", "1EG4TE5MK73", "1HGCM82633A004352", "WVWZZZ1JZXW000001", "ABCDE1234F",
    "S1234567D", "T7654321J", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "0123.4567.89ab", "ABCD.EF01.2345",
    "48\u00b051'24\"N 2\u00b021'03\"E", "40d26'46\"N,79d58'56\"W", "51\u00b030\u203226\u2033N 0\u00b07\u203239\u2033W",
    "2025-01-20T16:13:23.963Z", "v3.25.24", "ORD-53862255", "SKU 721-998-1769",
    "522592088480608548", "785da35b6b0bc842", "HTTP/1.1", "1903", "59%", "$2926.13",
    "card 9111 1111 1111 1110", "Paid: 9111-1111-1111-1110", "VISA #9111111111111110",
    "charged to card ending 9111111111111110",
]
GLUE = [" ", "  ", "-", ".", ",", "/", "(", ")", "+", ":", "\n", "\t", "_", "=", '"', "'",
        "x", "ext", "A", "B", "N", "S", "E", "W", "d", "\u00b0", "Q", "ab", "Z", "0", "1",
        "9", "00", "de", "gb", "0x", "#", ";", "[", "]", "@", "\u00e9", "\u2032"]
ALPHA = "0123456789ABCDEFGHJKLMNPRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def noise(rng):
    k = rng.random()
    if k < 0.3:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
    if k < 0.45:
        return "".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(2, 18)))
    if k < 0.6:
        return "".join(rng.choice(ALPHA) for _ in range(rng.randint(1, 36)))
    if k < 0.75:
        return " ".join("".join(rng.choice("0123456789") for _ in range(rng.randint(1, 5)))
                        for _ in range(rng.randint(2, 6)))
    return rng.choice(["the", "May", "card", "phone", "Mr", "zip", "at", "and", "route"])


def mutate(rng, s):
    # replace a separator, drop or double one character
    s = list(s)
    if s and rng.random() < 0.3:
        i = rng.randrange(len(s))
        if rng.random() < 0.5:
            s[i] = rng.choice(" -./")
        else:
            s.insert(i, s[i])
    return "".join(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bytes", type=int, default=1000000)
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    parts, n = [], 0
    while n < a.bytes:
        k = rng.random()
        if k < 0.5:
            t = rng.choice(SEEDS)
            t = mutate(rng, t) if rng.random() < 0.4 else t
        else:
            t = noise(rng)
        g = rng.choice(GLUE) if rng.random() < 0.8 else ""
        piece = t + g
        parts.append(piece)
        n += len(piece.encode("utf-8"))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
