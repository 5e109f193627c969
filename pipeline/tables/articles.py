"""The ``articles`` table: one row per stored version of an article."""

from __future__ import annotations

import hashlib
from datetime import datetime
from urllib.parse import urlsplit

import pyarrow as pa

from crawlers.urls import url_key
from crawlers.warc import LIVE, capture_origin
from extract.article import Article
from extract.page import Page

from .common import STRINGS, UTC_TS

SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("canonical_url", pa.string()),
    ("site", pa.string()),
    ("site_label", pa.string()),
    ("title", pa.string()),
    ("author", pa.string()),
    ("authors", STRINGS),
    ("published", pa.date32()),
    ("published_at", UTC_TS),
    ("date_source", pa.string()),
    ("modified_at", UTC_TS),
    ("text", pa.string()),
    ("captions", STRINGS),
    ("language", pa.string()),
    ("word_count", pa.int32()),
    ("fetched_at", UTC_TS),
    # where the bytes came from: the site itself, or a web archive (``pknews backfill``)
    ("fetched_from", pa.string()),
    ("captured_at", UTC_TS),
    ("source", pa.string()),
    ("content_sha256", pa.string()),
    ("extractor_version", pa.string()),
    # 1 for the first stored version of an article, 2 for the next change ...;
    # kept right across fragments by pipeline.versions.reconcile_versions
    ("version", pa.int32()),
    ("is_latest", pa.bool_()),
])


def article_key_url(article: Article) -> str:
    """The URL an article is identified by: its canonical link when that is a real
    page of the same host, else the URL it was fetched from."""
    canon = article.canonical_url
    if canon and canon != article.url:
        same_host = urlsplit(canon).hostname and (
            (urlsplit(canon).hostname or "").removeprefix("www.")
            == (urlsplit(article.url).hostname or "").removeprefix("www.")
        )
        if same_host and urlsplit(canon).path.strip("/"):
            return url_key(canon)
    return url_key(article.url)


def article_id(article: Article) -> str:
    return hashlib.sha256(article_key_url(article).encode("utf-8")).hexdigest()[:20]


def fetched_from(page: Page) -> tuple[str | None, datetime | None]:
    """``(fetched_from, captured_at)``: ``site`` for a page of our own crawl, the archive
    for one backfilled from a web archive; neither for a third-party WARC or a loose file."""
    origin, captured_at = capture_origin(page.headers)
    if origin == LIVE and page.role is None:
        return None, None
    return origin, captured_at


def article_row(article: Article, page: Page, site_label: str | None, extractor_version: str) -> dict:
    origin, captured_at = fetched_from(page)
    return {
        "article_id": article_id(article),
        "url": article.url,
        "canonical_url": article.canonical_url,
        "site": article.site,
        "site_label": site_label,
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "authors": list(article.authors),
        "published": article.published,
        "published_at": article.published_at,
        "date_source": article.date_source,
        "modified_at": article.modified_at,
        "text": article.text,
        "captions": list(article.captions),
        "language": article.language,
        "word_count": article.word_count,
        "fetched_at": page.fetched_at,
        "fetched_from": origin,
        "captured_at": captured_at,
        "source": page.source,
        "content_sha256": hashlib.sha256(page.body).hexdigest(),
        "extractor_version": extractor_version,
        # a new row is the latest version until a later one arrives (pipeline.versions)
        "version": 1,
        "is_latest": True,
    }
