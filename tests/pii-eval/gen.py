#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Independent labelled corpus generator for akios's PII/secret detector.
#
# Every value generator here is written from the public format specification (Luhn, ISO 13616
# mod-97, SSA SSN/ITIN rules, ABA checksum, NHS mod-11, HMRC NINO prefixes, ISO 3779 VIN check
# digit, Base58Check, BIP-173 bech32, provider token layouts, RFC 7519 JWT, RFC 7468 PEM) and
# NOT from the detector's patterns: the point is to measure the detector on data it was never
# shaped on. Values are embedded in documents of several genres (e-mail, support ticket,
# clinical note, log, chat, CSV, JSON, config, code) with punctuation, line breaks and Unicode
# around them. Labels are exact UTF-8 byte spans with the CONTRACTS.md section 8 type name.
# A separate set of hard-negative documents holds only things that look like PII but are not
# (order numbers, UUIDs, hashes, versions, OIDs, bad checksums, non-birth dates, ...).
#
# Output: JSON lines on stdout (or -o FILE), one document per line:
#   {"id":N, "genre":G, "negative":bool, "text":T, "labels":[{"type","start","end"}]}
# Python 3 standard library + Debian's python3-fake-factory 0.9.3 (old API), filler text only.
# Usage: /usr/bin/python3 gen.py --seed 1 [--docs 300] [--negatives 80] [-o corpus.jsonl]

import argparse
import base64
import hashlib
import json
import random
import string
import sys

from faker import Factory

R = random.Random()
FAKE = Factory.create("en_US")

DIGITS = string.digits
UPPER = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"


def rs(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def digits(n, first_nonzero=False):
    s = rs(DIGITS, n)
    if first_nonzero and s[0] == "0":
        s = R.choice("123456789") + s[1:]
    return s


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    return sep.join(out)


# ---------------------------------------------------------------- checksummed numbers

def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:          # these get doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


# (brand, prefix generator, lengths, grouping for print)
CARD_BRANDS = [
    ("visa", lambda: "4", [16, 16, 16, 13, 19]),
    ("mastercard", lambda: str(R.randint(51, 55)), [16]),
    ("mastercard2", lambda: str(R.randint(2221, 2720)), [16]),
    ("amex", lambda: R.choice(["34", "37"]), [15]),
    ("discover", lambda: R.choice(["6011", "65", str(R.randint(644, 649))]), [16]),
    ("jcb", lambda: str(R.randint(3528, 3589)), [16]),
    ("diners", lambda: R.choice(["36", "38", str(R.randint(300, 305))]), [14]),
    ("unionpay", lambda: "62" + digits(1), [16, 19]),
    ("maestro", lambda: R.choice(["5018", "5020", "6304", "6759"]), [16, 19]),
]


def card_number(valid=True):
    _, pfx, lengths = R.choice(CARD_BRANDS)
    p = pfx()
    n = R.choice(lengths)
    body = p + digits(n - len(p) - 1)
    cd = luhn_check_digit(body)
    if not valid:
        cd = str((int(cd) + R.randint(1, 9)) % 10)
    return body + cd


def card_format(num):
    n = len(num)
    style = R.random()
    if n == 15 and num[0] == "3":
        sizes = [4, 6, 5]
    elif n == 14:
        sizes = [4, 6, 4]
    else:
        sizes = [4] * (n // 4) + ([n % 4] if n % 4 else [])
    if style < 0.35 or n == 13:
        return num
    if style < 0.75:
        return group(num, sizes, " ")
    return group(num, sizes, "-")


def gen_card():
    return card_format(card_number(True))


# IBAN: country -> BBAN layout, spec from the SWIFT IBAN registry (n digits, a upper, c alnum)
IBAN_LAYOUT = {
    "DE": "18n", "GB": "4a14n", "FR": "10n11c2n", "ES": "20n", "NL": "4a10n", "IT": "1a10n12c",
    "BE": "12n", "CH": "5n12c", "PL": "24n", "AT": "16n", "IE": "4a14n", "PT": "21n",
    "SE": "20n", "DK": "14n", "NO": "11n", "FI": "14n", "LU": "3n13c",
}


def bban_for(layout):
    out, num = [], ""
    for ch in layout:
        if ch.isdigit():
            num += ch
            continue
        n = int(num)
        num = ""
        alpha = {"n": DIGITS, "a": UPPER, "c": UPPER + DIGITS}[ch]
        out.append(rs(alpha, n))
    return "".join(out)


def iban_mod97(s):
    conv = "".join(str(int(c, 36)) for c in s)
    return int(conv) % 97


def iban(valid=True, country=None):
    cc = country or R.choice(sorted(IBAN_LAYOUT))
    bban = bban_for(IBAN_LAYOUT[cc])
    check = 98 - iban_mod97(bban + cc + "00")
    if not valid:
        check = (check + R.randint(1, 40)) % 97 + 2
        if 98 - iban_mod97(bban + cc + "00") == check:
            check = check % 96 + 2
    return cc + "%02d" % check + bban


def iban_format(s):
    if R.random() < 0.55:
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def gen_iban():
    return iban_format(iban(True))


def ssn():
    while True:
        area = R.randint(1, 899)
        if area != 666:
            break
    return "%03d%02d%04d" % (area, R.randint(1, 99), R.randint(1, 9999))


def gen_ssn():
    s = ssn()
    sep = R.choice(["-", "-", "-", " "])
    return group(s, [3, 2, 4], sep)


ITIN_GROUPS = list(range(50, 66)) + list(range(70, 89)) + list(range(90, 93)) + list(range(94, 100))


def gen_itin():
    s = "9%02d%02d%04d" % (R.randint(0, 99), R.choice(ITIN_GROUPS), R.randint(0, 9999))
    return group(s, [3, 2, 4], R.choice(["-", "-", " "]))


ABA_PREFIXES = list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)) + [80]


