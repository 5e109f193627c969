"""A fault-injecting HTTP server on 127.0.0.1 for the nightly-job tests.

``FaultServer`` binds a free loopback port and answers by ``Host`` header:

- ``good.faults.test``: a well-behaved site (robots.txt, sitemap, articles).
- ``hostile.faults.test``: one article URL per fault (``FAULTS``: what it
  serves and what the crawl must record), hostile sitemaps and feeds, a
  robots.txt that disallows ``/private/``.
- ``down.faults.test``: every request answers 503 (a site that is down).
- ``evil.example``: not a registered domain; requests to it are a test
  failure (an off-domain redirect target).

Clients map the host names to 127.0.0.1 themselves (``--resolve``). Every
request is logged as ``(host, path, monotonic time)``. Large bodies (30 MB,
a gzip bomb) are built once in memory.

    with FaultServer() as srv:
        srv.base_url("hostile")  # http://hostile.faults.test:PORT
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from pipeline.snapshots.loopback import LoopbackServer

GOOD, HOSTILE, DOWN, EVIL = "good.faults.test", "hostile.faults.test", "down.faults.test", "evil.example"
HOSTS = (GOOD, HOSTILE, DOWN, EVIL)
SITE_NAMES = {"good": "faults-good", "hostile": "faults-hostile", "down": "faults-down"}

BIG = 30 * 1024 * 1024
BOMB = 64 * 1024 * 1024
TIMEOUT_SLEEP = 7.0  # longer than the tests' DOWNLOAD_TIMEOUT=3
SLOW_SLEEP = 0.8  # shorter than it

# fault article path -> (what is served, expected outcome in the run: "article" when
# stored and extracted, else the error or skip kind the report must show)
FAULTS: dict[str, tuple[str, str]] = {
    "/a/http-500": ("HTTP 500 on every attempt", "errors/http-500"),
    "/a/http-503": ("HTTP 503 on every attempt, no Retry-After", "errors/http-503"),
    "/a/flaky-503": ("HTTP 503 on the first attempt, then the article", "article"),
    "/a/retry-after": ("HTTP 429 Retry-After: 1 on the first attempt, then the article", "article"),
    "/a/retry-after-long": ("HTTP 429 Retry-After: 3600 on every attempt", "errors/http-429"),
    "/a/timeout": (f"no answer for {TIMEOUT_SLEEP:.0f} s", "errors/timeout"),
    "/a/slow": (f"the article after {SLOW_SLEEP} s (within the timeout)", "article"),
    "/a/reset": ("connection reset (TCP RST) after reading the request", "errors/connection-lost"),
    "/a/truncated": ("Content-Length 20000, 600 bytes sent, connection closed", "errors/truncated-body"),
    "/a/redirect-loop": ("302 to itself", "errors/redirect-loop"),
    "/a/redirect-chain": ("302 to ?n=k+1, endlessly", "errors/redirect-loop"),
    "/a/redirect-offsite": ("302 to http://evil.example/", "errors/offsite-redirect"),
    "/a/huge": ("a 30 MB page with Content-Length", "errors/too-large"),
    "/a/huge-stream": ("a 30 MB page without Content-Length (read until close)", "errors/too-large"),
    "/a/gzip-bomb": ("64 MB of spaces gzipped to ~64 KB, Content-Encoding: gzip", "errors/too-large"),
    "/a/wrong-type": ("the article as application/octet-stream", "article"),
    "/a/binary": ("PNG bytes as text/html", "skipped/binary-body"),
    "/a/pdf": ("a PDF as application/pdf", "skipped/binary-body"),
    "/a/broken-html": ("unclosed and stray tags, no </body></html>", "article"),
    "/a/bad-encoding": ("declared UTF-8 with invalid bytes (cp1252 quotes, 0xff)", "article"),
    "/a/bogus-charset": ("charset=x-no-such-charset", "article"),
    "/a/empty": ("200 with an empty body", "skipped/empty-body"),
    "/private/secret": ("disallowed by robots.txt", "skipped/robots-disallowed"),
}
# URLs listed by the hostile sitemap that try to climb out of any folder
ESCAPE_PATHS = ("/a/..%2F..%2F..%2F..%2Ftmp%2Fpknews-escape", "/a/../../../../../tmp/pknews-escape2")

# discovery sources of the hostile site: path -> (what is served, expected outcome)
HOSTILE_SOURCES: dict[str, tuple[str, str]] = {
    "/sitemap.xml": ("a sitemap of every fault article", "ok"),
    "/sitemap-malformed.xml": ("a cut-off, unbalanced XML sitemap", "ok-or-unreadable"),
    "/sitemap-laughs.xml": ("an entity-expansion (billion laughs) sitemap", "no-expansion"),
    "/sitemap-xxe.xml": ("an external-entity sitemap naming a local file and a URL", "no-fetch"),
    "/sitemap-huge.xml": ("a 12 MB sitemap (over DOWNLOAD_MAXSIZE)", "failed: too-large"),
    "/sitemap-many.xml": ("50,000 entries, all off-domain", "ok: 0 article URLs"),
    "/sitemap-html.xml": ("an HTML page where a sitemap should be (wrong Content-Type)", "unreadable"),
    "/feed-binary": ("random binary bytes as application/rss+xml", "unreadable"),
}

PARAGRAPHS = [
    "Internet services were disrupted across several districts on Sunday evening, according to "
    "residents and a digital rights group that monitors network connectivity in the country.",
    "Users reported that mobile data stopped working shortly after six in the evening, while "
    "fixed-line broadband continued to function with reduced speeds in most of the affected areas.",
    "The telecom regulator did not respond to requests for comment. Officials in the provincial "
    "government said the measure had been taken on the advice of security agencies.",
    "Rights advocates said the suspension affected students, freelancers and small businesses who "
    "depend on the internet for their livelihood, and called for transparency about such orders.",
    "Connectivity was restored by midnight, the monitoring group said in a statement, adding that it "
    "would continue to track the situation closely over the coming days and publish its findings.",
]


def article_html(title: str, extra: str = "", charset: str = "utf-8") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": "2024-02-18T10:00:00+05:00", "author": {"@type": "Person", "name": "Staff Reporter"}})
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title}</title>'
        f'<meta property="og:type" content="article">'
        f'<script type="application/ld+json">{ld}</script></head>'
        f'<body class="single single-post"><article><h1>{title}</h1>'
        f'<p class="byline">By Staff Reporter</p><time datetime="2024-02-18T10:00:00+05:00">February 18, 2024</time>'
        f"{extra}{paras}</article></body></html>"
    )


@lru_cache(maxsize=None)
def big_body() -> bytes:
    return b"<html><body><p>" + b"x" * BIG + b"</p></body></html>"


@lru_cache(maxsize=None)
def bomb_body() -> bytes:
    return gzip.compress(b" " * BOMB, compresslevel=9)


@lru_cache(maxsize=None)
def huge_sitemap() -> bytes:
    """12 MB: over the crawler's 10 MB DOWNLOAD_MAXSIZE."""
    return sitemap([f"http://elsewhere.example/{'x' * 200}/{i}" for i in range(50_000)])


