"""Web-archive clients for ``pknews backfill`` (issue 15, first slice): list the
captures an archive holds under a URL prefix and fetch them.

Two kinds of archive, one small class each (in the manner of ``source_kinds``):

- ``WaybackArchive``: the Internet Archive's CDX server (``/cdx/search/cdx``,
  ``output=json``, ``filter=statuscode:200``, ``filter=mimetype:text/html``,
  ``collapse=urlkey``, paged with ``showResumeKey``/``resumeKey``) and the
  ``/web/<timestamp>id_/<url>`` replay (the page as archived, no toolbar).
- ``CommonCrawlArchive``: the index server (``collinfo.json``, one pywb CDX
  index per crawl, paged with ``showNumPages`` then ``page=K``) and the data
  server (one HTTP Range request per record, parsed with warcio).

Pure parts (reading CDX rows, parsing a WARC slice, ``choose_capture``,
``check_capture``) are plain functions; the I/O goes through ``PoliteClient``.

Why not cdx_toolkit: it speaks both CDX dialects and can be given a CDX base
URL, but every request goes through its module-level HTTP function
(``cdx_toolkit/myrequests.py``, as read in cocrawler/cdx_toolkit) with a policy
of its own: a fixed sleep before each request, retries of 429/5xx on a fixed
doubling schedule that ignores ``Retry-After``, up to 100 retries on connection
errors, and a ``pypi_cdx_toolkit/<version>`` user agent unless headers are
passed on each call. The issue's politeness rules (a documented rate per
archive, ``Retry-After`` honoured and capped, few retries, our user agent, a
clear error when they are spent) would mean patching around that function, so
this is a thin client of its own (cdx_toolkit was not installed or added).
It is written on the standard library (``urllib.request``): the project
declares no synchronous HTTP library (Scrapy is Twisted; ``requests`` and
``urllib3`` are only transitive dependencies), and none is added.

Politeness defaults (module constants; every one a constructor parameter):
``WAYBACK_INTERVAL`` 1 s between requests to the Wayback Machine,
``CC_INDEX_INTERVAL`` 1 s to the Common Crawl index server,
``CC_DATA_INTERVAL`` 0.5 s to the data server; ``MAX_RETRIES`` 4 retries of a
429/502/503/504 answer, a reset, a timeout or a cut-off body, waiting
``Retry-After`` (seconds or an HTTP date, capped at ``MAX_RETRY_AFTER`` 120 s)
or else ``BACKOFF`` 2 s doubling each time; ``TIMEOUT`` 30 s. The user agent is
the crawl's own (``crawlers.settings.USER_AGENT``: pknews and a contact URL).
"""

from __future__ import annotations

import http.client
import io
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from crawlers.middlewares import retry_after_seconds  # the crawl's own reading of Retry-After
from crawlers.settings import USER_AGENT

UTC = timezone.utc

WAYBACK_URL = "https://web.archive.org"
CC_INDEX_URL = "https://index.commoncrawl.org"
CC_DATA_URL = "https://data.commoncrawl.org"

WAYBACK_INTERVAL = 1.0  # seconds between requests to the Wayback Machine (CDX and replay)
CC_INDEX_INTERVAL = 1.0  # seconds between requests to the Common Crawl index server
CC_DATA_INTERVAL = 0.5  # seconds between Range requests to the Common Crawl data server
MAX_RETRIES = 4  # retries of one request after a 429/502/503/504, a reset, a timeout or a cut-off body
BACKOFF = 2.0  # first wait before a retry without Retry-After; doubles each time
MAX_RETRY_AFTER = 120.0  # longest Retry-After honoured (longer ones are cut to this)
TIMEOUT = 30.0  # seconds, connect and read
WAYBACK_PAGE_ROWS = 5000  # CDX rows per Wayback page (limit=, with showResumeKey)

RETRY_STATUSES = frozenset({429, 502, 503, 504})


class ArchiveUnavailable(Exception):
    """An archive kept failing (status, reset, timeout) after the retries were spent."""


