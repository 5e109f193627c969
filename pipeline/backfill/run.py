"""``pknews backfill``: a site's history from web archives, into the crawl's own archive.

For each site and archive (``pipeline.backfill.options.ARCHIVES``, in that order):

1. list the captures of the period: the Wayback CDX server or the Common Crawl
   indexes by the site's URL prefixes (``crawlers.webarchives``), or the site's
   own sitemaps (``pipeline.backfill.sitemaps``);
2. keep the URLs the registry rules accept as articles; other URLs of the site
   (candidates, kept when the page's own signals say article) only from sitemaps,
   as in the crawl, or for a site without article rules;
3. one capture per URL: the earliest good capture of the period (see "One capture
   per article" below), none already refused;
4. an article the catalog holds (crawled, or backfilled before) is not fetched;
5. fetch through the archive's ``PoliteClient`` (its rate, Retry-After, retries),
   judge with ``check_capture``: a bad capture is recorded in the catalog with its
   cause (``bad_captures``; not fetched again) and never stored;
6. store a good one as the crawl stores a page (``crawlers.warc``: WARC-Target-URI
   the original URL; the metadata record names the archive, the capture time and
   where it was fetched from), fsynced, then recorded in the catalog with its
   archive and capture time. The nightly crawl asks the same catalog, so it does
   not fetch a backfilled article again.

Then the new WARC files are extracted by the nightly's own code
(``pipeline.warc_extraction.extract_pending``), versions are put right, and the
run report (per site and month) is written with the run, like the nightly's.

Killed anywhere, a rerun resumes: recovery (``pipeline.recovery``) cuts the
WARC file after the last page the catalog recorded, and every capture the
catalog holds or refused is not fetched again. The listing is asked for again
(a few index requests per site and archive), the captures are not.

One capture per article: the Wayback listing uses ``collapse=urlkey``, which
keeps the *earliest* capture of each URL within the period; the Common Crawl
listing has every capture, and the earliest one is taken. A page cannot be
captured before it is published, so the earliest capture of the period is the
earliest capture after the article's date (``choose_capture``'s rule) whenever
the article was published in the period, and the closest one after the period's
start when it is older. Without the collapse the Wayback listing of a site
would be every capture of every page, many times the rows, for no other choice.
"""

from __future__ import annotations

import hashlib
import http.client
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

import pyarrow.parquet as pq

from crawlers import killpoints
from crawlers.catalog import Catalog
from crawlers.progress import ProgressLine
from crawlers.registry import Site
from crawlers.settings import PKNEWS_WARC_MAX_BYTES, USER_AGENT
from crawlers.signals import article_signals
from crawlers.urls import url_key
from crawlers.warc import LIVE, RollingWarcWriter, capture_headers
from crawlers.webarchives import (
    ArchiveUnavailable,
    BadCapture,
    Capture,
    CommonCrawlArchive,
    WaybackArchive,
    check_capture,
    choose_capture,
)
from extract.article import EXTRACTOR_VERSION
from extract.nlp import DEFAULT_MODEL
from pipeline.backfill.options import BackfillOptions
from pipeline.backfill.report import BackfillReport
from pipeline.backfill.sitemaps import SiteSitemaps
from pipeline.config import DataDir
from pipeline.recovery import recover
from pipeline.runs import Run, under_lock
from pipeline.summary import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL
from pipeline.tables import ARTICLES
from pipeline.versions import reconcile_versions
from pipeline.warc_extraction import extract_pending, fragment_prefix


def open_archives(options: BackfillOptions) -> list:
    """The archives to read, in order, each with its own polite client(s)."""
    client = {"backoff": options.backoff}
    made = {
        "wayback": lambda: WaybackArchive(options.wayback_url, options.wayback_interval, **client),
        "commoncrawl": lambda: CommonCrawlArchive(options.commoncrawl_index_url, options.commoncrawl_data_url,
                                                  options.commoncrawl_index_interval,
                                                  options.commoncrawl_data_interval, **client),
        "sitemaps": lambda: SiteSitemaps(options.site_interval, resolve=options.resolve, **client),
    }
    return [made[name]() for name in options.archives]


def site_prefixes(site: Site) -> list[str]:
    """URL prefixes the archives are asked for: each domain, or its sections."""
    return list(dict.fromkeys(d + s for d in site.domains for s in (site.sections or ("/",))))


def listed(archive, site: Site, since: datetime, until: datetime) -> Iterator[Capture]:
    if isinstance(archive, SiteSitemaps):
        yield from archive.list_site(site, since, until)
        return
    for prefix in site_prefixes(site):
        yield from archive.list_captures(prefix, since, until)


def wanted_role(site: Site, url: str, candidates: bool = False) -> str | None:
    """``article`` when the registry rules say so; ``candidate`` (the page decides) for
    another URL of the site when ``candidates`` (a sitemap lists it, as in the crawl) or
    the site has no article rules; else None. An archive's listing of a site with rules
    names every page it holds, so its other URLs are not fetched to be looked at."""
    if site.is_article_url(url):
        return "article"
    if (candidates or not site.article_paths) and site.is_candidate_url(url):
        return "candidate"
    return None


