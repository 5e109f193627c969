"""Putting a data folder back in order after a run that was killed.

Run at the start of every nightly job, under the lock (so nothing else is
writing). A killed crawl can leave:

- a WARC file under its ``.open`` name: cut after the last complete page the
  catalog recorded (``crawlers.warc.salvage``), renamed, marked closed, so the
  nightly extracts it; catalog rows for pages cut off are forgotten, and those
  pages are fetched again;
- a WARC file renamed but not marked closed in the catalog: marked closed;
- a catalog row for a WARC file that is not on disk: forgotten with its fetches;
- Parquet temporaries (``.*.tmp``), staging and swapped-out table folders of
  a replacing extraction: removed, or the old table put back if the swap was
  cut in the middle.

Fragments of a WARC file whose extraction was killed before the catalog mark
are replaced when it is extracted again (see ``pipeline.nightly``).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from crawlers.catalog import Catalog
from crawlers.warc import OPEN_SUFFIX, salvage
from pipeline.config import DataDir
from pipeline.tables import TABLES


@dataclass
class Recovery:
    salvaged: list[dict] = field(default_factory=list)  # .open WARC files finished
    closed: list[str] = field(default_factory=list)  # renamed files the catalog had not marked closed
    forgotten: list[str] = field(default_factory=list)  # catalog rows of files not on disk
    removed: list[str] = field(default_factory=list)  # temporaries removed
    restored: list[str] = field(default_factory=list)  # tables put back after a cut swap

    def __bool__(self) -> bool:
        return any((self.salvaged, self.closed, self.forgotten, self.removed, self.restored))

    def as_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        out = []
        for s in self.salvaged:
            if s["file"]:
                out.append(f"recovered {s['file']} left open by a killed run: {s['pages']} complete pages kept, "
                           f"{s['cut_bytes']} bytes cut, {s['forgotten']} catalog rows forgotten (refetched)")
            else:
                out.append(f"removed {s['open']} left open by a killed run: no complete page "
                           f"({s['forgotten']} catalog rows forgotten)")
        out += [f"marked {n} closed (its run was killed after the rename)" for n in self.closed]
        out += [f"forgot {n}: in the catalog but not on disk" for n in self.forgotten]
        out += [f"removed temporary {n}" for n in self.removed]
        out += [f"restored table {n} after a cut swap" for n in self.restored]
        return out


def recover(data: DataDir, run_id: str) -> Recovery:
    rec = Recovery()
    catalog = Catalog(data.catalog)
    try:
        for path in sorted(data.warc.glob("*" + OPEN_SUFFIX)):
            name = path.name.removesuffix(OPEN_SUFFIX)
            cataloged = catalog.fetch_offsets(name)
            result = salvage(path, cataloged)
            run = catalog.run_of_warc(name) or run_id
            forgotten = catalog.settle_warc(name, run, result.kept_offsets if result.name else None)
            rec.salvaged.append({"open": path.name, "file": result.name, "pages": len(result.kept_offsets),
                                 "cut_bytes": result.cut_bytes, "forgotten": forgotten})
        for name in catalog.unclosed_warcs():
            if (data.warc / name).exists():
                catalog.settle_warc(name, catalog.run_of_warc(name) or run_id, catalog.fetch_offsets(name))
                rec.closed.append(name)
            else:
                catalog.settle_warc(name, run_id, None)
                rec.forgotten.append(name)
    finally:
        catalog.close()
    _tidy_parquet(data.parquet, rec)
    for tmp in data.runs.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
        rec.removed.append(str(tmp.relative_to(data.root)))
    return rec


def _tidy_parquet(root: Path, rec: Recovery) -> None:
    if not root.exists():
        return
    # a replacing extraction swaps tables via .old-<run>-<table>: put back a table cut mid-swap
    for old in sorted(root.glob(".old-*")):
        table = next((t for t in TABLES if old.name.endswith("-" + t)), None)
        if table and not (root / table).exists():
            old.rename(root / table)
            rec.restored.append(table)
        else:
            shutil.rmtree(old, ignore_errors=True)
            rec.removed.append(str(old.relative_to(root.parent)))
    for staging in sorted(root.glob(".staging-*")):
        shutil.rmtree(staging, ignore_errors=True)
        rec.removed.append(str(staging.relative_to(root.parent)))
    for table in TABLES:
        folder = root / table
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
                rec.removed.append(str(tmp.relative_to(root.parent)))
