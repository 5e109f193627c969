"""The events tables in a Parquet root: rebuilt whole from every statement held.

``update_events`` reads the ``disruptions`` statements of the articles' latest
versions, joins each with its article's facts (site, URL, dates), runs the merge
(``pipeline.events.merge``) and replaces ``events`` and ``event_reports``, each
one file written under a dot-name and renamed, so a reader sees the old table or
the new one. Every run merges everything again: the same statements give the same
events, whatever order the nights brought them in.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.events.merge import EventRows, build_events, statement_from_row
from pipeline.events.schema import EVENT_REPORTS, EVENTS, SCHEMAS
from pipeline.parquet import fragments, write_table
from pipeline.tables import ARTICLES, TABLES

STATEMENTS = TABLES["disruptions"]
ARTICLE_FACTS = ("article_id", "site", "url", "published", "published_at", "fetched_at", "is_latest")


def read_rows(folder: Path, columns: tuple[str, ...] | None = None) -> list[dict]:
    """Every row of a table's latest versions, fragment by fragment (older fragments may
    lack newer columns: they read as missing)."""
    rows = []
    for path in fragments(folder):
        names = pq.read_schema(path).names
        table = pq.read_table(path, columns=[c for c in columns if c in names] if columns else None)
        rows += [r for r in table.to_pylist() if r.get("is_latest", True) is not False]
    return rows


def read_statements(parquet_root: Path) -> list[dict]:
    """The statements held, each joined with its article's site, URL and dates."""
    root = Path(parquet_root)
    statements = read_rows(root / STATEMENTS.name)
    if not statements:
        return []
    facts = {}
    for row in read_rows(root / ARTICLES.name, ARTICLE_FACTS):
        facts[row["article_id"]] = row  # one latest row per article; a duplicate says the same
    return [{**facts.get(s["article_id"], {}), **s} for s in statements]


def merge_held(parquet_root: Path) -> EventRows:
    return build_events(statement_from_row(row) for row in read_statements(parquet_root))


def write_events(parquet_root: Path, rows: EventRows) -> dict[str, Path]:
    """Replace both tables with ``rows`` (empty tables keep their schema)."""
    written = {}
    for name, data in (("events", rows.events), ("event_reports", rows.reports)):
        folder = Path(parquet_root) / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"part-{name}.parquet"
        write_table(target, pa.Table.from_pylist(data, schema=SCHEMAS[name]), f"{name}-table")
        for stale in [*fragments(folder), *folder.glob(".*.tmp")]:
            if stale != target:  # an older layout's fragments, a killed run's temporary
                stale.unlink(missing_ok=True)
        written[name] = target
    return written


def update_events(parquet_root: Path) -> dict:
    """The events step of every run: rebuild the tables and say what came out. A failure
    is returned as ``error`` (the run records it); the extraction before it stands."""
    started = time.monotonic()
    try:
        rows = merge_held(parquet_root)
        write_events(parquet_root, rows)
    except Exception as err:  # noqa: BLE001 - any failure here must not lose the night
        return {"error": f"{type(err).__name__}: {err}", "seconds": round(time.monotonic() - started, 2)}
    return {"events": len(rows.events), "reports": len(rows.reports), "statements": rows.statements,
            "unattached": rows.unattached, "undated": rows.undated, "error": None,
            "seconds": round(time.monotonic() - started, 2)}


def read_events(parquet_root: Path) -> tuple[pa.Table, pa.Table] | None:
    """Both tables as written, or None when a run has not written them."""
    root = Path(parquet_root)
    if not fragments(root / "events"):
        return None
    tables = []
    for name, schema in (("events", EVENTS), ("event_reports", EVENT_REPORTS)):
        parts = [pq.read_table(p).cast(schema) for p in fragments(root / name)]
        tables.append(pa.concat_tables(parts) if parts else schema.empty_table())
    return tables[0], tables[1]