@dataclass(frozen=True)
class Wanted:
    site: Site
    capture: Capture
    role: str  # article or candidate


def choose(site: Site, captures: Iterable[Capture], refused: set[tuple[str, datetime]],
           candidates: bool = False) -> list[Wanted]:
    """One capture per article URL of ``site``: the earliest not refused before."""
    by_key: dict[str, list[Capture]] = {}
    roles: dict[str, str] = {}
    for c in captures:
        role = wanted_role(site, c.url, candidates)
        key = url_key(c.url)
        if role is None or (key, c.timestamp) in refused:
            continue
        by_key.setdefault(key, []).append(c)
        roles[key] = role
    out = []
    for key, caps in by_key.items():
        chosen = choose_capture(caps, None)
        if chosen is not None:
            out.append(Wanted(site, chosen, roles[key]))
    return sorted(out, key=lambda w: (w.capture.timestamp, w.capture.url))


class Store:
    """The backfill's side of the archive: WARC files and catalog rows, page by page."""

    def __init__(self, data: DataDir, run_id: str):
        self.run_id = run_id
        self.catalog = Catalog(data.catalog)
        self.writer = RollingWarcWriter(data.warc, prefix=f"pknews-{run_id}", max_bytes=PKNEWS_WARC_MAX_BYTES,
                                        software=USER_AGENT)
        self._announced: set[str] = set()

    def held(self, url: str) -> bool:
        return self.catalog.known_article(url) is not None

    def refuse(self, wanted: Wanted, archive: str, cause: str) -> None:
        self.catalog.record_bad_capture(run_id=self.run_id, url=wanted.capture.url, site=wanted.site.name,
                                        archive=archive, captured_at=wanted.capture.timestamp, cause=cause)

    def keep(self, wanted: Wanted, archive, role: str, status: int, headers: dict[str, str], body: bytes,
             fetched_from: str) -> None:
        capture = wanted.capture
        live = getattr(archive, "live", False)
        now = datetime.now(timezone.utc)
        meta = {"pknews-site": wanted.site.name, "pknews-role": role, "pknews-run": self.run_id,
                "pknews-discovered-via": f"backfill/{archive.name}", "fetched-at": now.isoformat(),
                "pknews-fetched-from": LIVE if live else archive.name, "pknews-archive-url": fetched_from}
        response_headers = list(headers.items())
        if not live:
            meta["pknews-captured-at"] = capture.timestamp.isoformat()
            response_headers += capture_headers(archive.name, capture.timestamp)
        stored = self.writer.write_page(capture.url, status, http.client.responses.get(status, ""), response_headers,
                                        body, [("User-Agent", USER_AGENT)], now, meta)
        if stored.warc_file not in self._announced:
            self._announced.add(stored.warc_file)
            self.catalog.warc_opened(stored.warc_file, self.run_id)
        killpoints.reached("capture-archived")  # tests: written and fsynced, not yet cataloged
        self.catalog.record_fetch(
            run_id=self.run_id, url=capture.url, site=wanted.site.name, role=role, status=status, fetched_at=now,
            warc_file=stored.warc_file, warc_offset=stored.offset, sha256=hashlib.sha256(body).hexdigest(),
            length=len(body), archive=None if live else archive.name, captured_at=None if live else capture.timestamp)
        self._mark_closed()

    def _mark_closed(self) -> None:
        while self.writer.closed_files:
            self.catalog.warc_closed(self.writer.closed_files.pop(0), self.run_id)

    def close(self) -> None:
        self.writer.close()
        self._mark_closed()
        self.catalog.close()


def fetch_one(store: Store, archive, wanted: Wanted, report: BackfillReport) -> None:
    """Fetch, judge and keep (or refuse) one capture; every outcome counted."""
    capture = wanted.capture
    counts = report.at(wanted.site.name, capture.timestamp)
    try:
        resp = archive.fetch(capture)
        verdict = check_capture(resp)
        cause = verdict.cause
    except BadCapture as bad:
        resp, cause = None, bad.cause
    except Exception as err:  # the archive kept failing (ArchiveUnavailable), or an answer we cannot read
        kind = "unavailable" if isinstance(err, ArchiveUnavailable) else "error"
        counts.failed[kind] += 1
        report.unreached.append({"site": wanted.site.name, "url": capture.url, "archive": archive.name,
                                 "captured_at": capture.timestamp.isoformat(),
                                 "error": f"{type(err).__name__}: {err}"})
        return
    if cause is not None:
        counts.failed[cause] += 1
        store.refuse(wanted, archive.name, cause)
        report.refused.append({"site": wanted.site.name, "url": capture.url, "archive": archive.name,
                               "captured_at": capture.timestamp.isoformat(), "cause": cause})
        return
    role = wanted.role
    if role == "candidate":
        role = "article" if article_signals(resp.body)[0] else "page"
    store.keep(wanted, archive, role, resp.status, dict(resp.headers), resp.body, resp.url)
    counts.fetched += 1


