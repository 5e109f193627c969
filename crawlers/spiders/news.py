"""The one generic spider: every site is driven by its registry entry.

Discovery requests (robots.txt Sitemap lines, sitemaps, feeds, the WordPress
API, listing pages) lead to article requests; every page fetched is handed on
as a ``FetchedPage`` for the archive pipeline. Failures become stats under
``pknews/<site>/...`` with their cause, never exceptions that stop the crawl.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlencode, urlsplit, urlunsplit, parse_qsl

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers import discovery
from crawlers.items import FetchedPage
from crawlers.registry import Site, Source

WP_PAGE_SIZE = 50


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
        return "ignored"
    name = type(err).__name__
    return {
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


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sites: list[Site], since: datetime | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sites = {s.name: s for s in sites}
        self.since = since
        self.allowed_domains = sorted({d for s in sites for d in s.domains})

    # -- bookkeeping -------------------------------------------------------
    def count(self, site: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"pknews/{site}/{key}", n)

    def note_source(self, site: str, url: str, kind: str, outcome: str) -> None:
        """Remember what each configured source gave, for the run report."""
        report = self.crawler.stats.get_value("pknews_sources", {})
        report.setdefault(site, []).append({"url": url, "kind": kind, "outcome": outcome})
        self.crawler.stats.set_value("pknews_sources", report)

    # -- discovery ---------------------------------------------------------
    async def start(self):
        for site in self.sites.values():
            for source, url in site.source_urls():
                yield self.source_request(site, source, url)

    def source_request(self, site: Site, source: Source, url: str, page: int = 1) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_source,
            errback=self.source_failed,
            priority=10,
            meta={"site": site.name, "source": source, "role": "source", "page": page},
        )

    def parse_source(self, response: Response):
        site = self.sites[response.meta["site"]]
        source: Source = response.meta["source"]
        yield self.fetched(response)
        try:
            requests = list(self.follow_source(site, source, response))
        except discovery.NotXml as err:
            self.count(site.name, f"errors/source-unreadable")
            self.note_source(site.name, response.url, source.kind, f"unreadable: {err}")
            self.logger.warning("%s: source %s unreadable: %s", site.name, response.url, err)
            return
        articles = sum(1 for r in requests if r.meta.get("role") == "article")
        self.count(site.name, "sources_ok")
        self.count(site.name, "discovered", articles)
        self.note_source(site.name, response.url, source.kind, f"ok: {articles} article URLs")
        yield from requests

    def follow_source(self, site: Site, source: Source, response: Response):
        kind = source.kind
        if kind == "robots":
            for url in discovery.robots_sitemaps(response.text):
                yield self.source_request(site, Source("sitemap", url, source.max_pages), url)
        elif kind in ("sitemap", "google-news-sitemap"):
            sitemap = discovery.parse_sitemap(response.body)
            if sitemap.kind == "index":
                for entry in sitemap.entries:
                    if self.since and entry.lastmod and entry.lastmod < self.since:
                        self.count(site.name, "skipped/old-sitemap")
                        continue
                    yield self.source_request(site, Source(kind, entry.url, source.max_pages), entry.url)
            else:
                yield from self.article_requests(site, sitemap.entries, kind)
        elif kind == "rss":
            yield from self.article_requests(site, discovery.parse_feed(response.body, response.url), kind)
        elif kind == "wp-json":
            entries = discovery.parse_wp_posts(response.body)
            yield from self.article_requests(site, entries, kind)
            page = response.meta["page"]
            if len(entries) >= WP_PAGE_SIZE and page < source.max_pages:
                yield self.source_request(site, source, self.wp_page_url(response.url, page + 1), page + 1)
        elif kind == "listing":
            links = discovery.page_links(response.body, response.url)
            entries = [discovery.Entry(u) for u in links if site.is_article_url(u)]
            yield from self.article_requests(site, entries, kind)
            page = response.meta["page"]
            next_url = discovery.next_page_link(response.body, response.url)
            if next_url and page < source.max_pages and site.owns(next_url):
                yield self.source_request(site, source, next_url, page + 1)

    def wp_page_url(self, url: str, page: int) -> str:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query))
        query.update({"page": str(page), "per_page": str(WP_PAGE_SIZE)})
        return urlunsplit(parts._replace(query=urlencode(query)))

    def article_requests(self, site: Site, entries, via: str):
        for entry in entries:
            if not site.is_article_url(entry.url):
                continue
            date = entry.published or entry.lastmod
            if self.since and date and date < self.since:
                self.count(site.name, "skipped/older-than-since")
                continue
            yield scrapy.Request(
                entry.url,
                callback=self.parse_article,
                errback=self.article_failed,
                meta={"site": site.name, "role": "article", "via": via, "lastmod": entry.lastmod},
            )

    # -- pages -------------------------------------------------------------
    def parse_article(self, response: Response):
        site = response.meta["site"]
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
        self.count(site, "bytes", len(response.body))
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
        self.count(site, f"errors/source-{kind}")
        self.note_source(site, request.url, request.meta["source"].kind, f"failed: {kind}")
        self.logger.warning("%s: source %s failed: %s", site, request.url, kind)

    def article_failed(self, failure: Failure):
        request = failure.request
        site = request.meta["site"]
        kind = error_kind(failure)
        if kind == "robots-disallowed":
            self.count(site, "skipped/robots-disallowed")
            return
        self.count(site, f"errors/{kind}")
        self.logger.warning("%s: article %s failed: %s", site, request.url, kind)
