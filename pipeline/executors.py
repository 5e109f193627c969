"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

The unit of work is a :class:`Task`: one WARC file, a byte slice of a gzip
WARC file, or a group of loose HTML files. :func:`run_task` reads the task's
pages in bounded batches, extracts them with the worker's :class:`Extractor`
(built once per worker process and kept) and writes Parquet fragments named
after the run and the task (``part-<run>-t<task>-<seq>.parquet``), so workers
never collide and sorting fragment names gives the single-process row order.
A task returns a small :class:`TaskResult`: counts, seconds per stage, the
fragments it wrote and one 64-bit hash per article row for the final
cross-task duplicate check. No rows travel back to the driver.

Executors (``local`` with ``workers=1``, ``local`` with a process pool, and
``dask``) only differ in where ``run_task`` is called.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from extract.article import EXTRACTOR_VERSION
from pipeline.parquet import DatasetWriter
from pipeline.sources import BadRecord, RecordFilter, iter_warc, read_html_file

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Task:
    index: int
    kind: str  # "warc" or "html"
    paths: tuple[str, ...]
    labels: tuple[str, ...]
    start: int = 0  # byte slice of a gzip WARC file
    end: int | None = None
    # third-party archive: keep only these domains' HTML responses (None: keep all)
    domains: tuple[str, ...] | None = None


@dataclass(frozen=True)
class WorkConfig:
    """What every task of a run shares; small and picklable."""

    run_id: str
    target: str  # the dataset folder fragments go to (a replacing run's staging folder)
    model: str
    batch_size: int = 64
    rows_per_fragment: int = 2000


@dataclass
class TaskResult:
    index: int
    pages: int = 0
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    skipped: Counter = field(default_factory=Counter)
    articles_by_site: Counter = field(default_factory=Counter)
    skipped_by_site: Counter = field(default_factory=Counter)
    passed_over: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)
    fragments: list[str] = field(default_factory=list)  # relative to the target folder
    key_hashes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))
    worker: str = ""


def key_hash(article_id: str, content_sha256: str) -> int:
    """64 bits of the (article_id, content_sha256) identity of an article row."""
    digest = hashlib.blake2b(f"{article_id}\0{content_sha256}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


# -- the worker side -----------------------------------------------------------

_EXTRACTORS: dict[str, object] = {}
_LOCK = threading.RLock()


def worker_extractor(model: str):
    """The Extractor of this worker process, built on first use and kept."""
    with _LOCK:
        extractor = _EXTRACTORS.get(model)
        if extractor is None:
            from pipeline.extraction import Extractor

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
    result = TaskResult(task.index, worker=f"{os.uname().nodename}:{os.getpid()}")
    if extractor is None:
        t = time.perf_counter()
        extractor = worker_extractor(config.model)
        result.seconds["load"] += time.perf_counter() - t
    with _LOCK if threading.current_thread() is not threading.main_thread() else _NoLock():
        return _run_task(task, config, extractor, result, started)


class _NoLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


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
        for batch in _timed_batches(_task_pages(task, record_filter), config.batch_size, result.seconds):
            pages = []
            bad_rows = []
            for item in batch:
                if isinstance(item, BadRecord):
                    result.skipped[item.reason] += 1
                    bad_rows.append({
                        "url": None, "site": None, "source": item.source, "reason": item.reason,
                        "detail": item.detail, "fetched_at": None, "extractor_version": EXTRACTOR_VERSION,
                    })
                else:
                    pages.append(item)
            result.pages += len(pages)
            rows = extractor.run_batch(pages)
            t = time.perf_counter()
            writer.add("skipped", bad_rows)
            for bundle in rows.articles:
                row = bundle.article
                # the same page stored twice (two crawls of unchanged content) is one row
                key = (row["article_id"], row["content_sha256"])
                if key in seen:
                    result.skipped["duplicate"] += 1
                    continue
                seen.add(key)
                hashes.append(key_hash(*key))
                writer.add("articles", [row])
                writer.add("mentions", bundle.mentions)
                writer.add("quotes", bundle.quotes)
                result.articles += 1
                result.mentions += len(bundle.mentions)
                result.quotes += len(bundle.quotes)
                result.articles_by_site[row["site"]] += 1
            writer.add("skipped", rows.skipped)
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
    result.seconds.update({k: v for k, v in spent.items() if v})
    result.seconds["write"] += write
    result.seconds["task"] += time.perf_counter() - started
    if record_filter is not None:
        result.passed_over.update({k: v for k, v in record_filter.passed_over.items() if v})
    result.fragments = [str(Path(p).relative_to(target)) for p in writer.fragments]
    result.key_hashes = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    return result


# -- executors -----------------------------------------------------------------

def one_blas_thread() -> None:
    """Limit numpy's BLAS to one thread in this worker process.

    Worker processes already fill the cores; a BLAS pool of its own per worker
    (OpenBLAS starts one thread per core) would oversubscribe them wherever a
    model does its matrix work through numpy. numpy is loaded before the fork,
    so environment variables would come too late: this sets the limit at run
    time. With en_core_web_sm on 2 cores it changes little (2 workers, N = 500:
    82.2 s with the limit, 84.1 s without); it guards larger models and hosts.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _init_pool_worker(model: str) -> None:
    one_blas_thread()
    # load the model once per worker process, before the first task arrives
    worker_extractor(model)


def _pool_task(task: Task, config: WorkConfig) -> TaskResult:
    return run_task(task, config)


def run_inline(tasks: list[Task], config: WorkConfig, extractor) -> Iterator[TaskResult]:
    for task in tasks:
        yield run_task(task, config, extractor)


def run_pool(tasks: list[Task], config: WorkConfig, workers: int, extractor=None) -> Iterator[TaskResult]:
    """A local process pool; each worker builds its Extractor once.

    With fork (Linux), an Extractor the caller already built is inherited by
    the workers instead of being built again.
    """
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if extractor is not None and ctx.get_start_method() == "fork":
        set_worker_extractor(config.model, extractor)
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                             initializer=_init_pool_worker, initargs=(config.model,)) as pool:
        futures = [pool.submit(_pool_task, task, config) for task in tasks]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _dask_task(task: Task, config: WorkConfig) -> TaskResult:
    one_blas_thread()
    return run_task(task, config)


def dask_workers(client) -> int:
    return max(1, sum(client.nthreads().values()))


def open_dask(scheduler: str | None, workers: int):
    """A Client of the cluster at ``scheduler``; without one, a LocalCluster of
    ``workers`` single-threaded worker processes (closed with the client)."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    client = Client(cluster)
    client._pknews_cluster = cluster
    return client


def close_dask(client) -> None:
    cluster = getattr(client, "_pknews_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def run_dask(tasks: list[Task], config: WorkConfig, client) -> Iterator[TaskResult]:
    """One Dask task per pknews task; results come back as they finish."""
    from distributed import as_completed as dask_completed

    futures = [
        client.submit(_dask_task, task, config, key=f"pknews-extract-{config.run_id}-{task.index:06d}", pure=False)
        for task in tasks
    ]
    try:
        for future in dask_completed(futures):
            yield future.result()
            future.release()
    except BaseException:
        client.cancel(futures)
        raise
