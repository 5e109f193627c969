"""Article, mentions and quotes to plain row dicts, one dict per Parquet row."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from crawlers.urls import url_key
from extract.article import Article
from extract.nlp import Mention, Quote
from extract.page import Page

KARACHI = ZoneInfo("Asia/Karachi")
# Mention attrs that get a column of their own; any other attr lands in `attrs` as JSON.
MENTION_ATTR_COLUMNS = ("province", "country", "latitude", "longitude", "geonames_id", "granularity", "full_name")


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


def reference_datetime(article: Article) -> datetime | None:
    """What relative dates in the text are resolved against."""
    if article.published_at is not None:
        return article.published_at
    if article.published is not None:
        return datetime.combine(article.published, time(12, 0), tzinfo=KARACHI)
    return None


def article_row(article: Article, page: Page, site_label: str | None, extractor_version: str) -> dict:
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
        "source": page.source,
        "content_sha256": hashlib.sha256(page.body).hexdigest(),
        "extractor_version": extractor_version,
        # a new row is the latest version until a later one arrives (pipeline.versions)
        "version": 1,
        "is_latest": True,
    }


def mention_rows(aid: str, mentions: list[Mention]) -> list[dict]:
    rows = []
    for m in mentions:
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


def quote_rows(aid: str, quotes: list[Quote]) -> list[dict]:
    return [
        {
            "article_id": aid, "speaker": q.speaker, "speaker_kind": q.speaker_kind,
            "speaker_role_or_org": q.speaker_role_or_org, "verb": q.verb, "quote": q.quote,
            "direct": q.direct, "start_char": q.start_char, "end_char": q.end_char,
            "is_latest": True,  # of the article's latest version (pipeline.versions)
        }
        for q in quotes
    ]


def skipped_row(page: Page, site: str | None, reason: str, detail: str | None, extractor_version: str) -> dict:
    return {
        "url": page.url, "site": site, "source": page.source, "reason": reason, "detail": detail,
        "fetched_at": page.fetched_at, "extractor_version": extractor_version,
    }
