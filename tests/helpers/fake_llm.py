#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Protocol-faithful fake LLM servers for akios tests (python3 standard library only).

    /usr/bin/python3 fake_llm.py --record FILE

Listens on 127.0.0.1 on a port chosen by the OS and prints that port on the first line of
stdout. One server speaks every wire format, chosen by the request path:

    openai / mistral / grok   POST .../chat/completions           (SSE or JSON)
    anthropic                 POST .../v1/messages                (SSE with named events)
    ollama                    POST .../api/chat                   (NDJSON or JSON)
    gemini                    POST .../v1beta/models/M:generateContent
                              POST .../v1beta/models/M:streamGenerateContent?alt=sse
    bedrock                   POST .../model/M/converse           (JSON, AWS SigV4-signed)
                              POST .../model/M/converse-stream    (AWS binary event-stream)

Bedrock requests are authenticated as AWS does it: the server recomputes the Signature
Version 4 of every request (its own implementation, from the spec, with hashlib/hmac) from
the keys given with --aws-key AKID:SECRET[:SESSION_TOKEN] (repeatable; a key with a token
also needs that x-amz-security-token) and the --aws-region (default us-east-1), and answers
403 with AWS's error body and x-amzn-ErrorType (InvalidSignatureException,
UnrecognizedClientException, IncompleteSignatureException) when it does not verify. The
Converse body is validated (400 ValidationException); throttling is AWS's 429
ThrottlingException, without Retry-After. ConverseStream answers in AWS's event-stream
framing (prelude, string headers, CRC-32s); bedrock-only scenarios: no_content (an answer
without output.message.content), stream_exception (a modelStreamErrorException message
after one delta), bad_crc (a message whose CRC does not match).

A scenario can be put in front of the path, so tests pick it with the base URL:
    http://127.0.0.1:PORT/s/<name>[,<name>...]/v1/chat/completions
Scenarios: words=N (answer length, default 8), ignore_max (stream N words even past the
max_tokens the client asked for), nousage, 429once (429 + Retry-After: 1, then normal),
429always, 500once, 500always, slow=S (sleep before the answer), stall (send one delta,
then hang), truncated (stop before the final event), malformed (a broken JSON event),
huge (20 MB of text), echo_key (a 401 whose message quotes the key), echo_key_forms (a 401
quoting the key upper-cased, base64-encoded and URL-encoded), redirect (302), zero_usage
(report 0 tokens whatever was sent), one_delta=B (the whole answer as one delta of B bytes).

