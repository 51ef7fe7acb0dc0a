#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Write e-mail test inputs with Python's own email and mailbox packages (not our code):
#   gen-mail.py eml OUT    a multipart/mixed message: quoted-printable plain text, a base64
#                          HTML alternative, an encoded-word subject, a PDF attachment
#   gen-mail.py mbox OUT   an mbox of two messages (the second a plain latin-1 one)
import mailbox
import sys
from email.message import EmailMessage
from email.policy import SMTP

BODY = ("On 2 November the gateway rejected requests from 192.168.10.24 and 10.0.0.7.\n"
        "The on-call engineer, alice.martin@example.com, traced it to a rule that also\n"
        "blocked 203.0.113.45. Cards 4111 1111 1111 1111 and 5500 0000 0000 0004 were\n"
        "refunded. Questions go to bob@example.org. Caf\u00e9 cr\u00e8me \u20ac.\n")


def message():
    m = EmailMessage(policy=SMTP)
    m["From"] = "Opérations <ops@example.net>"
    m["To"] = "team@example.net"
    m["Subject"] = "Incident review — payments gateway"
    m["Date"] = "Mon, 02 Nov 2026 10:00:00 +0000"
    m.set_content(BODY, cte="quoted-printable")
    m.add_alternative("<html><body><p>" + BODY.replace("\n", "<br>") + "</p></body></html>",
                      subtype="html", cte="base64")
    m.add_attachment(b"%PDF-1.4\n%fake attachment bytes\n", maintype="application",
                     subtype="pdf", filename="report.pdf")
    return m


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "eml":
        with open(out, "wb") as f:
            f.write(message().as_bytes())
        return
    box = mailbox.mbox(out, create=True)
    box.add(message())
    second = EmailMessage()
    second["From"] = "carol@example.com"
    second["Subject"] = "second"
    second.set_content("Deux caf\u00e9s, merci.\n", charset="iso-8859-1", cte="8bit")
    box.add(second)
    box.flush()
    box.close()


main()
