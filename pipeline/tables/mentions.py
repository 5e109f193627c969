"""The ``mentions`` table: one row per entity mention in an article's text."""

from __future__ import annotations

import json

import pyarrow as pa

from .analysis import Analysis

# Mention attrs that get a column of their own; any other attr lands in `attrs` as JSON.
MENTION_ATTR_COLUMNS = ("province", "country", "latitude", "longitude", "geonames_id", "granularity", "full_name")

SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("kind", pa.string()),
    ("text", pa.string()),
    ("value", pa.string()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("province", pa.string()),
    ("country", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("geonames_id", pa.int64()),
    ("granularity", pa.string()),
    ("full_name", pa.string()),
    ("attrs", pa.string()),
    # false for mentions of an article version that a later version replaced
    ("is_latest", pa.bool_()),
])


def mention_rows(aid: str, analysis: Analysis) -> list[dict]:
    rows = []
    for m in analysis.mentions:
        extra = {k: v for k, v in m.attrs.items() if k not in MENTION_ATTR_COLUMNS}
        row = {
            "article_id": aid, "kind": m.kind, "text": m.text, "value": m.value,
            "start_char": m.start_char, "end_char": m.end_char,
            "attrs": json.dumps(extra, sort_keys=True, default=str) if extra else None,
            "is_latest": True,  # of the article's latest version (pipeline.versions)
        }
        for key in MENTION_ATTR_COLUMNS:
            row[key] = m.attrs.get(key)
        rows.append(row)
    return rows
