"""How an extraction run is asked to go: one options object for ``run_extraction``."""

from __future__ import annotations

from dataclasses import dataclass

from extract.nlp import DEFAULT_MODEL

EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class ExtractionOptions:
    """``executor="local"`` runs in this process (``workers=1``) or a process pool
    of ``workers`` processes; ``executor="dask"`` runs a task per WARC file (or
    slice) on the Dask cluster at ``scheduler`` (a LocalCluster of ``workers``
    processes when no address is given). Every way gives the same rows.
    ``domains`` keeps only those domains' records of the WARC files
    (third-party archives keep the registered domains by default)."""

    replace: bool = False  # swap the new tables in when done, instead of adding fragments
    model: str = DEFAULT_MODEL
    batch_size: int = 64  # pages per batch
    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    domains: tuple[str, ...] | list[str] | None = None

    def __post_init__(self):
        if self.executor not in EXECUTORS:
            raise ValueError(f"executor must be one of {', '.join(EXECUTORS)}, not {self.executor!r}")
        object.__setattr__(self, "workers", max(1, int(self.workers)))
