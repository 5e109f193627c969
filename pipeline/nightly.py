"""The nightly job: crawl what is new, extract the new WARC files, report."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from crawlers.catalog import Catalog
from crawlers.registry import Site
from extract.article import EXTRACTOR_VERSION
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir, new_run_id
from pipeline.crawl import SiteCrawl, run_crawl
from pipeline.extraction import ExtractionReport, run_extraction

EXIT_OK = 0
EXIT_PARTIAL = 3  # some sites failed; the others' articles are in
EXIT_FAILED = 4  # no site worked


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
        causes = sorted({s["outcome"].removeprefix("failed: ") for s in crawl.sources})
        return f"unreachable ({', '.join(causes)} on all {len(crawl.sources)} discovery sources)"
    return "every article fetch failed: " + ", ".join(f"{k} x{v}" for k, v in sorted(crawl.errors.items()))


def extract_pending(data: DataDir, run_id: str, model: str = DEFAULT_MODEL) -> ExtractionReport:
    """Extract every closed WARC file no extraction has covered yet, into the live dataset."""
    catalog = Catalog(data.catalog)
    try:
        pending = catalog.unextracted_warcs()
        report = run_extraction(
            [data.warc / name for name in pending], data.parquet, run_id, model=model,
            label_of=lambda p: str(Path(p).relative_to(data.root)) if Path(p).is_relative_to(data.root) else str(p),
        )
        for name in pending:
            catalog.warc_extracted(name, EXTRACTOR_VERSION)
    finally:
        catalog.close()
    return report


def format_summary(crawls: dict[str, SiteCrawl], extraction: ExtractionReport, data: DataDir, run_file: Path) -> str:
    width = max([len(n) for n in crawls] + [4])
    lines = [f"{'site':<{width}}  {'fetched':>7}  {'articles':>8}  {'skipped':>7}  {'errors':>6}"]
    for name, c in crawls.items():
        errors = sum(c.errors.values())
        skipped = extraction.skipped_by_site.get(name, 0) + sum(c.skipped.values())
        lines.append(
            f"{name:<{width}}  {c.pages_fetched:>7}  {extraction.articles_by_site.get(name, 0):>8}"
            f"  {skipped:>7}  {errors:>6}"
        )
    for name, c in crawls.items():
        if site_failed(c):
            lines.append(f"FAILED {name}: {failure_reason(c)}")
        elif c.errors:
            detail = ", ".join(f"{k} x{v}" for k, v in sorted(c.errors.items()))
            lines.append(f"errors {name}: {detail}")
    lines.append(
        f"{extraction.articles} new articles, {extraction.mentions} mentions, {extraction.quotes} quotes"
        f" -> {data.parquet}"
    )
    lines.append(f"raw pages: {data.warc}   run report: {run_file}")
    return "\n".join(lines)


def run_nightly(
    sites: list[Site],
    data: DataDir,
    *,
    since: datetime | None = None,
    resolve: dict[str, str] | None = None,
    overrides: dict | None = None,
    model: str = DEFAULT_MODEL,
    out=sys.stdout,
) -> int:
    data.ensure()
    run_id = new_run_id()
    started = datetime.now(timezone.utc)
    t0 = time.monotonic()
    log_file = data.runs / f"{run_id}.log"
    print(f"pknews nightly {run_id}: crawling {len(sites)} site(s) into {data.root} (log: {log_file})", file=out)
    crawls = run_crawl(sites, data.root, run_id, since=since, resolve=resolve, overrides=overrides, log_file=log_file)
    extraction = extract_pending(data, run_id, model)
    code = exit_code(crawls)
    run_file = data.runs / f"{run_id}.json"
    record = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(timezone.utc).isoformat(),
        "seconds": round(time.monotonic() - t0, 2),
        "exit_code": code,
        "extractor_version": EXTRACTOR_VERSION,
        "sites": {name: asdict(c) | {"failed": site_failed(c)} for name, c in crawls.items()},
        "extraction": extraction.as_dict(),
    }
    tmp = run_file.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(record, indent=2, default=str))
    tmp.replace(run_file)
    print(format_summary(crawls, extraction, data, run_file), file=out)
    return code
