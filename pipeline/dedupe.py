"""Cross-task de-duplication: an article row (same article_id and content) written
by two tasks is kept in the earlier task only, as a single walk over the files
would have it.

Each task de-duplicates its own rows and returns one 64-bit hash per article
row; the driver looks at those hashes first and opens fragments only for the
(rare) hits.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from pipeline.counts import ExtractionReport, TaskResult
from pipeline.parquet import write_fragment
from pipeline.tables import ARTICLE_CHILDREN, ARTICLES


def key_hash(article_id: str, content_sha256: str) -> int:
    """64 bits of the (article_id, content_sha256) identity of an article row."""
    digest = hashlib.blake2b(f"{article_id}\0{content_sha256}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def _later_copies(results: list[TaskResult]) -> tuple[dict[int, set[int]], dict[int, int]]:
    """Hashes each task holds that an earlier task holds too, and the task of each first copy."""
    arrays = [r.key_hashes for r in results if len(r.key_hashes)]
    if len(arrays) < 2:
        return {}, {}
    allh = np.concatenate(arrays)
    owner = np.concatenate([np.full(len(r.key_hashes), i) for i, r in enumerate(results) if len(r.key_hashes)])
    values, first, counts = np.unique(allh, return_index=True, return_counts=True)
    repeated = values[counts > 1]
    if not len(repeated):
        return {}, {}
    first_owner = dict(zip(values[counts > 1].tolist(), owner[first[counts > 1]].tolist()))
    later: dict[int, set[int]] = {}
    mask = np.isin(allh, repeated)
    for h, o in zip(allh[mask].tolist(), owner[mask].tolist()):
        if o != first_owner[h]:
            later.setdefault(o, set()).add(h)
    return later, first_owner


def _table_fragments(target: Path, result: TaskResult, table: str) -> list[Path]:
    return [target / f for f in result.fragments if Path(f).parts[0] == table]


def _rewrite(fragment: Path, rows: list[dict], schema) -> None:
    if rows:
        write_fragment(fragment.parent, fragment.name, rows, schema)
    else:
        fragment.unlink()


def drop_cross_task_duplicates(results: list[TaskResult], target: Path, report: ExtractionReport) -> int:
    """Drop later tasks' copies of article rows (and the rows hanging off them) from
    their fragments and from ``report``; returns the article rows dropped."""
    results = sorted(results, key=lambda r: r.index)
    later, first_owner = _later_copies(results)
    if not later:
        return 0
    # exact keys of the first copies (hash collisions must not drop anything)
    wanted_first: dict[int, set[int]] = {}
    for hs in later.values():
        for h in hs:
            wanted_first.setdefault(first_owner[h], set()).add(h)
    exact_first: set[tuple[str, str]] = set()
    for o, hs in wanted_first.items():
        for frag in _table_fragments(target, results[o], ARTICLES.name):
            t = pq.read_table(frag, columns=["article_id", "content_sha256"]).to_pylist()
            exact_first.update((r["article_id"], r["content_sha256"]) for r in t
                               if key_hash(r["article_id"], r["content_sha256"]) in hs)
    dropped = 0
    for o in sorted(later):
        result = results[o]
        gone_ids: set[str] = set()
        kept_ids: set[str] = set()
        for frag in _table_fragments(target, result, ARTICLES.name):
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
                _rewrite(frag, keep, ARTICLES.schema)
        # the rows hanging off a dropped page go with it (unless the task kept another version of it)
        gone_ids -= kept_ids
        for table in ARTICLE_CHILDREN:
            for frag in _table_fragments(target, result, table.name):
                rows = pq.read_table(frag).to_pylist()
                keep = [r for r in rows if r["article_id"] not in gone_ids]
                if len(keep) != len(rows):
                    report.rows[table.name] -= len(rows) - len(keep)
                    _rewrite(frag, keep, table.schema)
    report.rows[ARTICLES.name] -= dropped
    if dropped:
        report.skipped["duplicate"] += dropped
    report.articles_by_site = +report.articles_by_site
    return dropped