def show_progress(progress: ProgressLine, label: str, done: int, total: int, report: BackfillReport,
                  started: float) -> None:
    t = report.total()
    spent = time.monotonic() - started
    eta = (total - done) * spent / done if done else 0.0
    progress.show(f"backfill {label}: {done}/{total} captures, {t.fetched} fetched, {t.held} held, "
                  f"{sum(t.failed.values())} failed, ETA {eta / 60:.0f} min ")


def backfill_site(store: Store, archive, site: Site, options: BackfillOptions, report: BackfillReport,
                  progress: ProgressLine) -> None:
    try:
        captures = list(listed(archive, site, options.since, options.until))
    except Exception as err:  # unavailable, or an index answer we cannot read: this site, this archive only
        report.listing_errors.append({"site": site.name, "archive": archive.name,
                                      "error": f"{type(err).__name__}: {err}"})
        return
    todo = []
    refused = store.catalog.bad_captures(archive.name)
    for wanted in choose(site, captures, refused, candidates=getattr(archive, "lists_candidates", False)):
        counts = report.at(site.name, wanted.capture.timestamp)
        counts.listed += 1
        if store.held(wanted.capture.url):
            counts.held += 1
        else:
            todo.append(wanted)
    started = time.monotonic()
    for i, wanted in enumerate(todo, 1):
        if store.held(wanted.capture.url):  # stored under another URL form this run
            report.at(site.name, wanted.capture.timestamp).held += 1
            continue
        fetch_one(store, archive, wanted, report)
        show_progress(progress, f"{site.name} from {archive.name}", i, len(todo), report, started)


def count_articles(data: DataDir, warc_names: list[str], report: BackfillReport) -> None:
    """Article rows extracted from ``warc_names`` into the report, by site and month."""
    for name in warc_names:
        for path in sorted((data.parquet / ARTICLES.name).glob(f"part-{fragment_prefix(name)}-*.parquet")):
            table = pq.read_table(path, columns=["site", "captured_at", "published"])
            for site, captured, published in zip(*(table.column(c).to_pylist() for c in table.column_names)):
                when = captured or (datetime(published.year, published.month, 1) if published else None)
                report.at(site, when).articles += 1


def run_backfill(sites: list[Site], data: DataDir, options: BackfillOptions, *, out=None, err=None) -> int:
    data.ensure()
    return under_lock(Run(data, "backfill"), lambda run: _backfill(run, sites, options, out or sys.stdout), err=err)


def _backfill(run: Run, sites: list[Site], options: BackfillOptions, out) -> int:
    data = run.data
    started = datetime.now(timezone.utc)
    t0 = time.monotonic()
    print(f"pknews backfill {run.id}: {len(sites)} site(s), {options.since:%Y-%m-%d} to {options.until:%Y-%m-%d}"
          f" from {', '.join(options.archives)} into {data.root} (log: {run.log_file})", file=out, flush=True)
    recovery = recover(data, run.id)
    if recovery:
        text = "\n".join(recovery.lines())
        run.log(text)
        print(text, file=out, flush=True)
    report = BackfillReport()
    archives = open_archives(options)
    store = Store(data, run.id)
    progress = ProgressLine()
    try:
        for archive in archives:
            for site in sites:
                backfill_site(store, archive, site, options, report, progress)
    finally:
        progress.done()
        store.close()
    for archive in archives:
        for client in archive.clients:
            for cause, n in client.retried.items():
                report.retries[f"{client.name}/{cause}"] += n
    catalog = Catalog(data.catalog)
    try:
        pending = catalog.unextracted_warcs()
    finally:
        catalog.close()
    failures: list = []
    extraction = extract_pending(data, run.id, options.model or DEFAULT_MODEL, skips=Counter(), failures=failures)
    count_articles(data, pending, report)
    versions = reconcile_versions(data.parquet)
    code = exit_code(report, len(sites) * len(archives), failures)
    run.write_report({
        "run_id": run.id, "command": "backfill",
        "started_at": started.isoformat(), "finished_at": datetime.now(timezone.utc).isoformat(),
        "seconds": round(time.monotonic() - t0, 2), "exit_code": code,
        "period": {"from": options.since.isoformat(), "to": options.until.isoformat()},
        "archives": list(options.archives), "extractor_version": EXTRACTOR_VERSION,
        "model": options.model or DEFAULT_MODEL, "log": str(run.log_file), "recovery": recovery.as_dict(),
        **report.as_dict(),
        "extraction": extraction.as_dict() | {"failures": failures}, "versions": versions,
    })
    lines = report.lines() + [f"extraction failed on {f['warc']}: {f['error']} (retried next run)" for f in failures]
    lines.append(f"report: {run.report_file}")
    return run.finish("\n".join(lines), code, out=out)


def exit_code(report: BackfillReport, listings: int, failures: list) -> int:
    """0 all listed and reached (bad captures are the archives' and do not count),
    3 some listing or fetch kept failing, 4 every listing failed."""
    if listings and len(report.listing_errors) == listings:
        return EXIT_FAILED
    if report.listing_errors or report.unreached or failures:
        return EXIT_PARTIAL
    return EXIT_OK
