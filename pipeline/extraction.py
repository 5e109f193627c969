"""Extraction orchestration: pages in, Parquet rows out, in bounded batches.

The nightly job and ``pknews extract`` both come through ``run_extraction``,
so a re-extraction of saved WARC files gives the rows the crawl night gave.
A page that fails becomes a row of the ``skipped`` table with its cause.
"""

from __future__ import annotations

import sys
import time
from contextlib import nullcontext
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from crawlers.registry import Site, load_registry, site_for_url
from extract import rows as rowlib
from extract.article import EXTRACTOR_VERSION, extract_article
from extract.nlp import DEFAULT_MODEL, analyze_texts, build_nlp
from extract.page import Page
from pipeline.parquet import DatasetWriter
from pipeline.sources import BadRecord, expand_paths, iter_pages


@dataclass
class ArticleRows:
    article: dict
    mentions: list[dict]
    quotes: list[dict]


@dataclass
class BatchRows:
    articles: list[ArticleRows] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


# Docs per nlp.pipe batch. Measured on 96 benchmark pages (~1,000 tokens each): 8 is as
# fast as 16 or 32 (17.8-18.3 CPU-s against 18.1 and 18.9) and keeps the peak at the
# model-loading peak (621 MB), where 32 adds ~160 MB of transient tensors.
NLP_BATCH_SIZE = 8


class Extractor:
    """The loaded NLP pipeline plus the registry: turns a batch of pages into rows."""

    def __init__(self, model: str = DEFAULT_MODEL, registry: dict[str, Site] | None = None):
        self.nlp = build_nlp(model)
        self.registry = registry if registry is not None else load_registry()
        # seconds spent per stage since this extractor was built (trafilatura, spacy, rows)
        self.seconds: Counter = Counter()

    def site_of(self, page: Page) -> tuple[str | None, str | None]:
        site = self.registry.get(page.site) if page.site else site_for_url(page.url, self.registry)
        if site is not None:
            return site.name, site.label
        return page.site, None

    def run_batch(self, pages: list[Page]) -> BatchRows:
        out = BatchRows()
        kept = []
        seconds = getattr(self, "seconds", None)
        if seconds is None:
            seconds = self.seconds = Counter()
        t0 = time.perf_counter()
        for page in pages:
            name, label = self.site_of(page)
            if page.role == "source":
                out.skipped.append(rowlib.skipped_row(page, name, "discovery-page", None, EXTRACTOR_VERSION))
                continue
            try:
                article = extract_article(page, site_label=name)
            except Exception as err:  # one bad page must not stop the batch
                out.skipped.append(rowlib.skipped_row(
                    page, name, "extract-error", f"{type(err).__name__}: {err}", EXTRACTOR_VERSION))
                continue
            if article.skip_reason:
                out.skipped.append(rowlib.skipped_row(
                    page, name, article.skip_reason, article.skip_detail, EXTRACTOR_VERSION))
                continue
            kept.append((page, article, label))
        items = [(a.text, rowlib.reference_datetime(a)) for _, a, _ in kept]
        t1 = time.perf_counter()
        seconds["trafilatura"] += t1 - t0
        # strings a batch adds to the vocabulary are dropped after it (spaCy >= 3.8):
        # without this, the StringStore grows with every new name and number of an archive
        zone = getattr(self.nlp, "memory_zone", None)
        with zone() if zone is not None else nullcontext():
            try:
                analyses = list(analyze_texts(self.nlp, items, batch_size=NLP_BATCH_SIZE))
            except Exception:
                analyses = [self._analyze_one(item) for item in items]
        t2 = time.perf_counter()
        seconds["spacy"] += t2 - t1
        for (page, article, label), analysis in zip(kept, analyses):
            row = rowlib.article_row(article, page, label, EXTRACTOR_VERSION)
            if isinstance(analysis, Exception):
                # the article is kept; only its entities are missing, and that is recorded
                out.skipped.append(rowlib.skipped_row(
                    page, article.site, "nlp-error", f"{type(analysis).__name__}: {analysis}", EXTRACTOR_VERSION))
                analysis = ([], [])
            mentions, quotes = analysis
            out.articles.append(ArticleRows(
                row, rowlib.mention_rows(row["article_id"], mentions), rowlib.quote_rows(row["article_id"], quotes)
            ))
        seconds["rows"] += time.perf_counter() - t2
        return out

    def _analyze_one(self, item):
        try:
            return next(analyze_texts(self.nlp, [item]))
        except Exception as err:
            return err


