"""The ``quotes`` table: one row per quote attributed in an article's text."""

from __future__ import annotations

import pyarrow as pa

from .analysis import Analysis

SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_kind", pa.string()),
    ("speaker_role_or_org", pa.string()),
    ("verb", pa.string()),
    ("quote", pa.string()),
    ("direct", pa.bool_()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    # false for quotes of an article version that a later version replaced
    ("is_latest", pa.bool_()),
])


def quote_rows(aid: str, analysis: Analysis) -> list[dict]:
    return [
        {
            "article_id": aid, "speaker": q.speaker, "speaker_kind": q.speaker_kind,
            "speaker_role_or_org": q.speaker_role_or_org, "verb": q.verb, "quote": q.quote,
            "direct": q.direct, "start_char": q.start_char, "end_char": q.end_char,
            "is_latest": True,  # of the article's latest version (pipeline.versions)
        }
        for q in analysis.quotes
    ]