@lru_cache(maxsize=None)
def many_sitemap() -> bytes:
    """The protocol's maximum of 50,000 entries, all on another domain."""
    return sitemap([f"http://elsewhere.example/news/{i}" for i in range(50_000)])


def sitemap(urls: list[str], lastmods: dict[str, str] | None = None) -> bytes:
    lastmods = lastmods or {}
    items = "".join(f"<url><loc>{u}</loc><lastmod>{lastmods.get(urlsplit(u).path, '2024-02-18')}</lastmod></url>"
                    for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>').encode()


def laughs(base: str) -> bytes:
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                      for i in range(1, 10)]
    return ('<?xml version="1.0"?><!DOCTYPE urlset [' + "".join(ents) + ']>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<url><loc>{base}/a/laughs-&lol9;</loc></url></urlset>').encode()


def xxe(base: str) -> bytes:
    return ('<?xml version="1.0"?><!DOCTYPE urlset ['
            '<!ENTITY file SYSTEM "file:///etc/hostname">'
            f'<!ENTITY remote SYSTEM "{base}/xxe-probe">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<url><loc>{base}/a/xxe-&file;</loc></url>'
            f'<url><loc>{base}/a/xxe2-&remote;</loc></url></urlset>').encode()


class _Handler(BaseHTTPRequestHandler):
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    owner: "FaultServer"

    def log_message(self, format, *args):
        pass

    # -- plumbing ---------------------------------------------------------
    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
             headers: dict | None = None, length: int | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if length is not False:
                self.send_header("Content-Length", str(len(body) if length is None else length))
            self.send_header("Connection", "close")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def do_GET(self):
        host = self.headers.get("Host", "").rsplit(":", 1)[0].lower()
        attempt = self.owner._record(host, self.path)
        base = f"http://{self.headers.get('Host', '')}"
        try:
            if host == GOOD:
                self.good(base)
            elif host == HOSTILE:
                self.hostile(base, attempt)
            elif host == DOWN:
                self.send(503, b"Service Unavailable\n", "text/plain")
            else:
                self.send(404, b"unknown host\n", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass

    # -- sites ------------------------------------------------------------
    def good(self, base: str) -> None:
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            self.send(200, f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain")
        elif path == "/sitemap.xml":
            urls = [f"/a/good-{i}" for i in range(1, 4)]
            self.send(200, sitemap([base + u for u in urls], {u: self.owner.revisions[u][1]
                                                              for u in urls if u in self.owner.revisions}),
                      "application/xml")
        elif path.startswith("/a/good-"):
            rev = self.owner.revisions.get(path, (1, ""))[0]
            extra = f"<p>Update {rev}: the regulator later confirmed the suspension.</p>" if rev > 1 else ""
            self.send(200, article_html(f"Good article {path.rsplit('-', 1)[1]}", extra=extra).encode())
        else:
            self.send(404, b"not found\n", "text/plain")

    def hostile(self, base: str, attempt: int) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/robots.txt":
            self.send(200, f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain")
        elif path == "/sitemap.xml":
            urls = [base + p for p in FAULTS] + [base + p for p in ESCAPE_PATHS]
            self.send(200, sitemap(urls), "application/xml")
        elif path == "/sitemap-malformed.xml":
            body = sitemap([f"{base}/a/malformed-listed"])[:-30] + b"<url><loc>&broken <url></loc"
            self.send(200, body, "application/xml")
        elif path == "/sitemap-laughs.xml":
            self.send(200, laughs(base), "application/xml")
        elif path == "/sitemap-xxe.xml":
            self.send(200, xxe(base), "application/xml")
        elif path == "/sitemap-huge.xml":
            self.send(200, huge_sitemap(), "application/xml")
        elif path == "/sitemap-many.xml":
            self.send(200, many_sitemap(), "application/xml")
        elif path == "/sitemap-html.xml":
            self.send(200, b"<html><body><h1>Welcome</h1><p>Not a sitemap.</p></body></html>", "text/html")
        elif path == "/feed-binary":
            self.send(200, bytes(range(256)) * 64, "application/rss+xml")
        elif path == "/xxe-probe":
            self.send(200, b"probe", "text/plain")
        else:
            self.hostile_article(base, path, parts.query, attempt)

    def hostile_article(self, base: str, path: str, query: str, attempt: int) -> None:
        title = "Hostile " + path.rsplit("/", 1)[-1]
        page = article_html(title).encode()
        if path == "/a/http-500":
            self.send(500, b"Internal Server Error\n", "text/plain")
        elif path == "/a/http-503":
            self.send(503, b"Service Unavailable\n", "text/plain")
        elif path == "/a/flaky-503":
            self.send(503, b"busy\n", "text/plain") if attempt == 1 else self.send(200, page)
        elif path == "/a/retry-after":
            if attempt == 1:
                self.send(429, b"slow down\n", "text/plain", {"Retry-After": "1"})
            else:
                self.send(200, page)
        elif path == "/a/retry-after-long":
            self.send(429, b"slow down\n", "text/plain", {"Retry-After": "3600"})
        elif path == "/a/timeout":
            time.sleep(TIMEOUT_SLEEP)
            self.send(200, page)
        elif path == "/a/slow":
            time.sleep(SLOW_SLEEP)
            self.send(200, page)
        elif path == "/a/reset":
            self.reset()
        elif path == "/a/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "20000")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(page[:600])
            self.wfile.flush()
            self.close_connection = True
        elif path == "/a/redirect-loop":
            self.send(302, b"", "text/plain", {"Location": f"{base}/a/redirect-loop"})
        elif path == "/a/redirect-chain":
            n = int(query.split("=")[-1]) if query.startswith("n=") else 0
            self.send(302, b"", "text/plain", {"Location": f"{base}/a/redirect-chain?n={n + 1}"})
        elif path == "/a/redirect-offsite":
            port = base.rsplit(":", 1)[-1]
            self.send(302, b"", "text/plain", {"Location": f"http://{EVIL}:{port}/a/stolen"})
        elif path == "/a/huge":
            self.send(200, big_body())
        elif path == "/a/huge-stream":
            self.send(200, big_body(), length=False)
        elif path == "/a/gzip-bomb":
            self.send(200, bomb_body(), "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        elif path == "/a/wrong-type":
            self.send(200, page, "application/octet-stream")
        elif path == "/a/binary":
            self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, "text/html")
        elif path == "/a/pdf":
            self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n" + bytes(range(256)) * 40,
                      "application/pdf")
        elif path == "/a/broken-html":
            html = article_html(title, extra="<div><span>unclosed <b>bold <p>para</i></span></td>")
            self.send(200, html.replace("</article></body></html>", "<div><p>tail").encode())
        elif path == "/a/bad-encoding":
            html = article_html(title, extra="<p>He said \x93quoted\x94 \xff\xfe here.</p>")
            self.send(200, html.encode("latin-1", "replace"))
        elif path == "/a/bogus-charset":
            self.send(200, article_html(title, charset="x-no-such-charset").encode(),
                      "text/html; charset=x-no-such-charset")
        elif path == "/a/empty":
            self.send(200, b"")
        elif path.startswith(("/a/", "/private/")):
            self.send(200, page)  # escape paths and anything else listed: a plain article
        else:
            self.send(404, b"not found\n", "text/plain")


class FaultServer(LoopbackServer):
    """The fault sites on a loopback port (a context manager)."""

    handler = _Handler
    thread_name = "fault-server"

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        super().__init__(host, port)
        self._lock = threading.Lock()
        self._log: list[tuple[str, str, float]] = []
        # good-site article path -> (revision, lastmod): see revise()
        self.revisions: dict[str, tuple[int, str]] = {}

    def prepare(self) -> None:
        for build in (big_body, bomb_body, huge_sitemap, many_sitemap):
            build()

    def base_url(self, short: str) -> str:
        return f"http://{short}.faults.test:{self.port}"

    def revise(self, path: str, change: bool = True) -> None:
        """Change a good-site article (``/a/good-1``): new text (unless ``change`` is
        false: a lastmod bump alone), sitemap lastmod now."""
        from datetime import datetime, timezone

        rev = self.revisions.get(path, (1, ""))[0] + (1 if change else 0)
        self.revisions[path] = (rev, datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def _record(self, host: str, path: str) -> int:
        """Log a request; returns how many times this host+path was asked (1 = first)."""
        with self._lock:
            self._log.append((host, path, time.monotonic()))
            return sum(1 for h, p, _ in self._log if h == host and p == path)

    @property
    def requests(self) -> list[tuple[str, str, float]]:
        with self._lock:
            return list(self._log)

    def clear(self) -> None:
        with self._lock:
            self._log.clear()

    def site_args(self, *shorts: str) -> list[str]:
        """pknews options that crawl the given fault sites on this server."""
        args = []
        for short in shorts:
            name = SITE_NAMES[short]
            args += ["--site", name, "--base-url", f"{name}={self.base_url(short)}"]
        for host in HOSTS:
            args += ["--resolve", f"{host}=127.0.0.1"]
        return args
