"""``pknews backfill`` (pipeline/backfill/) against the fake Wayback Machine and
Common Crawl of tests/archiveserver.py and the snapshot sites: every article of
the period stored once with its capture time and archive, bad captures refused
with their cause, a second run and a nightly after it fetching nothing again, a
SIGKILLed run resumed to the same rows, and the archive faults. Loopback only."""

from __future__ import annotations

import contextlib
import io
import shutil
import sqlite3
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawlers.registry import select_sites
from crawlers.urls import url_key
from crawlers.warc import capture_headers, capture_origin
from crawlers.webarchives import Capture, parse_ts14
from pipeline.backfill.options import chosen_archives, parse_day
from pipeline.backfill.run import choose
from pipeline.cli import main
from pipeline.sources import iter_warc
from tests.archiveserver import SOFT404_PATH, FakeCommonCrawl, FakeWayback
from tests.conftest import FAST, host_of, last_report, pknews, snapshot_args
from tests.nightly_helpers import articles, assert_consistent, sigkill, start, wait_for

UTC = timezone.utc
SITES = select_sites(None, group="snapshots")
PERIOD = ("2023-01-01", "2025-12-31")
QUICK = ["--interval", "0", "--backoff", "0.05"]  # no politeness delay on loopback, quick retries
WEB_ARCHIVES = ["--archive", "wayback", "--archive", "commoncrawl"]


def test_capture_headers_read_back_as_the_rows_origin():
    when = datetime(2019, 5, 1, 8, 30, tzinfo=UTC)
    headers = {k.lower(): v for k, v in capture_headers("wayback", when)}
    assert capture_origin(headers) == ("wayback", when)
    assert capture_origin({"content-type": "text/html"}) == ("site", None)


def test_one_capture_per_article_url_the_earliest_not_refused():
    site = SITES[0]
    url = site.home + "/a-story/"

    def cap(ts: str, u: str = url) -> Capture:
        return Capture(u, parse_ts14(ts), 200, "text/html", "commoncrawl")

    caps = [cap("20240302"), cap("20240301"), cap("20240305", url.replace("http:", "https:") + "?utm_source=x"),
            cap("20240301", site.home + "/category/news/")]
    chosen = choose(site, caps, refused=set())
    assert [(w.capture.timestamp.day, w.role) for w in chosen] == [(1, "article")]
    chosen = choose(site, caps, refused={(url_key(url), parse_ts14("20240301"))})
    assert [w.capture.timestamp.day for w in chosen] == [2]


def test_period_and_archive_options():
    assert parse_day("2019-05-31", end_of_day=True) == datetime(2019, 5, 31, 23, 59, 59, tzinfo=UTC)
    assert parse_day("2019-05-01") == datetime(2019, 5, 1, tzinfo=UTC)
    assert chosen_archives(None) == chosen_archives(["all"]) == ("wayback", "commoncrawl", "sitemaps")
    assert chosen_archives(["commoncrawl", "wayback"]) == ("wayback", "commoncrawl")


