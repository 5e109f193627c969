"""How a task's rows are written: the worker side of extraction.

:func:`run_task` reads the task's pages in bounded batches, extracts them with
the worker's :class:`Extractor` (built once per worker process and kept) and
writes Parquet fragments named after the run and the task
(``part-<run>-t<task>-<seq>.parquet``), so workers never collide and sorting
fragment names gives the single-process row order. It returns a small
:class:`TaskResult`; no rows travel back to the driver.
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import numpy as np

from extract.article import EXTRACTOR_VERSION
from pipeline.counts import TaskResult
from pipeline.dedupe import key_hash
from pipeline.extractor import Extractor
from pipeline.parquet import DatasetWriter
from pipeline.sources import BadRecord, RecordFilter, iter_warc, read_html_file
from pipeline.tables import ARTICLES, SKIPPED
from pipeline.tasks import Task, WorkConfig

_EXTRACTORS: dict[str, object] = {}
_LOCK = threading.RLock()


def worker_extractor(model: str):
    """The Extractor of this worker process, built on first use and kept."""
    with _LOCK:
        extractor = _EXTRACTORS.get(model)
        if extractor is None:
            extractor = _EXTRACTORS[model] = Extractor(model)
        return extractor


def set_worker_extractor(model: str, extractor) -> None:
    with _LOCK:
        _EXTRACTORS[model] = extractor


def _task_pages(task: Task, record_filter: RecordFilter | None) -> Iterator:
    if task.kind == "warc":
        keep_url = record_filter.keep_url if record_filter else None
        keep_type = record_filter.keep_type if record_filter else None
        yield from iter_warc(Path(task.paths[0]), task.labels[0], keep_url, keep_type, task.start, task.end)
        return
    # paths are absolute (a Dask worker's working folder is not ours); labels as given
    for path, label in zip(task.paths, task.labels):
        try:
            page = read_html_file(Path(path))
        except (OSError, EOFError) as err:
            yield BadRecord(label, "unreadable-file", f"{type(err).__name__}: {err}")
            continue
        yield dataclasses.replace(page, source=label)


def _timed_batches(pages: Iterator, size: int, seconds: Counter) -> Iterator[list]:
    while True:
        t = time.perf_counter()
        batch = []
        for item in pages:
            batch.append(item)
            if len(batch) >= size:
                break
        seconds["read"] += time.perf_counter() - t
        if not batch:
            return
        yield batch


def run_task(task: Task, config: WorkConfig, extractor=None) -> TaskResult:
    """Extract one task's pages into fragments of the dataset at ``config.target``."""
    started = time.perf_counter()
    result = TaskResult(index=task.index, worker=f"{os.uname().nodename}:{os.getpid()}")
    if extractor is None:
        t = time.perf_counter()
        extractor = worker_extractor(config.model)
        result.stages["load"] += time.perf_counter() - t
    # a Dask worker thread shares the process's Extractor with its other threads
    with _LOCK if threading.current_thread() is not threading.main_thread() else nullcontext():
        return _run_task(task, config, extractor, result, started)


def _run_task(task: Task, config: WorkConfig, extractor, result: TaskResult, started: float) -> TaskResult:
    record_filter = RecordFilter(task.domains) if task.domains is not None else None
    target = Path(config.target)
    writer = DatasetWriter(target, f"{config.run_id}-t{task.index:06d}", replace=False,
                           rows_per_fragment=config.rows_per_fragment)
    seen: set[tuple[str, str]] = set()  # per task: bounded by the task's size
    hashes: list[int] = []
    before = Counter(getattr(extractor, "seconds", None) or {})
    write = 0.0
    try:
        for batch in _timed_batches(_task_pages(task, record_filter), config.batch_size, result.stages):
            pages = []
            bad_rows = []
            for item in batch:
                if isinstance(item, BadRecord):
                    result.skipped[item.reason] += 1
                    bad_rows.append(SKIPPED.build(None, None, item.reason, item.detail, EXTRACTOR_VERSION,
                                                  source=item.source))
                else:
                    pages.append(item)
            result.pages += len(pages)
            rows = extractor.run_batch(pages)
            t = time.perf_counter()
            writer.add(SKIPPED.name, bad_rows)
            for bundle in rows.articles:
                row = bundle.article
                # the same page stored twice (two crawls of unchanged content) is one row
                key = (row["article_id"], row["content_sha256"])
                if key in seen:
                    result.skipped["duplicate"] += 1
                    continue
                seen.add(key)
                hashes.append(key_hash(*key))
                writer.add(ARTICLES.name, [row])
                result.rows[ARTICLES.name] += 1
                for table, child_rows in bundle.children.items():
                    writer.add(table, child_rows)
                    result.rows[table] += len(child_rows)
                result.articles_by_site[row["site"]] += 1
            writer.add(SKIPPED.name, rows.skipped)
            for s in rows.skipped:
                result.skipped[s["reason"]] += 1
                result.skipped_by_site[s["site"]] += 1
            write += time.perf_counter() - t
        t = time.perf_counter()
        writer.close()
        write += time.perf_counter() - t
    except BaseException:
        # a failed task leaves no fragments behind: its retry (or the next run) writes them
        for path in writer.fragments:
            Path(path).unlink(missing_ok=True)
        raise
    spent = Counter(getattr(extractor, "seconds", None) or {})
    spent.subtract(before)
    result.stages.update({k: v for k, v in spent.items() if v})
    result.stages["write"] += write
    result.stages["task"] += time.perf_counter() - started
    if record_filter is not None:
        result.passed_over.update({k: v for k, v in record_filter.passed_over.items() if v})
    result.fragments = [str(Path(p).relative_to(target)) for p in writer.fragments]
    result.key_hashes = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    return result