def aba_ok(s):
    w = [3, 7, 1] * 3
    return sum(int(c) * x for c, x in zip(s, w)) % 10 == 0


def gen_aba():
    while True:
        body = "%02d" % R.choice(ABA_PREFIXES) + digits(6)
        for cd in DIGITS:
            if aba_ok(body + cd):
                return body + cd


def nhs_check(body):
    total = sum(int(c) * w for c, w in zip(body, range(10, 1, -1)))
    cd = 11 - total % 11
    if cd == 11:
        return "0"
    if cd == 10:
        return None
    return str(cd)


def gen_nhs():
    while True:
        body = digits(9, first_nonzero=True)
        cd = nhs_check(body)
        if cd is not None:
            s = body + cd
            return R.choice([group(s, [3, 3, 4], " "), group(s, [3, 3, 4], "-"), s])


NINO_FIRST = [c for c in UPPER if c not in "DFIQUV"]
NINO_SECOND = [c for c in UPPER if c not in "DFIQUVO"]
NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def gen_nino():
    while True:
        p = R.choice(NINO_FIRST) + R.choice(NINO_SECOND)
        if p not in NINO_BAD_PREFIX:
            break
    d = digits(6)
    suf = R.choice("ABCD")
    if R.random() < 0.4:
        return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], suf)
    return p + d + suf


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_TRANSLIT = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9,
                                                      2, 3, 4, 5, 6, 7, 8, 9]))
VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
WMI = ["1HG", "1FA", "2T1", "3VW", "JHM", "WBA", "WDD", "WVW", "YV1", "5YJ", "KMH", "SAL", "VF1"]
VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"


def gen_vin():
    v = list(R.choice(WMI) + rs(VIN_CHARS, 5) + "0" + R.choice(VIN_YEARS) + rs(VIN_CHARS, 1)
             + digits(6))
    total = 0
    for ch, w in zip(v, VIN_WEIGHTS):
        total += (int(ch) if ch.isdigit() else VIN_TRANSLIT[ch]) * w
    r = total % 11
    v[8] = "X" if r == 10 else str(r)
    return "".join(v)


# ---------------------------------------------------------------- crypto addresses

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b):
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58check(version, payload):
    raw = bytes([version]) + payload
    chk = hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    return b58encode(raw + chk)


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def bech32_encode(hrp, data):
    exp = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    pm = bech32_polymod(exp + data + [0] * 6) ^ 1
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + chk)


def convertbits(data, frombits, tobits):
    acc, bits, out = 0, 0, []
    for v in data:
        acc = (acc << frombits) | v
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & ((1 << tobits) - 1))
    if bits:
        out.append((acc << (tobits - bits)) & ((1 << tobits) - 1))
    return out


def gen_crypto():
    k = R.random()
    if k < 0.3:
        return b58check(0x00, bytes(R.getrandbits(8) for _ in range(20)))
    if k < 0.5:
        return b58check(0x05, bytes(R.getrandbits(8) for _ in range(20)))
    if k < 0.7:
        prog = bytes(R.getrandbits(8) for _ in range(R.choice([20, 32])))
        return bech32_encode("bc", [0] + convertbits(prog, 8, 5))
    return "0x" + rs("0123456789abcdef", 40)


# ---------------------------------------------------------------- secrets

B32 = UPPER + "234567"


def gen_aws_key():
    return R.choice(["AKIA", "AKIA", "ASIA"]) + rs(B32, 16)


def gen_aws_secret():
    return rs(ALNUM + "/+", 40)


