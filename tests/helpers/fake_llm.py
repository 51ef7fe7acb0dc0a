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
{"path", "headers", "body"} so tests can check exactly what reached the server.
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
SEEN = {}          # scenario string -> number of requests seen
RECORD = None


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
        with LOCK:
            if RECORD:
                with open(RECORD, "a") as f:
                    f.write(json.dumps({"path": self.path, "headers": dict(self.headers),
                                        "body": raw.decode("utf-8", "replace")}) + "\n")
        opts, path = scenario(self.path)
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
        else:
            return self.send_json(404, {"error": {"message": "no such endpoint"}})
        if self.failure(opts, count, fmt):
            return
        if "slow" in opts:
            time.sleep(float(opts["slow"]))
        self.answer(fmt, opts, body, path)

    def failure(self, opts, count, fmt):
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

    # ---- answers --------------------------------------------------------------
    def answer(self, fmt, opts, body, path):
        msgs = body.get("messages") or body.get("contents") or []
        in_bytes = len(json.dumps(msgs).encode())
        prompt_tokens = max(1, in_bytes // 4)
        limit = {"openai": body.get("max_completion_tokens") or body.get("max_tokens"),
                 "anthropic": body.get("max_tokens"),
                 "ollama": (body.get("options") or {}).get("num_predict"),
                 "gemini": (body.get("generationConfig") or {}).get("maxOutputTokens")}[fmt]
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


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass    # clients hanging up mid-answer is what half of the scenarios test


def main():
    global RECORD
    ap = argparse.ArgumentParser()
    ap.add_argument("--record")
    a = ap.parse_args()
    RECORD = a.record
    srv = Server(("127.0.0.1", 0), Handler)
    print(srv.server_address[1], flush=True)
    sys.stdout.close()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
