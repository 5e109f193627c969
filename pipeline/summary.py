"""What a crawl did, for people: exit code, per-site rows and the summary table.

Shared by ``pknews crawl`` and the nightly job (the summary ends with the rows
the extraction wrote, table by table).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.config import DataDir
from pipeline.counts import ExtractionReport
from pipeline.crawl import SiteCrawl

EXIT_OK = 0
EXIT_PARTIAL = 3  # some sites failed; the others' articles are in
EXIT_FAILED = 4  # no site worked

# skip reasons that say the page was already held, not that something was wrong
HELD = ("skipped/already-fetched", "skipped/unchanged")


def site_failed(crawl: SiteCrawl) -> bool:
    if not crawl.reachable:
        return True
    # discovery worked but every article fetch failed
    return crawl.discovered > 0 and crawl.articles_fetched == 0 and sum(crawl.errors.values()) > 0 \
        and not any(k.startswith("skipped/already") for k in crawl.skipped)


def exit_code(crawls: dict[str, SiteCrawl]) -> int:
    failed = [name for name, c in crawls.items() if site_failed(c)]
    if not failed:
        return EXIT_OK
    return EXIT_FAILED if len(failed) == len(crawls) else EXIT_PARTIAL


def failure_reason(crawl: SiteCrawl) -> str:
    if not crawl.sources:
        return "no discovery source answered"
    if not crawl.reachable:
        tried = [s for s in crawl.sources if not s["outcome"].startswith("fell back")]
        causes = sorted({s["outcome"].removeprefix("failed: ") for s in tried})
        return f"unreachable ({', '.join(causes)} on all {len(tried)} discovery requests)"
    return "every article fetch failed: " + ", ".join(f"{k} x{v}" for k, v in sorted(crawl.errors.items()))


def site_rows(crawls: dict[str, SiteCrawl], extraction: ExtractionReport, skips: Counter | None = None) -> dict:
    """Per site: what the summary table and the run report show."""
    skips = skips or Counter()
    rows = {}
    for name, c in crawls.items():
        skipped = Counter({k: v for k, v in c.skipped.items() if k.startswith("skipped/") and k not in HELD})
        for (site, reason), n in skips.items():
            if site == name and reason != "discovery-page":
                skipped[f"extract/{reason}"] += n
        rows[name] = {
            "discovered": c.discovered,
            "requests": c.requests,
            "fetched": c.pages_fetched,
            "articles_fetched": c.articles_fetched,
            "new_articles": extraction.articles_by_site.get(name, 0),
            "new_versions": c.new_versions,
            "already_held": sum(c.skipped.get(k, 0) for k in HELD),
            "skipped": dict(sorted(skipped.items())),
            "errors": dict(sorted(c.errors.items())),
            "bytes": c.bytes,
            "seconds": c.duration,
            "failed": site_failed(c),
        }
    return rows


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def events_part(events: dict | None) -> str:
    """What the events step gave, for the end of a rows line (``, 12 events``)."""
    if events is None:
        return ""
    return ", events not updated" if events.get("error") else f", {events['events']} events"


def events_failure(events: dict | None) -> str | None:
    if events and events.get("error"):
        return f"events step failed: {events['error']} (the extraction is kept; the next run rebuilds the events)"
    return None


def format_summary(crawls: dict[str, SiteCrawl], extraction: ExtractionReport, data: DataDir, run_file: Path,
                   skips: Counter | None = None, events: dict | None = None) -> str:
    rows = site_rows(crawls, extraction, skips)
    width = max([len(n) for n in crawls] + [4])
    head = (f"{'site':<{width}}  {'found':>6}  {'fetched':>7}  {'new':>5}  {'held':>6}  {'skipped':>7}"
            f"  {'errors':>6}  {'bytes':>9}  {'time':>6}")
    lines = [head]
    for name, r in rows.items():
        lines.append(
            f"{name:<{width}}  {r['discovered']:>6}  {r['fetched']:>7}  {r['new_articles']:>5}  {r['already_held']:>6}"
            f"  {sum(r['skipped'].values()):>7}  {sum(r['errors'].values()):>6}  {_size(r['bytes']):>9}"
            f"  {r['seconds']:>5.1f}s"
        )
    for name, r in rows.items():
        c = crawls[name]
        if r["failed"]:
            lines.append(f"FAILED {name}: {failure_reason(c)}")
        elif r["errors"]:
            lines.append(f"errors {name}: " + ", ".join(f"{k} x{v}" for k, v in r["errors"].items()))
        if r["skipped"]:
            lines.append(f"skipped {name}: " + ", ".join(f"{k.split('/', 1)[1]} x{v}" for k, v in r["skipped"].items()))
    lines.append(f"{extraction.rows_line('new')}{events_part(events)} -> {data.parquet}")
    if events_failure(events):
        lines.append(events_failure(events))
    lines.append(f"raw pages: {data.warc}   run report: {run_file}")
    return "\n".join(lines)
