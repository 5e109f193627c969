"""The nightly job: crawl what is new, extract the new WARC files, report.

One run, under the data folder's lock (``pipeline.runs``):

1. recovery: finish what a killed run left (``pipeline.recovery``);
2. crawl: every site, incrementally (the catalog says what we hold);
3. extraction: each closed WARC file not yet extracted, one at a time
   (``pipeline.warc_extraction``);
4. versions: ``version``/``is_latest`` put right across fragments;
5. events: ``events`` and ``event_reports`` rebuilt from every statement held
   (``pipeline.events``); a failure there is reported, the extraction stays;
6. the run report (``DATA/runs/<run>.json``), the log (``DATA/runs/<run>.log``)
   and a summary on stdout. Exit code: 0 every site worked, 3 some failed,
   4 all failed, 5 another run holds the lock;
7. the HTML report (``DATA/report/index.html``, ``pipeline.report``) rewritten; a
   failure there is reported, never a failed run.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import asdict
from datetime import datetime, timezone

from crawlers.registry import Site
from extract.article import EXTRACTOR_VERSION
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir
from pipeline.crawl import contact_note, run_crawl
from pipeline.events import update_events
from pipeline.lock import EXIT_LOCKED
from pipeline.recovery import Recovery, recover
from pipeline.report.build import refresh_report, report_line
from pipeline.runs import Run, under_lock
from pipeline.summary import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, exit_code, format_summary, site_rows
from pipeline.versions import reconcile_versions
from pipeline.warc_extraction import extract_pending

__all__ = ["EXIT_OK", "EXIT_PARTIAL", "EXIT_FAILED", "EXIT_LOCKED", "run_nightly", "exit_code"]


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
    return under_lock(Run(data, "nightly"), lambda run: _night(
        run, sites, since=since, resolve=resolve, overrides=overrides, model=model, out=out), err=err)


def _night(run: Run, sites, *, since, resolve, overrides, model, out) -> int:
    data = run.data
    started = datetime.now(timezone.utc)
    t0 = time.monotonic()
    print(f"pknews nightly {run.id}: crawling {len(sites)} site(s) into {data.root} (log: {run.log_file})",
          file=out)
    note = contact_note(sites, overrides)
    if note:
        print(note, file=out)
    recovery: Recovery = recover(data, run.id)
    if recovery:
        text = "\n".join(recovery.lines())
        run.log(text)
        print(text, file=out)
    out.flush()
    t_crawl = time.monotonic()
    crawls = run_crawl(sites, data.root, run.id, since=since, resolve=resolve, overrides=overrides,
                       log_file=run.log_file)
    crawl_seconds = time.monotonic() - t_crawl
    skips: Counter = Counter()
    extraction_failures: list = []
    extraction = extract_pending(data, run.id, model, skips=skips, failures=extraction_failures)
    versions = reconcile_versions(data.parquet)
    events = update_events(data.parquet)
    code = exit_code(crawls)
    if (extraction_failures or events["error"]) and code == EXIT_OK:
        code = EXIT_PARTIAL
    rows = site_rows(crawls, extraction, skips)
    run.write_report({
        "run_id": run.id,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(timezone.utc).isoformat(),
        "seconds": round(time.monotonic() - t0, 2),
        "crawl_seconds": round(crawl_seconds, 2),
        "exit_code": code,
        "extractor_version": EXTRACTOR_VERSION,
        "model": model,  # the spaCy model is a setting, not part of extractor_version
        "log": str(run.log_file),
        "recovery": recovery.as_dict(),
        "sites": {name: rows[name] | {"sources": c.sources, "events": c.events, "crawl": asdict(c)}
                  for name, c in crawls.items()},
        "extraction": extraction.as_dict() | {"failures": extraction_failures},
        "versions": versions,
        "disruption_events": events,
    })
    summary = format_summary(crawls, extraction, data, run.report_file, skips, events)
    if extraction_failures:
        summary += "\n" + "\n".join(f"extraction failed on {f['warc']}: {f['error']} (retried next run)"
                                    for f in extraction_failures)
    report = refresh_report(data, run.id)  # after the run report: the page's run health shows this run
    if report["error"]:  # recorded in the run report too; the night's data and exit code stand
        run.write_report(json.loads(run.report_file.read_text(encoding="utf-8")) | {"html_report": report})
    summary += "\n" + report_line(report)
    return run.finish(summary, code, out=out)
