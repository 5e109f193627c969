"""Item pipeline: every fetched page goes to the WARC archive and the catalog."""

from __future__ import annotations

import hashlib
from pathlib import Path

from crawlers.catalog import Catalog
from crawlers.items import FetchedPage
from crawlers.warc import RollingWarcWriter


class ArchivePipeline:
    def __init__(self, data_dir: Path, run_id: str, max_bytes: int, user_agent: str, stats):
        self.run_id = run_id
        self.stats = stats
        self.catalog = Catalog(data_dir / "catalog.sqlite")
        self.writer = RollingWarcWriter(
            data_dir / "warc", prefix=f"pknews-{run_id}", max_bytes=max_bytes, software=user_agent
        )
        self._announced: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(
            Path(s.get("PKNEWS_DATA")), s.get("PKNEWS_RUN_ID"),
            s.getint("PKNEWS_WARC_MAX_BYTES"), s.get("USER_AGENT"), crawler.stats,
        )

    def process_item(self, item, spider=None):
        if not isinstance(item, FetchedPage):
            return item
        sha256 = hashlib.sha256(item.body).hexdigest()
        if item.role == "article":
            known = self.catalog.known_article(item.url)
            if known is not None and known.sha256 == sha256:
                # refetched on a modification signal, but the page is byte-identical
                self.stats.inc_value(f"pknews/{item.site}/skipped/unchanged")
                return item
        stored = self.writer.write_page(
            item.url, item.status, item.reason, item.headers, item.body, item.request_headers,
            item.fetched_at,
            metadata={
                "pknews-site": item.site,
                "pknews-role": item.role,
                "pknews-discovered-via": item.discovered_via,
                "pknews-run": self.run_id,
                "fetched-at": item.fetched_at.isoformat(),
            },
        )
        if stored.warc_file not in self._announced:
            self._announced.add(stored.warc_file)
            self.catalog.warc_opened(stored.warc_file, self.run_id)
        self.catalog.record_fetch(
            run_id=self.run_id, url=item.url, site=item.site, role=item.role, status=item.status,
            fetched_at=item.fetched_at, warc_file=stored.warc_file, warc_offset=stored.offset,
            sha256=sha256, length=len(item.body), lastmod=item.lastmod,
        )
        self._mark_closed()
        return item

    def _mark_closed(self) -> None:
        while self.writer.closed_files:
            self.catalog.warc_closed(self.writer.closed_files.pop(0), self.run_id)

    def close_spider(self, spider=None):
        self.writer.close()
        self._mark_closed()
        self.catalog.close()
