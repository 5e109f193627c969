"""``pknews backfill``'s options: the command-line flags and the settings they make.

Kept apart from ``pipeline.backfill.run`` so that building the command-line parser
imports nothing heavy (no extraction, no spaCy).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import datetime, time, timezone

from crawlers.settings import DOWNLOAD_DELAY
from crawlers.webarchives import (
    BACKOFF,
    CC_DATA_INTERVAL,
    CC_DATA_URL,
    CC_INDEX_INTERVAL,
    CC_INDEX_URL,
    WAYBACK_INTERVAL,
    WAYBACK_URL,
)

# in the order ``all`` runs them: an article the first one stored is held for the next
ARCHIVES = ("wayback", "commoncrawl", "sitemaps")


@dataclass(frozen=True)
class BackfillOptions:
    since: datetime
    until: datetime
    archives: tuple[str, ...] = ARCHIVES
    wayback_url: str = WAYBACK_URL
    commoncrawl_index_url: str = CC_INDEX_URL
    commoncrawl_data_url: str = CC_DATA_URL
    # seconds between requests, per archive endpoint; ``interval`` replaces them all
    wayback_interval: float = WAYBACK_INTERVAL
    commoncrawl_index_interval: float = CC_INDEX_INTERVAL
    commoncrawl_data_interval: float = CC_DATA_INTERVAL
    site_interval: float = DOWNLOAD_DELAY  # the sitemaps archive asks the sites themselves
    backoff: float = BACKOFF
    resolve: dict[str, str] = field(default_factory=dict)
    model: str | None = None

    def with_interval(self, seconds: float) -> "BackfillOptions":
        from dataclasses import replace

        return replace(self, wayback_interval=seconds, commoncrawl_index_interval=seconds,
                       commoncrawl_data_interval=seconds, site_interval=seconds)


def parse_day(text: str, end_of_day: bool = False) -> datetime:
    """``2019-05-01`` (the day's start, or its last second with ``end_of_day``) or a full
    ISO datetime; UTC unless it says otherwise. ``ValueError`` on anything else."""
    value = datetime.fromisoformat(text)
    if len(text.strip()) <= 10 and end_of_day:
        value = datetime.combine(value.date(), time(23, 59, 59))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def add_backfill_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", action="append", metavar="NAME", help="backfill only this site (repeatable)")
    p.add_argument("--from", dest="since", required=True, metavar="DATE",
                   help="first day of the period (captures, or sitemap dates, from DATE)")
    p.add_argument("--to", dest="until", metavar="DATE", help="last day of the period (default: today)")
    p.add_argument("--archive", action="append", choices=(*ARCHIVES, "all"),
                   help="where to take the pages from, repeatable (default all: wayback, then commoncrawl, "
                        "then the sites' own sitemaps; an article one of them gave is not taken again)")
    p.add_argument("--wayback-url", default=WAYBACK_URL, help=f"Wayback Machine (default {WAYBACK_URL})")
    p.add_argument("--commoncrawl-index-url", default=CC_INDEX_URL,
                   help=f"Common Crawl index server (default {CC_INDEX_URL})")
    p.add_argument("--commoncrawl-data-url", default=CC_DATA_URL,
                   help=f"Common Crawl data server (default {CC_DATA_URL})")
    p.add_argument("--interval", type=float, metavar="SECONDS",
                   help=f"seconds between requests to each archive, replacing the defaults (Wayback "
                        f"{WAYBACK_INTERVAL:g}, Common Crawl index {CC_INDEX_INTERVAL:g} and data "
                        f"{CC_DATA_INTERVAL:g}, sites {DOWNLOAD_DELAY:g})")
    p.add_argument("--backoff", type=float, default=BACKOFF, metavar="SECONDS",
                   help=f"first wait before retrying a failed request without Retry-After, doubling "
                        f"(default {BACKOFF:g})")
    p.add_argument("--base-url", action="append", metavar="NAME=URL",
                   help="read site NAME's sitemaps from another origin (a mirror or a snapshot server)")
    p.add_argument("--resolve", action="append", metavar="HOST=IP",
                   help="resolve HOST to IP without DNS, like curl --resolve")


def chosen_archives(names: list[str] | None) -> tuple[str, ...]:
    """The archives named (``all`` or none: every one), in ``ARCHIVES`` order."""
    if not names or "all" in names:
        return ARCHIVES
    return tuple(a for a in ARCHIVES if a in names)


def options_from_args(args, resolve: dict[str, str], now: datetime | None = None) -> BackfillOptions:
    """The options of a parsed command line; ``ValueError`` with a message on bad dates."""
    try:
        since = parse_day(args.since)
    except ValueError:
        raise ValueError(f"--from wants a date like 2019-05-01, not {args.since!r}") from None
    try:
        until = parse_day(args.until, end_of_day=True) if args.until else (now or datetime.now(timezone.utc))
    except ValueError:
        raise ValueError(f"--to wants a date like 2019-05-31, not {args.until!r}") from None
    if until < since:
        raise ValueError(f"--to ({args.until}) is before --from ({args.since})")
    options = BackfillOptions(
        since=since, until=until, archives=chosen_archives(args.archive),
        wayback_url=args.wayback_url, commoncrawl_index_url=args.commoncrawl_index_url,
        commoncrawl_data_url=args.commoncrawl_data_url, backoff=args.backoff, resolve=resolve, model=args.model)
    return options.with_interval(args.interval) if args.interval is not None else options
