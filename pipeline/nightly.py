"""The nightly job: crawl what is new, extract the new WARC files, report.

One run, under the data folder's lock (``pipeline.lock``):

1. recovery: finish what a killed run left (``pipeline.recovery``);
2. crawl: every site, incrementally (the catalog says what we hold);
3. extraction: each closed WARC file not yet extracted, one at a time. Its
   fragments are named after the WARC file and any left by an earlier,
   killed attempt are deleted first, and the catalog marks the file
   extracted only after its fragments are in place: killed anywhere, the rerun
   gives each article exactly once;
4. versions: ``version``/``is_latest`` put right across fragments;
5. the run report (``DATA/runs/<run>.json``), the log (``DATA/runs/<run>.log``)
   and a summary on stdout. Exit code: 0 every site worked, 3 some failed,
   4 all failed, 5 another run holds the lock.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from crawlers import killpoints
from crawlers.catalog import Catalog
from crawlers.registry import Site
from extract.article import EXTRACTOR_VERSION
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir, new_run_id
from pipeline.crawl import SiteCrawl, contact_note, run_crawl
from pipeline.extraction import ExtractionReport, run_extraction
from pipeline.lock import EXIT_LOCKED, Locked, RunLock
from pipeline.recovery import Recovery, recover
from pipeline.schema import TABLES

EXIT_OK = 0
EXIT_PARTIAL = 3  # some sites failed; the others' articles are in
EXIT_FAILED = 4  # no site worked
__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_FAILED", "EXIT_LOCKED", "run_nightly", "exit_code"]

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


# -- extraction --------------------------------------------------------------

def fragment_prefix(warc_name: str) -> str:
    """Fragments extracted from a WARC file start with ``part-<its stem>-``."""
    return warc_name.removesuffix(".gz").removesuffix(".warc")


def drop_fragments(parquet: Path, stem: str) -> int:
    """Delete the fragments (and temporaries) an earlier attempt wrote for a WARC file."""
    n = 0
    for table in TABLES:
        folder = parquet / table
        if not folder.is_dir():
            continue
        for path in list(folder.glob(f"part-{stem}-*")) + list(folder.glob(f".part-{stem}-*")):
            path.unlink(missing_ok=True)
            n += 1
    return n


def _skips_of(parquet: Path, stem: str) -> Counter:
    """(site, reason) counts of the skipped rows just written for a WARC file."""
    import pyarrow.parquet as pq

    counts: Counter = Counter()
    for path in sorted((parquet / "skipped").glob(f"part-{stem}-*.parquet")):
        table = pq.read_table(path, columns=["site", "reason"])
        for site, reason in zip(table.column("site").to_pylist(), table.column("reason").to_pylist()):
            counts[(site, reason)] += 1
    return counts


def extract_pending(data: DataDir, run_id: str, model: str = DEFAULT_MODEL,
                    skips: Counter | None = None, failures: list | None = None) -> ExtractionReport:
    """Extract every closed WARC file no extraction has covered yet, one file at a time."""
    from pipeline.extraction import Extractor

    total = ExtractionReport(output=str(data.parquet))
    catalog = Catalog(data.catalog)
    extractor = None
    try:
        for name in catalog.unextracted_warcs():
            path = data.warc / name
            if not path.exists():
                continue  # recovery forgets such rows; never extract what is not there
            stem = fragment_prefix(name)
            drop_fragments(data.parquet, stem)
            if not catalog.warc_has_pages(name):
                # only feeds and sitemaps (a night with nothing new): no rows, no model to load
                catalog.warc_extracted(name, EXTRACTOR_VERSION)
                total.files += 1
                continue
            extractor = extractor or Extractor(model)
            try:
                report = run_extraction(
                    [path], data.parquet, stem, model=model, extractor=extractor,
                    label_of=lambda p: str(Path(p).relative_to(data.root)) if Path(p).is_relative_to(data.root) else str(p),
                )
            except Exception as err:  # one bad file must not stop the night; it stays pending
                drop_fragments(data.parquet, stem)
                if failures is not None:
                    failures.append({"warc": name, "error": f"{type(err).__name__}: {err}"})
                continue
            killpoints.reached("fragments-written")  # tests: fragments in place, catalog not told
            catalog.warc_extracted(name, EXTRACTOR_VERSION)
            total.absorb(report)
            if skips is not None:
                skips.update(_skips_of(data.parquet, stem))
    finally:
        catalog.close()
    return total


# -- report ------------------------------------------------------------------

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


def format_summary(crawls: dict[str, SiteCrawl], extraction: ExtractionReport, data: DataDir, run_file: Path,
                   skips: Counter | None = None) -> str:
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
    lines.append(
        f"{extraction.articles} new articles, {extraction.mentions} mentions, {extraction.quotes} quotes"
        f" -> {data.parquet}"
    )
    lines.append(f"raw pages: {data.warc}   run report: {run_file}")
    return "\n".join(lines)


def _log(log_file: Path, message: str) -> None:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    with open(log_file, "a", encoding="utf-8") as fh:
        for line in message.splitlines():
            fh.write(f"{stamp} [pknews.nightly] INFO: {line}\n")


def run_nightly(
    sites: list[Site],
    data: DataDir,
    *,
    since: datetime | None = None,
    resolve: dict[str, str] | None = None,
    overrides: dict | None = None,
    model: str = DEFAULT_MODEL,
    out=sys.stdout,
    err=sys.stderr,
) -> int:
    data.ensure()
    run_id = new_run_id()
    try:
        lock = RunLock(data.root, run_id, "nightly").acquire()
    except Locked as locked:
        print(f"pknews nightly: {locked}", file=err)
        return EXIT_LOCKED
    try:
        return _run(sites, data, run_id, since=since, resolve=resolve, overrides=overrides, model=model, out=out)
    finally:
        lock.release()


def _run(sites, data: DataDir, run_id: str, *, since, resolve, overrides, model, out) -> int:
    started = datetime.now(timezone.utc)
    t0 = time.monotonic()
    log_file = data.runs / f"{run_id}.log"
    print(f"pknews nightly {run_id}: crawling {len(sites)} site(s) into {data.root} (log: {log_file})", file=out)
    note = contact_note(sites, overrides)
    if note:
        print(note, file=out)
    recovery: Recovery = recover(data, run_id)
    if recovery:
        text = "\n".join(recovery.lines())
        _log(log_file, text)
        print(text, file=out)
    out.flush()
    t_crawl = time.monotonic()
    crawls = run_crawl(sites, data.root, run_id, since=since, resolve=resolve, overrides=overrides, log_file=log_file)
    crawl_seconds = time.monotonic() - t_crawl
    skips: Counter = Counter()
    extraction_failures: list = []
    extraction = extract_pending(data, run_id, model, skips=skips, failures=extraction_failures)
    from pipeline.versions import reconcile_versions

    versions = reconcile_versions(data.parquet)
    code = exit_code(crawls)
    if extraction_failures and code == EXIT_OK:
        code = EXIT_PARTIAL
    run_file = data.runs / f"{run_id}.json"
    rows = site_rows(crawls, extraction, skips)
    record = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(timezone.utc).isoformat(),
        "seconds": round(time.monotonic() - t0, 2),
        "crawl_seconds": round(crawl_seconds, 2),
        "exit_code": code,
        "extractor_version": EXTRACTOR_VERSION,
        "model": model,  # the spaCy model is a setting, not part of extractor_version
        "log": str(log_file),
        "recovery": recovery.as_dict(),
        "sites": {name: rows[name] | {"sources": c.sources, "events": c.events, "crawl": asdict(c)}
                  for name, c in crawls.items()},
        "extraction": extraction.as_dict() | {"failures": extraction_failures},
        "versions": versions,
    }
    tmp = run_file.with_name(f".{run_file.name}.tmp")
    tmp.write_text(json.dumps(record, indent=2, default=str))
    tmp.replace(run_file)
    summary = format_summary(crawls, extraction, data, run_file, skips)
    if extraction_failures:
        summary += "\n" + "\n".join(f"extraction failed on {f['warc']}: {f['error']} (retried next run)"
                                    for f in extraction_failures)
    _log(log_file, summary + f"\nexit code {code}")
    print(summary, file=out)
    return code


# -- helpers for the other commands that write into a data folder -------------

def hold_lock(data: DataDir, command: str, err=sys.stderr) -> RunLock | None:
    """The data folder's lock for ``pknews crawl`` / ``extract``; None (message
    printed) when another run holds it: the caller exits with ``EXIT_LOCKED``."""
    data.root.mkdir(parents=True, exist_ok=True)
    try:
        return RunLock(data.root, new_run_id(), command).acquire()
    except Locked as locked:
        print(f"pknews {command}: {locked}", file=err)
        return None


def after_live_reextraction(data: DataDir, paths: list[Path]) -> dict:
    """After ``pknews extract`` replaced DATA/parquet: the data folder's WARC files
    it read count as extracted (the nightly must not add them a second time),
    and versions are numbered again."""
    from pipeline.sources import expand_paths
    from pipeline.versions import reconcile_versions

    catalog = Catalog(data.catalog)
    try:
        for path in expand_paths(paths):
            if path.parent.resolve() == data.warc.resolve():
                catalog.warc_extracted(path.name, EXTRACTOR_VERSION)
    finally:
        catalog.close()
    return reconcile_versions(data.parquet)
