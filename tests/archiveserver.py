"""Fake web-archive servers on 127.0.0.1 for the backfill tests.

``FakeWayback`` speaks the Internet Archive's Wayback CDX server API and its
``id_`` replay; ``FakeCommonCrawl`` speaks the Common Crawl index server (a
pywb CDX server: ``collinfo.json``, ``<crawl>-index`` with NDJSON and
zipnum-style pages) and the data server (WARC files with HTTP Range). Both
bind a free loopback port (threaded ``http.server``, like ``faultserver.py``).

Formats followed (as checked in the public documentation and code named below):

- Wayback CDX: internetarchive/wayback ``wayback-cdx-server/README.md``:
  ``output=json`` is one JSON array whose first row is the field names;
  ``url`` ending in ``*`` means ``matchType=prefix``, starting with ``*.`` means
  ``matchType=domain``; ``from``/``to`` are inclusive 1-14 digit timestamps;
  ``filter=[!]field:regex`` (Java ``matches()``, i.e. the whole value; ``!``
  inverts), repeatable; ``collapse=field[:N]`` drops *adjacent* duplicates;
  ``limit=N`` / ``limit=-N``; ``fl=`` picks fields; ``showResumeKey=true``
  appends ``[]`` and ``[<key>]`` when results remain, where the key is the URL
  encoded ``"<urlkey> <timestamp>!"`` of the last row (README example:
  ``org%2Carchive%29%2F+19980109140106%21``) and ``resumeKey=`` continues
  after it with every other parameter unchanged.
- Wayback replay: ``/web/<14 digits>id_/<url>`` gives the archived bytes; an
  inexact timestamp answers ``302`` to the closest capture; headers
  ``Memento-Datetime`` (RFC 1123), ``Link`` (``rel="original"``, ``"timemap"``,
  ``"timegate"``: RFC 7089 Memento), ``X-Archive-Src`` and the archived
  response headers as ``X-Archive-Orig-*``. Not-archived URLs get a 404 error
  page. Archived redirects and error pages replay with their archived status.
- Common Crawl index: index.commoncrawl.org (built on pywb, see the CC blog
  "Announcing the Common Crawl Index" and pywb ``zipnum.py``): ``collinfo.json``
  (``id``, ``name``, ``timegate``, ``cdx-api``, ``from``, ``to``, newest
  first); ``output=json`` gives one JSON object per line; ``showNumPages=true``
  gives ``{"pages": N, "pageSize": 5, "blocks": B}``; pages count zipnum
  blocks (3000 lines each on the real server, ``block_lines`` here), are
  numbered from 0, are cut before filters apply (so a page may be empty after
  filtering), and a page out of range is ``400 {"message": "Page K invalid:
  First Page is 0, Last Page is N-1"}``; no match is ``404 {"message": "No
  Captures found for: ..."}``. pywb filters: ``[!][=|~]field:value`` (regex
  match at the start, ``=`` exact, ``~`` contains).
- Common Crawl data: ``crawl-data/<crawl>/segments/<segment>/{warc,crawldiagnostics}/<crawl>-<stamp>-<serial>.warc.gz``
  holding request, response and metadata records per capture (each one gzip
  member); the index's ``offset``/``length`` cover exactly the response
  record; ``Range: bytes=a-b`` is ``206`` with ``Content-Range``; a range past
  the end is ``416`` with ``Content-Range: bytes */size`` (S3's
  ``InvalidRange``). 3xx/4xx captures live in ``crawldiagnostics`` files.

Not verified against the live services (documented choices): the resume key is
printed only when more *matching* rows remain; collapse state is not carried
across a resume key; CDX JSON is served as ``application/json``.

Faults (``Fault``, per server, first K matching requests): ``429`` (with
``Retry-After``), ``503``, ``reset`` (socket closed with RST, no answer),
``truncate`` (full ``Content-Length`` declared, part of the body sent, then
close), ``soft404`` (Wayback: a 200 error page instead of the capture; Common
Crawl: a WARC record for the URL whose HTTP 200 payload is a not-found page).
Every request is logged (``requests``: ``LoggedRequest(method, path,
headers, time)``).

    with FakeWayback(snapshot_captures(), faults=[Fault("429", r"^/cdx/", times=1)]) as wb:
        urllib.request.urlopen(wb.base_url + "/cdx/search/cdx?url=photonews.snapshot.test/*&output=json")
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import io
import json
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from typing import Iterable, Sequence
from urllib.parse import parse_qs, quote_plus, unquote_plus, urlsplit

from pipeline.snapshots import gold
from pipeline.snapshots.base import SNAPSHOT_NOW
from pipeline.snapshots.loopback import LoopbackServer
from pipeline.snapshots.sites import get_site, site_for_host

UTC = timezone.utc
CDX_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
CC_PAGE_SIZE = 5  # zipnum blocks per page (index.commoncrawl.org answers pageSize 5)


# --------------------------------------------------------------------------
# Captures
# --------------------------------------------------------------------------

def surt(url: str) -> str:
    """SURT url key as the CDX servers sort by: ``http://www.Example.com:80/A?b=1`` ->
    ``com,example)/a?b=1`` (scheme and ``www.`` dropped, host reversed, default port
    dropped, lower case, query arguments sorted)."""
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    key = ",".join(reversed(host.split(".")))
    if parts.port and parts.port not in (80, 443):
        key += f":{parts.port}"
    path = parts.path or "/"
    key += ")" + path.lower()
    if parts.query:
        key += "?" + "&".join(sorted(parts.query.lower().split("&")))
    return key


def ts14(ts: str, upper: bool = False) -> str:
    """Pad a 1-14 digit timestamp to 14 digits (lowest or highest value)."""
    return ts + ("9" if upper else "0") * (14 - len(ts))


def parse_ts(ts: str) -> datetime:
    """A 1-14 digit timestamp as a UTC datetime (missing parts: the earliest valid value)."""
    full = (ts + "00000101000000"[len(ts):])[:14]
    return datetime.strptime(full, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def to_ts(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%d%H%M%S")


@dataclass(frozen=True)
class Capture:
    """One archived response: what the archive holds for ``url`` at ``timestamp``."""

    url: str
    timestamp: str  # 14 digits, UTC
    body: bytes
    status: int = 200
    mimetype: str = "text/html"
    location: str | None = None  # the archived Location header of a redirect

    @property
    def urlkey(self) -> str:
        return surt(self.url)

    @property
    def digest(self) -> str:
        """Base32 SHA-1 of the payload, as in CDX ``digest`` and ``WARC-Payload-Digest``."""
        return base64.b32encode(hashlib.sha1(self.body).digest()).decode()

    @property
    def content_type(self) -> str:
        return self.mimetype + ("; charset=UTF-8" if self.mimetype == "text/html" else "")

    @property
    def when(self) -> datetime:
        return parse_ts(self.timestamp)

    def http_headers(self) -> list[tuple[str, str]]:
        h = [("Date", format_datetime(self.when, usegmt=True)), ("Server", "nginx"),
             ("Content-Type", self.content_type), ("Content-Length", str(len(self.body)))]
        if self.location:
            h.append(("Location", self.location))
        return h


CaptureLike = Capture | tuple


def as_capture(c: CaptureLike) -> Capture:
    """A ``Capture`` or a ``(url, timestamp, body, status, mimetype)`` tuple."""
    if isinstance(c, Capture):
        return c
    url, ts, body, status, mimetype, *rest = c
    return Capture(url, ts14(ts), body, int(status), mimetype, *rest)


def jpeg_bytes(seed: str) -> bytes:
    """A tiny deterministic JPEG-shaped file (SOI, JFIF APP0, filler, EOI)."""
    filler = hashlib.sha256(seed.encode()).digest() * 8
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + filler + b"\xff\xd9"


# Capture dates of home pages and listings: one per year 2019-2025.
LISTING_DATES = ("20190827061500", "20201201083000", "20211020114500", "20221205020000",
                 "20230610173000", "20240301094500", "20250912040000")
# Article captures: this long after publication (when not after the snapshot date).
ARTICLE_DELAYS = (timedelta(hours=6), timedelta(days=190, hours=3), timedelta(days=400, hours=11))


@lru_cache(maxsize=None)
def _snapshot_captures(sites: tuple[str, ...]) -> tuple[Capture, ...]:

    out: list[Capture] = []
    for name in sites:
        site = get_site(name)
        origin = f"http://{site.hostname}"

        def page(path: str) -> bytes:
            return gold.render_path(name, path).body

        # articles (and the robots-disallowed one: archives hold it too), re-captured over the years
        for rec in site.articles():
            path = site.article_path(rec)
            body = page(path)
            for delay in ARTICLE_DELAYS:
                when = rec.published + delay
                if when <= SNAPSHOT_NOW:
                    out.append(Capture(origin + path, to_ts(when), body))
            if rec.lead_image:
                out.append(Capture(origin + rec.lead_image[0], to_ts(rec.published + timedelta(hours=6, minutes=1)),
                                   jpeg_bytes(rec.lead_image[0]), 200, "image/jpeg"))
            if rec.post_id and name != "dawn":  # WordPress shortlink -> permalink
                out.append(Capture(f"{origin}/?p={rec.post_id}", to_ts(rec.published + timedelta(hours=7)),
                                   b'<html><body>Moved <a href="' + (origin + path).encode() + b'">here</a></body></html>',
                                   301, "text/html", origin + path))
        # non-articles: home page every year, the first listings twice
        for ts in LISTING_DATES:
            out.append(Capture(origin + "/", ts, page("/")))
        for path in [p for p in gold.non_article_paths(name) if p != "/"][:3]:
            for ts in LISTING_DATES[-2:]:
                out.append(Capture(origin + path, ts, page(path)))
        # a 404, and a soft 404: the site's not-found page archived with status 200
        missing = gold.render_path(name, "/story-that-never-was/")
        out.append(Capture(origin + "/story-that-never-was/", LISTING_DATES[-3], missing.body, 404))
        out.append(Capture(origin + SOFT404_PATH, LISTING_DATES[-2], missing.body, 200))
    return tuple(out)


SOFT404_PATH = "/removed-story-page-not-found/"  # archived as 200 with the site's not-found page


def snapshot_captures(sites: Sequence[str] = ("photonews", "drm", "dawn")) -> list[Capture]:
    """Captures of the snapshot sites across 2019-2025: every article 1-3 times
    (hours, ~6 months and ~13 months after publication, up to the snapshot date),
    the home page once a year, listings, lead images (``image/jpeg``), WordPress
    shortlinks (301 to the article), a 404 and a soft 404 (``SOFT404_PATH``:
    status 200, the site's not-found page). Deterministic."""
    return list(_snapshot_captures(tuple(sites)))


# --------------------------------------------------------------------------
# WARC building (warcio)
# --------------------------------------------------------------------------

def write_warc(captures: Sequence[Capture], filename: str) -> tuple[bytes, list[tuple[int, int]]]:
    """A gzipped WARC laid out like Common Crawl's (warcinfo, then request,
    response and metadata per capture, one gzip member each); returns the bytes
    and each capture's response record ``(offset, length)``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": "pknews tests/archiveserver.py", "format": "WARC File Format 1.1",
        "isPartOf": filename.split("-2")[0]}))
    spans = []
    for c in captures:
        date = c.when.strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = urlsplit(c.url)
        req = writer.create_warc_record(c.url, "request", http_headers=StatusAndHeaders(
            f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
            [("Host", parts.netloc), ("User-Agent", "CCBot/2.0 (https://commoncrawl.org/faq/)")],
            is_http_request=True), warc_headers_dict={"WARC-Date": date})
        reason = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}.get(c.status, "Status")
        resp = writer.create_warc_record(c.url, "response", payload=io.BytesIO(c.body), http_headers=StatusAndHeaders(
            f"{c.status} {reason}", c.http_headers(), protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date, "WARC-IP-Address": "192.0.2.1",
                               "WARC-Concurrent-To": req.rec_headers.get_header("WARC-Record-ID"),
                               "WARC-Identified-Payload-Type": c.mimetype})
        meta = writer.create_warc_record(c.url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
                                         warc_content_type="application/warc-fields",
                                         warc_headers_dict={"WARC-Date": date})
        writer.write_record(req)
        start = buf.tell()
        writer.write_record(resp)
        spans.append((start, buf.tell() - start))
        writer.write_record(meta)
    return buf.getvalue(), spans


# --------------------------------------------------------------------------
# Faults and the request log
# --------------------------------------------------------------------------

FAULT_KINDS = ("429", "503", "reset", "truncate", "soft404")


@dataclass
class Fault:
    """``kind`` (one of ``FAULT_KINDS``) for the first ``times`` requests whose path
    (with query) matches the regex ``pattern`` (``times=None``: every one).
    ``retry_after``: the 429's ``Retry-After`` seconds; ``keep``: the fraction of
    the body a truncated answer sends."""

    kind: str
    pattern: str = ""
    times: int | None = None
    retry_after: int = 1
    keep: float = 0.5
    hits: int = 0  # matching requests seen so far

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(FAULT_KINDS)}")


def as_faults(faults: Iterable[Fault] | dict[str, dict] | None) -> list[Fault]:
    """A list of ``Fault``, or a dict ``{"429": {"pattern": "^/cdx/", "times": 2}, ...}``."""
    if faults is None:
        return []
    if isinstance(faults, dict):
        return [Fault(kind, **opts) for kind, opts in faults.items()]
    return list(faults)


@dataclass(frozen=True)
class LoggedRequest:
    method: str
    path: str  # with the query, as sent
    headers: dict[str, str] = field(default_factory=dict)
    time: float = 0.0  # time.monotonic()
    fault: str | None = None  # the fault injected into the answer, if any

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)

    @property
    def range(self) -> str | None:
        return self.header("Range")

    @property
    def user_agent(self) -> str | None:
        return self.header("User-Agent")


class _Handler(BaseHTTPRequestHandler):
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    owner: "_ArchiveServer"

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args):
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/plain; charset=utf-8",
             headers: Sequence[tuple[str, str]] | dict = (), head_only: bool = False) -> None:
        keep = len(body)
        if self.fault is not None and self.fault.kind == "truncate":
            keep = int(len(body) * self.fault.keep)
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers.items() if isinstance(headers, dict) else headers):
                self.send_header(k, v)
            if keep < len(body):
                self.send_header("Connection", "close")
            self.end_headers()
            if not head_only:
                self.wfile.write(body[:keep])
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        if keep < len(body):
            self.close_connection = True

    def send_json(self, status: int, obj) -> None:
        self.send(status, json.dumps(obj).encode(), "application/json")

    def reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _handle(self, head_only: bool) -> None:
        self.fault = self.owner._record(self.command, self.path, dict(self.headers.items()))
        kind = self.fault.kind if self.fault else None
        try:
            if kind == "reset":
                self.reset()
            elif kind == "429":
                self.send(429, b"Too Many Requests\n", headers={"Retry-After": str(self.fault.retry_after)})
            elif kind == "503":
                self.send(503, b"Service Unavailable\n")
            else:
                parts = urlsplit(self.path)
                query = parse_qs(parts.query, keep_blank_values=True)
                try:
                    self.owner._route(self, parts.path, parts.query, query, head_only)
                except (BrokenPipeError, ConnectionResetError):
                    raise
                except Exception as err:  # a bug here must show as a 500, not a silent hang-up
                    self.send(500, f"Internal Server Error: {err!r}\n".encode())
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        self._handle(False)

    def do_HEAD(self):
        self._handle(True)


class _ArchiveServer(LoopbackServer):
    """Lifecycle, faults and the request log shared by the fake archives."""

    handler = _Handler
    thread_name = "archive-server"

    def __init__(self, captures: Iterable[CaptureLike] | None = None,
                 faults: Iterable[Fault] | dict[str, dict] | None = None,
                 host: str = "127.0.0.1", port: int = 0):
        self.captures: list[Capture] = sorted((as_capture(c) for c in (snapshot_captures() if captures is None
                                                                         else captures)),
                                              key=lambda c: (c.urlkey, c.timestamp))
        self.faults: list[Fault] = as_faults(faults)
        super().__init__(host, port)
        self._lock = threading.Lock()
        self._log: list[LoggedRequest] = []

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # faults and log
    def add_fault(self, kind: str, pattern: str = "", times: int | None = None, **opts) -> Fault:
        f = Fault(kind, pattern, times, **opts)
        with self._lock:
            self.faults.append(f)
        return f

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def _record(self, method: str, path: str, headers: dict[str, str]) -> Fault | None:
        with self._lock:
            chosen = None
            for f in self.faults:
                if re.search(f.pattern, path):
                    f.hits += 1
                    if chosen is None and (f.times is None or f.hits <= f.times):
                        chosen = f
            self._log.append(LoggedRequest(method, path, headers, time.monotonic(), chosen.kind if chosen else None))
            return chosen

    @property
    def requests(self) -> list[LoggedRequest]:
        """Every request so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._log)

    def clear(self) -> None:
        with self._lock:
            self._log.clear()

    def fresh(self):
        """This server with no faults and an empty log (tests share one server per module)."""
        self.clear_faults()
        self.clear()
        return self

    # subclass hooks
    def prepare(self) -> None:
        pass

    def _route(self, h: _Handler, path: str, raw_query: str, query: dict[str, list[str]], head_only: bool) -> None:
        raise NotImplementedError


