"""Arrow schemas of the two derived tables, ``events`` and ``event_reports``.

They are whole-table outputs rebuilt from every disruption statement held
(``pipeline.events.store``), not fragments written per article, so they are
not in the ``pipeline.tables`` registry: recovery, versions and de-duplication
have nothing to do with them. docs/schema.md documents each column.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline.tables.articles import SCHEMA as ARTICLES
from pipeline.tables.common import STRINGS, UTC_TS
from pipeline.tables.disruptions import SCHEMA as STATEMENTS


def fields_of(schema: pa.Schema, *names: str) -> list[pa.Field]:
    """Columns an event table shares with a table it is made from, typed as there."""
    return [schema.field(name) for name in names]


EVENTS = pa.schema([
    ("event_id", pa.string()),
    *fields_of(STATEMENTS, "kind", "platforms", "networks", "areas",
               "start_date", "start_precision", "end_date", "end_precision"),
    # what an announcement said, kept apart from the reported dates
    ("announced_start", pa.date32()),
    ("announced_end", pa.date32()),
    ("status", pa.string()),
    *fields_of(STATEMENTS, "ordered_by", "reasons"),
    ("first_reported_at", UTC_TS),
    ("reports", pa.int32()),
    ("sites", STRINGS),
    ("articles", STRINGS),
    ("confidence", pa.float64()),
])

EVENT_REPORTS = pa.schema([
    ("event_id", pa.string()),
    *fields_of(STATEMENTS, "article_id", "statement_index"),
    *fields_of(ARTICLES, "site", "url", "published"),
    *fields_of(STATEMENTS, "text", "kind", "status"),
])

SCHEMAS: dict[str, pa.Schema] = {"events": EVENTS, "event_reports": EVENT_REPORTS}
