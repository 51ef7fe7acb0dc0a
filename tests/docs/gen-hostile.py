#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile documents, made with Python's zipfile/zlib (not our code):
#   gen-hostile.py textbomb OUT   DOCX whose document.xml inflates to 300 MB of text runs
#   gen-hostile.py markbomb OUT   DOCX whose document.xml inflates to 300 MB of empty elements
#   gen-hostile.py deepdocx OUT   DOCX nested 100000 elements deep
#   gen-hostile.py deephtml OUT   HTML nested 100000 <div>s deep
#   gen-hostile.py deeprtf OUT    RTF nested 100000 groups deep
#   gen-hostile.py deepmime OUT   e-mail with multiparts nested 200 deep
#   gen-hostile.py notoffice OUT  a ZIP that is no Office document
import sys
import zipfile
import zlib

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
         'content-types"/>')


def big_member(z, name, head, unit, tail, total):
    # stream a highly compressible member without holding it in memory
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as f:
        f.write(head.encode())
        chunk = (unit * ((1 << 20) // len(unit))).encode()
        for _ in range(total // len(chunk)):
            f.write(chunk)
        f.write(tail.encode())


def docx(out, body_writer):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", TYPES)
        body_writer(z)


def main():
    kind, out = sys.argv[1], sys.argv[2]
    n = 100000
    if kind == "textbomb":
        docx(out, lambda z: big_member(z, "word/document.xml",
                                       '<w:document %s><w:body><w:p><w:r>' % W,
                                       "<w:t>" + "A" * 1000 + "</w:t>",
                                       "</w:r></w:p></w:body></w:document>", 300 << 20))
    elif kind == "markbomb":
        docx(out, lambda z: big_member(z, "word/document.xml",
                                       '<w:document %s><w:body>' % W, "<w:x/>",
                                       "</w:body></w:document>", 300 << 20))
    elif kind == "deepdocx":
        docx(out, lambda z: z.writestr("word/document.xml", '<w:document %s>' % W +
                                       "<w:x>" * n + "</w:x>" * n + "</w:document>"))
    elif kind == "deephtml":
        open(out, "w").write("<html><body>" + "<div>" * n + "deep" + "</div>" * n)
    elif kind == "deeprtf":
        open(out, "w").write("{\\rtf1 " + "{" * n + "deep" + "}" * n + "}")
    elif kind == "deepmime":
        parts = ["From: a@example.com\nSubject: deep\n"]
        for i in range(200):
            parts.append("Content-Type: multipart/mixed; boundary=b%d\n\n--b%d\n" % (i, i))
        parts.append("Content-Type: text/plain\n\ndeep\n")
        open(out, "w").write("".join(parts))
    elif kind == "notoffice":
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("hello.txt", "hello")


main()