# --------------------------------------------------------------------------
# URL matching and filters shared by both CDX APIs
# --------------------------------------------------------------------------

def match_scope(url: str, match_type: str | None) -> tuple[str, str]:
    """``(matchType, key)`` for a CDX ``url`` parameter (implicit wildcards as documented)."""
    if url.startswith("*."):
        return "domain", surt(url[2:]).split(")", 1)[0]
    if url.endswith("*"):
        return match_type or "prefix", surt(url[:-1]) if match_type != "domain" else surt(url[:-1]).split(")", 1)[0]
    key = surt(url)
    if match_type in ("host", "domain"):
        key = key.split(")", 1)[0]
    return match_type or "exact", key


def in_scope(urlkey: str, scope: tuple[str, str]) -> bool:
    kind, key = scope
    if kind == "exact":
        return urlkey == key
    if kind == "prefix":
        return urlkey.startswith(key)
    host = urlkey.split(")", 1)[0]
    if kind == "host":
        return host == key
    if kind == "domain":
        return host == key or host.startswith(key + ",")
    raise ValueError(f"bad matchType {kind!r}")


def parse_filter(spec: str, fields: Sequence[str], pywb: bool):
    """``[!]field:regex`` (Wayback: whole-value regex); pywb adds ``=`` (exact) and
    ``~`` (contains) after the optional ``!``, and a plain regex matches at the start."""
    neg = spec.startswith("!")
    spec = spec[1:] if neg else spec
    mode = "regex"
    if pywb and spec[:1] in ("=", "~"):
        mode, spec = {"=": "exact", "~": "contains"}[spec[0]], spec[1:]
    name, _, value = spec.partition(":")
    if name.isdigit():
        name = fields[int(name)]
    if name not in fields:
        raise ValueError(f"bad filter field {name!r}")
    if mode == "exact":
        test = value.__eq__
    elif mode == "contains":
        def test(v: str) -> bool:
            return value in v
    else:
        rx = re.compile(value)
        test = (lambda v: rx.match(v) is not None) if pywb else (lambda v: rx.fullmatch(v) is not None)
    return lambda row: test(row[name]) != neg


