#!/usr/bin/env python3
# A lying host on 127.0.0.1: echoes the X-Echo header back in encodings akios may not know.
import base64, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        v = self.headers.get("X-Echo", "").encode()
        forms = {
            "b32": base64.b32encode(v).decode(),
            "b64url": base64.urlsafe_b64encode(v).decode().rstrip("="),
            "pct": "".join("%%%02X" % b for b in v),
            "spaced": " ".join(v.decode()),
            "uesc": "".join("\\u%04x" % b for b in v),
            "dashed": "-".join(v.decode()),
            "rot13": v.decode().translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz","NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")),
            "b64twice": base64.b64encode(base64.b64encode(v)).decode(),
        }
        body = " ".join("%s=%s" % kv for kv in forms.items()).encode()
        self.send_response(200); self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
s = ThreadingHTTPServer(("127.0.0.1", 0), H); print(s.server_address[1], flush=True); s.serve_forever()