def gen_github():
    if R.random() < 0.25:
        return "github_pat_" + rs(ALNUM, 22) + "_" + rs(ALNUM, 59)
    return R.choice(["ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) + rs(ALNUM, 36)


def gen_slack():
    kind = R.choice(["xoxb", "xoxb", "xoxp", "xoxa", "xoxr"])
    a = digits(R.randint(10, 13), True)
    b = digits(R.randint(10, 13), True)
    if kind == "xoxp":
        return "%s-%s-%s-%s-%s" % (kind, a, b, digits(13, True), rs("0123456789abcdef", 32))
    return "%s-%s-%s-%s" % (kind, a, b, rs(ALNUM, 24))


def gen_stripe():
    return (R.choice(["sk", "sk", "rk"]) + R.choice(["_live_", "_live_", "_test_"])
            + rs(ALNUM, R.choice([24, 34, 99])))


def gen_google():
    return "AIza" + rs(B64URL, 35)


def gen_openai():
    k = R.random()
    if k < 0.3:
        return "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)
    n = R.choice([58, 74])
    return "sk-" + R.choice(["proj", "proj", "svcacct", "admin"]) + "-" + rs(B64URL, n) \
        + "T3BlbkFJ" + rs(B64URL, n)


def gen_anthropic():
    return "sk-ant-" + R.choice(["api03", "api03", "admin01"]) + "-" + rs(B64URL, 93) + "AA"


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def gen_jwt():
    alg = R.choice(["HS256", "RS256", "ES256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if R.random() < 0.5:
        hdr["kid"] = rs("0123456789abcdef", 16)
    body = {"sub": digits(R.randint(6, 12)), "iat": R.randint(1600000000, 1750000000),
            "exp": R.randint(1750000000, 1800000000)}
    if R.random() < 0.5:
        body["scope"] = R.choice(["read", "read write", "admin"])
    sig_len = {"HS256": 32, "RS256": 256, "ES256": 64}[alg]
    sig = bytes(R.getrandbits(8) for _ in range(sig_len))
    return "%s.%s.%s" % (b64u(json.dumps(hdr, separators=(",", ":")).encode()),
                         b64u(json.dumps(body, separators=(",", ":")).encode()), b64u(sig))


def gen_pem():
    kind = R.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
                     "ENCRYPTED PRIVATE KEY"])
    raw = bytes(R.getrandbits(8) for _ in range(R.choice([121, 300, 600])))
    b = base64.b64encode(raw).decode()
    width = 70 if kind == "OPENSSH PRIVATE KEY" else 64
    lines = [b[i:i + width] for i in range(0, len(b), width)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(lines), kind)


def password():
    return rs(ALNUM, R.randint(4, 8)) + R.choice("!@#$%^*_-") + rs(ALNUM, R.randint(3, 8))


def gen_url_creds():
    scheme = R.choice(["postgres", "postgresql", "mysql", "mongodb", "redis", "amqp", "https",
                       "ftp", "smtp"])
    user = R.choice([FAKE.user_name(), "admin", "svc_" + rs(string.ascii_lowercase, 5)])
    pw = rs(ALNUM, R.randint(8, 20))
    if R.random() < 0.3:
        pw += R.choice(["%21", "%40", "-", "_", "~"]) + rs(ALNUM, 3)
    host = R.choice([FAKE.domain_name(), "db.internal", "10.%d.%d.%d" % (R.randint(0, 255),
                     R.randint(0, 255), R.randint(1, 254)), "localhost"])
    return "%s://%s:%s@" % (scheme, user, pw), host


def gen_url_creds_flat():
    return "".join(gen_url_creds())


# ---------------------------------------------------------------- contact / network

TLDS = ["com", "org", "net", "io", "co.uk", "de", "fr", "com.au", "dev", "ai", "info", "edu"]


def gen_email():
    first = FAKE.first_name().lower()
    last = FAKE.last_name().lower().replace(" ", "")
    local = R.choice([first + "." + last, first[0] + last, first + "_" + last + digits(2),
                      first + "+" + R.choice(["news", "billing", "test"]), last + digits(3),
                      first.capitalize() + "." + last.capitalize()])
    dom = R.choice([FAKE.domain_word(), "mail." + FAKE.domain_word(), "gmail", "outlook",
                    "example-corp"])
    if "." not in dom[-4:] and dom in ("gmail", "outlook"):
        return "%s@%s.com" % (local, dom)
    return "%s@%s.%s" % (local, dom.replace(" ", ""), R.choice(TLDS))


def us_phone_parts():
    area = "%d%02d" % (R.randint(2, 9), R.randint(0, 99))
    exch = "%d%02d" % (R.randint(2, 9), R.randint(0, 99))
    return area, exch, digits(4)


def gen_phone():
    k = R.randrange(16)
    a, e, s = us_phone_parts()
    if k == 0:
        return "(%s) %s-%s" % (a, e, s)
    if k == 1:
        return "%s-%s-%s" % (a, e, s)
    if k == 2:
        return "+1 %s %s %s" % (a, e, s)
    if k == 3:
        return "%s.%s.%s" % (a, e, s)
    if k == 4:
        return "+1-%s-%s-%s" % (a, e, s)
    if k == 5:
        return "+44 20 %s %s" % (digits(4, True), digits(4))
    if k == 6:
        return "07%s %s" % (digits(3), digits(6))
    if k == 7:
        return "+44 (0)%s %s %s" % (R.choice(["161", "121", "113", "131"]), digits(3), digits(4))
    if k == 8:
        return "+49 %s %s" % (R.choice(["30", "89", "40", "151", "171", "160"]), digits(7, True))
    if k == 9:
        return "0%s %s" % (R.choice(["30", "89", "171", "151"]), digits(7, True))
    if k == 10:
        d = [digits(2) for _ in range(4)]
        return "+33 %d %s" % (R.choice([1, 6, 7]), " ".join(d))
    if k == 11:
        d = ["0%d" % R.choice([1, 6, 7])] + [digits(2) for _ in range(4)]
        return R.choice([" ", "."]).join(d)
    if k == 12:
        return "+91 %s %s" % ("9" + digits(4), digits(5))
    if k == 13:
        return R.choice(["+61 4%s %s %s" % (digits(2), digits(3), digits(3)),
                         "(02) %s %s" % (digits(4, True), digits(4))])
    if k == 14:
        return R.choice(["+81 3-%s-%s" % (digits(4, True), digits(4)),
                         "+81 90-%s-%s" % (digits(4, True), digits(4))])
    return "+55 11 9%s-%s" % (digits(4), digits(4))


def gen_ipv4():
    while True:
        a = R.randint(1, 223)
        if a not in (10, 127):
            break
    return "%d.%d.%d.%d" % (a, R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))


def gen_ipv6():
    g = ["%x" % R.randint(0, 0xffff) for _ in range(8)]
    k = R.random()
    if k < 0.35:
        return ":".join(g)
    if k < 0.7:
        return "2001:db8:%s::%s" % (g[2], g[7])
    if k < 0.85:
        return "fe80::%s:%s:%s:%s" % tuple(g[4:])
    return "%s:%s:%s::%s:%s" % (g[0], g[1], g[2], g[6], g[7])


def gen_ip():
    return gen_ipv4() if R.random() < 0.6 else gen_ipv6()


def gen_mac():
    b = [R.randint(0, 255) for _ in range(6)]
    k = R.random()
    if k < 0.5:
        return ":".join("%02x" % x for x in b)
    if k < 0.8:
        return "-".join("%02X" % x for x in b)
    h = "".join("%02x" % x for x in b)
    return "%s.%s.%s" % (h[:4], h[4:8], h[8:])


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def gen_dob():
    y, m, d = R.randint(1930, 2008), R.randint(1, 12), R.randint(1, 28)
    k = R.randrange(8)
    if k == 0:
        return "%02d/%02d/%d" % (m, d, y)
    if k == 1:
        return "%d-%02d-%02d" % (y, m, d)
    if k == 2:
        return "%02d.%02d.%d" % (d, m, y)
    if k == 3:
        return "%s %d, %d" % (MONTHS[m - 1], d, y)
    if k == 4:
        return "%d %s %d" % (d, MONTHS[m - 1], y)
    if k == 5:
        return "%02d-%s-%d" % (d, MONTHS[m - 1][:3], y)
    if k == 6:
        return "%d/%d/%d" % (m, d, y)
    return "%02d/%02d/%d" % (d, m, y)


def gen_mrn():
    k = R.random()
    if k < 0.5:
        return digits(R.randint(6, 10))
    if k < 0.75:
        return R.choice(["MR", "M", "H", "PT"]) + digits(R.randint(6, 8))
    return "%s-%s" % (digits(3), digits(R.randint(4, 6)))


def gen_passport():
    if R.random() < 0.6:
        return digits(9, True)
    return R.choice(UPPER) + digits(8)


def gen_bank():
    return digits(R.randint(8, 17))


GEN = {
    "CREDIT_CARD": gen_card, "IBAN_CODE": gen_iban, "US_SSN": gen_ssn, "US_ITIN": gen_itin,
    "ABA_ROUTING_NUMBER": gen_aba, "UK_NHS": gen_nhs, "UK_NINO": gen_nino, "VIN": gen_vin,
    "CRYPTO": gen_crypto, "AWS_ACCESS_KEY": gen_aws_key, "AWS_SECRET_KEY": gen_aws_secret,
    "GITHUB_TOKEN": gen_github, "SLACK_TOKEN": gen_slack, "STRIPE_KEY": gen_stripe,
    "GOOGLE_API_KEY": gen_google, "OPENAI_API_KEY": gen_openai,
    "ANTHROPIC_API_KEY": gen_anthropic, "JWT": gen_jwt, "PRIVATE_KEY": gen_pem,
    "URL_CREDENTIALS": gen_url_creds_flat, "PASSWORD": password, "EMAIL_ADDRESS": gen_email,
    "PHONE_NUMBER": gen_phone, "IP_ADDRESS": gen_ip, "MAC_ADDRESS": gen_mac,
    "DATE_OF_BIRTH": gen_dob, "MEDICAL_RECORD_NUMBER": gen_mrn, "US_PASSPORT": gen_passport,
    "US_BANK_NUMBER": gen_bank,
}

# Context phrases a human writer puts before each value (prose genres). Types whose value is
# ambiguous without context (DOB, MRN, passport, bank, routing, AWS secret, password) only ever
# appear after one of these.
CTX = {
    "CREDIT_CARD": ["card number", "Visa", "credit card", "my card is", "cc#", "Mastercard",
                    "paid with card", "card no."],
    "IBAN_CODE": ["IBAN", "IBAN:", "bank account (IBAN)", "wire to", "Kontonummer / IBAN"],
    "US_SSN": ["SSN", "social security number", "SSN#", "Soc. Sec. No."],
    "US_ITIN": ["ITIN", "taxpayer ID (ITIN)", "ITIN number"],
    "ABA_ROUTING_NUMBER": ["routing number", "ABA", "ABA routing #", "RTN"],
    "UK_NHS": ["NHS number", "NHS No.", "NHS no:"],
    "UK_NINO": ["National Insurance number", "NI number", "NINO"],
    "VIN": ["VIN", "vehicle identification number", "VIN#", "chassis no. (VIN)"],
    "CRYPTO": ["BTC address", "wallet", "send to", "ETH wallet", "bitcoin"],
    "AWS_ACCESS_KEY": ["access key", "AWS key id", "key"],
    "AWS_SECRET_KEY": ["aws_secret_access_key", "AWS secret key", "secret access key"],
    "GITHUB_TOKEN": ["token", "GitHub PAT", "gh token"],
    "SLACK_TOKEN": ["slack token", "bot token", "token"],
    "STRIPE_KEY": ["stripe key", "secret key", "key"],
    "GOOGLE_API_KEY": ["Maps API key", "google key", "key"],
    "OPENAI_API_KEY": ["OpenAI key", "api key", "key"],
    "ANTHROPIC_API_KEY": ["Claude key", "Anthropic API key", "key"],
    "JWT": ["Bearer", "token", "session token", "id_token"],
    "URL_CREDENTIALS": ["connect with", "DSN", "url", "endpoint"],
    "PASSWORD": ["password", "pwd", "passwd", "Passwort", "temporary password"],
    "EMAIL_ADDRESS": ["email", "e-mail", "contact", "write to", "cc"],
    "PHONE_NUMBER": ["phone", "call me at", "tel", "mobile", "reach me on", "Tel."],
    "IP_ADDRESS": ["from IP", "client", "host", "src", "server"],
    "MAC_ADDRESS": ["MAC", "hw addr", "device MAC", "ether"],
    "DATE_OF_BIRTH": ["DOB", "date of birth", "born", "D.O.B.", "birthdate", "born on",
                      "Date of Birth", "Geburtsdatum", "né le"],
    "MEDICAL_RECORD_NUMBER": ["MRN", "MRN #", "medical record number", "Medical Record No.",
                              "patient MRN"],
    "US_PASSPORT": ["passport number", "Passport No.", "US passport", "passport #"],
    "US_BANK_NUMBER": ["account number", "checking account", "acct #", "bank account no.",
                       "savings account number"],
}

PII_TYPES = ["CREDIT_CARD", "IBAN_CODE", "US_SSN", "US_ITIN", "ABA_ROUTING_NUMBER", "UK_NHS",
             "UK_NINO", "VIN", "CRYPTO", "EMAIL_ADDRESS", "PHONE_NUMBER", "IP_ADDRESS",
             "MAC_ADDRESS", "DATE_OF_BIRTH", "MEDICAL_RECORD_NUMBER", "US_PASSPORT",
             "US_BANK_NUMBER"]
SECRET_TYPES = ["AWS_ACCESS_KEY", "AWS_SECRET_KEY", "GITHUB_TOKEN", "SLACK_TOKEN", "STRIPE_KEY",
                "GOOGLE_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "JWT", "PRIVATE_KEY",
                "URL_CREDENTIALS", "PASSWORD"]


# ---------------------------------------------------------------- document builder

class Doc:
    def __init__(self, genre, negative=False):
        self.genre = genre
        self.negative = negative
        self.parts = []
        self.nbytes = 0
        self.labels = []

    def t(self, s):
        self.parts.append(s)
        self.nbytes += len(s.encode())
        return self

    def v(self, typ, value=None):
        if typ == "URL_CREDENTIALS" and value is None:
            # label scheme://user:password@ as the credential; a host that is an IP address
            # is an IP address finding of its own, any other host is plain text
            cred, host = gen_url_creds()
            self.v(typ, cred)
            if host[0].isdigit():
                return self.v("IP_ADDRESS", host)
            return self.t(host)
        value = GEN[typ]() if value is None else value
        start = self.nbytes
        self.t(value)
        self.labels.append({"type": typ, "start": start, "end": self.nbytes})
        return self

    def record(self, ident):
        text = "".join(self.parts)
        raw = text.encode()
        for lab in self.labels:
            assert 0 <= lab["start"] < lab["end"] <= len(raw)
        return {"id": ident, "genre": self.genre, "negative": self.negative, "text": text,
                "labels": self.labels}


def ctx(typ):
    return R.choice(CTX[typ])


def sep():
    """What sits between a context phrase and its value."""
    return R.choice([": ", ": ", " ", " is ", ":\u00a0", " \u2192 ", " = ", " - ", ":\n  "])


def after():
    """Punctuation / Unicode right after a value."""
    return R.choice([".", ",", "", " ", ")", ";", "\u201d", " \u2014 thanks", "!", "\n", " \U0001F44D"])


def prose_value(d, typ):
    if typ == "PRIVATE_KEY":
        d.t("the key is below:\n").v(typ).t("\n")
        return
    phrase = ctx(typ)
    opener, closer = R.choice([("", ""), ("(", ")"), ("\u201c", "\u201d"), ("<", ">"),
                               ("'", "'"), ("", "")])
    if typ == "EMAIL_ADDRESS" and opener == "<":
        d.t(phrase + " " + FAKE.name() + " <").v(typ).t(">")
        return
    if opener == "(":
        d.t(phrase + " (").v(typ).t(")")
        return
    d.t(phrase + sep() + opener).v(typ).t(closer)


def pick_types(n, pool=None):
    pool = pool or (PII_TYPES * 2 + SECRET_TYPES)
    return [R.choice(pool) for _ in range(n)]


def g_email(d):
    d.t("From: %s <" % FAKE.name()).v("EMAIL_ADDRESS").t(">\n")
    d.t("To: ").v("EMAIL_ADDRESS").t("\nSubject: Re: %s\n\n" % FAKE.sentence().rstrip("."))
    d.t("Hi %s,\n\n%s " % (FAKE.first_name(), FAKE.paragraph()))
    for typ in pick_types(R.randint(2, 4)):
        d.t(R.choice(["As discussed, ", "Also, ", "For the record, ", "Please note: ", "",
                      "P.S. "]))
        prose_value(d, typ)
        d.t(after() + " " + FAKE.sentence() + "\n")
    d.t("\nBest regards,\n%s\n" % FAKE.name())
    if R.random() < 0.6:
        d.t(R.choice(["Tel ", "Phone: ", "M: ", "\u260e "])).v("PHONE_NUMBER").t("\n")


def g_ticket(d):
    d.t("Ticket #%d \u2014 %s\nPriority: %s\nReporter: " % (
        R.randint(10000, 99999), FAKE.catch_phrase(), R.choice(["P1", "P2", "P3"])))
    d.v("EMAIL_ADDRESS").t("\n\nDescription:\n%s\n" % FAKE.paragraph())
    for typ in pick_types(R.randint(2, 4)):
        d.t("Customer says: \u00ab")
        prose_value(d, typ)
        d.t("\u00bb" + after() + "\n")
    d.t("Status: open\n")


def g_clinical(d):
    d.t("CLINICAL NOTE\nPatient: %s\n" % FAKE.name())
    d.t(R.choice(["MRN: ", "MRN #", "Medical Record Number: "])).v("MEDICAL_RECORD_NUMBER")
    d.t("\n" + R.choice(["DOB: ", "Date of birth: ", "D.O.B. "])).v("DATE_OF_BIRTH").t("\n")
    if R.random() < 0.5:
        d.t("NHS number: ").v("UK_NHS").t("\n")
    d.t("Admitted %s for %s. Vitals stable.\n" % (
        "%d-%02d-%02d" % (R.randint(2019, 2025), R.randint(1, 12), R.randint(1, 28)),
        R.choice(["chest pain", "fever", "follow-up", "fracture of the left radius"])))
    d.t("Emergency contact: %s, " % FAKE.name()).v("PHONE_NUMBER").t(".\n")
    if R.random() < 0.5:
        d.t("Insurance billing: SSN ").v("US_SSN").t("; patient born ").v("DATE_OF_BIRTH")
        d.t(".\n")
    d.t("Plan: %s\n" % FAKE.sentence())


def g_log(d):
    for _ in range(R.randint(4, 8)):
        ts = "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (R.randint(1, 12), R.randint(1, 28),
                                                     R.randint(0, 23), R.randint(0, 59),
                                                     R.randint(0, 59), R.randint(0, 999))
        d.t(ts + " " + R.choice(["INFO", "WARN", "ERROR", "DEBUG"]) + " ")
        k = R.randrange(7)
        if k == 0:
            d.t("auth: login ok user=").v("EMAIL_ADDRESS").t(" ip=").v("IP_ADDRESS").t("\n")
        elif k == 1:
            d.t("dhcp: lease ").v("IP_ADDRESS", gen_ipv4()).t(" to ").v("MAC_ADDRESS").t("\n")
        elif k == 2:
            d.t('http: "GET /api/v1/items?id=%d HTTP/1.1" 200 from ' % R.randint(1, 9999))
            d.v("IP_ADDRESS").t("\n")
        elif k == 3:
            d.t("http: request headers {Authorization: Bearer ").v("JWT").t("}\n")
        elif k == 4:
            d.t("db: connecting to ").v("URL_CREDENTIALS").t("/app?sslmode=require\n")
        elif k == 5:
            d.t("payment: charge failed card=").v("CREDIT_CARD", card_number(True)).t(
                " reason=insufficient_funds\n")
        else:
            typ = R.choice([t for t in SECRET_TYPES[:9] if t != "AWS_SECRET_KEY"])
            d.t("config: loaded key=").v(typ).t("\n")