@dataclass
class ExtractionReport:
    files: int = 0
    pages: int = 0
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    skipped: Counter = field(default_factory=Counter)
    articles_by_site: Counter = field(default_factory=Counter)
    skipped_by_site: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    output: str = ""
    # records of third-party archives passed over unread (foreign-domain, not-html)
    passed_over: Counter = field(default_factory=Counter)
    # seconds per stage, summed over workers: load, read, trafilatura, spacy, rows, write
    stages: Counter = field(default_factory=Counter)
    executor: str = "local"
    workers: int = 1
    tasks: int = 0

    def as_dict(self) -> dict:
        return {
            "files": self.files, "pages": self.pages, "articles": self.articles,
            "mentions": self.mentions, "quotes": self.quotes, "skipped": dict(self.skipped),
            "articles_by_site": dict(self.articles_by_site),
            "skipped_by_site": dict(self.skipped_by_site),
            "seconds": round(self.seconds, 2), "output": self.output,
            "passed_over": dict(self.passed_over),
            "stages": {k: round(v, 3) for k, v in sorted(self.stages.items())},
            "executor": self.executor, "workers": self.workers, "tasks": self.tasks,
        }

    def _count(self, part) -> None:
        self.pages += part.pages
        self.articles += part.articles
        self.mentions += part.mentions
        self.quotes += part.quotes
        self.skipped.update(part.skipped)
        self.articles_by_site.update(part.articles_by_site)
        self.skipped_by_site.update(part.skipped_by_site)
        self.passed_over.update(part.passed_over)

    def add(self, result) -> None:
        """Count one finished task (an executors.TaskResult)."""
        self._count(result)
        self.stages.update(result.seconds)

    def absorb(self, part: "ExtractionReport") -> None:
        """Count a whole other run (the nightly extracts one WARC file at a time)."""
        self._count(part)
        self.files += part.files
        self.seconds += part.seconds
        self.stages.update(part.stages)


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream=sys.stderr, enabled: bool | None = None):
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()

    def update(self, report: ExtractionReport) -> None:
        if not self.enabled:
            return
        rate = report.pages / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\rextract: {report.pages} pages, {report.articles} articles, "
            f"{sum(report.skipped.values())} skipped ({rate:.1f} pages/s)"
        )
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\n")


# HTML files per task: a folder of loose pages must not become a fragment per page
HTML_FILES_PER_TASK = 256
# no slice of a WARC file smaller than this: a slice costs a boundary search and fragments
MIN_SLICE_BYTES = 256 << 10