class BadCapture(Exception):
    """A capture that is not an archived article page; ``cause`` says why
    (``truncated``, ``soft-404``, ``redirect``, ``archive-error``, ``not-html``, ``http-<status>``)."""

    def __init__(self, cause: str, capture: "Capture | None" = None):
        super().__init__(cause)
        self.cause = cause
        self.capture = capture


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Capture:
    """One archived response as an archive's index lists it, and where to fetch it:
    ``replay_url`` (Wayback) or ``filename``/``offset``/``length`` (Common Crawl)."""

    url: str
    timestamp: datetime  # aware, UTC
    status: int
    mimetype: str
    archive: str  # "wayback" or "commoncrawl"
    urlkey: str = ""
    digest: str = ""
    replay_url: str | None = None
    filename: str | None = None
    offset: int | None = None
    length: int | None = None
    crawl: str | None = None

    @property
    def ts14(self) -> str:
        return to_ts14(self.timestamp)


@dataclass(frozen=True)
class ArchivedResponse:
    """A fetched capture: the archived HTTP status, headers (names lower case) and body."""

    capture: Capture
    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str = ""  # where it was fetched from (after the archive's own redirect)
    archive_headers: Mapping[str, str] = field(default_factory=dict)  # the archive's answer headers

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass(frozen=True)
class Crawl:
    """One Common Crawl crawl from ``collinfo.json``."""

    id: str
    cdx_api: str
    start: datetime
    end: datetime


class Verdict(NamedTuple):
    """``check_capture``'s answer: ``good``, or bad with a ``cause``."""

    good: bool
    cause: str | None = None


# --------------------------------------------------------------------------
# Time helpers
# --------------------------------------------------------------------------

def to_ts14(dt: datetime) -> str:
    return as_utc(dt).strftime("%Y%m%d%H%M%S")


def parse_ts14(ts: str) -> datetime:
    """A 1-14 digit CDX timestamp as an aware UTC datetime."""
    full = (ts + "00000101000000"[len(ts):])[:14]
    return datetime.strptime(full, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def as_utc(when: datetime | date) -> datetime:
    """Aware UTC datetime; a naive one is taken as UTC, a date as its midnight UTC."""
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


# --------------------------------------------------------------------------
# The polite HTTP layer
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]  # names lower case
    body: bytes
    url: str
    complete: bool = True  # False: the body was cut short on every attempt


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_TRANSIENT = (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine, socket.timeout,
              TimeoutError)