def g_chat(d):
    names = [FAKE.first_name().lower() for _ in range(2)]
    for typ in pick_types(R.randint(3, 5)):
        d.t("[%02d:%02d] %s: " % (R.randint(0, 23), R.randint(0, 59), R.choice(names)))
        d.t(R.choice(["ok here it is ", "", "np, ", "sure! ", "lol ", "\U0001F642 "]))
        prose_value(d, typ)
        d.t(R.choice(["", " pls", " \U0001F64F", "?", " ok?"]) + "\n")
        d.t("[%02d:%02d] %s: %s\n" % (R.randint(0, 23), R.randint(0, 59), R.choice(names),
                                       R.choice(["thx", "got it", "\U0001F44C", "ok"])))


def g_csv(d):
    cols = R.sample(["email", "phone", "card", "iban", "ip", "ssn", "mac", "wallet"], 4)
    colmap = {"email": "EMAIL_ADDRESS", "phone": "PHONE_NUMBER", "card": "CREDIT_CARD",
              "iban": "IBAN_CODE", "ip": "IP_ADDRESS", "ssn": "US_SSN", "mac": "MAC_ADDRESS",
              "wallet": "CRYPTO"}
    d.t("id,name," + ",".join(cols) + ",created\n")
    for i in range(R.randint(3, 6)):
        d.t("%d,\"%s\"," % (i + 1, FAKE.name()))
        for c in cols:
            quote = R.random() < 0.3
            d.t('"' if quote else "").v(colmap[c]).t('"' if quote else "").t(",")
        d.t("2024-%02d-%02d\n" % (R.randint(1, 12), R.randint(1, 28)))


