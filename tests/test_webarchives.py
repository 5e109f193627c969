"""The web-archive clients (crawlers/webarchives.py) against the fake archives of
tests/archiveserver.py: listing, choosing, fetching, checking, and the politeness
rules (rate, Retry-After, retries, user agent). Loopback only."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from crawlers.middlewares import retry_after_seconds
from crawlers.settings import USER_AGENT
from crawlers.webarchives import (
    ArchivedResponse,
    ArchiveUnavailable,
    BadCapture,
    Capture,
    CommonCrawlArchive,
    PoliteClient,
    WaybackArchive,
    check_capture,
    choose_capture,
    choose_captures,
    parse_warc_slice,
)
from tests.archiveserver import SOFT404_PATH, FakeCommonCrawl, FakeWayback, surt

UTC = timezone.utc
FAST = {"backoff": 0.05, "timeout": 5}  # quick retries on loopback
PHOTONEWS = "photonews.snapshot.test/"


@pytest.fixture(scope="module")
def _wb():
    with FakeWayback(max_rows=1000) as srv:
        yield srv


@pytest.fixture(scope="module")
def _cc():
    with FakeCommonCrawl(block_lines=1) as srv:  # 5 index lines a page: several pages per crawl
        yield srv


@pytest.fixture
def wb(_wb):
    yield _wb.fresh()
    _wb.clear_faults()


@pytest.fixture
def cc(_cc):
    yield _cc.fresh()
    _cc.clear_faults()


def wayback(srv, **opts) -> WaybackArchive:
    return WaybackArchive(srv.base_url, **{"min_interval": 0, "page_rows": 5, **FAST, **opts})


def commoncrawl(srv, **opts) -> CommonCrawlArchive:
    return CommonCrawlArchive(srv.index_url, srv.data_url, **{"index_interval": 0, "data_interval": 0, **FAST, **opts})


def html_ok(srv, prefix: str, lo: str = "0", hi: str = "9") -> list:
    key = surt(prefix)
    return [c for c in srv.captures if c.urlkey.startswith(key) and c.status == 200 and c.mimetype == "text/html"
            and lo <= c.timestamp <= hi + "9" * (14 - len(hi))]


def ident(c) -> tuple[str, str]:
    return (c.url, c.ts14 if isinstance(c, Capture) else c.timestamp)


def server_capture(srv, cap: Capture):
    return next(c for c in srv.captures if c.url == cap.url and c.timestamp == cap.ts14)


# -- listing ------------------------------------------------------------------------

def test_wayback_lists_each_url_once_across_resume_key_pages(wb):
    caps = list(wayback(wb).list_captures(PHOTONEWS))
    expected = {}
    for c in html_ok(wb, PHOTONEWS):  # sorted by (urlkey, timestamp): the first is the collapsed one
        expected.setdefault(c.urlkey, c)
    assert [ident(c) for c in caps] == [ident(c) for c in expected.values()]
    cdx = [r for r in wb.requests if r.path.startswith("/cdx/")]
    assert len(cdx) >= 3 and sum("resumeKey=" in r.path for r in cdx) == len(cdx) - 1
    q = cdx[0].path
    for part in ("filter=statuscode%3A200", "filter=mimetype%3Atext%2Fhtml", "collapse=urlkey", "output=json",
                 "showResumeKey=true", "url=photonews.snapshot.test%2F%2A"):
        assert part in q
    assert all(c.status == 200 and c.mimetype == "text/html" and c.archive == "wayback" for c in caps)
    assert all(c.timestamp.tzinfo is not None for c in caps)


def test_wayback_every_capture_once_without_collapse_and_period_bounds(wb):
    arch = wayback(wb, page_rows=4, collapse=None)
    caps = list(arch.list_captures(PHOTONEWS))
    assert sorted(ident(c) for c in caps) == sorted(ident(c) for c in html_ok(wb, PHOTONEWS))
    assert len(set(ident(c) for c in caps)) == len(caps)
    assert not {c.status for c in caps} - {200} and {c.mimetype for c in caps} == {"text/html"}  # no 404s, images
    since, until = datetime(2023, 1, 1, tzinfo=UTC), datetime(2024, 6, 30, 23, 59, 59, tzinfo=UTC)
    inside = list(arch.list_captures(PHOTONEWS, since, until))
    assert inside and all(since <= c.timestamp <= until for c in inside)
    assert sorted(ident(c) for c in inside) == sorted(ident(c) for c in html_ok(wb, PHOTONEWS, "20230101",
                                                                                  "20240630235959"))


def test_commoncrawl_crawls_overlap_the_period(cc):
    arch = commoncrawl(cc)
    all_ids = [c.id for c in arch.crawls()]
    assert all_ids == sorted(all_ids) and len(all_ids) == len(cc.crawls)
    picked = arch.crawls(date(2023, 3, 1), date(2024, 1, 31))
    assert [c.id for c in picked] == ["CC-MAIN-2023-06", "CC-MAIN-2023-50"]
    assert sum(r.path == "/collinfo.json" for r in cc.requests) == 1  # asked once


def test_commoncrawl_lists_every_capture_once_across_pages(cc):
    arch = commoncrawl(cc)
    caps = list(arch.list_captures(PHOTONEWS))
    expected = [c for c in html_ok(cc, PHOTONEWS) if cc.crawl_of(c)]
    assert sorted(ident(c) for c in caps) == sorted(ident(c) for c in expected)
    assert len(set(ident(c) for c in caps)) == len(caps)
    assert all(c.status == 200 and c.mimetype == "text/html" and c.filename and c.length for c in caps)
    paged = [r.path for r in cc.requests if "page=" in r.path and "showNumPages" not in r.path]
    assert any("page=1" in p for p in paged)  # more than one page in some crawl
    since, until = datetime(2022, 1, 1, tzinfo=UTC), datetime(2023, 12, 31, tzinfo=UTC)
    inside = list(arch.list_captures(PHOTONEWS, since, until))
    assert inside and all(since <= c.timestamp <= until for c in inside)
    assert sorted(ident(c) for c in inside) == sorted(
        ident(c) for c in expected if "20220101" <= c.timestamp <= "20231231000000")


# -- choosing -----------------------------------------------------------------------

def cap(ts: str, status: int = 200, url: str = "http://x.test/a") -> Capture:
    return Capture(url, datetime.strptime(ts, "%Y%m%d%H%M").replace(tzinfo=UTC), status, "text/html", "wayback")


def test_choose_capture():
    caps = [cap("202001010000"), cap("202003010000"), cap("202002010000", 404), cap("202006010000")]
    assert choose_capture(caps, datetime(2020, 2, 1, tzinfo=UTC)).ts14 == "20200301000000"  # earliest 200 after
    assert choose_capture(caps, date(2020, 3, 1)).ts14 == "20200301000000"  # at the date counts
    assert choose_capture(caps, datetime(2021, 1, 1)).ts14 == "20200601000000"  # none after: the closest
    assert choose_capture(caps, None).ts14 == "20200101000000"
    assert choose_capture([cap("202001010000", 404)], date(2019, 1, 1)) is None
    both = choose_captures(caps + [cap("202005010000", url="http://x.test/b")], {"http://x.test/a": date(2020, 4, 1)})
    assert {u: c.ts14 for u, c in both.items()} == {"http://x.test/a": "20200601000000",
                                                    "http://x.test/b": "20200501000000"}


# -- fetching and checking ---------------------------------------------------------

def test_wayback_fetch_gives_the_archived_bytes(wb):
    arch = wayback(wb)
    caps = list(arch.list_captures(PHOTONEWS))[:4]
    for c in caps:
        resp = arch.fetch(c)
        assert resp.status == 200 and resp.body == server_capture(wb, c).body
        assert resp.headers["content-type"].startswith("text/html") and check_capture(resp).good
    # an inexact timestamp: the archive's 302 to the closest capture is followed once
    c = caps[0]
    inexact = Capture(c.url, c.timestamp + timedelta(seconds=30), 200, "text/html", "wayback")
    wb.clear()
    resp = arch.fetch(inexact)
    assert resp.body == server_capture(wb, c).body and len(wb.requests) == 2
    assert resp.url.endswith(f"/web/{c.ts14}id_/{c.url}")


def test_wayback_bad_captures(wb):
    arch = wayback(wb)
    soft = [c for c in arch.list_captures(PHOTONEWS) if c.url.endswith(SOFT404_PATH)]
    assert len(soft) == 1 and check_capture(arch.fetch(soft[0])) == (False, "soft-404")
    # an archived redirect (WordPress shortlink, 301) replays as a redirect, not followed
    short = next(c for c in wb.captures if c.status == 301 and "photonews" in c.url)
    resp = arch.fetch(Capture(short.url, datetime.strptime(short.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC),
                              301, "text/html", "wayback"))
    assert resp.status == 301 and check_capture(resp).cause == "redirect"
    # the archive's own pages: not archived (404), and a 200 error page in place of the capture
    missing = Capture("http://photonews.snapshot.test/never-archived/", datetime(2024, 1, 1, tzinfo=UTC), 200,
                      "text/html", "wayback")
    assert check_capture(arch.fetch(missing)).cause == "archive-error"
    good = next(iter(arch.list_captures(PHOTONEWS)))
    wb.add_fault("soft404", r"^/web/", times=1)
    assert check_capture(arch.fetch(good)).cause == "archive-error"


def test_commoncrawl_fetch_by_range(cc):
    arch = commoncrawl(cc)
    caps = list(arch.list_captures(PHOTONEWS))
    for c in caps[:4]:
        resp = arch.fetch(c)
        assert resp.status == 200 and resp.body == server_capture(cc, c).body and check_capture(resp).good
    ranges = [r.range for r in cc.requests if r.path.startswith("/crawl-data/")]
    assert ranges == [f"bytes={c.offset}-{c.offset + c.length - 1}" for c in caps[:4]]
    soft = next(c for c in caps if c.url.endswith(SOFT404_PATH))
    assert check_capture(arch.fetch(soft)).cause == "soft-404"
    cc.add_fault("soft404", r"^/crawl-data/", times=1)  # a not-found page archived with status 200
    assert check_capture(arch.fetch(caps[0])) == (False, "soft-404")


def test_commoncrawl_truncated_record(cc):
    arch = commoncrawl(cc, max_retries=1)
    c = next(iter(arch.list_captures(PHOTONEWS)))
    cc.add_fault("truncate", r"^/crawl-data/")  # every time
    with pytest.raises(BadCapture) as err:
        arch.fetch(c)
    assert err.value.cause == "truncated" and err.value.capture == c
    assert sum(r.path.startswith("/crawl-data/") for r in cc.requests) == 2  # tried again once
    cc.clear_faults()
    whole = arch.data.get(f"{cc.data_url}/{c.filename}", {"Range": f"bytes={c.offset}-{c.offset + c.length - 1}"})
    for cut in (10, c.length // 2, c.length - 5):
        with pytest.raises(BadCapture, match="truncated"):
            parse_warc_slice(whole.body[:cut])
    assert parse_warc_slice(whole.body)[0] == 200


def test_check_capture_general_signals():
    c = cap("202001010000")

    def resp(body: bytes, status=200, ctype="text/html; charset=utf-8", **headers):
        return ArchivedResponse(c, status, {"content-type": ctype, **headers}, body)

    page = b"<html><head><title>Budget passed</title></head><body><h1>Budget passed</h1><p>text</p></body></html>"
    assert check_capture(resp(page)).good
    assert check_capture(resp(page, 404)).cause == "http-404"
    assert check_capture(resp(page, 302)).cause == "redirect"
    assert check_capture(resp(b"\xff\xd8\xff", ctype="image/jpeg")).cause == "not-html"
    assert check_capture(resp(page, **{"content-length": str(len(page) + 50)})).cause == "truncated"
    refresh = b'<html><head><meta http-equiv="refresh" content="0; url=/new/"></head></html>'
    assert check_capture(resp(refresh)).cause == "redirect"
    assert check_capture(resp(b"<html><title>404 - Page Not Found</title></html>")).cause == "soft-404"
    assert check_capture(resp(b"<html><h1>Sorry, this article does not exist</h1></html>")).cause == "soft-404"


# -- politeness ---------------------------------------------------------------------

def test_user_agent_and_minimum_interval(wb):
    arch = wayback(wb, min_interval=0.2)
    caps = list(arch.list_captures(PHOTONEWS))[:3]
    for c in caps:
        arch.fetch(c)
    log = wb.requests
    assert len(log) >= 5 and {r.user_agent for r in log} == {USER_AGENT}
    assert "pknews" in USER_AGENT and "+http" in USER_AGENT
    gaps = [b.time - a.time for a, b in zip(log, log[1:])]
    # arrival times at the server: a busy machine may delay one arrival and so shorten the next gap,
    # never the span of them all
    assert log[-1].time - log[0].time >= 0.19 * len(gaps) and min(gaps) >= 0.1, gaps


def test_429_retry_after_is_waited_out_and_503_retried(wb):
    wb.add_fault("429", r"^/cdx/", times=1, retry_after=1)
    wb.add_fault("503", r"^/web/", times=2)
    arch = wayback(wb)
    c = next(iter(arch.list_captures(PHOTONEWS)))
    log = wb.requests
    assert [r.fault for r in log[:2]] == ["429", None] and log[0].path == log[1].path
    assert log[1].time - log[0].time >= 0.95
    wb.clear()
    assert arch.fetch(c).status == 200
    assert [r.fault for r in wb.requests] == ["503", "503", None]
    assert arch.client.retried == {"429": 1, "503": 2}  # the backfill's report lists them


def test_reset_retried_and_retries_spent(wb, cc):
    arch = wayback(wb, max_retries=2)
    c = next(iter(arch.list_captures(PHOTONEWS)))
    wb.clear()
    wb.add_fault("reset", r"^/web/", times=1)
    assert arch.fetch(c).body == server_capture(wb, c).body
    assert [r.fault for r in wb.requests] == ["reset", None]
    assert arch.client.retried == {"reset": 1}
    wb.clear_faults()
    wb.clear()
    wb.add_fault("503", r"^/web/")
    with pytest.raises(ArchiveUnavailable, match="503"):
        arch.fetch(c)
    assert len(wb.requests) == 3
    cc.add_fault("reset", r"^/collinfo", times=1)
    assert commoncrawl(cc).crawls()


def test_resolve_connects_to_the_ip_and_names_the_host(wb):
    client = PoliteClient("t", 0, resolve={"archive.example": "127.0.0.1"})
    resp = client.get(f"http://archive.example:{wb.port}/cdx/search/cdx?url={PHOTONEWS}*&output=json&limit=1")
    assert resp.status == 200 and resp.url.startswith("http://archive.example:")
    assert wb.requests[-1].header("Host") == f"archive.example:{wb.port}"


def test_retry_after_forms():
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds("Wed, 01 Jan 2025 12:00:07 GMT", now) == 7.0
    assert retry_after_seconds("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None


def test_wayback_truncated_replay_and_cdx(wb):
    arch = wayback(wb, max_retries=1)
    c = next(iter(arch.list_captures(PHOTONEWS)))
    wb.add_fault("truncate", r"^/web/")
    with pytest.raises(BadCapture) as err:
        arch.fetch(c)
    assert err.value.cause == "truncated"
    wb.add_fault("truncate", r"^/cdx/")
    with pytest.raises(ArchiveUnavailable, match="cut short"):
        list(arch.list_captures(PHOTONEWS))