class PoliteClient:
    """GET with a minimum interval between requests (per client, i.e. per archive
    endpoint), waits on 429/503 (``Retry-After`` honoured, capped), limited retries
    with exponential backoff on resets, timeouts and cut-off bodies, our user agent,
    no redirects followed (callers decide), and ``ArchiveUnavailable`` at the end."""

    def __init__(self, name: str, min_interval: float, user_agent: str = USER_AGENT, timeout: float = TIMEOUT,
                 max_retries: int = MAX_RETRIES, backoff: float = BACKOFF, max_retry_after: float = MAX_RETRY_AFTER,
                 resolve: Mapping[str, str] | None = None, sleep=time.sleep, clock=time.monotonic):
        self.name = name
        self.min_interval = min_interval
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.resolve = dict(resolve or {})  # host -> IP without DNS, like curl --resolve (tests, mirrors)
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._last: float | None = None
        self._opener = urllib.request.build_opener(_NoRedirect)
        self.requests_sent = 0
        self.retried: Counter = Counter()  # retries by cause (``429``, ``503``, ``reset``, ``timeout``, ``cut-short``)

    def _wait_turn(self, at_least: float = 0.0) -> None:
        with self._lock:
            now = self._clock()
            ready = now if self._last is None else self._last + self.min_interval
            ready = max(ready, now + at_least)
            if ready > now:
                self._sleep(ready - now)
            self._last = self._clock()
            self.requests_sent += 1

    def _once(self, url: str, headers: Mapping[str, str]) -> Response:
        target, parts = url, urlsplit(url)
        if parts.hostname in self.resolve:  # connect to the IP, name the host
            headers = {"Host": parts.netloc, **headers}
            netloc = self.resolve[parts.hostname] + (f":{parts.port}" if parts.port else "")
            target = urlunsplit(parts._replace(netloc=netloc))
        req = urllib.request.Request(target, headers={"User-Agent": self.user_agent, **headers})
        try:
            resp = self._opener.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as err:
            resp = err
        with resp:
            hdrs = {k.lower(): v for k, v in resp.headers.items()}
            try:
                body, complete = resp.read(), True
            except http.client.IncompleteRead as err:
                body, complete = err.partial, False
            return Response(resp.status, hdrs, body, url, complete)

    def get(self, url: str, headers: Mapping[str, str] | None = None, allow_partial: bool = False) -> Response:
        """One answer that is not a 429/502/503/504, after retries. A body cut short on
        every attempt raises ``ArchiveUnavailable``, or with ``allow_partial`` comes back
        with ``complete=False`` (the caller records a truncated capture)."""
        headers = dict(headers or {})
        wait = 0.0
        last: Response | None = None
        problem = ""
        for attempt in range(self.max_retries + 1):
            self._wait_turn(wait)
            delay = self.backoff * (2 ** attempt)
            try:
                resp = self._once(url, headers)
            except urllib.error.URLError as err:
                if not isinstance(err.reason, _TRANSIENT):
                    raise ArchiveUnavailable(f"{self.name}: {url}: {err.reason}") from err
                problem, wait = f"{err.reason!r}", delay
                self.retried[_transient_cause(err.reason)] += 1
                continue
            except _TRANSIENT as err:
                problem, wait = f"{err!r}", delay
                self.retried[_transient_cause(err)] += 1
                continue
            if resp.status in RETRY_STATUSES:
                after = retry_after_seconds(resp.headers.get("retry-after"))
                wait = min(after, self.max_retry_after) if after is not None else delay
                problem = f"HTTP {resp.status}"
                self.retried[str(resp.status)] += 1
                continue
            if not resp.complete:
                last, problem, wait = resp, "body cut short", delay
                self.retried["cut-short"] += 1
                continue
            return resp
        if last is not None and allow_partial:  # cut short every time: a truncated record
            return last
        raise ArchiveUnavailable(f"{self.name}: {url}: {problem} after {self.max_retries} retries")

    def get_json(self, url: str, params: Sequence[tuple[str, str]] = ()) -> tuple[int, object]:
        full = url + ("?" + urlencode(list(params)) if params else "")
        resp = self.get(full)
        try:
            return resp.status, json.loads(resp.body or b"null")
        except ValueError:
            return resp.status, None


def _transient_cause(err: BaseException) -> str:
    return "timeout" if isinstance(err, (socket.timeout, TimeoutError)) else "reset"


# --------------------------------------------------------------------------
# Choosing and checking captures (pure)
# --------------------------------------------------------------------------

def choose_capture(captures: Iterable[Capture], article_date: datetime | date | None) -> Capture | None:
    """The capture to use for one article URL: the earliest status-200 capture at
    or after ``article_date``, else the status-200 capture closest to it (``None``
    without a 200 capture). Without a date: the earliest 200 capture."""
    ok = sorted((c for c in captures if c.status == 200), key=lambda c: c.timestamp)
    if not ok:
        return None
    if article_date is None:
        return ok[0]
    when = as_utc(article_date)
    after = [c for c in ok if c.timestamp >= when]
    if after:
        return after[0]
    return min(ok, key=lambda c: (abs((c.timestamp - when).total_seconds()), c.timestamp))


