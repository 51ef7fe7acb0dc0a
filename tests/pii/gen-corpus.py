#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Labelled PII corpus generator for the akios accuracy harness (tests/pii/accuracy.t).

Run with Debian's python3 (needs python3-fake-factory 0.9.3, old API):

  gen-corpus.py --seed 1 --templates a --records 3000 TEXT LABELS   labelled corpus
  gen-corpus.py --hard-negatives TEXT                                 hard negatives only
  gen-corpus.py --bench BYTES TEXT                                    prose with ~1% PII

LABELS is JSON lines {"start":B,"end":E,"type":T} with UTF-8 byte offsets (end exclusive).
Values with checksums (cards, IBAN, NHS, ABA, VIN, Base58Check, ...) are generated valid;
hard negatives are built to look like PII and fail the rule that makes PII (bad checksum,
no context word, version strings, hashes, UUIDs, order numbers, invoice dates).
Template set "a" is the project's; set "b" has other wording, other context words and other
locales: the "corpus it has never seen".
"""
import argparse
import base64
import hashlib
import json
import random
import string
import sys

from faker import Faker

R = random.Random()
GB = Faker("en_GB")


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def luhn_complete(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        v = int(c)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return body + str((10 - total % 10) % 10)


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


IBAN_LEN = {"DE": 22, "GB": 22, "FR": 27, "ES": 24, "NL": 18, "IT": 27, "CH": 21, "PL": 28,
            "BE": 16, "AT": 20, "IE": 22, "PT": 25, "SE": 24, "NO": 15, "DK": 18}


def iban():
    cc = R.choice(sorted(IBAN_LEN))
    n = IBAN_LEN[cc] - 4
    if cc in ("GB", "NL", "IE"):
        bban = "".join(R.choice(string.ascii_uppercase) for _ in range(4)) + digits(n - 4)
    elif cc == "IT":
        bban = R.choice(string.ascii_uppercase) + digits(n - 1)
    else:
        bban = digits(n)
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    check = 98 - int(num) % 97
    v = "%s%02d%s" % (cc, check, bban)
    return group(v, [4] * 9, " ") if R.random() < 0.5 else v


def ssn(fake):
    while True:
        v = fake.ssn()
        if v[:3] not in ("000", "666") and v[0] != "9" and v[4:6] != "00" and v[7:] != "0000":
            return v


def nhs():
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        c = 11 - sum(x * (10 - i) for i, x in enumerate(d)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return group(s, [3, 3, 4], R.choice([" ", "-", ""]))


def aba():
    while True:
        d = [R.randint(0, 9) for _ in range(8)]
        d[0], d[1] = R.choice([(0, 1), (0, 2), (1, 1), (2, 1), (0, 7), (3, 1), (0, 6)])
        for c in range(10):
            x = d + [c]
            if (3 * (x[0] + x[3] + x[6]) + 7 * (x[1] + x[4] + x[7]) + x[2] + x[5] + x[8]) % 10 == 0:
                return "".join(map(str, x))


def bad_aba():
    good = aba()
    return good[:8] + str((int(good[8]) + R.randint(1, 9)) % 10)


def nino():
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = R.choice(first) + R.choice(second)
        if p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ") and p[0] not in "DFIQUV":
            break
    d = digits(6)
    s = R.choice("ABCD")
    if R.random() < 0.5:
        return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], s)
    return p + d + s


VIN_MAP = {c: v for c, v in zip("ABCDEFGHJKLMNPRSTUVWXYZ",
                                [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9])}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin():
    alpha = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        v = [R.choice("1245JKSWZ"), R.choice("ABCFGHMNT")] + [R.choice(alpha) for _ in range(11)]
        v += list(digits(4))
        s = sum((int(c) if c.isdigit() else VIN_MAP[c]) * w for c, w in zip(v, VIN_W)) % 11
        v[8] = "X" if s == 10 else str(s)
        if sum(c.isalpha() for c in v) >= 2:
            return "".join(v)


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58check(payload):
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(raw, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(raw) - len(raw.lstrip(b"\0"))
    return "1" * pad + out


def btc():
    ver = R.choice([b"\x00", b"\x05"])
    return b58check(ver + bytes(R.getrandbits(8) for _ in range(20)))


def imei():
    return luhn_complete(digits(14))


def npi():
    while True:
        body = R.choice("12") + digits(8)
        full = luhn_complete("80840" + body)
        return body + full[-1]


def sin():
    return group(luhn_complete(R.choice("1234567") + digits(7)), [3, 3, 3], R.choice([" ", "-"]))


def pan():
    up = string.ascii_uppercase
    return "".join(R.choice(up) for _ in range(3)) + R.choice("ABCFGHLJPT") + R.choice(up) + \
        digits(4) + R.choice(up)


def nif():
    n = R.randint(10000000, 99999999)
    return "%08d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])


def nric():
    p = R.choice("ST")
    d = digits(7)
    s = sum(int(c) * w for c, w in zip(d, [2, 7, 6, 5, 4, 3, 2])) + (4 if p == "T" else 0)
    return p + d + "JZIHGFEDCBA"[s % 11]


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(fake):
    hdr = b64u(json.dumps({"alg": R.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
    body = b64u(json.dumps({"sub": fake.user_name(), "iat": R.randint(10 ** 9, 2 * 10 ** 9)}).encode())
    return hdr + "." + body + "." + b64u(bytes(R.getrandbits(8) for _ in range(32)))


def rnd(chars, n):
    return "".join(R.choice(chars) for _ in range(n))


ALNUM = string.ascii_letters + string.digits
UP = string.ascii_uppercase


def pem():
    body = base64.b64encode(bytes(R.getrandbits(8) for _ in range(R.randint(90, 400)))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    kind = R.choice(["RSA ", "EC ", "", "OPENSSH "])
    return "-----BEGIN %sPRIVATE KEY-----\n%s\n-----END %sPRIVATE KEY-----" % (
        kind, "\n".join(lines), kind)


def card(fake):
    kind = R.choice(["visa16", "visa13", "mastercard", "amex", "discover", "diners", "jcb16",
                     "jcb15", "maestro"])
    v = fake.credit_card_number(card_type=kind)
    r = R.random()
    if r < 0.3 and len(v) == 16:
        return group(v, [4, 4, 4, 4], R.choice([" ", "-"]))
    if r < 0.4 and len(v) == 15:
        return group(v, [4, 6, 5], " ")
    return v


def phone(fake, alt):
    if alt and R.random() < 0.4:
        for _ in range(20):
            v = GB.phone_number()
            if v.startswith("+44"):
                return v
    if R.random() < 0.5:
        return fake.phone_number()
    a, b, c = R.randint(201, 989), R.randint(200, 999), digits(4)
    return R.choice(["(%d) %d-%s", "%d-%d-%s", "%d.%d.%s", "+1 %d %d %s", "+1-%d-%d-%s"]) % (a, b, c)


def dob(fake, alt):
    d = fake.date_of_birth(minimum_age=18, maximum_age=90)
    fmts = ["%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%B %d, %Y", "%d %b %Y"]
    return d.strftime(R.choice(fmts))


def values(fake, alt):
    """(type, value) generators."""
    return {
        "EMAIL_ADDRESS": lambda: fake.email(),
        "PHONE_NUMBER": lambda: phone(fake, alt),
        "CREDIT_CARD": lambda: card(fake),
        "IBAN_CODE": iban,
        "US_SSN": lambda: ssn(fake),
        "US_ITIN": lambda: fake.itin(),
        "US_EIN": lambda: fake.ein(),
        "IP_ADDRESS": lambda: fake.ipv4() if R.random() < 0.6 else fake.ipv6(),
        "MAC_ADDRESS": lambda: fake.mac_address() if R.random() < 0.7 else fake.mac_address().replace(":", "-").upper(),
        "DATE_OF_BIRTH": lambda: dob(fake, alt),
        "UK_NINO": nino,
        "UK_NHS": nhs,
        "ABA_ROUTING_NUMBER": aba,
        "US_BANK_NUMBER": lambda: digits(R.randint(8, 14)),
        "VIN": vin,
        "CRYPTO": btc,
        "IMEI": imei,
        "US_NPI": npi,
        "CA_SIN": sin,
        "IN_PAN": pan,
        "ES_NIF": nif,
        "SG_NRIC_FIN": nric,
        "MEDICAL_RECORD_NUMBER": lambda: R.choice(["", "MR", "A"]) + digits(R.randint(6, 9)),
        "US_PASSPORT": lambda: digits(9) if R.random() < 0.5 else R.choice(UP) + digits(8),
        "US_DRIVER_LICENSE": lambda: R.choice(UP) + digits(R.randint(7, 12)),
        "JWT": lambda: jwt(fake),
        "AWS_ACCESS_KEY": lambda: "AKIA" + rnd(UP + "234567", 16),
        "AWS_SECRET_KEY": lambda: rnd(ALNUM + "/+", 40),
        "GITHUB_TOKEN": lambda: R.choice(["ghp_", "gho_", "ghs_"]) + rnd(ALNUM, 36),
        "SLACK_TOKEN": lambda: "xoxb-%s-%s-%s" % (digits(12), digits(13), rnd(ALNUM, 24)),
        "STRIPE_KEY": lambda: R.choice(["sk_live_", "sk_test_", "rk_live_"]) + rnd(ALNUM, 24),
        "GOOGLE_API_KEY": lambda: "AIza" + rnd(ALNUM + "_-", 35),
        "OPENAI_API_KEY": lambda: "sk-proj-" + rnd(ALNUM + "_-", 48),
        "ANTHROPIC_API_KEY": lambda: "sk-ant-api03-" + rnd(ALNUM + "_-", 93) + "AA",
        "PRIVATE_KEY": pem,
        "PASSWORD": lambda: fake.password(length=R.randint(8, 16)),
        "GENERIC_SECRET": lambda: rnd(ALNUM, R.randint(24, 40)),
        "COORDINATES": lambda: "%.6f, %.6f" % (R.uniform(-89, 89), R.uniform(-179, 179)),
        "UK_POSTCODE": lambda: GB.postcode(),
        "US_ZIP_CODE": lambda: fake.zipcode(),
    }


# Templates: {TYPE} is a value of that type, {name}, {company}, {city} are unlabelled filler.
TEMPLATES_A = [
    "Please contact {name} at {EMAIL_ADDRESS} or {PHONE_NUMBER} before Friday.",
    "Customer {name} paid with card {CREDIT_CARD} for order #{order}.",
    "Wire the refund to IBAN {IBAN_CODE} (account holder {name}).",
    "Employee record: {name}, SSN {US_SSN}, hired at {company}.",
    "Tax filing for {name} uses ITIN {US_ITIN}.",
    "The employer EIN: {US_EIN} appears on the W-2.",
    "Login from {IP_ADDRESS} was blocked by the firewall.",
    "Device with MAC {MAC_ADDRESS} joined the guest network.",
    "Patient {name}, DOB: {DATE_OF_BIRTH}, was admitted today.",
    "National Insurance number {UK_NINO} belongs to {name}.",
    "NHS number {UK_NHS} was verified at the clinic.",
    "Routing number {ABA_ROUTING_NUMBER} and account number {US_BANK_NUMBER} are on file.",
    "The car's VIN {VIN} was recorded by {company}.",
    "Send the payment to bitcoin wallet {CRYPTO} today.",
    "Phone IMEI: {IMEI} reported stolen in {city}.",
    "Referring physician NPI {US_NPI} signed the form.",
    "Canadian SIN {CA_SIN} on the application of {name}.",
    "PAN card {IN_PAN} was submitted for KYC.",
    "DNI {ES_NIF} presented by {name} at the desk.",
    "NRIC {SG_NRIC_FIN} scanned at the counter.",
    "MRN: {MEDICAL_RECORD_NUMBER} for the follow-up visit.",
    "Passport number {US_PASSPORT} expires next year.",
    "Driver's license {US_DRIVER_LICENSE} was checked by the officer.",
    "Authorization header carried {JWT} for the session.",
    "AWS key {AWS_ACCESS_KEY} with aws_secret_access_key = {AWS_SECRET_KEY} leaked.",
    "Token {GITHUB_TOKEN} was pushed to the repository.",
    "The bot uses {SLACK_TOKEN} to post messages.",
    "Billing uses {STRIPE_KEY} in production.",
    "Maps key {GOOGLE_API_KEY} is restricted to {city}.",
    "export OPENAI_API_KEY={OPENAI_API_KEY}",
    "ANTHROPIC_API_KEY={ANTHROPIC_API_KEY}",
    "Found a key in the repo:\n{PRIVATE_KEY}\nrotate it.",
    "db_password: {PASSWORD}",
    "api_key = \"{GENERIC_SECRET}\"",
    "The office is at {COORDINATES} near {city}.",
    "Ship to {name}, London {UK_POSTCODE}.",
    "Ship to {name}, Zip code: {US_ZIP_CODE}.",
    "Café «{name}» — email {EMAIL_ADDRESS}, téléphone {PHONE_NUMBER}.",
    "Kunde: {name} · Karte {CREDIT_CARD} · IBAN {IBAN_CODE} ✓",
]

TEMPLATES_B = [
    "{name} <{EMAIL_ADDRESS}> wrote: call me back on {PHONE_NUMBER} tonight",
    "charged {CREDIT_CARD} ({name}) — receipt sent",
    "beneficiary iban={IBAN_CODE}; reference {order}",
    "social security number is {US_SSN}, please keep it safe",
    "ITIN {US_ITIN} / employer id number {US_EIN}",
    "src={IP_ADDRESS} dst={IP_ADDRESS} action=deny",
    "hw addr {MAC_ADDRESS} on eth0",
    "born on {DATE_OF_BIRTH} in {city}",
    "NINO: {UK_NINO}; NHS no. {UK_NHS}",
    "ABA {ABA_ROUTING_NUMBER}, acct #{US_BANK_NUMBER}",
    "vehicle identification {VIN} (registered to {name})",
    "btc address {CRYPTO}",
    "IMEI {IMEI} / NPI: {US_NPI}",
    "social insurance number {CA_SIN}",
    "{name} PAN {IN_PAN}, NIF {ES_NIF}, NRIC {SG_NRIC_FIN}",
    "medical record number {MEDICAL_RECORD_NUMBER} (ward 4)",
    "US passport {US_PASSPORT}; DL {US_DRIVER_LICENSE}",
    "curl -H 'Authorization: Bearer {JWT}' https://api.{domain}/v1",
    "[default]\naws_access_key_id = {AWS_ACCESS_KEY}\naws_secret_access_key = {AWS_SECRET_KEY}",
    "GH_TOKEN={GITHUB_TOKEN} SLACK={SLACK_TOKEN}",
    "stripe: {STRIPE_KEY}  google: {GOOGLE_API_KEY}",
    "client = OpenAI(api_key=\"{OPENAI_API_KEY}\")",
    "anthropic.Client(\"{ANTHROPIC_API_KEY}\")",
    "{PRIVATE_KEY}",
    "{{\"user\": \"{username}\", \"password\": \"{PASSWORD}\"}}",
    "client_secret: {GENERIC_SECRET}",
    "GPS {COORDINATES} (accuracy 5 m)",
    "Flat 2, {UK_POSTCODE}, United Kingdom",
    "{city}, ZIP {US_ZIP_CODE}",
    "电话 {PHONE_NUMBER} — 邮箱 {EMAIL_ADDRESS}",
    "Überweisung an {IBAN_CODE} für {name}",
]


def fill(template, gen, fake):
    """Returns (text, [(start_byte, end_byte, type)])."""
    out, labels, i = b"", [], 0
    while i < len(template):
        if template.startswith("{{", i):
            out += b"{"
            i += 2
            continue
        if template.startswith("}}", i):
            out += b"}"
            i += 2
            continue
        if template[i] == "{":
            j = template.index("}", i)
            key = template[i + 1:j]
            if key in gen:
                v = gen[key]().encode()
                labels.append((len(out), len(out) + len(v), key))
                out += v
            else:
                filler = {"name": fake.name, "company": fake.company, "city": fake.city,
                          "order": lambda: digits(9), "username": fake.user_name,
                          "domain": fake.domain_name}[key]
                out += filler().encode()
            i = j + 1
            continue
        j = i
        while j < len(template) and template[j] not in "{}":
            j += 1
        out += template[i:j].encode()
        i = j
    return out, labels


def hard_negatives(fake):
    lines = []
    for _ in range(40):
        lines += [
            "Order %s shipped on %s." % (digits(9), fake.date()),
            "Order number %s, invoice %s." % (digits(10), digits(12)),
            "version %d.%d.%d.%d released" % tuple(R.randint(0, 20) for _ in range(4)),
            "upgrade to v%d.%d.%d.%d now" % tuple(R.randint(0, 20) for _ in range(4)),
            "OID 1.3.6.1.4.1.%d" % R.randint(1, 99999),
            "request id %s" % fake.uuid4(),
            "sha1 %s md5 %s" % (fake.sha1(), fake.md5()),
            "sha256:%s" % fake.sha256(),
            "commit %s" % fake.sha1()[:12],
            "Invoice date: %s, due %s" % (fake.date(), fake.date()),
            "Meeting on %s at 10:30." % fake.date(),
            "Card 4111 1111 1111 111%d is a test number with a bad checksum" % R.choice([0, 2, 3, 4, 5, 6, 7, 8, 9]),
            "ref 5500 0000 0000 000%d" % R.choice([1, 2, 3, 5, 6, 7, 8, 9]),
            "IBAN DE89 3704 0044 0532 0130 %02d" % R.choice([1, 2, 3, 10, 11, 55]),
            "routing number %s" % bad_aba(),
            "ticket %s-%s" % (digits(3), digits(6)),
            "price $%d.%02d, qty %d" % (R.randint(1, 999), R.randint(0, 99), R.randint(1, 99)),
            "ISBN %s" % fake.isbn13(),
            "EAN %s" % fake.ean13(),
            "timestamp %d" % R.randint(10 ** 9, 2 * 10 ** 9),
            "build 20231015.%d" % R.randint(1, 99),
            "SSN-like but invalid: 000-%s-%s, 666-%s-%s" % (digits(2), digits(4), digits(2), digits(4)),
            "NHS number 943 476 591%d" % R.choice([0, 1, 2, 3, 4, 5, 6, 7, 8]),
            "password is required",
            "api_key = YOUR_API_KEY_HERE",
            "token: ${GITHUB_TOKEN}",
            "see section 4.2.1.3 of the manual",
            "temperature 37.5, ratio 0.333",
            "file icon@2x.png and image@3x.jpg",
            "std::vector<int> and Foo::Bar",
            "12:30:45 and 2023-10-15T12:30:45Z",
            "run %s took %d ms" % (fake.uuid4()[:8], R.randint(1, 9999)),
        ]
    # drop exact duplicates that lose a bad checksum by chance
    return "\n".join(lines) + "\n"


def bench(size, fake, gen):
    words = [fake.word() for _ in range(5000)]
    keys = sorted(gen)
    out, n = [], 0
    pii = 0
    while n < size:
        line = " ".join(R.choice(words) for _ in range(R.randint(8, 16)))
        if R.random() < 0.035:
            v = gen[R.choice(keys)]()
            if len(v) < 200:
                pii += len(v)
                line += " " + v
        line += "\n"
        out.append(line)
        n += len(line)
    sys.stderr.write("bench corpus: %d bytes, %.2f%% PII\n" % (n, 100.0 * pii / n))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--templates", choices=["a", "b"], default="a")
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--hard-negatives", action="store_true")
    ap.add_argument("--bench", type=int, default=0)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    R.seed(a.seed)
    fake = Faker("en_US")
    fake.seed(a.seed)
    GB.seed(a.seed)
    gen = values(fake, a.templates == "b")
    if a.hard_negatives:
        open(a.files[0], "w").write(hard_negatives(fake))
        return
    if a.bench:
        open(a.files[0], "w").write(bench(a.bench, fake, gen))
        return
    templates = TEMPLATES_A if a.templates == "a" else TEMPLATES_B
    text, labels = b"", []
    for _ in range(a.records):
        t, ls = fill(R.choice(templates), gen, fake)
        labels += [(s + len(text), e + len(text), k) for s, e, k in ls]
        text += t + b"\n"
    open(a.files[0], "wb").write(text)
    with open(a.files[1], "w") as f:
        for s, e, k in labels:
            f.write(json.dumps({"start": s, "end": e, "type": k}) + "\n")


if __name__ == "__main__":
    main()