Every request is appended to the --record file as one JSON line
{"path", "headers", "body"} (bedrock: and "sigv4": "valid" or why not) so tests can check
exactly what reached the server.
"""
import argparse
import calendar
import hashlib
import hmac
import json
import re
import struct
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
SEEN = {}          # scenario string -> number of requests seen
RECORD = None
AWS_KEYS = {}      # access key id -> (secret, session token or None)
AWS_REGION = "us-east-1"
AWS_SKEW = 300     # seconds a signed x-amz-date may be off

AWS_BAD_SIGNATURE = ("The request signature we calculated does not match the signature you "
                     "provided. Check your AWS Secret Access Key and signing method. Consult "
                     "the service documentation for details.")
AWS_BAD_TOKEN = "The security token included in the request is invalid."


def _hmac(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def sigv4_check(method, raw_path, headers, body):
    """None when the request's SigV4 signature verifies, else (error type, message)."""
    m = re.fullmatch(r"AWS4-HMAC-SHA256 Credential=([^/,]+)/(\d{8})/([^/,]+)/([^/,]+)/"
                     r"aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})",
                     headers.get("Authorization") or "")
    if not m:
        return ("IncompleteSignatureException", "Authorization header requires 'Credential', "
                "'Signature' and 'SignedHeaders' parameters.")
    akid, day, region, service, signed, sig = m.groups()
    if akid not in AWS_KEYS:
        return ("UnrecognizedClientException", AWS_BAD_TOKEN)
    secret, token = AWS_KEYS[akid]
    amz = headers.get("X-Amz-Date") or ""
    try:
        when = calendar.timegm(time.strptime(amz, "%Y%m%dT%H%M%SZ"))
    except ValueError:
        return ("IncompleteSignatureException", "Authorization header requires existence of "
                "either a 'X-Amz-Date' or a 'Date' header.")
    if amz[:8] != day:
        return ("InvalidSignatureException", "Date in Credential scope does not match "
                "YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s'" % (day, amz[:8]))
    if abs(time.time() - when) > AWS_SKEW:
        return ("InvalidSignatureException", "Signature expired: %s is now earlier or later "
                "than the allowed window" % amz)
    if service != "bedrock":
        return ("InvalidSignatureException", "Credential should be scoped to correct service: "
                "'bedrock'.")
    if region != AWS_REGION:
        return ("InvalidSignatureException", "Credential should be scoped to a valid region.")
    names = signed.split(";")
    if names != sorted(names) or "host" not in names or "x-amz-date" not in names:
        return ("InvalidSignatureException", "'Host' and 'X-Amz-Date' must be signed headers.")
    sent_token = headers.get("X-Amz-Security-Token")
    if sent_token is not None and "x-amz-security-token" not in names:
        return ("InvalidSignatureException", "'X-Amz-Security-Token' must be a signed header.")
    if token is not None and sent_token != token:
        return ("UnrecognizedClientException", AWS_BAD_TOKEN)
    path, _, query = raw_path.partition("?")
    pairs = sorted((p if "=" in p else p + "=") for p in query.split("&") if p)
    canonical_headers = "".join(
        "%s:%s\n" % (n, " ".join(",".join(headers.get_all(n) or []).split())) for n in names)
    canonical = "\n".join([method, urllib.parse.quote(path, safe="/~"), "&".join(pairs),
                           canonical_headers, signed, hashlib.sha256(body).hexdigest()])
    scope = "%s/%s/%s/aws4_request" % (day, region, service)
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = _hmac(_hmac(_hmac(_hmac(("AWS4" + secret).encode(), day), region), service),
                "aws4_request")
    want = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, sig):
        return ("InvalidSignatureException", AWS_BAD_SIGNATURE)
    return None


def es_message(headers, payload):
    """One AWS event-stream message: string headers, payload, both CRC-32s."""
    hb = b"".join(bytes([len(k)]) + k.encode() + b"\x07" + struct.pack(">H", len(v)) +
                  v.encode() for k, v in headers)
    prelude = struct.pack(">II", 12 + len(hb) + len(payload) + 4, len(hb))
    msg = prelude + struct.pack(">I", zlib.crc32(prelude)) + hb + payload
    return msg + struct.pack(">I", zlib.crc32(msg))


def converse_invalid(body):
    """Why a Converse body is invalid (AWS's ValidationException), or None."""
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        return "A conversation must start with a user message."
    for i, msg in enumerate(msgs):
        if not isinstance(msg, dict) or msg.get("role") not in ("user", "assistant"):
            return "Value at 'messages.%d.member.role' failed to satisfy constraint" % (i + 1)
        content = msg.get("content")
        if (not isinstance(content, list) or not content or
                not all(isinstance(c, dict) and isinstance(c.get("text"), str) for c in content)):
            return "Value at 'messages.%d.member.content' failed to satisfy constraint" % (i + 1)
    if msgs[0]["role"] != "user":
        return "A conversation must start with a user message."
    for s in body.get("system") or []:
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            return "Value at 'system' failed to satisfy constraint"
    cfg = body.get("inferenceConfig") or {}
    mt = cfg.get("maxTokens")
    if mt is not None and (not isinstance(mt, int) or mt < 1):
        return "Value at 'inferenceConfig.maxTokens' failed to satisfy constraint"
    known = {"messages", "system", "inferenceConfig", "toolConfig", "guardrailConfig",
             "additionalModelRequestFields", "additionalModelResponseFieldPaths",
             "promptVariables", "requestMetadata", "performanceConfig"}
    extra = set(body) - known
    if extra:
        return "Unknown field(s) in the request: %s" % ", ".join(sorted(extra))
    return None


