"""The extraction driver: pages in, Parquet rows out.

The nightly job and ``pknews extract`` both come through ``run_extraction``,
so a re-extraction of saved WARC files gives the rows the crawl night gave.
It plans the tasks (``pipeline.tasks``), runs them where the options say
(``pipeline.executors``), adds up their counts (``pipeline.counts``), drops
rows two tasks both wrote (``pipeline.dedupe``) and, for a replacing run,
swaps the new tables in (``pipeline.parquet``).
"""

from __future__ import annotations

import time
from pathlib import Path

from crawlers.progress import ProgressLine
from pipeline.counts import ExtractionReport
from pipeline.dedupe import drop_cross_task_duplicates
from pipeline.executors import open_executor
from pipeline.options import ExtractionOptions
from pipeline.parquet import DatasetWriter
from pipeline.sources import expand_paths
from pipeline.tables import ARTICLES
from pipeline.tasks import WorkConfig, plan_tasks


def show_progress(progress: ProgressLine, report: ExtractionReport) -> None:
    rate = report.pages / max(progress.elapsed, 1e-6)
    progress.show(f"extract: {report.pages} pages, {report.rows[ARTICLES.name]} articles, "
                  f"{sum(report.skipped.values())} skipped ({rate:.1f} pages/s)")


def run_extraction(
    paths: list[Path],
    output: Path,
    run_id: str,
    options: ExtractionOptions = ExtractionOptions(),
    *,
    extractor=None,
    progress: ProgressLine | None = None,
    label_of=str,
    dask_client=None,
) -> ExtractionReport:
    """Extract ``paths`` into the Parquet dataset at ``output``.

    ``extractor``: an Extractor already loaded (the nightly keeps one for all its
    WARC files); ``label_of``: the ``source`` a WARC file's rows name it by;
    ``dask_client``: an open Dask Client to run on (not closed here).
    """
    files = expand_paths(paths)
    report = ExtractionReport(files=len(files), output=str(output), executor=options.executor,
                              workers=options.workers)
    progress = progress or ProgressLine()
    writer = DatasetWriter(output, run_id, replace=options.replace)
    config = WorkConfig(run_id=run_id, target=str(Path(writer.target).resolve()), model=options.model,
                        batch_size=options.batch_size)
    started = time.monotonic()
    executor = None
    try:
        executor = open_executor(options, extractor, dask_client)
        report.workers = executor.slots
        tasks = plan_tasks(files, label_of, workers=executor.slots, domains=options.domains,
                           registry=extractor.registry if extractor else None)
        report.tasks = len(tasks)
        results = []
        for result in executor.run(tasks, config):
            report.add(result)
            # only what the final check needs is kept: counts and 8 bytes per article
            result.articles_by_site = result.skipped_by_site = None
            results.append(result)
            show_progress(progress, report)
        drop_cross_task_duplicates(results, Path(config.target), report)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    finally:
        progress.done()
        if executor is not None:
            executor.close()
    report.seconds = time.monotonic() - started
    return report
