"""Crawler middlewares: the incremental filter, Retry-After, and run observation.

- ``KnownArticleFilter`` (spider middleware): skips articles fetched on an
  earlier night unless the source reports a modification after our fetch.
- ``RetryAfterMiddleware`` (downloader): a 429 or 503 with ``Retry-After``
  waits what the server asks, up to ``PKNEWS_RETRY_AFTER_MAX`` seconds, then
  retries (within ``RETRY_TIMES``); a longer wait is not retried at all.
- ``CrawlObserver`` (downloader): per-site request counts and duration, and a
  one-line progress display on a terminal.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.downloadermiddlewares.retry import get_retry_request

from crawlers.catalog import Catalog
from crawlers.progress import ProgressLine
from crawlers.stats import EVENTS_REPORT, is_site_stat, parse_stat_key, stat_key

EVENTS_PER_SITE = 200  # failure and skip details kept per site in the run report


def note_event(stats, site: str, url: str, outcome: str, detail: str = "") -> None:
    """Remember one failed or skipped URL with its cause, for the run report."""
    events = stats.get_value(EVENTS_REPORT, {})
    mine = events.setdefault(site, [])
    if len(mine) < EVENTS_PER_SITE:
        mine.append({"url": url, "outcome": outcome, "detail": detail[:300]})
    stats.set_value(EVENTS_REPORT, events)


class KnownArticleFilter:
    """Drops requests for articles fetched on an earlier night.

    An article is fetched again when its discovery source reports a
    modification after our last fetch, so edited stories get a new version.
    """

    def __init__(self, catalog: Catalog, stats):
        self.catalog = catalog
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        data = Path(crawler.settings.get("PKNEWS_DATA"))
        return cls(Catalog(data / "catalog.sqlite"), crawler.stats)

    def _keep(self, request) -> bool:
        if not isinstance(request, scrapy.Request) or request.meta.get("role") != "article":
            return True
        known = self.catalog.known_article(request.url)
        if known is None:
            return True
        lastmod = request.meta.get("lastmod")
        if lastmod is not None and lastmod > known.fetched_at:
            self.stats.inc_value(stat_key(request.meta["site"], "refetched", "changed"))
            return True
        self.stats.inc_value(stat_key(request.meta["site"], "skipped", "already-fetched"))
        return False

    def process_spider_output(self, response, result, spider=None):
        for item in result:
            if self._keep(item):
                yield item

    async def process_spider_output_async(self, response, result, spider=None):
        async for item in result:
            if self._keep(item):
                yield item

    def close_spider(self, spider=None):
        self.catalog.close()


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or HTTP date); None if unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware:
    """Honours Retry-After on 429 and 503, within a cap (runs before RetryMiddleware)."""

    CODES = (429, 503)

    def __init__(self, crawler):
        self.crawler = crawler
        self.max_wait = crawler.settings.getfloat("PKNEWS_RETRY_AFTER_MAX", 120.0)
        self.max_retries = crawler.settings.getint("RETRY_TIMES")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_response(self, request, response, spider=None):
        if response.status not in self.CODES or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response  # the stock RetryMiddleware retries it at once
        site = request.meta.get("site", "?")
        stats = self.crawler.stats
        if wait > self.max_wait:
            request.meta["dont_retry"] = True  # no point asking again tonight
            stats.inc_value(stat_key(site, "retry-after", "over-cap"))
            note_event(stats, site, request.url, f"errors/http-{response.status}",
                       f"Retry-After {wait:.0f}s exceeds the {self.max_wait:.0f}s cap; not retried")
            return response
        retry = get_retry_request(
            request, spider=self.crawler.spider, reason=f"{response.status} Retry-After {wait:.0f}s",
            max_retry_times=request.meta.get("max_retry_times", self.max_retries),
        )
        if retry is None:
            return response
        stats.inc_value(stat_key(site, "retry-after", "waited"))
        stats.inc_value(stat_key(site, "retry-after", "seconds"), wait)
        if wait > 0:
            from scrapy.utils.defer import maybe_deferred_to_future
            from twisted.internet import reactor
            from twisted.internet.task import deferLater

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return retry


class CrawlObserver:
    """Per-site request counts and duration; progress on a terminal (or PKNEWS_PROGRESS=1)."""

    def __init__(self, crawler, stream=None):
        self.crawler = crawler
        self.stats = crawler.stats
        self.progress = ProgressLine(stream)
        self.first: dict[str, float] = {}
        self.last: dict[str, float] = {}
        self.responses = 0
        self.exceptions = 0
        self._loop = None

    @classmethod
    def from_crawler(cls, crawler):
        obs = cls(crawler)
        crawler.signals.connect(obs.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(obs.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(obs.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(obs.request_dropped, signal=signals.request_dropped)
        return obs

    # Requests dropped at scheduling never reach an errback: record them here.
    def request_scheduled(self, request, spider=None):
        """A redirect to a host outside the registered domains (the stock
        OffsiteMiddleware drops it silently at this point)."""
        site = request.meta.get("site")
        if not site or not request.meta.get("redirect_urls") or request.meta.get("allow_offsite"):
            return
        host = (urlsplit(request.url).hostname or "").lower()
        allowed = getattr(self.crawler.spider, "allowed_domains", None) or []
        if allowed and not any(host == d or host.endswith("." + d) for d in allowed):
            self.stats.inc_value(stat_key(site, "errors", "offsite-redirect"))
            note_event(self.stats, site, request.meta["redirect_urls"][0], "errors/offsite-redirect",
                       f"redirected to {request.url}; not followed")

    def request_dropped(self, request, spider=None):
        """A redirect back to a URL already requested: a redirect loop."""
        site = request.meta.get("site")
        if site and request.meta.get("redirect_urls"):
            self.stats.inc_value(stat_key(site, "errors", "redirect-loop"))
            chain = " -> ".join(request.meta["redirect_urls"] + [request.url])
            note_event(self.stats, site, request.meta["redirect_urls"][0], "errors/redirect-loop", chain)

    def _seen(self, request) -> str | None:
        site = request.meta.get("site")
        if site:
            now = time.monotonic()
            self.first.setdefault(site, now)
            self.last[site] = now
        return site

    def process_request(self, request, spider=None):
        site = self._seen(request)
        if site:
            self.stats.inc_value(stat_key(site, "requests"))
        return None

    def process_response(self, request, response, spider=None):
        self._seen(request)
        self.responses += 1
        return response

    def process_exception(self, request, exception, spider=None):
        self._seen(request)
        self.exceptions += 1
        return None

    def spider_opened(self, spider):
        self.progress = ProgressLine(self.progress.stream, self.progress.enabled)  # the clock starts now
        if self.progress.enabled:
            from twisted.internet.task import LoopingCall

            self._loop = LoopingCall(self.show)
            self._loop.start(1.0, now=False)

    def spider_closed(self, spider, reason):
        for site, first in self.first.items():
            self.stats.set_value(stat_key(site, "duration"), round(self.last[site] - first, 2))
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        if self.progress.enabled:
            self.show()
            self.progress.done()

    def show(self) -> None:
        totals: dict[str, float] = {}  # over all sites, by counter or group name
        for key, value in self.stats.get_stats().items():
            if is_site_stat(key):
                name = parse_stat_key(key).name
                totals[name] = totals.get(name, 0) + value
        elapsed = self.progress.elapsed
        self.progress.show(
            f"crawl {int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}  sites {len(self.first)}"
            f"  requests {int(totals.get('requests', 0))}  pages {int(totals.get('pages_fetched', 0))}"
            f"  articles {int(totals.get('articles_fetched', 0))}  errors {int(totals.get('errors', 0))}"
            f"  {totals.get('bytes', 0) / 1e6:.1f} MB   "
        )