def g_json(d):
    d.t('{\n  "customer": {\n    "name": "%s",\n    "email": "' % FAKE.name())
    d.v("EMAIL_ADDRESS").t('",\n    "phone": "').v("PHONE_NUMBER").t('",\n')
    d.t('    "date_of_birth": "').v("DATE_OF_BIRTH").t('",\n')
    k = R.randrange(4)
    if k == 0:
        d.t('    "ssn": "').v("US_SSN").t('",\n')
    elif k == 1:
        d.t('    "passport_number": "').v("US_PASSPORT").t('",\n')
    elif k == 2:
        d.t('    "nino": "').v("UK_NINO").t('",\n')
    else:
        d.t('    "itin": "').v("US_ITIN").t('",\n')
    d.t('    "bank": {"routing_number": "').v("ABA_ROUTING_NUMBER")
    d.t('", "account_number": "').v("US_BANK_NUMBER").t('"},\n')
    d.t('    "iban": "').v("IBAN_CODE", iban(True)).t('",\n')
    d.t('    "vehicle": {"vin": "').v("VIN").t('", "model": "%s"}\n  },\n' % FAKE.word())
    d.t('  "last_ip": "').v("IP_ADDRESS").t('",\n  "note": "%s"\n}\n' % FAKE.sentence())


