"""HTML page to article: text without boilerplate plus title, authors, dates.

``extract_article(page)`` is the one entry point; it is pure (no network, no
global state) and deterministic. A page that is not an article comes back with
``skip_reason`` set and no text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

import trafilatura

from extract.page import Page

# Bump whenever extraction logic changes: rows carry it, so re-extractions can be told apart.
EXTRACTOR_VERSION = "0.1.0"


@dataclass
class Article:
    url: str
    canonical_url: str
    site: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    # calendar date in Asia/Karachi; None rather than wrong
    published: date | None = None
    # timezone-aware when the page gives a time
    published_at: datetime | None = None
    # which evidence gave the date (json-ld, meta, time-tag, byline ...), or why none
    date_source: str | None = None
    modified_at: datetime | None = None
    text: str = ""
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    skip_reason: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def decode_html(page: Page) -> str:
    return page.body.decode("utf-8", errors="replace")


def extract_article(page: Page, site_label: str | None = None) -> Article:
    html = decode_html(page)
    site = site_label or page.site or (urlsplit(page.url).hostname or "")
    doc = trafilatura.bare_extraction(
        html, url=page.url, include_comments=False, with_metadata=True, as_dict=True
    )
    if not doc or not doc.get("text"):
        return Article(url=page.url, canonical_url=page.url, site=site, skip_reason="no-article-text")
    published = None
    if doc.get("date"):
        try:
            published = date.fromisoformat(doc["date"][:10])
        except ValueError:
            published = None
    author = doc.get("author") or ""
    return Article(
        url=page.url,
        canonical_url=page.url,
        site=site,
        title=doc.get("title"),
        authors=[a.strip() for a in author.split(";") if a.strip()],
        published=published,
        date_source="trafilatura" if published else "no-date-found",
        text=doc["text"],
        language=doc.get("language"),
    )