def test_bad_period_is_a_one_line_usage_error(tmp_path, capsys):
    assert main(["backfill", "--data", str(tmp_path), "--from", "2019-13-01"]) == 2
    assert main(["backfill", "--data", str(tmp_path), "--from", "2019-02-01", "--to", "2019-01-01"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["pknews backfill: --from wants a date like 2019-05-01, not '2019-13-01'",
                   "pknews backfill: --to (2019-01-01) is before --from (2019-02-01)"]


slow = pytest.mark.slow  # each test below needs a backfill extracted with the spaCy model


@pytest.fixture(scope="module")
def wb():
    with FakeWayback(max_rows=20) as srv:  # 20 rows a page: the listing spans resume keys
        yield srv


@pytest.fixture(scope="module")
def cc():
    with FakeCommonCrawl() as srv:
        yield srv


def archive_args(wb, cc) -> list[str]:
    return ["--wayback-url", wb.base_url, "--commoncrawl-index-url", cc.index_url,
            "--commoncrawl-data-url", cc.data_url]


def backfill_args(data: Path, wb, cc, *extra: str, period=PERIOD, sites=SITES) -> list[str]:
    sites = [a for s in sites for a in ("--site", s.name)]
    return ["backfill", "--data", str(data), "--from", period[0], "--to", period[1], *sites,
            *archive_args(wb, cc), *QUICK, *extra]


def backfill(data: Path, wb, cc, *extra: str, period=PERIOD, sites=SITES) -> tuple[int, str]:
    """``pknews backfill`` in this process: (exit code, stdout)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(backfill_args(data, wb, cc, *extra, period=period, sites=sites))
    return code, out.getvalue()


def in_period(ts: str, period=PERIOD) -> bool:
    return period[0].replace("-", "") + "000000" <= ts <= period[1].replace("-", "") + "235959"


def expected(server, period=PERIOD, sites=SITES) -> dict[str, str]:
    """url_key -> timestamp of the capture a backfill takes: the earliest good
    capture of the period of every URL of article shape (the soft 404 aside)."""
    out: dict[str, str] = {}
    for c in server.captures:
        site = next((s for s in sites if s.owns(c.url)), None)
        if (site is None or not site.is_article_url(c.url) or c.status != 200 or c.mimetype != "text/html"
                or not in_period(c.timestamp, period) or c.url.endswith(SOFT404_PATH)):
            continue
        key = url_key(c.url)
        out[key] = min(out.get(key, c.timestamp), c.timestamp)
    return out


def ts14(when) -> str:
    return when.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def row_facts(data: Path, sites=SITES) -> set[tuple]:
    rows = articles(data)
    rows = rows[rows["site"].isin([s.name for s in sites])]
    return set(zip(rows["url"], rows["fetched_from"], rows["captured_at"].map(ts14), rows["content_sha256"]))


def fetches(server) -> list[str]:
    """Capture fetches in a fake archive's log: id_ replays and Range requests."""
    return [r.path for r in server.requests if r.path.startswith(("/web/", "/crawl-data/"))]


@pytest.fixture(scope="module")
def clean(tmp_path_factory, wb, cc):
    """One backfill of the snapshot sites from both archives, no fault: (data folder, stdout)."""
    data = tmp_path_factory.mktemp("clean")
    wb.fresh(), cc.fresh()
    code, out = backfill(data, wb, cc, *WEB_ARCHIVES)
    assert code == 0, out
    return data, out, {"wayback": fetches(wb), "commoncrawl": fetches(cc)}


@slow
def test_every_article_of_the_period_once_with_capture_time_and_archive(clean, wb):
    data, out, _ = clean
    want = expected(wb)
    assert len(want) > 30
    rows = articles(data)
    assert rows["article_id"].is_unique and len(rows) == len(want)
    assert {url_key(u): ts14(t) for u, t in zip(rows["url"], rows["captured_at"])} == want
    assert set(rows["fetched_from"]) == {"wayback"}, "Wayback is asked first; Common Crawl finds them held"
    assert all(u.startswith("http://") and ":" not in u.split("/")[2] for u in rows["url"]), "the original URLs"
    # the WARC records: the original URL as target, the archive and capture time in the metadata
    db = sqlite3.connect(data / "catalog.sqlite")
    cataloged = {url_key(u): (a, c) for u, a, c in db.execute(
        "SELECT url, archive, captured_at FROM fetches WHERE role = 'article'")}
    assert {k: (a, ts14(datetime.fromisoformat(c))) for k, (a, c) in cataloged.items()} == {
        k: ("wayback", ts) for k, ts in want.items()}
    pages = [p for w in sorted((data / "warc").glob("*.warc.gz")) for p in iter_warc(w)]
    assert {url_key(p.url) for p in pages} == set(want)
    assert all(p.headers["x-pknews-archive"] == "wayback" and p.headers["memento-datetime"] for p in pages)
    # the soft 404 (an archived 200 not-found page) refused from both archives, with its cause
    refused = set(db.execute("SELECT url_key, archive, cause FROM bad_captures"))
    soft = {(url_key(f"http://{s.home.split('://')[1]}{SOFT404_PATH}"), a, "soft-404")
            for s in SITES if s.is_article_url(s.home + SOFT404_PATH) for a in ("wayback", "commoncrawl")}
    assert soft and refused == soft
    assert not any(u.endswith(SOFT404_PATH) for u in rows["url"])
    # the run report, per site and month, and the summary
    report = last_report(data)
    assert report["command"] == "backfill" and report["total"]["fetched"] == len(want)
    assert report["total"]["articles"] == len(rows) and report["total"]["failed"] == {"soft-404": len(soft)}
    per_month = Counter((s.name, f"{ts[:4]}-{ts[4:6]}") for k, ts in want.items() for s in SITES if s.owns("http://" + k))
    for (site, month), n in per_month.items():
        counts = report["sites"][site]["months"][month]
        # Common Crawl lists them too and finds them held
        assert (counts["fetched"], counts["held"]) == (n, n) and counts["listed"] >= 2 * n, (site, month, counts)
        assert f"{site:<22} {month:<8}" in out
    assert f"{len(want)} fetched" in out
    assert_consistent(data)


@slow
def test_second_backfill_fetches_nothing(clean, wb, cc, tmp_path):
    data = tmp_path / "again"
    shutil.copytree(clean[0], data)
    before = row_facts(data)
    wb.fresh(), cc.fresh()
    code, out = backfill(data, wb, cc, *WEB_ARCHIVES)
    assert code == 0, out
    assert fetches(wb) == [] and fetches(cc) == [], "listing only: no capture fetched again"
    assert all(r.path.startswith(("/cdx/", "/collinfo.json", "/CC-MAIN-")) for r in wb.requests + cc.requests)
    assert row_facts(data) == before
    report = last_report(data)
    assert report["total"]["fetched"] == 0 and report["total"]["held"] == report["total"]["listed"] > 0


@pytest.mark.e2e
@slow
def test_killed_backfill_resumes_to_the_same_rows(clean, wb, cc, tmp_path):
    data, marker = tmp_path / "killed", tmp_path / "paused"
    wb.fresh(), cc.fresh()
    sites = SITES[1:]  # two sites are enough pages to kill in the middle, and extract faster than three
    proc = start(*backfill_args(data, wb, cc, *WEB_ARCHIVES, sites=sites), pause_at="warc-mid-page:12",
                 marker=marker)
    wait_for(marker.exists, proc)
    sigkill(proc)  # frozen with the 12th page cut after its request record
    db = sqlite3.connect(data / "catalog.sqlite")
    stored = {u for (u,) in db.execute("SELECT url FROM fetches")}
    db.close()
    assert len(stored) == 11
    first = fetches(wb)
    wb.clear(), cc.clear()
    code, out = backfill(data, wb, cc, *WEB_ARCHIVES, sites=sites)
    assert code == 0, out
    assert "recovered" in out
    again = fetches(wb) + fetches(cc)
    assert not [p for p in again if any(p.endswith(u) for u in stored)], "nothing stored before the kill is fetched again"
    assert len(first) + len(again) == len(set(first + again)) + 1, "only the page cut by the kill is fetched twice"
    assert row_facts(data) == row_facts(clean[0], sites) != set()
    assert_consistent(data)


@slow
def test_archive_faults_recorded_with_their_cause(clean, wb, cc, tmp_path, monkeypatch, capsys):
    """429 with Retry-After on the CDX listing, a reset and a 503 retried; Wayback's
    error page in place of a capture, a truncated record and the archived soft 404
    refused with their cause (taken from Common Crawl where it has a good capture);
    every other article as in a run without faults."""
    sites = SITES[1:]  # two sites: less to extract
    want = expected(wb, sites=sites)
    by_key = {url_key(c.url): c for c in wb.captures if url_key(c.url) in want and c.timestamp == want[url_key(c.url)]}
    files = {url_key(r["url"]): r["filename"] for rows in cc.index.values() for r in rows
             if want.get(url_key(r["url"])) == r["timestamp"]}
    keys = sorted(want)
    soft, cut = keys[0], next(k for k in keys[1:] if files[k] != files[keys[0]])
    reset = keys[-1]
    path = lambda k: f"id_/{by_key[k].url}$"  # noqa: E731
    wb.fresh(), cc.fresh()
    wb.add_fault("429", r"^/cdx/", times=1, retry_after=1)
    wb.add_fault("soft404", path(soft), times=1)
    wb.add_fault("truncate", path(cut))
    wb.add_fault("reset", path(reset), times=1)
    cc.add_fault("503", r"^/crawl-data/", times=1)
    cc.add_fault("truncate", "^/" + files[cut] + "$")
    data = tmp_path / "faults"
    monkeypatch.setenv("PKNEWS_PROGRESS", "1")
    code, out = backfill(data, wb, cc, *WEB_ARCHIVES, sites=sites)
    assert code == 0, out
    progress = capsys.readouterr().err
    assert "\rbackfill snapshot-dawn from wayback: " in progress and " failed, ETA " in progress
    report = last_report(data)
    assert report["retries"]["wayback/429"] == 1 and report["retries"]["wayback/reset"] == 1
    assert report["retries"]["commoncrawl-data/503"] == 1
    refused = {(url_key(r["url"]), r["archive"], r["cause"]) for r in report["refused"]}
    faults = {(soft, "wayback", "archive-error"), (cut, "wayback", "truncated"), (cut, "commoncrawl", "truncated")}
    soft404 = {(k, a, c) for k, a, c in refused if k.endswith(SOFT404_PATH.rstrip("/"))}
    assert refused == faults | soft404 and {(a, c) for _, a, c in soft404} == {
        ("wayback", "soft-404"), ("commoncrawl", "soft-404")}  # drm's archived not-found page
    db = sqlite3.connect(data / "catalog.sqlite")
    assert set(db.execute("SELECT url_key, archive, cause FROM bad_captures")) == refused
    rows = articles(data)
    origin = {url_key(u): f for u, f in zip(rows["url"], rows["fetched_from"])}
    assert cut not in origin, "a truncated record is never stored"
    assert origin[soft] == "commoncrawl", "refused from Wayback, taken from Common Crawl"
    assert report["total"]["failed"] == {"archive-error": 1, "soft-404": 2, "truncated": 2}
    clean_facts = {(url_key(u), sha) for u, _, _, sha in row_facts(clean[0], sites)}
    assert {(url_key(u), sha) for u, _, _, sha in row_facts(data)} == {f for f in clean_facts if f[0] != cut}
    assert rows["article_id"].is_unique and reset in origin
    assert "(archive-error x1, soft-404 x2, truncated x2)" in out


@pytest.mark.e2e
@slow
def test_nightly_after_backfill_fetches_no_backfilled_article(clean, snapshot_server, tmp_path):
    data = tmp_path / "nightly"
    shutil.copytree(clean[0], data)
    backfilled = {url_key(u).split("/", 1)[1] for u in articles(data)["url"]}
    snapshot_server.clear_requests()
    result = pknews("nightly", "--data", str(data), *snapshot_args(snapshot_server), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    asked = {path.split("?")[0].strip("/") for _, path in snapshot_server.requests}
    assert not {p.strip("/") for p in backfilled} & asked, "the nightly fetched a backfilled article again"
    assert sum(s["already_held"] for s in last_report(data)["sites"].values()) > 0
    rows = articles(data)
    assert rows["article_id"].is_unique
    assert set(rows["fetched_from"]) <= {"wayback", "site"}
    assert rows.loc[rows["fetched_from"] == "site", "captured_at"].isna().all()


@pytest.mark.e2e
@slow
def test_sitemaps_archive_reads_the_period_from_the_site(snapshot_server, wb, cc, tmp_path):
    data = tmp_path / "sitemaps"
    period = ("2025-01-01", "2025-12-31")
    code, out = backfill(data, wb, cc, "--archive", "sitemaps", *base_and_resolve(snapshot_server), period=period)
    assert code == 0, out
    rows = articles(data)
    assert len(rows) > 5 and set(rows["fetched_from"]) == {"site"} and rows["captured_at"].isna().all()
    assert all(p.year == 2025 for p in rows["published"])
    disallowed = {"/sponsored/", "/leaked-draft-", "/news/1829999/"}
    asked = [path for _, path in snapshot_server.requests]
    assert not [p for p in asked if any(d in p for d in disallowed)], "robots.txt obeyed"


def base_and_resolve(server) -> list[str]:
    """The snapshot sites' origins on ``server``, their host names resolved to 127.0.0.1."""
    return [arg for s in SITES for arg in ("--base-url", f"{s.name}=http://{host_of(s)}:{server.port}",
                                           "--resolve", f"{host_of(s)}=127.0.0.1")]