def g_config(d):
    style = R.randrange(3)
    items = R.sample([
        ("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"), ("AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"),
        ("GITHUB_TOKEN", "GITHUB_TOKEN"), ("SLACK_BOT_TOKEN", "SLACK_TOKEN"),
        ("STRIPE_SECRET_KEY", "STRIPE_KEY"), ("GOOGLE_MAPS_KEY", "GOOGLE_API_KEY"),
        ("OPENAI_API_KEY", "OPENAI_API_KEY"), ("ANTHROPIC_API_KEY", "ANTHROPIC_API_KEY"),
        ("DATABASE_URL", "URL_CREDENTIALS"), ("DB_PASSWORD", "PASSWORD"),
        ("SMTP_PASSWORD", "PASSWORD"), ("SESSION_JWT", "JWT")], R.randint(3, 6))
    if style == 0:
        d.t("# .env for %s\nAPP_ENV=production\nPORT=%d\n" % (FAKE.word(), R.randint(3000, 9000)))
        for key, typ in items:
            q = R.choice(["", '"', "'"])
            d.t("%s=%s" % (key, q)).v(typ).t(q + "\n")
    elif style == 1:
        d.t("service:\n  name: %s\n  replicas: %d\n  secrets:\n" % (FAKE.word(),
                                                                   R.randint(1, 5)))
        for key, typ in items:
            d.t("    %s: \"" % key.lower()).v(typ).t("\"\n")
    else:
        d.t("[default]\nregion = eu-west-1\n")
        for key, typ in items:
            d.t("%s = " % key.lower()).v(typ).t("\n")


