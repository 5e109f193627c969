"""Extracting a data folder's own WARC files, with the catalog kept in step.

The catalog marks a WARC file extracted only after its fragments are in
place, and the fragments are named after the file (any left by an earlier,
killed attempt are deleted first): killed anywhere, the rerun gives each
article exactly once.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from crawlers import killpoints
from crawlers.catalog import Catalog
from extract.article import EXTRACTOR_VERSION
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir
from pipeline.counts import ExtractionReport
from pipeline.extraction import run_extraction
from pipeline.extractor import Extractor
from pipeline.options import ExtractionOptions
from pipeline.sources import expand_paths
from pipeline.tables import SKIPPED, TABLES
from pipeline.versions import reconcile_versions


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
    counts: Counter = Counter()
    for path in sorted((parquet / SKIPPED.name).glob(f"part-{stem}-*.parquet")):
        table = pq.read_table(path, columns=["site", "reason"])
        for site, reason in zip(table.column("site").to_pylist(), table.column("reason").to_pylist()):
            counts[(site, reason)] += 1
    return counts


def extract_pending(data: DataDir, run_id: str, model: str = DEFAULT_MODEL,
                    skips: Counter | None = None, failures: list | None = None) -> ExtractionReport:
    """Extract every closed WARC file no extraction has covered yet, one file at a time."""
    total = ExtractionReport(output=str(data.parquet))
    catalog = Catalog(data.catalog)
    extractor = None
    options = ExtractionOptions(model=model)
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
                    [path], data.parquet, stem, options, extractor=extractor,
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


def after_live_reextraction(data: DataDir, paths: list[Path]) -> dict:
    """After ``pknews extract`` replaced DATA/parquet: the data folder's WARC files
    it read count as extracted (the nightly must not add them a second time),
    and versions are numbered again."""
    catalog = Catalog(data.catalog)
    try:
        for path in expand_paths(paths):
            if path.parent.resolve() == data.warc.resolve():
                catalog.warc_extracted(path.name, EXTRACTOR_VERSION)
    finally:
        catalog.close()
    return reconcile_versions(data.parquet)
