"""Article versions: ``version`` and ``is_latest`` kept right across fragments.

An article whose page changed is stored again as a new row (a new version);
fragments are immutable files, so the older row's ``is_latest`` is corrected
afterwards: ``reconcile_versions`` reads the few key columns of every
articles fragment, numbers each article's rows by fetch time (``version`` 1,
2, ...), marks the last one ``is_latest``, and rewrites (atomically, under a
dot-name then renamed) only the fragments where a value changes. The rows of
the tables hanging off a replaced version (mentions, quotes) get ``is_latest``
false too (a version's rows share the name prefix of the fragments they were
written to). It is idempotent: a run killed halfway is finished by the next. The nightly job runs
it after extraction; after a re-extraction run it yourself:

    python -m pipeline.versions DATA/parquet
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.parquet import fragments, write_table
from pipeline.tables import ARTICLE_CHILDREN, ARTICLES

KEY_COLUMNS = ("article_id", "content_sha256", "fetched_at", "version", "is_latest")


def _keys(path: Path) -> pd.DataFrame:
    names = pq.read_schema(path).names
    table = pq.read_table(path, columns=[c for c in KEY_COLUMNS if c in names])
    df = table.to_pandas()
    for col in KEY_COLUMNS:
        if col not in df:
            df[col] = None
    return df[list(KEY_COLUMNS)]


def _rewrite(path: Path, columns: dict[str, list], schema: pa.Schema = ARTICLES.schema) -> None:
    table = pq.read_table(path)
    for name, values in columns.items():
        column = pa.array(values, type=schema.field(name).type)
        if name in table.column_names:
            table = table.set_column(table.column_names.index(name), name, column)
        else:
            table = table.append_column(name, column)
    for field in schema:  # fragments from before a schema change get the new columns as nulls
        if field.name not in table.column_names:
            table = table.append_column(field.name, pa.nulls(len(table), type=field.type))
    table = table.select(schema.names).cast(schema)
    write_table(path, table, "versions-rewrite")


def reconcile_versions(parquet_root: Path) -> dict:
    """Number every article's versions and mark the latest; returns what it did."""
    folder = Path(parquet_root) / ARTICLES.name
    files = fragments(folder)
    result = {"fragments": len(files), "rewritten": 0, "articles": 0, "with_versions": 0, "duplicate_rows": 0}
    if not files:
        return result
    parts = []
    for i, path in enumerate(files):
        df = _keys(path)
        df["file"] = i
        df["row"] = range(len(df))
        parts.append(df)
    df = pd.concat(parts, ignore_index=True)
    df["fetched_key"] = pd.to_datetime(df["fetched_at"], utc=True)
    df = df.sort_values(["article_id", "fetched_key", "file", "row"], na_position="first", kind="stable")
    df["want_version"] = df.groupby("article_id", sort=False).cumcount() + 1
    df["want_latest"] = ~df.duplicated("article_id", keep="last")
    same_as_previous = df["content_sha256"].eq(df.groupby("article_id")["content_sha256"].shift())
    result["duplicate_rows"] = int(same_as_previous.sum())
    counts = df.groupby("article_id").size()
    result["articles"] = int(len(counts))
    result["with_versions"] = int((counts > 1).sum())
    have_version = pd.to_numeric(df["version"], errors="coerce")
    bad = (have_version != df["want_version"]) | (df["is_latest"].astype("object") != df["want_latest"])
    for i in sorted(df.loc[bad, "file"].unique()):
        rows = df[df["file"] == i].sort_values("row")
        _rewrite(files[i], {"version": rows["want_version"].astype(int).tolist(),
                            "is_latest": rows["want_latest"].astype(bool).tolist()})
        result["rewritten"] += 1
    # rows hanging off a replaced version are not the latest. A version's rows share
    # its fragments' name prefix (the WARC file or extraction task they came from)
    versioned = set(counts[counts > 1].index)
    latest = {(a, prefix(files[f].name)) for a, f in df.loc[df["want_latest"], ["article_id", "file"]].itertuples(index=False)
              if a in versioned}
    for table in ARTICLE_CHILDREN:
        result[f"{table.name}_rewritten"] = _mark_children(Path(parquet_root) / table.name, table.schema,
                                                           versioned, latest)
    return result


def prefix(fragment_name: str) -> str:
    """``part-<run or WARC>-t<task>-00001.parquet`` -> ``part-<run or WARC>-t<task>``."""
    return fragment_name.removesuffix(".parquet").rsplit("-", 1)[0]


def _mark_children(folder: Path, schema: pa.Schema, versioned: set, latest: set) -> int:
    if not folder.is_dir():
        return 0
    rewritten = 0
    for path in fragments(folder):
        names = pq.read_schema(path).names
        table = pq.read_table(path, columns=[c for c in ("article_id", "is_latest") if c in names])
        ids = table.column("article_id").to_pylist()
        have = table.column("is_latest").to_pylist() if "is_latest" in names else [None] * len(ids)
        mine = prefix(path.name)
        want = [a not in versioned or (a, mine) in latest for a in ids]
        if want != have:
            _rewrite(path, {"is_latest": want}, schema)
            rewritten += 1
    return rewritten


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output/parquet")
    print(reconcile_versions(root))