# --------------------------------------------------------------------------
# Wayback
# --------------------------------------------------------------------------

def wayback_error_page(url: str) -> bytes:
    """An HTML page in the shape of the Wayback Machine's "not archived" page."""
    return ("<!DOCTYPE html><html><head><title>Wayback Machine</title></head><body>"
            '<div id="error"><h2>Hrm.</h2><p>The Wayback Machine has not archived that URL.</p>'
            f'<p class="url">{url}</p></div></body></html>').encode()


class FakeWayback(_ArchiveServer):
    """The Wayback Machine's CDX server (``/cdx/search/cdx``) and ``id_`` replay
    (``/web/<timestamp>id_/<url>``) over ``captures`` (default: ``snapshot_captures()``).

    ``max_rows``: the server's own cap on rows per query (the real one has one,
    150000 by default); past it, like past ``limit``, ``showResumeKey`` prints a key."""

    thread_name = "fake-wayback"

    def __init__(self, captures: Iterable[CaptureLike] | None = None,
                 faults: Iterable[Fault] | dict[str, dict] | None = None,
                 host: str = "127.0.0.1", port: int = 0, max_rows: int = 150_000):
        super().__init__(captures, faults, host, port)
        self.max_rows = max_rows
        self._keys = [f"{c.urlkey} {c.timestamp}" for c in self.captures]
        self.warc_name = "PKNEWS-FAKE-20250912040000-00000-wwwb.warc.gz"
        self._lengths: dict[int, int] = {}

    def prepare(self) -> None:
        if not self._lengths:
            _, spans = write_warc(self.captures, self.warc_name)
            self._lengths = {i: length for i, (_, length) in enumerate(spans)}

    def row(self, i: int) -> dict[str, str]:
        c = self.captures[i]
        return {"urlkey": c.urlkey, "timestamp": c.timestamp, "original": c.url, "mimetype": c.mimetype,
                "statuscode": str(c.status), "digest": c.digest, "length": str(self._lengths.get(i, len(c.body)))}

    def _route(self, h, path, raw_query, query, head_only):
        if path == "/cdx/search/cdx":
            self.cdx(h, query)
        elif path.startswith("/web/"):
            self.replay(h, h.path, head_only)
        else:
            h.send(404, b"Not Found\n")

    # -- CDX -----------------------------------------------------------------
    def query(self, query: dict[str, list[str]]) -> tuple[list[dict[str, str]], str | None]:
        """Rows for a CDX query and the resume key (``None`` when nothing remains)."""
        one = {k: v[-1] for k, v in query.items()}
        scope = match_scope(one["url"], one.get("matchType"))
        lo, hi = ts14(one.get("from", "")), ts14(one.get("to", ""), upper=True)
        filters = [parse_filter(f, CDX_FIELDS, pywb=False) for f in query.get("filter", [])]
        collapse = []
        for spec in query.get("collapse", []):
            name, _, n = spec.partition(":")
            collapse.append((name, int(n) if n else None))
        start = bisect.bisect_left(self._keys, unquote_plus(one["resumeKey"])) if "resumeKey" in one else 0
        limit = int(one["limit"]) if one.get("limit") else None
        rows: list[dict[str, str]] = []
        last: dict[str, str] = {}
        for i in range(start, len(self.captures)):
            c = self.captures[i]
            if not in_scope(c.urlkey, scope) or not lo <= c.timestamp <= hi:
                continue
            r = self.row(i)
            if not all(f(r) for f in filters):
                continue
            if collapse and last and all(r[n][:k] == last[n][:k] for n, k in collapse):
                continue
            last = r
            rows.append(r)
        if limit is not None and limit < 0:
            return rows[limit:], None
        cap = min(limit, self.max_rows) if limit is not None else self.max_rows
        if len(rows) > cap:
            end = rows[cap - 1]
            return rows[:cap], quote_plus(f"{end['urlkey']} {end['timestamp']}!")
        return rows, None

    def cdx(self, h: _Handler, query: dict[str, list[str]]) -> None:
        if not query.get("url"):
            h.send(400, b"Request must include a url= parameter\n")
            return
        try:
            rows, key = self.query(query)
        except (ValueError, re.error) as err:
            h.send(400, f"Bad request: {err}\n".encode())
            return
        fl = query["fl"][-1].split(",") if query.get("fl") else CDX_FIELDS
        if query.get("showResumeKey", [""])[-1] != "true":
            key = None
        if query.get("output", [""])[-1] == "json":
            out: list[list[str]] = [fl, *([r[f] for f in fl] for r in rows)] if rows else []
            if key:
                out += [[], [key]]
            body = ("[" + ",\n".join(json.dumps(r) for r in out) + "]\n").encode()
            h.send(200, body, "application/json")
        else:
            text = "".join(" ".join(r[f] for f in fl) + "\n" for r in rows)
            if key:
                text += "\n" + key + "\n"
            h.send(200, text.encode())

    # -- replay --------------------------------------------------------------
    def closest(self, url: str, ts: str) -> Capture | None:
        key = surt(url)
        cands = [c for c in self.captures if c.urlkey == key]
        if not cands:
            return None
        target = parse_ts(ts).timestamp()
        return min(cands, key=lambda c: (abs(c.when.timestamp() - target), c.timestamp))

    def replay(self, h: _Handler, raw: str, head_only: bool) -> None:
        m = re.match(r"^/web/(\d{1,14})([a-z]{2}_)?/(.+)$", raw)
        if not m:
            h.send(400, b"Bad Request\n")
            return
        ts, mod, url = m.group(1), m.group(2) or "", m.group(3)
        url = re.sub(r"^(https?):/+", r"\1://", url)
        if "://" not in url:
            url = "http://" + url
        cap = self.closest(url, ts)
        if h.fault is not None and h.fault.kind == "soft404":
            h.send(200, wayback_error_page(url), "text/html; charset=utf-8")
            return
        if cap is None:
            h.send(404, wayback_error_page(url), "text/html; charset=utf-8")
            return
        if cap.timestamp != ts:
            h.send(302, b"", "text/plain",
                   {"Location": f"{self.base_url}/web/{cap.timestamp}{mod}/{cap.url}"}, head_only)
            return
        orig = cap.url
        headers = [
            ("Memento-Datetime", format_datetime(cap.when, usegmt=True)),
            ("Link", f'<{orig}>; rel="original", '
                     f'<{self.base_url}/web/timemap/link/{orig}>; rel="timemap"; type="application/link-format", '
                     f'<{self.base_url}/web/{orig}>; rel="timegate"'),
            ("X-Archive-Src", self.warc_name),
        ]
        headers += [(f"X-Archive-Orig-{k}", v) for k, v in cap.http_headers() if k != "Content-Type"]
        if cap.location:
            headers.append(("Location", f"{self.base_url}/web/{cap.timestamp}{mod}/{cap.location}"))
        h.send(cap.status, cap.body, cap.content_type, headers, head_only)


