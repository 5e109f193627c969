"""Spider middleware: skip articles the catalog already holds, unless changed."""

from __future__ import annotations

from pathlib import Path

import scrapy

from crawlers.catalog import Catalog


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
            self.stats.inc_value(f"pknews/{request.meta['site']}/refetched/changed")
            return True
        self.stats.inc_value(f"pknews/{request.meta['site']}/skipped/already-fetched")
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