def choose_captures(captures: Iterable[Capture],
                    article_dates: Mapping[str, datetime | date | None] | None = None) -> dict[str, Capture]:
    """``choose_capture`` for each URL among ``captures`` (dates by URL; missing: none)."""
    by_url: dict[str, list[Capture]] = {}
    for c in captures:
        by_url.setdefault(c.url, []).append(c)
    out = {}
    for url, caps in by_url.items():
        chosen = choose_capture(caps, (article_dates or {}).get(url))
        if chosen is not None:
            out[url] = chosen
    return out


# The Wayback Machine's own pages (not archived, excluded, errors) served in place of a capture.
ARCHIVE_ERROR_MARKERS = (
    "wayback machine has not archived that url",
    "this url has been excluded from the wayback machine",
    "the wayback machine is temporarily unavailable",
    "hrm. the wayback machine",
    "<title>wayback machine</title>",
    "<title>internet archive: scheduled maintenance</title>",
)
_NOT_FOUND = re.compile(
    r"\b(?:404|not\s+found|page\s+(?:not\s+)?(?:found|missing)|can(?:'|&rsquo;|\u2019|&#8217;|no)t\s+be\s+found"
    r"|could\s+not\s+be\s+found|does(?:\s+not|n(?:'|&rsquo;|\u2019|&#8217;)t)\s+exist|no\s+longer\s+available"
    r"|page\s+you\s+(?:are|were)\s+looking\s+for)\b", re.I)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_H1 = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_META_REFRESH = re.compile(rb"<meta[^>]+http-equiv=[\"']?refresh[\"']?[^>]*url=", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SHORT_PAGE = 2048  # a page this small that only refreshes elsewhere is a redirect page


def _texts(pattern: re.Pattern, body: bytes, limit: int = 3) -> list[str]:
    return [_TAGS.sub(" ", m.group(1).decode("utf-8", "replace")) for m in pattern.finditer(body[:200_000])][:limit]


def check_capture(resp: ArchivedResponse) -> Verdict:
    """Good, or bad with a cause, from general signals only: the archive's own error
    page, the archived status, an incomplete body, the content type, a redirect page
    and a title or first heading saying the page was not found."""
    head = resp.body[:4096].decode("utf-8", "replace").lower()
    if any(marker in head for marker in ARCHIVE_ERROR_MARKERS):
        return Verdict(False, "archive-error")
    if 300 <= resp.status < 400:
        return Verdict(False, "redirect")
    if resp.status != 200:
        return Verdict(False, f"http-{resp.status}")
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and "content-encoding" not in resp.headers and len(resp.body) < int(declared):
        return Verdict(False, "truncated")
    ctype = resp.content_type.split(";")[0].strip().lower()
    if ctype not in _HTML_TYPES or not resp.body.strip():
        return Verdict(False, "not-html")
    if len(resp.body) < _SHORT_PAGE and (_META_REFRESH.search(resp.body)
                                         or re.search(rb"location\.(?:href\s*=|replace\()", resp.body)):
        return Verdict(False, "redirect")
    if any(_NOT_FOUND.search(t) for t in _texts(_TITLE, resp.body, 1) + _texts(_H1, resp.body, 2)):
        return Verdict(False, "soft-404")
    return Verdict(True)


# --------------------------------------------------------------------------
# Wayback
# --------------------------------------------------------------------------

def wayback_rows(data: object) -> tuple[list[dict[str, str]], str | None]:
    """Rows of a Wayback CDX ``output=json`` answer (a header row of field names,
    then values) and the resume key after ``[]``, if any."""
    if not isinstance(data, list) or not data:
        return [], None
    names, rest = data[0], data[1:]
    rows, key = [], None
    for i, row in enumerate(rest):
        if row == []:
            key = rest[i + 1][0] if i + 1 < len(rest) and rest[i + 1] else None
            break
        rows.append(dict(zip(names, row)))
    return rows, key


def prefix_query(url_prefix: str) -> str:
    """``url`` parameter for a prefix query: the prefix with a trailing ``*``."""
    return url_prefix if url_prefix.endswith("*") else url_prefix + "*"


class WaybackArchive:
    name = "wayback"

    def __init__(self, base_url: str = WAYBACK_URL, min_interval: float = WAYBACK_INTERVAL,
                 page_rows: int = WAYBACK_PAGE_ROWS, collapse: str | None = "urlkey", **client_opts):
        self.base_url = base_url.rstrip("/")
        self.page_rows = page_rows
        self.collapse = collapse
        self.client = PoliteClient(self.name, min_interval, **client_opts)
        self.clients = (self.client,)

    def capture_of(self, row: Mapping[str, str]) -> Capture:
        ts = row["timestamp"]
        return Capture(url=row["original"], timestamp=parse_ts14(ts),
                       status=int(row["statuscode"]) if row.get("statuscode", "").isdigit() else 0,
                       mimetype=row.get("mimetype", ""), archive=self.name, urlkey=row.get("urlkey", ""),
                       digest=row.get("digest", ""), replay_url=f"{self.base_url}/web/{ts}id_/{row['original']}",
                       length=int(row["length"]) if row.get("length", "").isdigit() else None)

    def list_captures(self, url_prefix: str, since: datetime | date | None = None,
                      until: datetime | date | None = None) -> Iterator[Capture]:
        """Every status-200 ``text/html`` capture under ``url_prefix`` from ``since``
        to ``until`` (inclusive), one per URL key with ``collapse="urlkey"`` (the
        earliest in the period), across all resume-key pages."""
        params = [("url", prefix_query(url_prefix)), ("output", "json"),
                  ("filter", "statuscode:200"), ("filter", "mimetype:text/html")]
        if since is not None:
            params.append(("from", to_ts14(as_utc(since))))
        if until is not None:
            params.append(("to", to_ts14(as_utc(until))))
        if self.collapse:
            params.append(("collapse", self.collapse))
        params += [("showResumeKey", "true"), ("limit", str(self.page_rows))]
        field_name, _, n = (self.collapse or "").partition(":")
        width = int(n) if n else None
        seen: set[tuple[str, str]] = set()
        last: str | None = None  # the collapse value of the last row given (the server forgets it across pages)
        key: str | None = None
        while True:
            url = f"{self.base_url}/cdx/search/cdx?{urlencode(params)}"
            if key:
                url += "&resumeKey=" + key  # as printed: already URL-encoded
            resp = self.client.get(url)
            if resp.status != 200:
                raise ArchiveUnavailable(f"wayback CDX: HTTP {resp.status} for {url}")
            rows, key = wayback_rows(json.loads(resp.body or b"[]"))
            for row in rows:
                ident = (row.get("urlkey", row.get("original", "")), row["timestamp"])
                if ident in seen:
                    continue
                if field_name:
                    value = row.get(field_name, "")[:width]
                    if value == last:
                        continue
                    last = value
                seen.add(ident)
                yield self.capture_of(row)
            if not key or not rows:
                return

    def fetch(self, capture: Capture) -> ArchivedResponse:
        """The capture as archived (``id_`` replay): archived status, headers and body.
        The archive's own redirect to the closest capture is followed once; an archived
        redirect (it carries ``Memento-Datetime``) is returned as it is.
        Raises ``BadCapture("truncated")`` when the body stays cut short."""
        url = capture.replay_url or f"{self.base_url}/web/{capture.ts14}id_/{capture.url}"
        resp = self.client.get(url, allow_partial=True)
        if 300 <= resp.status < 400 and "memento-datetime" not in resp.headers and resp.headers.get("location"):
            url = urljoin(url, resp.headers["location"])
            resp = self.client.get(url, allow_partial=True)
        if not resp.complete:
            raise BadCapture("truncated", capture)
        return ArchivedResponse(capture, resp.status, wayback_headers(resp.headers), resp.body, url, resp.headers)


def wayback_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The archived response's headers from a replay answer: ``X-Archive-Orig-*``
    unprefixed, and the replay's own ``Content-Type`` (and ``Location``)."""
    out = {k[len("x-archive-orig-"):]: v for k, v in headers.items() if k.startswith("x-archive-orig-")}
    for k in ("content-type", "location"):
        if k in headers:
            out.setdefault(k, headers[k])
    out.pop("transfer-encoding", None)
    return out


# --------------------------------------------------------------------------
# Common Crawl
# --------------------------------------------------------------------------

def crawl_week_start(crawl_id: str) -> datetime | None:
    m = re.search(r"(\d{4})-(\d{2})$", crawl_id)
    if not m:
        return None
    return datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).replace(tzinfo=UTC)