# --------------------------------------------------------------------------
# Common Crawl
# --------------------------------------------------------------------------

# Crawl ids (CC-MAIN-<ISO year>-<ISO week>); a crawl's window runs from the Monday of
# that week to the day before the next crawl (the last one: three weeks), so that
# every capture's timestamp lies within its crawl's collinfo ``from``/``to``.
DEFAULT_CRAWLS = ("CC-MAIN-2019-35", "CC-MAIN-2020-50", "CC-MAIN-2021-39", "CC-MAIN-2022-49", "CC-MAIN-2023-06",
                  "CC-MAIN-2023-50", "CC-MAIN-2024-10", "CC-MAIN-2024-33", "CC-MAIN-2024-51", "CC-MAIN-2025-08",
                  "CC-MAIN-2025-26", "CC-MAIN-2025-35")


def crawl_start(crawl_id: str) -> datetime:
    year, week = crawl_id.rsplit("-", 2)[-2:]
    return datetime.fromisocalendar(int(year), int(week), 1).replace(tzinfo=UTC)


class FakeCommonCrawl(_ArchiveServer):
    """Common Crawl's index server (``/collinfo.json``, ``/<crawl>-index``) and data
    server (``/crawl-data/...warc.gz`` with Range) on one port: ``index_url`` and
    ``data_url`` are both ``base_url`` (clients should take them separately).

    Each capture goes to the latest crawl of ``crawls`` that starts on or before
    it (captures older than every crawl are left out). ``block_lines``: index
    lines per zipnum block (3000 on the real server; small here so that the
    test data spans several pages of ``pageSize`` 5 blocks)."""

    thread_name = "fake-commoncrawl"

    def __init__(self, captures: Iterable[CaptureLike] | None = None,
                 faults: Iterable[Fault] | dict[str, dict] | None = None,
                 host: str = "127.0.0.1", port: int = 0, crawls: Sequence[str] = DEFAULT_CRAWLS,
                 block_lines: int = 3):
        super().__init__(captures, faults, host, port)
        self.crawls = sorted(crawls, key=crawl_start)
        self.block_lines = block_lines
        self.index: dict[str, list[dict[str, str]]] = {}  # crawl id -> index rows in urlkey order
        self.files: dict[str, bytes] = {}  # filename -> WARC bytes
        self._records: dict[tuple[str, int], Capture] = {}  # (filename, offset) -> capture

    @property
    def index_url(self) -> str:
        return self.base_url

    @property
    def data_url(self) -> str:
        return self.base_url

    def crawl_of(self, c: Capture) -> str | None:
        starts = [crawl_start(cid) for cid in self.crawls]
        i = bisect.bisect_right(starts, c.when) - 1
        return self.crawls[i] if i >= 0 else None

    def prepare(self) -> None:
        if self.files:
            return
        by_file: dict[str, list[Capture]] = {}
        crawl_rows: dict[str, list[tuple[Capture, str]]] = {cid: [] for cid in self.crawls}
        for c in sorted(self.captures, key=lambda c: (c.timestamp, c.urlkey)):
            cid = self.crawl_of(c)
            if cid is None:
                continue
            start = crawl_start(cid)
            segment = f"{to_ts(start)[:8]}{'%06d' % 0}"
            seg_id = f"{int(start.timestamp()) // 1000}.{start.isocalendar().week}"
            kind = "warc" if c.status == 200 else "crawldiagnostics"
            serial = len(crawl_rows[cid]) // 4  # a few captures per file, so offsets vary
            name = (f"crawl-data/{cid}/segments/{seg_id}/{kind}/"
                    f"{cid}-{segment}-{serial:05d}.warc.gz")
            by_file.setdefault(name, []).append(c)
            crawl_rows[cid].append((c, name))
        spans: dict[tuple[str, int], tuple[int, int]] = {}
        for name, caps in by_file.items():
            data, sp = write_warc(caps, name)
            self.files[name] = data
            for c, span in zip(caps, sp):
                spans[(name, id(c))] = span
                self._records[(name, span[0])] = c
        for cid, items in crawl_rows.items():
            rows = []
            for c, name in items:
                offset, length = spans[(name, id(c))]
                r = {"urlkey": c.urlkey, "timestamp": c.timestamp, "url": c.url, "mime": c.mimetype,
                     "mime-detected": c.mimetype, "status": str(c.status), "digest": c.digest,
                     "length": str(length), "offset": str(offset), "filename": name}
                if c.location:
                    r["redirect"] = c.location
                if c.status == 200 and c.mimetype == "text/html":
                    r["languages"], r["encoding"] = "eng", "UTF-8"
                rows.append(r)
            self.index[cid] = sorted(rows, key=lambda r: (r["urlkey"], r["timestamp"]))

    def collinfo(self) -> list[dict[str, str]]:
        out = []
        starts = [crawl_start(cid) for cid in self.crawls] + [crawl_start(self.crawls[-1]) + timedelta(days=21)]
        for i, cid in enumerate(self.crawls):
            out.append({"id": cid, "name": f"{starts[i]:%B} {starts[i].year} Index",
                        "timegate": f"{self.base_url}/{cid}/", "cdx-api": f"{self.base_url}/{cid}-index",
                        "from": starts[i].strftime("%Y-%m-%dT%H:%M:%S"),
                        "to": (starts[i + 1] - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S")})
        return out[::-1]  # newest first, like index.commoncrawl.org

    def _route(self, h, path, raw_query, query, head_only):
        if path == "/collinfo.json":
            h.send_json(200, self.collinfo())
        elif path.endswith("-index") and path[1:-6] in self.index:
            self.cdx(h, path[1:-6], query)
        elif path.lstrip("/") in self.files:
            self.data(h, path.lstrip("/"), head_only)
        else:
            h.send(404, b"Not Found\n")

    # -- index ---------------------------------------------------------------
    def cdx(self, h: _Handler, cid: str, query: dict[str, list[str]]) -> None:
        one = {k: v[-1] for k, v in query.items()}
        if not one.get("url"):
            h.send_json(400, {"message": "The \"url\" param is required"})
            return
        rows = self.index[cid]
        try:
            scope = match_scope(one["url"], one.get("matchType"))
            fields = list(rows[0]) if rows else ["urlkey"]
            fields = sorted({k for r in rows for k in r}) or fields
            filters = [parse_filter(f, fields, pywb=True) for f in query.get("filter", [])]
        except (ValueError, re.error) as err:
            h.send_json(400, {"message": str(err)})
            return
        matched = [r for r in rows if in_scope(r["urlkey"], scope)]
        # zipnum pages: blocks of block_lines index lines, pageSize blocks a page, cut before filters
        blocks = -(-len(matched) // self.block_lines)
        pages = -(-blocks // CC_PAGE_SIZE)
        if one.get("showNumPages") == "true":
            h.send_json(200, {"pages": pages, "pageSize": CC_PAGE_SIZE, "blocks": blocks})
            return
        if "page" in one:
            page = int(one["page"])
            if not 0 <= page < pages:
                h.send_json(400, {"message": f"Page {page} invalid: First Page is 0, Last Page is {pages - 1}"})
                return
            per = self.block_lines * CC_PAGE_SIZE
            matched = matched[page * per:(page + 1) * per]
        lo, hi = ts14(one.get("from", "")), ts14(one.get("to", ""), upper=True)
        out = [r for r in matched if lo <= r["timestamp"] <= hi and all(f(r) for f in filters)]
        if one.get("limit"):
            out = out[:int(one["limit"])]
        if not out and "page" not in one:
            h.send_json(404, {"message": f"No Captures found for: {one['url']}"})
            return
        if one.get("fl"):
            keep = one["fl"].split(",")
            out = [{k: r[k] for k in keep if k in r} for r in out]
        if one.get("output") == "json":
            h.send(200, "".join(json.dumps(r) + "\n" for r in out).encode(), "text/x-ndjson")
        else:
            h.send(200, "".join(f"{r['urlkey']} {r['timestamp']} {json.dumps({k: v for k, v in r.items() if k not in ('urlkey', 'timestamp')})}\n"
                                for r in out).encode())

    # -- data ----------------------------------------------------------------
    def capture_at(self, filename: str, offset: int) -> Capture | None:
        return self._records.get((filename, offset))

    def data(self, h: _Handler, name: str, head_only: bool) -> None:
        data = self.files[name]
        size = len(data)
        rng = h.headers.get("Range")
        base = {"Accept-Ranges": "bytes", "ETag": '"' + hashlib.md5(data).hexdigest() + '"'}
        if not rng:
            h.send(200, data, "application/octet-stream", base, head_only)
            return
        m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng.strip())
        if not m or (not m.group(1) and not m.group(2)):
            h.send(200, data, "application/octet-stream", base, head_only)  # unparsable ranges are ignored (RFC 9110)
            return
        if m.group(1):
            start = int(m.group(1))
            end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
        else:  # suffix range: the last N bytes
            start, end = max(size - int(m.group(2)), 0), size - 1
        if start >= size or end < start:
            h.send(416, b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidRange</Code>'
                        b"<Message>The requested range is not satisfiable</Message></Error>",
                   "application/xml", {"Content-Range": f"bytes */{size}"}, head_only)
            return
        body = data[start:end + 1]
        if h.fault is not None and h.fault.kind == "soft404":
            cap = self.capture_at(name, start)
            if cap is not None:
                fake = Capture(cap.url, cap.timestamp, not_found_page(cap.url), 200, "text/html")
                warc, spans = write_warc([fake], name)
                body = warc[spans[0][0]:spans[0][0] + spans[0][1]]
        h.send(206, body, "application/octet-stream",
               {**base, "Content-Range": f"bytes {start}-{start + len(body) - 1}/{size}"}, head_only)


def not_found_page(url: str) -> bytes:
    """The snapshot site's own not-found page for ``url`` (a generic one for other hosts)."""

    host = urlsplit(url).hostname or ""
    site = site_for_host(host)
    if site is not None:
        return gold.render_path(site.name, "/story-that-never-was/").body
    return b"<html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>"
