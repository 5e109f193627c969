"""What a task is, and how a run's files are cut into tasks.

A :class:`Task` is one WARC file, a byte slice of a gzip WARC file, or a group
of loose HTML files. Task order is file order (then slice order), so the
first copy of a duplicated page is the one a single-process walk meets first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawlers.registry import Site, load_registry
from pipeline.sources import WARC_SUFFIXES, _has_suffix, can_slice, is_own_warc

# HTML files per task: a folder of loose pages must not become a fragment per page
HTML_FILES_PER_TASK = 256
# no slice of a WARC file smaller than this: a slice costs a boundary search and fragments
MIN_SLICE_BYTES = 256 << 10


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


def plan_tasks(
    files: list[Path],
    label_of=str,
    *,
    workers: int = 1,
    domains: list[str] | None = None,
    registry: dict[str, Site] | None = None,
    slices_per_worker: int = 8,
) -> list[Task]:
    """Units of work for ``files``: a task per WARC file, big gzip WARC files cut
    into byte slices when there are several workers to keep busy, loose HTML
    files in groups.

    Domain filtering: with ``domains`` given, every WARC file keeps only those
    domains' HTML responses; without, WARC files pknews did not write (Common
    Crawl, CC-NEWS, any third-party crawl) keep only the registered domains.
    """
    registered: tuple[str, ...] | None = None
    if domains:
        wanted: tuple[str, ...] | None = tuple(sorted({d.lower().strip(".") for d in domains}))
    else:
        wanted = None
    sizes = {f: f.stat().st_size for f in files if _has_suffix(f, WARC_SUFFIXES)}
    slice_bytes = None
    if workers > 1 and sizes:
        slice_bytes = max(MIN_SLICE_BYTES, sum(sizes.values()) // (workers * slices_per_worker) + 1)
    tasks: list[Task] = []
    html: list[Path] = []

    def flush_html() -> None:
        for k in range(0, len(html), HTML_FILES_PER_TASK):
            group = html[k:k + HTML_FILES_PER_TASK]
            tasks.append(Task(len(tasks), "html", tuple(str(p.resolve()) for p in group), tuple(str(p) for p in group)))
        html.clear()

    for path in files:
        if path not in sizes:
            html.append(path)
            continue
        flush_html()
        if wanted is not None:
            keep = wanted
        elif is_own_warc(path):
            keep = None
        else:
            if registered is None:
                reg = registry if registry is not None else load_registry()
                registered = tuple(sorted({d for site in reg.values() for d in site.domains}))
            keep = registered
        size = sizes[path]
        label = label_of(path)
        if slice_bytes and can_slice(path) and size > slice_bytes * 1.5:
            n = -(-size // slice_bytes)
            cuts = [size * k // n for k in range(n + 1)]
            for a, b in zip(cuts, cuts[1:]):
                tasks.append(Task(len(tasks), "warc", (str(path.resolve()),), (label,), a,
                                  None if b >= size else b, keep))
        else:
            tasks.append(Task(len(tasks), "warc", (str(path.resolve()),), (label,), 0, None, keep))
    flush_html()
    return tasks
