#!/usr/bin/env python3
"""Local HTTP server for the connector tests. Binds 127.0.0.1 on a free port and prints the port on stdout.

Usage: test_http_server.py [--root DIR] [--tls CERT KEY [--client-ca CA]]
  --tls CERT KEY     serve HTTPS with this PEM certificate chain and key (the handshake runs in the request thread)
  --client-ca CA     with --tls: require a client certificate issued by CA (mutual TLS)
Routes (every response is deterministic; counters are per ?id= so tests do not disturb each other):
  /export.csv            CSV with ETag "v1" and a Last-Modified; 304 on a matching If-None-Match / If-Modified-Since
  /lastmod.csv           CSV with only Last-Modified; 304 on a matching If-Modified-Since
  /files/NAME            a file of --root with ETag = its SHA-256 prefix; 304 on a matching If-None-Match
  /flaky?id=X&fail=N     500 for the first N requests of id X, then the CSV
  /throttled?id=X        429 with Retry-After: 1 on the first request of id X, then the CSV
  /always500             500 Internal Server Error, always
  /slow?seconds=S        waits S seconds, then the CSV
  /big?bytes=N           N bytes of CSV-ish text with Content-Length; &stream=1 sends no Content-Length
  /paged/N               JSON page N of 3 with Link: </paged/N+1>; rel="next" (relative) for N < 3
  /counted?page=N        JSON page: two records for N = 1, 2; [] from N = 3 on
  /loop                  a JSON page whose next link is itself
  /auth.csv              needs Authorization: Bearer secret-token (401 otherwise)
  /basic.csv             needs Basic auth reader:pa:ss (401 otherwise)
  /count?path=P          how many requests P received (text; POSTs counted too)
  anything else          404
Webhook routes (POST; each records the request under its ?id= for /hook-log):
  POST /hook?id=X                    records headers + body, answers 204
  POST /hook-flaky?id=X&fail=N       answers 503 (or &status=S, with &retry_after=R a Retry-After: R) N times, then 204
  POST /hook-gone?id=X               410 Gone
  POST /hook-reject?id=X             400 with a short text body (&bytes=N: N bytes of body instead)
  POST /hook-redirect?id=X           307 to /hook?id=X
  GET  /hook-log?id=X[&secret=S]     the requests recorded for X as JSON [{"path", "headers" (lower-cased names),
                                     "body"}]; with &secret=S each entry also has "expected_v1": hex HMAC-SHA256 under
                                     S of "<t>." + body, t taken from its X-LienThong-Signature (computed here, in
                                     Python, independently of the Swift code)
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time
import urllib.parse

CSV = b"id,name\n1,Nguyen Van An\n2,Tran Thi Binh\n"
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
ROOT = None
COUNTS = {}
HOOK_LOG = {}
LOCK = threading.Lock()


def bump(key):
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None, length=True):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        path = url.path
        bump(path)
        ident = query.get("id", "")
        if path == "/export.csv":
            if self.headers.get("If-None-Match") == '"v1"' or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, headers={"ETag": '"v1"'})
            return self.send(200, CSV, {"ETag": '"v1"', "Last-Modified": LAST_MODIFIED, "Content-Type": "text/csv"})
        if path == "/lastmod.csv":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304)
            return self.send(200, CSV, {"Last-Modified": LAST_MODIFIED})
        if path.startswith("/files/") and ROOT:
            name = os.path.basename(path)
            try:
                with open(os.path.join(ROOT, name), "rb") as handle:
                    data = handle.read()
            except OSError:
                return self.send(404, b"no such file\n")
            etag = '"%s"' % hashlib.sha256(data).hexdigest()[:16]
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers={"ETag": etag})
            return self.send(200, data, {"ETag": etag})
        if path == "/flaky":
            if bump("flaky:" + ident) <= int(query.get("fail", "1")):
                return self.send(500, b"temporarily broken\n")
            return self.send(200, CSV)
        if path == "/throttled":
            if bump("throttled:" + ident) == 1:
                return self.send(429, b"slow down\n", {"Retry-After": "1"})
            return self.send(200, CSV)
        if path == "/always500":
            return self.send(500, b"database unavailable\n")
        if path == "/slow":
            time.sleep(float(query.get("seconds", "3")))
            return self.send(200, CSV)
        if path == "/big":
            size = int(query.get("bytes", "100000"))
            body = (b"x" * 99 + b"\n") * (size // 100) + b"y" * (size % 100)
            return self.send(200, body, length=query.get("stream") != "1")
        if path.startswith("/paged/"):
            number = int(path.rsplit("/", 1)[1])
            body = json.dumps([{"id": "p%d-%d" % (number, i), "page": number} for i in range(2)]).encode()
            headers = {"Content-Type": "application/json"}
            if number < 3:
                headers["Link"] = '<https://example.invalid/docs>; rel="help", </paged/%d>; rel="next"' % (number + 1)
            return self.send(200, body, headers)
        if path == "/counted":
            number = int(query.get("page", "1"))
            records = [{"id": "c%d-%d" % (number, i)} for i in range(2)] if number <= 2 else []
            return self.send(200, json.dumps(records).encode(), {"Content-Type": "application/json"})
        if path == "/loop":
            return self.send(200, b'[{"id": "loop"}]', {"Link": '</loop>; rel="next"'})
        if path == "/auth.csv":
            if self.headers.get("Authorization") != "Bearer secret-token":
                return self.send(401, b"bearer token required\n", {"WWW-Authenticate": "Bearer"})
            return self.send(200, CSV)
        if path == "/basic.csv":
            expected = "Basic " + base64.b64encode(b"reader:pa:ss").decode()
            if self.headers.get("Authorization") != expected:
                return self.send(401, b"login required\n", {"WWW-Authenticate": 'Basic realm="x"'})
            return self.send(200, CSV)
        if path == "/count":
            with LOCK:
                return self.send(200, str(COUNTS.get(query.get("path", ""), 0)).encode())
        if path == "/hook-log":
            with LOCK:
                entries = [dict(entry) for entry in HOOK_LOG.get(ident, [])]
            if "secret" in query:
                for entry in entries:
                    fields = dict(f.strip().split("=", 1) for f in entry["headers"].get("x-lienthong-signature", "").split(",") if "=" in f)
                    message = fields.get("t", "").encode() + b"." + entry["body"].encode("utf-8", "surrogateescape")
                    entry["expected_v1"] = hmac.new(query["secret"].encode(), message, hashlib.sha256).hexdigest()
            return self.send(200, json.dumps(entries).encode(), {"Content-Type": "application/json"})
        return self.send(404, b"not found\n")

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        path = url.path
        bump(path)
        ident = query.get("id", "")
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        entry = {
            "path": path,
            "headers": {name.lower(): value for name, value in self.headers.items()},
            "body": body.decode("utf-8", "surrogateescape"),
        }
        with LOCK:
            HOOK_LOG.setdefault(ident, []).append(entry)
        if path == "/hook":
            return self.send(204)
        if path == "/hook-flaky":
            if bump("hook-flaky:" + ident) <= int(query.get("fail", "1")):
                headers = {"Retry-After": query["retry_after"]} if "retry_after" in query else {}
                return self.send(int(query.get("status", "503")), b"try again later\n", headers)
            return self.send(204)
        if path == "/hook-gone":
            return self.send(410, b"subscription cancelled\n")
        if path == "/hook-reject":
            size = int(query.get("bytes", "0"))
            text = b"z" * size if size else b"invalid payload: missing field 'id'\nsecond line\n"
            return self.send(400, text)
        if path == "/hook-redirect":
            return self.send(307, b"moved\n", {"Location": "/hook?id=" + urllib.parse.quote(ident)})
        return self.send(404, b"not found\n")


class TLSServer(http.server.ThreadingHTTPServer):
    """HTTPS: each accepted connection is wrapped (and its handshake done) in its own request thread, so a client
    that fails or stalls the handshake never blocks the accept loop."""

    context = None

    def finish_request(self, request, client_address):
        tls = self.context.wrap_socket(request, server_side=True, do_handshake_on_connect=False)
        try:
            tls.settimeout(5)
            tls.do_handshake()
            tls.settimeout(None)
        except (ssl.SSLError, OSError):
            # The client refused our certificate, or sent none when one is required. OpenSSL has queued its alert:
            # close gently (drain what the client already sent) so that it reads the alert instead of a reset.
            try:
                tls.shutdown(socket.SHUT_WR)
                tls.settimeout(1)
                while tls.recv(4096):
                    pass
            except OSError:
                pass
            tls.close()
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            tls.close()


def tls_context(cert, key, client_ca):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile=client_ca)
    return context


def watchdog(parent):
    """Exit when the test process that started us is gone, and after two minutes in any case."""
    started = time.time()
    while os.getppid() == parent and time.time() - started < 120:
        time.sleep(0.2)
    os._exit(0)


def main():
    global ROOT
    # A child of a Dispatch worker thread inherits its blocked signals: let SIGTERM / SIGINT stop us again.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if "--root" in sys.argv:
        ROOT = sys.argv[sys.argv.index("--root") + 1]
    if "--tls" in sys.argv:
        at = sys.argv.index("--tls")
        client_ca = sys.argv[sys.argv.index("--client-ca") + 1] if "--client-ca" in sys.argv else None
        server = TLSServer(("127.0.0.1", 0), Handler)
        server.context = tls_context(sys.argv[at + 1], sys.argv[at + 2], client_ca)
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=watchdog, args=(os.getppid(),), daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
