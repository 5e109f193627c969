"""A fetched page: the input of extraction, whatever it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    # UTC; None when unknown (a loose HTML file)
    fetched_at: datetime | None = None
    # where the bytes live: "warc/file.warc.gz@1234" or a file path
    source: str = ""
    # registry name of the site, when known
    site: str | None = None
    # the HTTP Content-Type header, for its charset
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # what the crawler fetched it as: "article" or "source" (a feed, sitemap or
    # listing page); None for third-party archives and loose files
    role: str | None = None