def g_code(d):
    k = R.randrange(4)
    if k == 0:
        d.t("import requests\n\n# TODO: move to vault\nAPI_KEY = \"")
        typ = R.choice(["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "STRIPE_KEY", "GOOGLE_API_KEY",
                        "GITHUB_TOKEN"])
        d.v(typ).t("\"\n\ndef call(x):\n    return requests.post(URL, headers={\"Authorization\":"
                   " f\"Bearer {API_KEY}\"}, json=x)\n")
    elif k == 1:
        d.t("const client = new S3Client({\n  credentials: {\n    accessKeyId: '")
        d.v("AWS_ACCESS_KEY").t("',\n    secretAccessKey: '").v("AWS_SECRET_KEY").t("',\n  },\n});\n")
    elif k == 2:
        d.t("# deploy key, do not commit\nKEY = <<'EOF'\n").v("PRIVATE_KEY").t("\nEOF\n")
    else:
        d.t("conn = psycopg2.connect(\"").v("URL_CREDENTIALS").t(":5432/prod\")\n")
        d.t("# owner: ").v("EMAIL_ADDRESS").t("\n")
        d.t("token = '").v("JWT").t("'\n")


GENRES = [("email", g_email), ("ticket", g_ticket), ("clinical", g_clinical), ("log", g_log),
          ("chat", g_chat), ("csv", g_csv), ("json", g_json), ("config", g_config),
          ("code", g_code)]


# ---------------------------------------------------------------- hard negatives

def uuid4():
    h = rs("0123456789abcdef", 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:])


