"""The ``skipped`` table: one row per page or record that gave no article, with why."""

from __future__ import annotations

import pyarrow as pa

from extract.page import Page

from .common import UTC_TS

SCHEMA = pa.schema([
    ("url", pa.string()),
    ("site", pa.string()),
    ("source", pa.string()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("fetched_at", UTC_TS),
    ("extractor_version", pa.string()),
])


def skipped_row(page: Page | None, site: str | None, reason: str, detail: str | None, extractor_version: str,
                source: str | None = None) -> dict:
    """``page`` None: a record that could not be read as a page at all (``source`` says where)."""
    return {
        "url": page.url if page else None, "site": site, "source": page.source if page else source,
        "reason": reason, "detail": detail,
        "fetched_at": page.fetched_at if page else None, "extractor_version": extractor_version,
    }