def parse_collinfo(data: object, index_url: str) -> list[Crawl]:
    """Crawls from ``collinfo.json``, oldest first. ``from``/``to`` when given, else
    from the id (``CC-MAIN-<year>-<ISO week>``) up to the next crawl's start."""
    entries = [e for e in (data if isinstance(data, list) else []) if isinstance(e, dict) and e.get("id")]
    starts: dict[str, datetime] = {}
    for e in entries:
        start = _iso(e.get("from")) or crawl_week_start(e["id"])
        if start is not None:
            starts[e["id"]] = start
    order = sorted(starts, key=starts.__getitem__)
    out = []
    for i, cid in enumerate(order):
        e = next(x for x in entries if x["id"] == cid)
        end = _iso(e.get("to"))
        if end is None:
            end = starts[order[i + 1]] - timedelta(seconds=1) if i + 1 < len(order) else starts[cid] + timedelta(days=31)
        out.append(Crawl(cid, f"{index_url}/{cid}-index", starts[cid], end))
    return out


def _iso(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def parse_warc_slice(data: bytes) -> tuple[int, dict[str, str], bytes]:
    """The HTTP status, headers (names lower case) and payload of the one WARC
    response record in ``data``; ``BadCapture("truncated")`` if it is cut short
    (an unfinished gzip member, a payload shorter than its Content-Length) or
    unreadable. The slice is judged by itself, not by the index's ``length``."""
    from warcio.archiveiterator import ArchiveIterator

    if data[:2] == b"\x1f\x8b" and not _gzip_members_complete(data):
        raise BadCapture("truncated")
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = int(record.http_headers.get_statuscode() or 0)
            headers = {k.lower(): v for k, v in record.http_headers.headers}
            body = record.content_stream().read()
            declared = headers.get("content-length", "")
            if declared.isdigit() and "content-encoding" not in headers and len(body) < int(declared):
                raise BadCapture("truncated")
            return status, headers, body
    except BadCapture:
        raise
    except Exception as err:  # zlib, EOF, header parse errors: all one thing here
        raise BadCapture("truncated") from err
    raise BadCapture("truncated")


def _gzip_members_complete(data: bytes) -> bool:
    """Every gzip member in ``data`` ends with its trailer (a cut slice does not)."""
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while True:
                d.decompress(rest, 1 << 20)
                if d.eof or not d.unconsumed_tail:
                    break
                rest = d.unconsumed_tail
        except zlib.error:
            return False
        if not d.eof:
            return False
        rest = d.unused_data
    return True


class CommonCrawlArchive:
    name = "commoncrawl"

    def __init__(self, index_url: str = CC_INDEX_URL, data_url: str = CC_DATA_URL,
                 index_interval: float = CC_INDEX_INTERVAL, data_interval: float = CC_DATA_INTERVAL,
                 **client_opts):
        self.index_url = index_url.rstrip("/")
        self.data_url = data_url.rstrip("/")
        self.index = PoliteClient("commoncrawl-index", index_interval, **client_opts)
        self.data = PoliteClient("commoncrawl-data", data_interval, **client_opts)
        self.clients = (self.index, self.data)
        self._crawls: list[Crawl] | None = None

    def all_crawls(self) -> list[Crawl]:
        if self._crawls is None:
            status, data = self.index.get_json(f"{self.index_url}/collinfo.json")
            if status != 200:
                raise ArchiveUnavailable(f"commoncrawl: collinfo.json: HTTP {status}")
            self._crawls = parse_collinfo(data, self.index_url)
        return self._crawls

    def crawls(self, since: datetime | date | None = None, until: datetime | date | None = None) -> list[Crawl]:
        """The crawls whose period overlaps ``since``..``until``, oldest first."""
        lo = as_utc(since) if since is not None else None
        hi = as_utc(until) if until is not None else None
        return [c for c in self.all_crawls() if (lo is None or c.end >= lo) and (hi is None or c.start <= hi)]

    def capture_of(self, row: Mapping[str, str], crawl: str | None = None) -> Capture:
        return Capture(url=row["url"], timestamp=parse_ts14(row["timestamp"]),
                       status=int(row["status"]) if str(row.get("status", "")).isdigit() else 0,
                       mimetype=row.get("mime-detected") or row.get("mime", ""), archive=self.name,
                       urlkey=row.get("urlkey", ""), digest=row.get("digest", ""), filename=row["filename"],
                       offset=int(row["offset"]), length=int(row["length"]), crawl=crawl)

    def list_captures(self, url_prefix: str, since: datetime | date | None = None,
                      until: datetime | date | None = None) -> Iterator[Capture]:
        """Every status-200 HTML capture under ``url_prefix`` in the period, over the
        crawls overlapping it (oldest first), page by page (``showNumPages``, ``page=K``)."""
        base = [("url", prefix_query(url_prefix)), ("output", "json")]
        period = []
        if since is not None:
            period.append(("from", to_ts14(as_utc(since))))
        if until is not None:
            period.append(("to", to_ts14(as_utc(until))))
        filters = [("filter", "=status:200"), ("filter", "mime-detected:text/html")]
        seen: set[tuple[str, int]] = set()
        for crawl in self.crawls(since, until):
            status, info = self.index.get_json(crawl.cdx_api, base + [("showNumPages", "true")])
            if status == 404 or not isinstance(info, dict):
                continue  # no captures in this crawl
            if status != 200:
                raise ArchiveUnavailable(f"commoncrawl {crawl.id}: showNumPages: HTTP {status}")
            for page in range(int(info.get("pages", 0))):
                url = f"{crawl.cdx_api}?{urlencode(base + period + filters + [('page', str(page))])}"
                resp = self.index.get(url)
                if resp.status == 400:  # past the last page
                    break
                if resp.status == 404:  # nothing on this page
                    continue
                if resp.status != 200:
                    raise ArchiveUnavailable(f"commoncrawl {crawl.id}: page {page}: HTTP {resp.status}")
                for line in resp.body.decode("utf-8", "replace").splitlines():
                    if not line.strip():
                        continue
                    row = json.loads(line)
                    ident = (row["filename"], int(row["offset"]))
                    if ident in seen:
                        continue
                    seen.add(ident)
                    yield self.capture_of(row, crawl.id)

    def fetch(self, capture: Capture) -> ArchivedResponse:
        """The record by an HTTP Range request into its WARC file, parsed with warcio.
        A short or unreadable slice is ``BadCapture("truncated")``."""
        if capture.filename is None or capture.offset is None or capture.length is None:
            raise ValueError("a Common Crawl capture needs filename, offset and length")
        url = f"{self.data_url}/{capture.filename}"
        end = capture.offset + capture.length - 1
        resp = self.data.get(url, {"Range": f"bytes={capture.offset}-{end}"}, allow_partial=True)
        if resp.status not in (200, 206):
            raise ArchiveUnavailable(f"commoncrawl data: HTTP {resp.status} for {url}")
        if not resp.complete:
            raise BadCapture("truncated", capture)
        data = resp.body if resp.status == 206 else resp.body[capture.offset:end + 1]
        try:
            status, headers, body = parse_warc_slice(data)
        except BadCapture as err:
            raise BadCapture(err.cause, capture) from err
        return ArchivedResponse(capture, status, headers, body, url, resp.headers)
