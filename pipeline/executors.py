"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

Executors only differ in where ``worker.run_task`` is called; each yields the
tasks' :class:`TaskResult` as they finish. ``open_executor`` picks one from
the run's options.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from pipeline.counts import TaskResult
from pipeline.extractor import Extractor
from pipeline.options import ExtractionOptions
from pipeline.tasks import Task, WorkConfig
from pipeline.worker import run_task, set_worker_extractor, worker_extractor


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


def run_inline(tasks: list[Task], config: WorkConfig, extractor=None) -> Iterator[TaskResult]:
    """Every task in this process, with ``extractor`` (built here when not given)."""
    if not tasks:
        return
    t = time.perf_counter()
    extractor = extractor or Extractor(config.model)
    load: float | None = time.perf_counter() - t
    for task in tasks:
        result = run_task(task, config, extractor)
        if load is not None:  # the model load is the run's: counted once (0 for a loaded one)
            result.stages["load"] += load
            load = None
        yield result


def _init_pool_worker(model: str) -> None:
    one_blas_thread()
    # load the model once per worker process, before the first task arrives
    worker_extractor(model)


def _pool_task(task: Task, config: WorkConfig) -> TaskResult:
    return run_task(task, config)


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
    from distributed import Client, LocalCluster  # optional dependency (pip install pknews[dask])

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
    from distributed import as_completed as dask_completed  # optional dependency

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


class LocalExecutor:
    """This process (one worker, or one task) or a process pool."""

    def __init__(self, workers: int, extractor=None):
        self.slots = workers
        self.extractor = extractor

    def run(self, tasks: list[Task], config: WorkConfig) -> Iterator[TaskResult]:
        if self.slots == 1 or len(tasks) <= 1:  # one process is enough
            return run_inline(tasks, config, self.extractor)
        return run_pool(tasks, config, min(self.slots, len(tasks)), self.extractor)

    def close(self) -> None:
        pass


class DaskExecutor:
    """A Dask cluster: the one at ``scheduler``, a given client's, or a LocalCluster."""

    def __init__(self, scheduler: str | None, workers: int, client=None):
        self.owned = client is None
        self.client = client or open_dask(scheduler, workers)
        self.slots = dask_workers(self.client)

    def run(self, tasks: list[Task], config: WorkConfig) -> Iterator[TaskResult]:
        return run_dask(tasks, config, self.client)

    def close(self) -> None:
        if self.owned:
            close_dask(self.client)


def open_executor(options: ExtractionOptions, extractor=None, dask_client=None):
    if options.executor == "dask":
        return DaskExecutor(options.scheduler, options.workers, dask_client)
    return LocalExecutor(options.workers, extractor)
