"""Does a fetched page look like an article? Cheap signals from its markup.

Used for URLs a sitemap or feed lists although they do not have the site's
configured article shape: the page itself then has to say it is an article.
"""

from __future__ import annotations

import re

_OG_TYPE = re.compile(rb"""<meta[^>]+property=["']og:type["'][^>]*content=["']([^"']+)""", re.I)
_OG_TYPE_REV = re.compile(rb"""<meta[^>]+content=["']([^"']+)["'][^>]*property=["']og:type["']""", re.I)
_LD_TYPE = re.compile(rb'"@type"\s*:\s*\[?\s*"([A-Za-z]+)"')
_PUBLISHED = re.compile(rb"""(article:published_time|itemprop=["']datePublished)""", re.I)
_ARTICLE_WITH_TIME = re.compile(rb"<article\b.*?<time\b", re.I | re.S)

ARTICLE_TYPES = {b"NewsArticle", b"Article", b"BlogPosting", b"ReportageNews", b"AnalysisNewsArticle",
                 b"OpinionNewsArticle", b"BackgroundNewsArticle", b"Report"}
LISTING_TYPES = {b"CollectionPage", b"ProfilePage", b"SearchResultsPage", b"ItemList"}


def article_signals(body: bytes) -> tuple[bool, str]:
    """(looks like an article, the signal that decided)."""
    og = _OG_TYPE.search(body) or _OG_TYPE_REV.search(body)
    ld_types = set(_LD_TYPE.findall(body))
    if ld_types & ARTICLE_TYPES:
        return True, "json-ld-article"
    if ld_types & LISTING_TYPES:
        return False, "json-ld-listing"
    if og is not None:
        kind = og.group(1).strip().lower()
        if kind == b"article":
            return True, "og-type-article"
        return False, f"og-type-{kind.decode('ascii', 'replace')}"
    if _PUBLISHED.search(body):
        return True, "published-time"
    if _ARTICLE_WITH_TIME.search(body[:500_000]):
        return True, "article-element-with-time"
    return False, "no-article-signal"
