#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark corpora for `akios protect redact` (issue 11, `make bench`).

  gen-pii-corpus.py --kind prose|logs|json --bytes N [--seed S] OUT

Deterministic: the same arguments give the same bytes (random.Random(seed), no clock, no
locale, no third-party package). The text is made apart from the detector's rules and from
the accuracy corpora's templates (tests/pii/gen-corpus.py, tests/pii-eval/gen.py): its own
word lists, its own sentence grammar, its own log and record layouts.

- prose: English paragraphs from a small grammar (articles, adjectives, nouns, verbs,
  adverbs, clauses, capitalised place and organisation words, numbers, years, money,
  percentages); about 1 % of sentences carry an e-mail or a phone number.
- logs: web access logs (combined format) and application logs, every line with a
  timestamp and most with an IPv4 or IPv6 client address, request ids, latencies, paths,
  user agents with dotted version numbers.
- json: one JSON record a line (orders: 16-19 digit ids, SKUs, amounts, ISO timestamps,
  status words, free-text notes); 1 % of records carry an e-mail, a phone or a card.
"""
import argparse
import json
import random
import sys

DET = "the a an this that each every some any no one another".split()
ADJ = ("small large early late quiet busy local common simple open final careful rapid "
       "public private recent annual useful formal natural strong gentle narrow broad "
       "modern ancient northern southern eastern western happy serious curious steady").split()
NOUN = ("report garden river market station teacher engine window morning problem "
        "decision committee village harbour library season letter journey machine answer "
        "question summer winter picture council meeting budget street bridge kitchen "
        "project customer product manager student doctor farmer country history system "
        "program network language result method surface pattern evening weather").split()
VERB = ("reads builds opens follows changes carries reaches describes explains keeps "
        "measures moves notes offers prepares raises shows starts supports touches turns "
        "visits watches writes covers gathers holds improves joins").split()
PAST = ("said found gave told became left felt brought began kept held wrote stood "
        "heard meant set met ran paid sat spoke led grew lost fell sent built").split()
ADV = "slowly quickly rarely often gladly nearly quietly simply finally early soon".split()
PREP = "in on at near under over after before during across behind beside through".split()
CONJ = ["and", "but", "because", "while", "although", "so", "when", "until"]
PLACE = ("Ashford Brookvale Carrow Dunmere Elsworth Fenwick Glenhurst Harlow Ivybridge "
         "Kestrel Lindon Marrow Northgate Oakridge Pembury Quarry Redfield Stanmore "
         "Thornbury Upton Westmere Yarrow").split()
ORG = ["Council", "Institute", "Society", "Museum", "Board", "Trust", "Company", "Group"]
MONTH = ("January February March April May June July August September October November "
         "December").split()
# PII sprinkled at about 1 %: made here, from their own formats, not from the rules.
USERS = ("jo.kim m.olsen rpatel ana.s tdubois kwame.o lin.w sasha.b omar.h e.novak").split()
DOMAINS = ["mailhost.test", "corp-mail.test", "inbox.test", "uni.test"]


def luhn_complete(prefix, length, rnd):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rnd.randrange(10))
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def email(rnd):
    return "%s@%s" % (rnd.choice(USERS), rnd.choice(DOMAINS))


def phone(rnd):
    return "(%d) %03d-%04d" % (rnd.randint(201, 989), rnd.randint(200, 999), rnd.randint(0, 9999))


def card(rnd):
    return luhn_complete(rnd.choice(["4", "51", "37"]), 16, rnd)


def sentence(rnd):
    def np():
        w = [rnd.choice(DET)]
        if rnd.random() < 0.5:
            w.append(rnd.choice(ADJ))
        w.append(rnd.choice(NOUN) + ("s" if rnd.random() < 0.2 else ""))
        return w

    w = np() + [rnd.choice(VERB if rnd.random() < 0.5 else PAST)] + np()
    r = rnd.random()
    if r < 0.3:
        w += [rnd.choice(PREP), rnd.choice(PLACE)]
    elif r < 0.45:
        w += [rnd.choice(PREP), "the", rnd.choice(PLACE), rnd.choice(ORG)]
    elif r < 0.55:
        w += ["in", rnd.choice(MONTH), str(rnd.randint(1850, 2030))]
    elif r < 0.62:
        w += ["for", "$%d.%02d" % (rnd.randint(1, 9999), rnd.randint(0, 99))]
    elif r < 0.68:
        w += ["by", "%d%%" % rnd.randint(1, 99)]
    if rnd.random() < 0.35:
        w += [rnd.choice(CONJ)] + np() + [rnd.choice(ADV), rnd.choice(PAST)]
    if rnd.random() < 0.01:
        w += ["(write to", email(rnd) + ")"] if rnd.random() < 0.6 else ["(call", phone(rnd) + ")"]
    s = " ".join(w)
    return s[0].upper() + s[1:] + rnd.choice([".", ".", ".", "?", "!"])


def prose(rnd, out, n):
    size = 0
    while size < n:
        para = " ".join(sentence(rnd) for _ in range(rnd.randint(3, 8))) + "\n\n"
        out.append(para)
        size += len(para)


def ts(rnd, t):
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        2025, 1 + t // 2678400 % 12, 1 + t // 86400 % 28, t // 3600 % 24, t // 60 % 60, t % 60,
        rnd.randrange(1000))


def ipv4(rnd):
    return "%d.%d.%d.%d" % (rnd.choice([10, 172, 192, 81, 203, 34]), rnd.randrange(256),
                            rnd.randrange(256), rnd.randint(1, 254))


def ipv6(rnd):
    return "2001:db8:%x:%x::%x" % (rnd.randrange(65536), rnd.randrange(65536), rnd.randint(1, 65535))


AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/%d.0.%d.%d Safari/537.36",
          "curl/8.%d.%d", "Go-http-client/1.1", "python-requests/2.%d.%d",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_%d) Gecko/20100101 Firefox/%d.0"]
PATHS = ["/api/v2/orders", "/static/app.%s.js", "/healthz", "/api/v2/users/%d/profile",
         "/login", "/search?q=%s", "/img/banner-%d.webp", "/api/v2/cart/items"]
LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
MSGS = ["request finished", "cache miss", "upstream slow", "retrying connection",
        "job queued", "session refreshed", "rate limit near", "config reloaded"]


def agent(rnd):
    a = rnd.choice(AGENTS)
    return a % tuple(rnd.randrange(200) for _ in range(a.count("%d")))


def path(rnd):
    p = rnd.choice(PATHS)
    if "%s" in p:
        return p % "".join(rnd.choice("abcdef0123456789") for _ in range(8))
    return p % rnd.randrange(100000) if "%d" in p else p


def logs(rnd, out, n):
    size, t = 0, 1700000
    while size < n:
        t += rnd.randint(0, 3)
        if rnd.random() < 0.5:
            line = '%s - - [%02d/Mar/2025:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s"\n' % (
                ipv4(rnd) if rnd.random() < 0.85 else ipv6(rnd), 1 + t // 86400 % 28,
                t // 3600 % 24, t // 60 % 60, t % 60, rnd.choice(["GET", "GET", "POST", "PUT"]),
                path(rnd), rnd.choice([200, 200, 200, 304, 404, 500]), rnd.randrange(90000),
                agent(rnd))
        else:
            line = "%s %-5s [worker-%d] req=%016x client=%s latency_ms=%d %s path=%s\n" % (
                ts(rnd, t), rnd.choice(LEVELS), rnd.randrange(16), rnd.getrandbits(64),
                ipv4(rnd), rnd.randrange(2000), rnd.choice(MSGS), path(rnd))
        out.append(line)
        size += len(line)


STATUS = ["paid", "shipped", "pending", "refunded", "cancelled", "delivered"]


def records(rnd, out, n):
    size, k = 0, 0
    while size < n:
        k += 1
        rec = {
            "id": int(luhn_complete(rnd.choice("34567"), rnd.choice([16, 17, 18, 19]), rnd)),
            "order": "ORD-%08d" % rnd.randrange(10**8),
            "created_at": ts(rnd, 1700000 + k * 7),
            "status": rnd.choice(STATUS),
            "items": [{"sku": "%03d-%03d-%04d" % (rnd.randrange(1000), rnd.randrange(1000),
                                                   rnd.randrange(10000)),
                       "qty": rnd.randint(1, 9), "price": round(rnd.uniform(1, 500), 2)}
                      for _ in range(rnd.randint(1, 3))],
            "currency": rnd.choice(["EUR", "USD", "GBP"]),
            "note": sentence(rnd),
            "client": {"version": "%d.%d.%d" % (rnd.randrange(9), rnd.randrange(30),
                                                rnd.randrange(200)),
                       "locale": rnd.choice(["en-GB", "de-DE", "fr-FR", "nl-NL"])},
        }
        if rnd.random() < 0.01:
            rec["customer"] = rnd.choice([{"email": email(rnd)}, {"phone": phone(rnd)},
                                          {"card": card(rnd)}])
        line = json.dumps(rec, separators=(",", ":")) + "\n"
        out.append(line)
        size += len(line)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=["prose", "logs", "json"], required=True)
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("out")
    a = ap.parse_args()
    rnd = random.Random("%s/%d" % (a.kind, a.seed))
    out = []
    {"prose": prose, "logs": logs, "json": records}[a.kind](rnd, out, a.bytes)
    data = "".join(out).encode()[:a.bytes]
    with open(a.out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