def plan_tasks(
    files: list[Path],
    label_of=str,
    *,
    workers: int = 1,
    domains: list[str] | None = None,
    registry: dict[str, Site] | None = None,
    slices_per_worker: int = 8,
) -> list:
    """Units of work for ``files``: a task per WARC file, big gzip WARC files cut
    into byte slices when there are several workers to keep busy, loose HTML
    files in groups. Task order is file order (then slice order), so the first
    copy of a duplicated page is the one the single-process walk meets first.

    Domain filtering: with ``domains`` given, every WARC file keeps only those
    domains' HTML responses; without, WARC files pknews did not write (Common
    Crawl, CC-NEWS, any third-party crawl) keep only the registered domains.
    """
    from pipeline.executors import Task
    from pipeline.sources import WARC_SUFFIXES, _has_suffix, can_slice, is_own_warc

    registered: tuple[str, ...] | None = None
    if domains:
        wanted: tuple[str, ...] | None = tuple(sorted({d.lower().strip(".") for d in domains}))
    else:
        wanted = None
    sizes = {f: f.stat().st_size for f in files if _has_suffix(f, WARC_SUFFIXES)}
    slice_bytes = None
    if workers > 1 and sizes:
        slice_bytes = max(MIN_SLICE_BYTES, sum(sizes.values()) // (workers * slices_per_worker) + 1)
    tasks: list = []
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


def drop_cross_task_duplicates(results: list, target: Path, report: ExtractionReport) -> int:
    """The final duplicate check: an article row (same article_id and content)
    written by two tasks is kept in the earlier task only, as a single walk
    over the files would have it. Tasks deduplicate themselves; this looks at
    64-bit hashes first and opens fragments only for the (rare) hits."""
    import numpy as np
    import pyarrow.parquet as pq

    from pipeline.parquet import write_fragment
    from pipeline.schema import TABLES

    results = sorted(results, key=lambda r: r.index)
    arrays = [r.key_hashes for r in results if len(r.key_hashes)]
    if len(arrays) < 2:
        return 0
    allh = np.concatenate(arrays)
    owner = np.concatenate([np.full(len(r.key_hashes), i) for i, r in enumerate(results) if len(r.key_hashes)])
    values, first, counts = np.unique(allh, return_index=True, return_counts=True)
    repeated = values[counts > 1]
    if not len(repeated):
        return 0
    first_owner = dict(zip(values[counts > 1].tolist(), owner[first[counts > 1]].tolist()))
    # which later tasks hold a hash first seen in an earlier task
    later: dict[int, set[int]] = {}
    mask = np.isin(allh, repeated)
    for h, o in zip(allh[mask].tolist(), owner[mask].tolist()):
        if o != first_owner[h]:
            later.setdefault(o, set()).add(h)
    dropped = 0
    from pipeline.executors import key_hash

    def table_fragments(result, table):
        return [target / f for f in result.fragments if Path(f).parts[0] == table]

    # exact keys of the first copies (hash collisions must not drop anything)
    wanted_first: dict[int, set[int]] = {}
    for o, hs in later.items():
        for h in hs:
            wanted_first.setdefault(first_owner[h], set()).add(h)
    exact_first: set[tuple[str, str]] = set()
    for o, hs in wanted_first.items():
        for frag in table_fragments(results[o], "articles"):
            t = pq.read_table(frag, columns=["article_id", "content_sha256"]).to_pylist()
            exact_first.update((r["article_id"], r["content_sha256"]) for r in t
                               if key_hash(r["article_id"], r["content_sha256"]) in hs)
    for o in sorted(later):
        result = results[o]
        gone_ids: set[str] = set()
        kept_ids: set[str] = set()
        for frag in table_fragments(result, "articles"):
            rows = pq.read_table(frag).to_pylist()
            keep = []
            for r in rows:
                if (r["article_id"], r["content_sha256"]) in exact_first:
                    gone_ids.add(r["article_id"])
                    report.articles_by_site[r["site"]] -= 1
                    dropped += 1
                else:
                    keep.append(r)
                    kept_ids.add(r["article_id"])
            if len(keep) != len(rows):
                _rewrite(frag, keep, TABLES["articles"], write_fragment)
        # a page's mentions and quotes go with it (unless the task kept another version of it)
        gone_ids -= kept_ids
        for table in ("mentions", "quotes"):
            for frag in table_fragments(result, table):
                rows = pq.read_table(frag).to_pylist()
                keep = [r for r in rows if r["article_id"] not in gone_ids]
                if len(keep) != len(rows):
                    setattr(report, table, getattr(report, table) - (len(rows) - len(keep)))
                    _rewrite(frag, keep, TABLES[table], write_fragment)
    report.articles -= dropped
    if dropped:
        report.skipped["duplicate"] += dropped
    report.articles_by_site = +report.articles_by_site
    return dropped


def _rewrite(fragment: Path, rows: list[dict], schema, write_fragment) -> None:
    if rows:
        write_fragment(fragment.parent, fragment.name, rows, schema)
    else:
        fragment.unlink()


def run_extraction(
    paths: list[Path],
    output: Path,
    run_id: str,
    *,
    replace: bool = False,
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    label_of=str,
    workers: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    domains: list[str] | None = None,
    dask_client=None,
) -> ExtractionReport:
    """Extract ``paths`` into the Parquet dataset at ``output``.

    ``executor="local"`` runs in this process (``workers=1``) or a process pool
    of ``workers`` processes; ``executor="dask"`` runs a task per WARC file (or
    slice) on the Dask cluster at ``scheduler`` (a LocalCluster of ``workers``
    processes when no address is given; ``dask_client`` passes an open Client).
    Every way gives the same rows. ``domains`` keeps only those domains'
    records of the WARC files (third-party archives keep the registered
    domains by default).
    """
    from pipeline import executors as ex

    if executor not in ex.EXECUTORS:
        raise ValueError(f"executor must be one of {', '.join(ex.EXECUTORS)}, not {executor!r}")
    workers = max(1, int(workers))
    files = expand_paths(paths)
    report = ExtractionReport(files=len(files), output=str(output), executor=executor, workers=workers)
    progress = progress or Progress()
    writer = DatasetWriter(output, run_id, replace=replace)
    config = ex.WorkConfig(run_id=run_id, target=str(Path(writer.target).resolve()), model=model,
                           batch_size=batch_size)
    started = time.monotonic()
    client = None
    try:
        if executor == "dask":
            client = dask_client or ex.open_dask(scheduler, workers)
            slots = ex.dask_workers(client)
            report.workers = slots
            tasks = plan_tasks(files, label_of, workers=slots, domains=domains,
                               registry=extractor.registry if extractor else None)
            results_iter = ex.run_dask(tasks, config, client)
        else:
            tasks = plan_tasks(files, label_of, workers=workers, domains=domains,
                               registry=extractor.registry if extractor else None)
            if not tasks:
                results_iter = iter(())
            elif workers == 1 or len(tasks) == 1:  # one process is enough
                t = time.perf_counter()
                extractor = extractor or Extractor(model)
                report.stages["load"] += time.perf_counter() - t
                results_iter = ex.run_inline(tasks, config, extractor)
            else:
                results_iter = ex.run_pool(tasks, config, min(workers, len(tasks)), extractor)
        report.tasks = len(tasks)
        results = []
        for result in results_iter:
            report.add(result)
            # only what the final check needs is kept: counts and 8 bytes per article
            result.articles_by_site = result.skipped_by_site = None
            results.append(result)
            progress.update(report)
        drop_cross_task_duplicates(results, Path(config.target), report)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    finally:
        progress.done()
        if client is not None and dask_client is None:
            ex.close_dask(client)
    report.seconds = time.monotonic() - started
    return report
