"""What the spider hands to the item pipelines: one fetched page, as received."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class FetchedPage:
    url: str
    site: str
    # "article"; "source" (a sitemap, feed or listing page); "page" (a candidate URL
    # whose page did not read as an article: archived, passed over by extraction)
    role: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    request_headers: list[tuple[str, str]]
    fetched_at: datetime  # UTC
    discovered_via: str = ""  # the source kind that listed the URL
    lastmod: datetime | None = None  # what that source said of the page
    extra: dict[str, str] = field(default_factory=dict)