def scenario(path):
    opts = {}
    if path.startswith("/s/"):
        name, _, rest = path[3:].partition("/")
        path = "/" + rest
        for item in name.split(","):
            k, _, v = item.partition("=")
            opts[k] = v or "1"
        opts["_key"] = name
    return opts, path


def words(n):
    base = "the quick brown fox jumps over the lazy dog".split()
    return [base[i % len(base)] + " " for i in range(n)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    # ---- plumbing -----------------------------------------------------------
    def aws_error(self, code, etype, message, extra=None):
        hdrs = {"x-amzn-ErrorType": etype + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
                "x-amzn-RequestId": "00000000-0000-0000-0000-000000000000"}
        hdrs.update(extra or {})
        self.send_json(code, {"message": message}, hdrs)

    def send_json(self, code, obj, extra=None):
        data = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def start_stream(self, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def put(self, raw):
        self.wfile.write(raw.encode() if isinstance(raw, str) else raw)
        self.wfile.flush()

    def sse(self, obj, event=None):
        head = "event: %s\n" % event if event else ""
        self.put(head + "data: " + (obj if isinstance(obj, str) else json.dumps(obj)) + "\n\n")

    # ---- request ------------------------------------------------------------
    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n)
        opts, path = scenario(self.path)
        bedrock = "/model/" in path and (path.endswith("/converse") or
                                         path.endswith("/converse-stream"))
        bad_sig = sigv4_check("POST", self.path, self.headers, raw) if bedrock else None
        with LOCK:
            if RECORD:
                rec = {"path": self.path, "headers": dict(self.headers),
                       "body": raw.decode("utf-8", "replace")}
                if bedrock:
                    rec["sigv4"] = "valid" if bad_sig is None else "%s: %s" % bad_sig
                with open(RECORD, "a") as f:
                    f.write(json.dumps(rec) + "\n")
        if bad_sig:
            return self.aws_error(403, *bad_sig)
        with LOCK:
            count = SEEN.get(opts.get("_key"), 0)
            SEEN[opts.get("_key")] = count + 1
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send_json(400, {"error": {"message": "bad json"}})
        if path.endswith("/chat/completions"):
            fmt = "openai"
        elif path.endswith("/v1/messages"):
            fmt = "anthropic"
        elif path.endswith("/api/chat"):
            fmt = "ollama"
        elif ":generateContent" in path or ":streamGenerateContent" in path:
            fmt = "gemini"
        elif bedrock:
            fmt = "bedrock"
            why = converse_invalid(body)
            if why:
                return self.aws_error(400, "ValidationException", why)
        else:
            return self.send_json(404, {"error": {"message": "no such endpoint"}})
        if self.failure(opts, count, fmt):
            return
        if "slow" in opts:
            time.sleep(float(opts["slow"]))
        self.answer(fmt, opts, body, path)

    def failure(self, opts, count, fmt):
        if fmt == "bedrock":
            return self.bedrock_failure(opts, count)
        if "429always" in opts or ("429once" in opts and count == 0):
            self.send_json(429, {"error": {"message": "rate limited", "type": "rate_limit"}},
                           {"Retry-After": "1"})
            return True
        if "500always" in opts or ("500once" in opts and count == 0):
            self.send_json(500, {"error": {"message": "internal error"}})
            return True
        if "echo_key" in opts:
            key = (self.headers.get("Authorization") or self.headers.get("x-api-key") or
                   self.headers.get("x-goog-api-key") or "")
            self.send_json(401, {"error": {"message": "Incorrect API key provided: " + key}})
            return True
        if "echo_key_forms" in opts:
            import base64
            import urllib.parse
            key = (self.headers.get("Authorization") or self.headers.get("x-api-key") or "")
            key = key.split(" ", 1)[-1]
            self.send_json(401, {"error": {"message": "bad key " + key.upper() + " b64 " +
                                           base64.b64encode(key.encode()).decode() + " url " +
                                           urllib.parse.quote(key, safe="")}})
            return True
        if "redirect" in opts:
            self.send_response(302)
            self.send_header("Location", "https://evil.example.com/steal")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        return False

    def bedrock_failure(self, opts, count):
        if "429always" in opts or ("429once" in opts and count == 0):
            self.aws_error(429, "ThrottlingException", "Too many requests, please wait before "
                           "trying again.")
            return True
        if "500always" in opts or ("500once" in opts and count == 0):
            self.aws_error(500, "InternalServerException", "The server encountered an error "
                           "processing your request.")
            return True
        if "echo_key" in opts:
            akid = re.search(r"Credential=([^/]+)/", self.headers.get("Authorization") or "")
            secret, token = AWS_KEYS.get(akid.group(1) if akid else "", ("", None))
            self.aws_error(403, "AccessDeniedException", "denied for secret %s token %s" %
                           (secret, token or self.headers.get("X-Amz-Security-Token")))
            return True
        if "redirect" in opts:
            self.send_response(302)
            self.send_header("Location", "https://evil.example.com/steal")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        return False

    # ---- answers --------------------------------------------------------------
    def answer(self, fmt, opts, body, path):
        msgs = body.get("messages") or body.get("contents") or []
        in_bytes = len(json.dumps(msgs).encode())
        prompt_tokens = max(1, in_bytes // 4)
        limit = {"openai": body.get("max_completion_tokens") or body.get("max_tokens"),
                 "anthropic": body.get("max_tokens"),
                 "ollama": (body.get("options") or {}).get("num_predict"),
                 "gemini": (body.get("generationConfig") or {}).get("maxOutputTokens"),
                 "bedrock": (body.get("inferenceConfig") or {}).get("maxTokens")}[fmt]
        n = int(opts.get("words", "8"))
        finish = "stop"
        if limit and n > int(limit) and "ignore_max" not in opts:
            n, finish = int(limit), "length"
        toks = words(n)
        if "huge" in opts:
            toks = ["x" * 1000] * 20000
        if "one_delta" in opts:
            toks = ["y" * int(opts["one_delta"])]
        stream = body.get("stream", fmt == "ollama")
        if fmt == "gemini":
            stream = "streamGenerateContent" in path
        if fmt == "bedrock":
            stream = path.endswith("/converse-stream")
        getattr(self, fmt)(opts, body, toks, prompt_tokens, finish, stream)

    def openai(self, opts, body, toks, pt, finish, stream):
        usage = {"prompt_tokens": pt, "completion_tokens": len(toks),
                 "total_tokens": pt + len(toks), "prompt_tokens_details": {"cached_tokens": 0}}
        if "zero_usage" in opts:
            usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
        model = body.get("model")
        if not stream:
            msg = {"id": "chatcmpl-fake", "object": "chat.completion", "created": 0,
                   "model": model, "choices": [{"index": 0, "message": {
                       "role": "assistant", "content": "".join(toks), "refusal": None},
                       "logprobs": None, "finish_reason": finish}]}
            if "nousage" not in opts:
                msg["usage"] = usage
            if "malformed" in opts:
                return self.raw200('{"choices": [')
            return self.send_json(200, msg)
        self.start_stream("text/event-stream")
        chunk = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0,
                 "model": model}
        self.sse(dict(chunk, choices=[{"index": 0, "delta": {"role": "assistant",
                                                               "content": ""},
                                       "finish_reason": None}]))
        for i, t in enumerate(toks):
            if "malformed" in opts and i == 1:
                self.put("data: {\"choices\": [{\"delta\": {\"content\": \"oops\"\n\n")
            self.sse(dict(chunk, choices=[{"index": 0, "delta": {"content": t},
                                           "finish_reason": None}]))
            if "stall" in opts:
                time.sleep(30)
        if "truncated" in opts:
            return
        self.sse(dict(chunk, choices=[{"index": 0, "delta": {}, "finish_reason": finish}]))
        want_usage = (body.get("stream_options") or {}).get("include_usage")
        if want_usage and "nousage" not in opts:
            self.sse(dict(chunk, choices=[], usage=usage))
        self.sse("[DONE]")

    def raw200(self, text):
        data = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def anthropic(self, opts, body, toks, pt, finish, stream):
        stop = "end_turn" if finish == "stop" else "max_tokens"
        model = body.get("model")
        if not stream:
            msg = {"id": "msg_fake", "type": "message", "role": "assistant", "model": model,
                   "content": [{"type": "text", "text": "".join(toks)}], "stop_reason": stop,
                   "stop_sequence": None,
                   "usage": {"input_tokens": pt, "output_tokens": len(toks)}}
            if "nousage" in opts:
                del msg["usage"]
            if "malformed" in opts:
                return self.raw200('{"content": [{"type": "text", "text": "x"')
            return self.send_json(200, msg)
        self.start_stream("text/event-stream")
        self.sse({"type": "message_start", "message": {
            "id": "msg_fake", "type": "message", "role": "assistant", "model": model,
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": pt, "output_tokens": 1}}}, "message_start")
        self.sse({"type": "content_block_start", "index": 0,
                  "content_block": {"type": "text", "text": ""}}, "content_block_start")
        self.sse({"type": "ping"}, "ping")
        for i, t in enumerate(toks):
            if "malformed" in opts and i == 1:
                self.put("event: content_block_delta\ndata: {\"type\": \n\n")
            self.sse({"type": "content_block_delta", "index": 0,
                      "delta": {"type": "text_delta", "text": t}}, "content_block_delta")
            if "stall" in opts:
                time.sleep(30)
        if "truncated" in opts:
            return
        self.sse({"type": "content_block_stop", "index": 0}, "content_block_stop")
        delta = {"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None}}
        if "nousage" not in opts:
            delta["usage"] = {"output_tokens": len(toks)}
        self.sse(delta, "message_delta")
        self.sse({"type": "message_stop"}, "message_stop")

    def ollama(self, opts, body, toks, pt, finish, stream):
        model = body.get("model")
        final = {"model": model, "created_at": "2025-01-01T00:00:00Z",
                 "message": {"role": "assistant", "content": ""}, "done": True,
                 "done_reason": finish, "total_duration": 1000, "load_duration": 10,
                 "prompt_eval_count": pt, "prompt_eval_duration": 100, "eval_count": len(toks),
                 "eval_duration": 500}
        if "nousage" in opts:
            del final["prompt_eval_count"], final["eval_count"]
        if not stream:
            final["message"]["content"] = "".join(toks)
            if "malformed" in opts:
                return self.raw200('{"message": {"content": "x"')
            return self.send_json(200, final)
        self.start_stream("application/x-ndjson")
        for i, t in enumerate(toks):
            if "malformed" in opts and i == 1:
                self.put('{"message": {"content": "oops"\n')
            self.put(json.dumps({"model": model, "created_at": "2025-01-01T00:00:00Z",
                                 "message": {"role": "assistant", "content": t},
                                 "done": False}) + "\n")
            if "stall" in opts:
                time.sleep(30)
        if "truncated" in opts:
            return
        self.put(json.dumps(final) + "\n")

    def gemini(self, opts, body, toks, pt, finish, stream):
        reason = "STOP" if finish == "stop" else "MAX_TOKENS"

        def chunk(text, done, count):
            c = {"candidates": [{"content": {"role": "model", "parts": [{"text": text}]},
                                 "index": 0}], "modelVersion": "gemini-fake-001"}
            if done:
                c["candidates"][0]["finishReason"] = reason
            if "nousage" not in opts:
                c["usageMetadata"] = {"promptTokenCount": pt, "candidatesTokenCount": count,
                                      "totalTokenCount": pt + count}
            return c
        if not stream:
            if "malformed" in opts:
                return self.raw200('{"candidates": [')
            return self.send_json(200, chunk("".join(toks), True, len(toks)))
        self.start_stream("text/event-stream")
        for i, t in enumerate(toks):
            if "malformed" in opts and i == 1:
                self.put("data: {\"candidates\": \n\n")
            last = i == len(toks) - 1 and "truncated" not in opts
            self.sse(chunk(t, last, i + 1))
            if "stall" in opts:
                time.sleep(30)

    def es_event(self, etype, obj):
        obj = dict(obj, p="abcdefghijklmnopqrstuvwxyzABCDEF"[:len(etype)])   # AWS pads too
        self.put(es_message([(":event-type", etype), (":content-type", "application/json"),
                             (":message-type", "event")], json.dumps(obj).encode()))

    def bedrock_stream(self, opts, toks, usage, stop):
        self.start_stream("application/vnd.amazon.eventstream")
        self.es_event("messageStart", {"role": "assistant"})
        self.es_event("contentBlockStart", {"contentBlockIndex": 0, "start": {}})
        for i, t in enumerate(toks):
            if i == 1 and "malformed" in opts:
                self.put(es_message([(":event-type", "contentBlockDelta"),
                                     (":message-type", "event")], b'{"delta": {"text": '))
            if i == 1 and "bad_crc" in opts:
                m = bytearray(es_message([(":event-type", "contentBlockDelta"),
                                          (":message-type", "event")], b'{"delta": {}}'))
                m[-1] ^= 0xff
                self.put(bytes(m))
            if i == 1 and "stream_exception" in opts:
                self.put(es_message([(":exception-type", "modelStreamErrorException"),
                                     (":content-type", "application/json"),
                                     (":message-type", "exception")],
                                    b'{"message": "The model stream failed."}'))
                return
            self.es_event("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": t}})
            if "stall" in opts:
                time.sleep(30)
        if "truncated" in opts:
            self.put(es_message([(":event-type", "contentBlockStop")], b"{}")[:9])
            return
        self.es_event("contentBlockStop", {"contentBlockIndex": 0})
        self.es_event("messageStop", {"stopReason": stop})
        meta = {"metrics": {"latencyMs": 42}}
        if usage is not None:
            meta["usage"] = usage
        self.es_event("metadata", meta)

    def bedrock(self, opts, body, toks, pt, finish, stream):
        usage = {"inputTokens": pt, "outputTokens": len(toks), "totalTokens": pt + len(toks)}
        if "zero_usage" in opts:
            usage = {"inputTokens": 0, "outputTokens": 0, "totalTokens": 0}
        if stream:
            return self.bedrock_stream(opts, toks, None if "nousage" in opts else usage,
                                       "end_turn" if finish == "stop" else "max_tokens")
        msg = {"output": {"message": {"role": "assistant",
                                      "content": [{"text": "".join(toks)}]}},
               "stopReason": "end_turn" if finish == "stop" else "max_tokens",
               "usage": usage, "metrics": {"latencyMs": 42}}
        if "nousage" in opts:
            del msg["usage"]
        if "malformed" in opts:
            return self.raw200('{"output": {"message": {"content": [{"text": "x"')
        if "no_content" in opts:
            return self.send_json(200, {"stopReason": "end_turn", "usage": usage})
        data = json.dumps(msg).encode()
        if "truncated" in opts or "stall" in opts:
            # The whole length announced, half of it sent: cut, or hung mid-answer.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.put(data[:len(data) // 2])
            if "stall" in opts:
                time.sleep(30)
            self.close_connection = True
            return
        self.send_json(200, msg, {"x-amzn-RequestId": "00000000-0000-0000-0000-000000000001"})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass    # clients hanging up mid-answer is what half of the scenarios test


def main():
    global RECORD, AWS_REGION
    ap = argparse.ArgumentParser()
    ap.add_argument("--record")
    ap.add_argument("--aws-key", action="append", default=[],
                    help="AKID:SECRET[:SESSION_TOKEN] accepted on the bedrock endpoint")
    ap.add_argument("--aws-region", default="us-east-1")
    a = ap.parse_args()
    RECORD = a.record
    AWS_REGION = a.aws_region
    for k in a.aws_key:
        akid, secret, token = (k.split(":", 2) + [None])[:3]
        AWS_KEYS[akid] = (secret, token)
    srv = Server(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    sys.stdout.close()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
