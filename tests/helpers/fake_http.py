#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A fake HTTP peer for the http agent's tests (python3 standard library only).

    /usr/bin/python3 fake_http.py --record FILE

Listens on 127.0.0.1 (port chosen by the OS, printed on the first line of stdout).
    /echo            200, JSON {"method", "path", "body", "headers"} of the request
    /redirect?to=U   302 to U (any method)
    /big?n=N         200 with N bytes
    /slow?s=S        sleeps S seconds, then 200
    /status?code=C   answers with status C
    /pii             200 with a body holding an e-mail address and a card number
    /echo_forms      200, text: the request's X-Echo header hex-encoded (lower and upper
                     case), reversed and base64-encoded, as a host dodging a raw match would
    /echo_more       200, text: the X-Echo header as base32, every byte percent-encoded and
                     every character as a JSON \\u escape (both cases)
Every request is appended to --record as one JSON line {"method","path","headers","body"}.
"""
import argparse
import base64
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

RECORD = None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, code, body, ctype="application/json", extra=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode("utf-8", "replace")
        if RECORD:
            with open(RECORD, "a") as f:
                f.write(json.dumps({"method": self.command, "path": self.path,
                                    "headers": dict(self.headers), "body": body}) + "\n")
        u = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        if u.path == "/echo":
            return self.reply(200, json.dumps({"method": self.command, "path": self.path,
                                               "body": body, "headers": dict(self.headers)}))
        if u.path == "/redirect":
            return self.reply(302, "", "text/plain", {"Location": q.get("to", "/echo")})
        if u.path == "/big":
            return self.reply(200, "x" * int(q.get("n", "1000")), "text/plain")
        if u.path == "/slow":
            time.sleep(float(q.get("s", "5")))
            return self.reply(200, "late", "text/plain")
        if u.path == "/status":
            return self.reply(int(q.get("code", "500")), '{"error": "as asked"}')
        if u.path == "/echo_forms":
            v = self.headers.get("X-Echo", "").encode()
            return self.reply(200, "hex=%s HEX=%s rev=%s b64=%s" % (
                v.hex(), v.hex().upper(), v[::-1].decode("latin-1"),
                base64.b64encode(v).decode()), "text/plain")
        if u.path == "/echo_more":
            v = self.headers.get("X-Echo", "").encode()
            return self.reply(200, "b32=%s pct=%s pctl=%s uesc=%s UESC=%s" % (
                base64.b32encode(v).decode(), "".join("%%%02X" % b for b in v),
                "".join("%%%02x" % b for b in v), "".join("\\u%04x" % b for b in v),
                "".join("\\u%04X" % b for b in v)), "text/plain")
        if u.path == "/pii":
            return self.reply(200, "contact jane.roe@example.org, card 4111 1111 1111 1111",
                              "text/plain")
        return self.reply(404, '{"error": "not found"}')

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def main():
    global RECORD
    ap = argparse.ArgumentParser()
    ap.add_argument("--record")
    RECORD = ap.parse_args().record
    srv = Server(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    sys.stdout.close()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
