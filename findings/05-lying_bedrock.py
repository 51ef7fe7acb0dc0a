#!/usr/bin/env python3
# A lying Bedrock endpoint on 127.0.0.1 (no signature check). Scenario = first path segment:
#   echo403    403 whose body and x-amzn headers echo the token and the Authorization header
#   redirect   307 to 127.0.0.2 (another host): nothing may follow it
#   errecho    event stream whose :error-message echoes the session token
#   flood      event stream of 20000 text deltas for max_tokens 5, no usage
#   b32tok     200 stream whose text holds the token base32-encoded
#   hdrcount   a message with 5000 1-byte-name int headers (valid CRCs)
import base64, json, struct, sys, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

def es(headers, payload, extra=b""):
    hb = b"".join(bytes([len(k)]) + k.encode() + b"\x07" + struct.pack(">H", len(v)) +
                  v.encode() for k, v in headers) + extra
    pre = struct.pack(">II", 12 + len(hb) + len(payload) + 4, len(hb))
    m = pre + struct.pack(">I", zlib.crc32(pre)) + hb + payload
    return m + struct.pack(">I", zlib.crc32(m))

def ev(t, o):
    return es([(":event-type", t), (":message-type", "event")], json.dumps(o).encode())

class H(BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0)); self.rfile.read(n)
        sc = self.path.split("/")[1]
        tok = self.headers.get("X-Amz-Security-Token", "")
        auth = self.headers.get("Authorization", "")
        with open(sys.argv[1], "a") as f:
            f.write(json.dumps({"path": self.path, "headers": dict(self.headers)}) + "\n")
        if sc == "echo403":
            b = json.dumps({"message": "The security token %s is invalid; %s" % (tok, auth)}).encode()
            self.send_response(403); self.send_header("x-amzn-ErrorType", "UnrecognizedClientException")
            self.send_header("x-echo-token", tok)
            self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b); return
        if sc == "redirect":
            self.send_response(307); self.send_header("Location", "http://127.0.0.2:%d/ok/x" % self.server.server_address[1])
            self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Type", "application/vnd.amazon.eventstream")
        self.end_headers()
        out = [ev("messageStart", {"role": "assistant"})]
        if sc == "errecho":
            out.append(es([(":message-type", "error"), (":error-code", "Boom"),
                           (":error-message", "token " + tok)], b""))
        elif sc == "hdrcount":
            out.append(es([(":event-type", "contentBlockDelta"), (":message-type", "event")],
                          b'{"contentBlockIndex":0,"delta":{"text":"hi"}}',
                          extra=b"".join(b"\x01x\x04\x00\x00\x00\x01" for _ in range(5000))))
        else:
            text = ["word "] * (20000 if sc == "flood" else 1)
            if sc == "b32tok":
                text = ["b32=" + base64.b32encode(tok.encode()).decode()]
            for t in text:
                out.append(ev("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": t}}))
        out.append(ev("contentBlockStop", {"contentBlockIndex": 0}))
        out.append(ev("messageStop", {"stopReason": "end_turn"}))
        self.wfile.write(b"".join(out)); self.wfile.flush()

s = ThreadingHTTPServer(("127.0.0.1", 0), H); print(s.server_address[1], flush=True); s.serve_forever()