def isbn13():
    body = "978" + digits(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    d = body + str((10 - s % 10) % 10)
    return "%s-%s-%s-%s-%s" % (d[:3], d[3], d[4:6], d[6:12], d[12])


def bad_card():
    return card_format(card_number(False))


def neg_invoice(d):
    d.t("INVOICE %s\nInvoice date: %02d/%02d/%d\nDue date: %d-%02d-%02d\n" % (
        "INV-%d-%05d" % (R.randint(2019, 2025), R.randint(1, 99999)), R.randint(1, 12),
        R.randint(1, 28), R.randint(2019, 2025), R.randint(2019, 2025), R.randint(1, 12),
        R.randint(1, 28)))
    d.t("Order #%s\n" % digits(R.randint(7, 10), True))
    for _ in range(R.randint(2, 4)):
        d.t("  SKU %s-%s-%s  qty %d  @ %d.%02d EUR\n" % (rs(UPPER, 2), digits(4), digits(3),
                                                        R.randint(1, 9), R.randint(1, 999),
                                                        R.randint(0, 99)))
    d.t("Part No. %s-%s-%s, Lot %s-%s\n" % (digits(4), digits(3), digits(2), digits(2),
                                            digits(4)))
    d.t("Book: ISBN %s\nTotal: %d.%02d EUR (VAT 19%%)\n" % (isbn13(), R.randint(10, 9999),
                                                           R.randint(0, 99)))


def neg_devlog(d):
    for _ in range(R.randint(4, 7)):
        k = R.randrange(8)
        ts = "2024-%02d-%02dT%02d:%02d:%02dZ" % (R.randint(1, 12), R.randint(1, 28),
                                                 R.randint(0, 23), R.randint(0, 59),
                                                 R.randint(0, 59))
        d.t(ts + " ")
        if k == 0:
            d.t("request_id=%s status=200 took=%dms\n" % (uuid4(), R.randint(1, 900)))
        elif k == 1:
            d.t("deploy commit %s (%s) version %d.%d.%d\n" % (
                rs("0123456789abcdef", 40), rs("0123456789abcdef", 7), R.randint(0, 9),
                R.randint(0, 30), R.randint(0, 99)))
        elif k == 2:
            d.t("pulled image registry.local/app@sha256:%s\n" % rs("0123456789abcdef", 64))
        elif k == 3:
            d.t("ua=\"Mozilla/5.0 Chrome/%d.0.%d.%d Safari/537.36\" build %d.0.%d.%d\n" % (
                R.randint(100, 130), R.randint(4000, 7000), R.randint(10, 200),
                R.randint(10, 11), R.randint(19000, 22999), R.randint(1000, 4000)))
        elif k == 4:
            d.t("event_ts_ms=%d seq=%d\n" % (R.randint(1600000000000, 1750000000000),
                                             R.randint(1, 10 ** 6)))
        elif k == 5:
            d.t("snmp get 1.3.6.1.4.1.%d.%d.%d.%d ok\n" % (R.randint(2, 60000), R.randint(1, 30),
                                                          R.randint(1, 9), R.randint(0, 255)))
        elif k == 6:
            d.t("eth tx hash 0x%s confirmed\n" % rs("0123456789abcdef", 64))
        else:
            d.t("md5=%s sha1=%s\n" % (rs("0123456789abcdef", 32), rs("0123456789abcdef", 40)))


def neg_payment(d):
    d.t("Payment form validation report\n")
    d.t("Rejected input (failed Luhn check): %s\n" % bad_card())
    d.t("Rejected IBAN (bad check digits): %s\n" % iban_format(iban(False)))
    d.t("Transaction ref %s, settlement date %d-%02d-%02d\n" % (
        "TX" + digits(12), R.randint(2020, 2025), R.randint(1, 12), R.randint(1, 28)))


def neg_blobs(d):
    raw = bytes(R.getrandbits(8) for _ in range(R.choice([48, 96, 180])))
    d.t("<img src=\"data:image/png;base64,%s\">\n" % base64.b64encode(raw).decode())
    d.t("<script src=\"app.js\" integrity=\"sha384-%s\"></script>\n" % base64.b64encode(
        bytes(R.getrandbits(8) for _ in range(48))).decode())
    page = b64u(json.dumps({"page": R.randint(2, 99), "size": 50}).encode())
    d.t("next_cursor=%s\n" % page)
    d.t("etag: \"%s\"\n" % rs("0123456789abcdef", 32))


def neg_clinicaladmin(d):
    d.t("Ward schedule\nAppointment date: %02d/%02d/%d at %02d:%02d\n" % (
        R.randint(1, 12), R.randint(1, 28), R.randint(2023, 2025), R.randint(8, 17),
        R.choice([0, 15, 30, 45])))
    d.t("Lab batch %s processed on %d-%02d-%02d; room %d, bed %d.\n" % (
        "LB-" + digits(5), R.randint(2023, 2025), R.randint(1, 12), R.randint(1, 28),
        R.randint(100, 499), R.randint(1, 4)))
    d.t("Dose: %d mg every %d hours. Protocol v%d.%d.\n" % (R.randint(5, 500), R.randint(4, 12),
                                                           R.randint(1, 5), R.randint(0, 9)))


NEG_GENRES = [("neg-invoice", neg_invoice), ("neg-devlog", neg_devlog),
              ("neg-payment", neg_payment), ("neg-blobs", neg_blobs),
              ("neg-clinical", neg_clinicaladmin)]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--docs", type=int, default=270)
    ap.add_argument("--negatives", type=int, default=80)
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    R.seed(a.seed)
    FAKE.seed(a.seed)
    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
    n = 0
    for i in range(a.docs):
        genre, fn = GENRES[i % len(GENRES)]
        d = Doc(genre)
        fn(d)
        out.write(json.dumps(d.record(n), ensure_ascii=False) + "\n")
        n += 1
    for i in range(a.negatives):
        genre, fn = NEG_GENRES[i % len(NEG_GENRES)]
        d = Doc(genre, negative=True)
        fn(d)
        assert not d.labels
        out.write(json.dumps(d.record(n), ensure_ascii=False) + "\n")
        n += 1
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
