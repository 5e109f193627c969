"""Parquet datasets: one folder per table, fragments written atomically.

A fragment is written under a dot-name (which pandas, pyarrow and DuckDB's
``*.parquet`` globs all pass over) and renamed when complete, so readers never
meet a half-written file. A replacing run writes into a staging folder and
swaps whole tables at the end.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crawlers import killpoints
from crawlers.atomic import atomic_write
from pipeline.tables import TABLES


def fragments(folder: Path) -> list[Path]:
    """A table's complete fragments, in name order (temporaries are dot-names)."""
    return sorted(p for p in folder.glob("*.parquet") if not p.name.startswith(".")) if folder.is_dir() else []


def write_table(path: Path, table: pa.Table, killpoint: str) -> Path:
    """Replace the fragment at ``path`` with ``table``, atomically; ``killpoint`` names
    the moment between fsync and rename for the kill tests."""
    return atomic_write(path, lambda tmp: pq.write_table(table, tmp, compression="zstd"),
                        lambda: killpoints.reached(killpoint))


def write_fragment(folder: Path, name: str, rows: list[dict], schema: pa.Schema) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_table(folder / name, pa.Table.from_pylist(rows, schema=schema), "parquet-fragment")


class DatasetWriter:
    """Buffers rows per table and writes them out as fragments of bounded size."""

    def __init__(self, root: Path, run_id: str, replace: bool = False, rows_per_fragment: int = 2000):
        self.root = Path(root)
        self.run_id = run_id
        self.replace = replace
        self.rows_per_fragment = rows_per_fragment
        self.target = self.root / f".staging-{run_id}" if replace else self.root
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.seq = {t: 0 for t in TABLES}
        self.counts = {t: 0 for t in TABLES}
        self.fragments: list[Path] = []

    def add(self, table: str, rows: list[dict]) -> None:
        buf = self.buffers[table]
        buf.extend(rows)
        self.counts[table] += len(rows)
        if len(buf) >= self.rows_per_fragment:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(TABLES):
            rows = self.buffers[name]
            if not rows:
                continue
            self.seq[name] += 1
            fragment = f"part-{self.run_id}-{self.seq[name]:05d}.parquet"
            self.fragments.append(write_fragment(self.target / name, fragment, rows, TABLES[name].schema))
            self.buffers[name] = []

    def close(self) -> None:
        """Write what is buffered; in replace mode, swap the new tables in."""
        self.flush()
        for name in TABLES:
            (self.target / name).mkdir(parents=True, exist_ok=True)
        if not self.replace:
            return
        for name in TABLES:
            live = self.root / name
            old = self.root / f".old-{self.run_id}-{name}"
            if live.exists():
                os.replace(live, old)
            os.replace(self.target / name, live)
            shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.target, ignore_errors=True)

    def abort(self) -> None:
        """Drop a replacing run's staging folder; appended fragments stay (they are complete)."""
        if self.replace:
            shutil.rmtree(self.target, ignore_errors=True)
