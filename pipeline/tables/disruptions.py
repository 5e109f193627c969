"""The ``disruptions`` table: one row per statement in an article's text that reports a
disruption (a shutdown, a block, a throttling) or its end."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from .analysis import Analysis
from .common import STRINGS

AREA = pa.struct([
    ("name", pa.string()),
    ("scope", pa.string()),
    ("province", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
])

SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("statement_index", pa.int32()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("text", pa.string()),
    ("trigger", pa.string()),
    ("kind", pa.string()),
    ("status", pa.string()),
    ("platforms", STRINGS),
    ("networks", STRINGS),
    ("areas", pa.list_(AREA)),
    ("start_date", pa.date32()),
    ("start_precision", pa.string()),
    ("end_date", pa.date32()),
    ("end_precision", pa.string()),
    ("ordered_by", STRINGS),
    ("reasons", STRINGS),
    ("quote", pa.string()),
    # false for statements of an article version that a later version replaced
    ("is_latest", pa.bool_()),
])


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def disruption_rows(aid: str, analysis: Analysis) -> list[dict]:
    return [
        {
            "article_id": aid, "statement_index": i, "start_char": d.start_char, "end_char": d.end_char,
            "text": d.text, "trigger": d.trigger, "kind": d.kind, "status": d.status,
            "platforms": list(d.platforms), "networks": list(d.networks),
            "areas": [{k: a.get(k) for k in AREA.names} for a in d.areas],
            "start_date": _day(d.start_date), "start_precision": d.start_precision,
            "end_date": _day(d.end_date), "end_precision": d.end_precision,
            "ordered_by": list(d.ordered_by), "reasons": list(d.reasons), "quote": d.quote,
            "is_latest": True,  # of the article's latest version (pipeline.versions)
        }
        for i, d in enumerate(analysis.disruptions)
    ]
