"""Running the Scrapy crawl in this process and collecting what it did per site."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawlers.registry import Site
from crawlers.spiders.news import NewsSpider
from crawlers.stats import EVENTS_REPORT, SOURCES_REPORT, is_site_stat, parse_stat_key


@dataclass
class SiteCrawl:
    name: str
    pages_fetched: int = 0
    articles_fetched: int = 0
    discovered: int = 0
    bytes: int = 0
    sources_ok: int = 0
    requests: int = 0  # requests sent, retries included
    archived: int = 0  # article pages written to the WARC archive
    new_versions: int = 0  # of those, changed pages of articles held already
    duration: float = 0.0  # seconds from the site's first request to its last answer
    errors: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    retry_after: dict[str, float] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)  # failed and skipped URLs with their cause

    @property
    def reachable(self) -> bool:
        """At least one discovery source answered."""
        return self.sources_ok > 0


def contact_note(sites: list[Site], overrides: dict | None) -> str | None:
    """A reminder for operators crawling live sites without saying who they are."""
    if os.environ.get("PKNEWS_CONTACT") or "USER_AGENT" in (overrides or {}):
        return None
    if not any(site.group == "real" for site in sites):
        return None
    return ("note: PKNEWS_CONTACT is not set, so site operators who read the user agent find only the "
            "pknews project page; set it to your e-mail or project page (README, Politeness)")


def crawl_settings(data_dir: Path, run_id: str, resolve: dict[str, str] | None, overrides: dict | None,
                   log_file: Path | None) -> Settings:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    settings.set("PKNEWS_DATA", str(data_dir), priority="cmdline")
    settings.set("PKNEWS_RUN_ID", run_id, priority="cmdline")
    settings.set("PKNEWS_RESOLVE", resolve or {}, priority="cmdline")
    if log_file is not None:
        settings.set("LOG_FILE", str(log_file), priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", log_file is not None, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(
    sites: list[Site],
    data_dir: Path,
    run_id: str,
    *,
    since: datetime | None = None,
    resolve: dict[str, str] | None = None,
    overrides: dict | None = None,
    log_file: Path | None = None,
) -> dict[str, SiteCrawl]:
    """Crawl the sites once (the Twisted reactor runs once per process)."""
    settings = crawl_settings(data_dir, run_id, resolve, overrides, log_file)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sites=sites, since=since)
    process.start()
    logging.getLogger("scrapy").propagate = True
    return summarize(crawler.stats.get_stats(), [s.name for s in sites])


def summarize(stats: dict, site_names: list[str]) -> dict[str, SiteCrawl]:
    result = {name: SiteCrawl(name) for name in site_names}
    for key, value in stats.items():
        if not is_site_stat(key):
            continue
        stat = parse_stat_key(key)  # an unknown key raises: a figure nobody reads is a bug
        if stat.site not in result:
            continue
        entry = result[stat.site]
        if stat.name == "errors":
            entry.errors[stat.detail] = value
        elif stat.name in ("skipped", "refetched"):
            entry.skipped[stat.what] = value
        elif stat.name == "retry-after":
            entry.retry_after[stat.detail] = value
        elif stat.name != "fallbacks":  # each fallback is in the sources report already
            setattr(entry, stat.name, value)
    for site, sources in stats.get(SOURCES_REPORT, {}).items():
        if site in result:
            result[site].sources = sources
    for site, events in stats.get(EVENTS_REPORT, {}).items():
        if site in result:
            result[site].events = events
    return result
