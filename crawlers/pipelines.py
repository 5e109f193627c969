"""Item pipeline: every fetched page goes to the WARC archive and the catalog.

Order matters for crash safety: the page is written and fsynced to the WARC
file first, then recorded in the catalog. A crash in between leaves a page the
catalog does not know; recovery (``crawlers.warc.salvage``) cuts it off, and the
next night fetches it again. The catalog therefore never claims a page that is
not on disk.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from crawlers import killpoints
from crawlers.catalog import Catalog
from crawlers.items import FetchedPage
from crawlers.middlewares import note_event
from crawlers.stats import stat_key
from crawlers.warc import RollingWarcWriter

_HTML_START = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|main|div|p|title|meta)\b", re.I)
_BINARY_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                 "application/octet-stream", "application/x-", "application/vnd.")
# control bytes that do not occur in text (tab, newlines and form feed excluded)
_CONTROL = bytes(i for i in range(32) if i not in (9, 10, 12, 13))


def unusable_article(page: FetchedPage) -> tuple[str, str] | None:
    """(reason, detail) when a page fetched as an article cannot be one: empty,
    binary, or a non-HTML type whose body does not look like HTML either."""
    body = page.body
    ctype = next((v for k, v in page.headers if k.lower() == "content-type"), "").lower()
    if not body.strip():
        return "empty-body", f"{len(body)} bytes, Content-Type {ctype or 'none'}"
    head = body[:4096]
    control = sum(head.count(bytes([c])) for c in _CONTROL)
    if b"\x00" in head or control > len(head) // 20:
        return "binary-body", f"{control} control bytes in the first {len(head)}, Content-Type {ctype or 'none'}"
    if ctype.startswith(_BINARY_TYPES) and not _HTML_START.search(head):
        return "not-html", f"Content-Type {ctype}"
    return None


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
        if item.role in ("article", "page"):
            bad = unusable_article(item)
            if bad is not None:
                # not archived: nothing to extract, and the next night tries again
                reason, detail = bad
                self.stats.inc_value(stat_key(item.site, "skipped", reason))
                note_event(self.stats, item.site, item.url, f"skipped/{reason}", detail)
                return item
            known = self.catalog.known_article(item.url)
            if known is not None and known.sha256 == sha256:
                # refetched on a modification signal, but the page is byte-identical:
                # not archived again; the check is recorded so tomorrow compares with it
                self.stats.inc_value(stat_key(item.site, "skipped", "unchanged"))
                self.catalog.record_fetch(
                    run_id=self.run_id, url=item.url, site=item.site, role=item.role, status=item.status,
                    fetched_at=item.fetched_at, warc_file=None, warc_offset=None,
                    sha256=sha256, length=len(item.body), lastmod=item.lastmod,
                )
                return item
            if known is not None and item.role == "article":
                self.stats.inc_value(stat_key(item.site, "new_versions"))
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
        killpoints.reached("page-archived")  # tests: written and fsynced, not yet cataloged
        self.catalog.record_fetch(
            run_id=self.run_id, url=item.url, site=item.site, role=item.role, status=item.status,
            fetched_at=item.fetched_at, warc_file=stored.warc_file, warc_offset=stored.offset,
            sha256=sha256, length=len(item.body), lastmod=item.lastmod,
        )
        if item.role == "article":
            self.stats.inc_value(stat_key(item.site, "archived"))
        self._mark_closed()
        return item

    def _mark_closed(self) -> None:
        while self.writer.closed_files:
            name = self.writer.closed_files[0]
            killpoints.reached("warc-renamed")  # tests: final name on disk, catalog not told
            self.catalog.warc_closed(name, self.run_id)
            self.writer.closed_files.pop(0)

    def close_spider(self, spider=None):
        self.writer.close()
        self._mark_closed()
        self.catalog.close()
