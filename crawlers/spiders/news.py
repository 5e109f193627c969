"""The one generic spider: every site is driven by its registry entry.

Discovery requests (robots.txt Sitemap lines, sitemaps, feeds, the WordPress
API, listing pages) lead to article requests; every page fetched is handed on
as a ``FetchedPage`` for the archive pipeline. Failures become stats under
``pknews/<site>/...`` with their cause, never exceptions that stop the crawl.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers import discovery
from crawlers.items import FetchedPage
from crawlers.middlewares import note_event
from crawlers.registry import Site
from crawlers.signals import article_signals
from crawlers.source_kinds import Source, source_kind
from crawlers.stats import SOURCES_REPORT, stat_key

# sitemap indexes nested deeper than this are not followed (a loop or a trap)
MAX_SITEMAP_DEPTH = 3


def error_kind(failure: Failure) -> str:
    """A short, stable name for why a request failed."""
    from scrapy.exceptions import IgnoreRequest
    from scrapy.spidermiddlewares.httperror import HttpError

    err = failure.value
    if isinstance(err, HttpError):
        return f"http-{err.response.status}"
    if isinstance(err, IgnoreRequest):
        text = str(err).lower()
        if "robots" in text:
            return "robots-disallowed"
        if "maxsize" in text or "size" in text:
            return "too-large"
        if "redirect" in text:
            return "redirect-loop"
        return "ignored"
    name = type(err).__name__
    if name == "DownloadFailedError":
        text = str(err).lower()
        return "connection-lost" if ("lost" in text or "reset" in text) else "download-failed"
    return {
        "DownloadTimeoutError": "timeout",
        "DownloadCancelledError": "too-large",  # past DOWNLOAD_MAXSIZE
        "ResponseDataLossError": "truncated-body",
        "DownloadConnectionRefusedError": "connection-refused",
        "DNSLookupError": "dns-failure",
        "CannotResolveHostError": "dns-failure",
        "TimeoutError": "timeout",
        "TCPTimedOutError": "timeout",
        "ConnectionRefusedError": "connection-refused",
        "ConnectionLost": "connection-lost",
        "ResponseNeverReceived": "no-response",
        "ResponseFailed": "response-failed",
        "ConnectError": "connect-error",
    }.get(name, name)


def _detail(failure: Failure) -> str:
    err = failure.value
    if hasattr(err, "response"):
        return f"HTTP {err.response.status}"
    return f"{type(err).__name__}: {err}".strip()


@dataclass
class SourceProgress:
    """How one configured source of a site is doing: requests under way, articles listed."""

    started: bool = False
    pending: int = 0
    found: int = 0
    outcomes: list[str] = field(default_factory=list)


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sites: list[Site], since: datetime | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sites = {s.name: s for s in sites}
        self.since = since
        self.allowed_domains = sorted({d for s in sites for d in s.domains})
        self.progress = {s.name: [SourceProgress() for _ in s.sources] for s in sites}
        self.seen_sources: dict[str, set[str]] = {s.name: set() for s in sites}

    # -- bookkeeping -------------------------------------------------------
    def count(self, site: str, name: str, detail: str = "", n: int = 1) -> None:
        """Add ``n`` to a site's counter ``name``, or to cause ``detail`` in group ``name``."""
        self.crawler.stats.inc_value(stat_key(site, name, detail), n)

    def note_source(self, site: str, url: str, kind: str, outcome: str) -> None:
        """Remember what each source gave, for the run report."""
        report = self.crawler.stats.get_value(SOURCES_REPORT, {})
        report.setdefault(site, []).append({"url": url, "kind": kind, "outcome": outcome})
        self.crawler.stats.set_value(SOURCES_REPORT, report)

    # -- discovery ---------------------------------------------------------
    async def start(self):
        for site in self.sites.values():
            first = range(len(site.sources)) if site.discovery == "all" else range(1)
            for index in first:
                for request in self.start_source(site, index):
                    yield request

    def start_source(self, site: Site, index: int):
        source = site.sources[index]
        self.progress[site.name][index].started = True
        url = source_kind(source.kind).crawl_url(source.absolute(site.home), self.since)
        request = self.source_request(site, source, url, index)
        if request is not None:
            yield request

    def source_request(self, site: Site, source: Source, url: str, index: int, page: int = 1):
        """A discovery request, counted against its configured source; None if already asked."""
        if url in self.seen_sources[site.name]:
            return None
        self.seen_sources[site.name].add(url)
        self.progress[site.name][index].pending += 1
        # dont_filter: our own seen set dedupes, and a request the scheduler dropped
        # silently would leave its source pending forever
        return scrapy.Request(
            url,
            callback=self.parse_source,
            errback=self.source_failed,
            priority=10,
            dont_filter=True,
            meta={"site": site.name, "source": source, "source_index": index, "role": "source", "page": page},
        )

    def source_done(self, site: Site, index: int, found: int):
        """Book a finished source request; start the next source if this one gave nothing."""
        progress = self.progress[site.name][index]
        progress.pending -= 1
        progress.found += found
        if site.discovery != "first-working" or progress.pending > 0 or progress.found > 0:
            return
        following = index + 1
        if following >= len(site.sources) or self.progress[site.name][following].started:
            if following >= len(site.sources):
                self.logger.warning("%s: no discovery source listed any article", site.name)
            return
        failed, nxt = site.sources[index], site.sources[following]
        self.count(site.name, "fallbacks")
        self.note_source(site.name, failed.absolute(site.home), failed.kind,
                         f"fell back to {nxt.kind} {nxt.absolute(site.home)}")
        self.logger.info("%s: %s %s listed no article; falling back to %s", site.name, failed.kind, failed.url, nxt.kind)
        yield from self.start_source(site, following)

    def parse_source(self, response: Response):
        site = self.sites[response.meta["site"]]
        source: Source = response.meta["source"]
        index = response.meta["source_index"]
        yield self.fetched(response)
        try:
            requests = [r for r in self.follow_source(site, source, index, response) if r is not None]
        except discovery.NotXml as err:
            self.count(site.name, "errors", "source-unreadable")
            self.note_source(site.name, response.url, source.kind, f"unreadable: {err}")
            self.logger.warning("%s: source %s unreadable: %s", site.name, response.url, err)
            yield from self.source_done(site, index, 0)
            return
        articles = sum(1 for r in requests if r.meta.get("role") == "article")
        self.count(site.name, "sources_ok")
        self.count(site.name, "discovered", n=articles)
        self.note_source(site.name, response.url, source.kind,
                         f"ok: {articles} article URLs, {len(requests) - articles} more sources")
        yield from requests
        yield from self.source_done(site, index, articles)

    def follow_source(self, site: Site, source: Source, index: int, response: Response):
        """The requests one answer of a source leads to: articles, further sources, its next page."""
        page = response.meta["page"]
        reading = source_kind(source.kind).read(
            response.body, response.url, page, response.headers.to_unicode_dict())
        yield from self.article_requests(site, reading.entries, source.kind, candidates=reading.candidates)
        if reading.is_index and page > MAX_SITEMAP_DEPTH:
            return
        # an index's parts are one level deeper; sources it merely names start afresh
        child_page = page + 1 if reading.is_index else 1
        for child in reading.children:
            if self.since and child.lastmod and child.lastmod < self.since:
                self.count(site.name, "skipped", "old-sitemap")
                continue
            yield self.source_request(site, child.source, child.source.url, index, child_page)
        next_url = reading.next_page
        if next_url and page < source.max_pages and site.owns(next_url):
            yield self.source_request(site, source, next_url, index, page + 1)

    def article_requests(self, site: Site, entries, via: str, candidates: bool = True):
        """Article requests for listed URLs. A sitemap or feed entry of another URL
        shape is fetched as a candidate: the page's own signals decide (``candidates``)."""
        for entry in entries:
            if site.is_article_url(entry.url):
                candidate = False
            elif candidates and site.is_candidate_url(entry.url):
                candidate = True
            else:
                continue
            date = entry.published or entry.lastmod
            if self.since and date and date < self.since:
                self.count(site.name, "skipped", "older-than-since")
                continue
            yield scrapy.Request(
                entry.url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta={"site": site.name, "role": "article", "via": via, "lastmod": entry.lastmod,
                      "candidate": candidate},
            )

    # -- pages -------------------------------------------------------------
    def parse_article(self, response: Response):
        site = response.meta["site"]
        if response.meta.get("candidate"):
            is_article, signal = article_signals(response.body)
            if not is_article:
                # archived all the same, marked so extraction passes over it
                self.count(site, "skipped", "not-an-article")
                response.meta["role"] = "page"
                yield self.fetched(response)
                return
        self.count(site, "articles_fetched")
        yield self.fetched(response)

    def fetched(self, response: Response) -> FetchedPage:
        def pairs(headers) -> list[tuple[str, str]]:
            return [
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, values in headers.items()
                for v in values
            ]

        site = response.meta["site"]
        self.count(site, "pages_fetched")
        self.count(site, "bytes", n=len(response.body))
        return FetchedPage(
            url=response.url,
            site=site,
            role=response.meta["role"],
            status=response.status,
            reason="OK" if response.status == 200 else "",
            headers=pairs(response.headers),
            body=response.body,
            request_headers=pairs(response.request.headers),
            fetched_at=datetime.now(timezone.utc),
            discovered_via=response.meta.get("via", response.meta["source"].kind if "source" in response.meta else ""),
            lastmod=response.meta.get("lastmod"),
        )

    # -- failures ----------------------------------------------------------
    def source_failed(self, failure: Failure):
        request = failure.request
        site = request.meta["site"]
        kind = error_kind(failure)
        self.count(site, "errors", f"source-{kind}")
        note_event(self.crawler.stats, site, request.url, f"errors/source-{kind}", _detail(failure))
        self.note_source(site, request.url, request.meta["source"].kind, f"failed: {kind}")
        self.logger.warning("%s: source %s failed: %s", site, request.url, kind)
        yield from self.source_done(self.sites[site], request.meta["source_index"], 0)

    def article_failed(self, failure: Failure):
        request = failure.request
        site = request.meta["site"]
        kind = error_kind(failure)
        if kind == "robots-disallowed":
            self.count(site, "skipped", "robots-disallowed")
            return
        self.count(site, "errors", kind)
        listed = (request.meta.get("redirect_urls") or [request.url])[0]  # the URL as listed
        note_event(self.crawler.stats, site, listed, f"errors/{kind}",
                   _detail(failure) + (f" (at {request.url})" if listed != request.url else ""))
        self.logger.warning("%s: article %s failed: %s", site, request.url, kind)
