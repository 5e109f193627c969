"""HTML page to article: text without boilerplate plus title, authors, dates.

``extract_article(page)`` is the one entry point; it is pure (no network, no
global state) and deterministic. A page that is not an article comes back with
``skip_reason`` set and no text.

The work is split into small pure modules, each testable alone:

- :mod:`extract.decode`   bytes -> text (charset from BOM, UTF-8 validity, header, meta, cp1252)
- :mod:`extract.pagetype` article or not (listing, login, search, video-only, too-short)
- :mod:`extract.byline`   title without site suffix; authors as a list
- :mod:`extract.pubdate`  published / modified dates with the evidence used, or why none
- :mod:`extract.body`     article text (trafilatura + pre-cleaning + block clean-up), captions
- :mod:`extract.language` language of the text

Captions go to ``Article.captions`` (one string per image caption), not into ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from trafilatura import __version__ as _trafilatura_version

from extract.body import extract_body
from extract.byline import find_authors, find_title, site_names_of
from extract.decode import decode_body
from extract.dom import parse_html
from extract.language import declared_language, detect_language
from extract.page import Page
from extract.pagetype import content_skip_reason, page_kind, weak_page_verdict
from extract.pubdate import find_dates, text_positions

# Bump LOGIC_VERSION whenever extraction logic changes, the entity and quote rules of
# extract/nlp included (tests/test_extract_version.py fails until you do): rows carry
# EXTRACTOR_VERSION, so re-extractions can be told apart. trafilatura's version is
# part of it because its output is part of ours.
LOGIC_VERSION = "0.34.0"
EXTRACTOR_VERSION = f"{LOGIC_VERSION}+trafilatura-{_trafilatura_version}"


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
    # which evidence gave the date (json-ld, meta, time-tag, byline, near-title, url), or why
    # there is none (no-trustworthy-date, only-future-dates)
    date_source: str | None = None
    # timezone-aware; None when the page states no modification time
    modified_at: datetime | None = None
    # paragraphs, headings, quotes and embedded posts, one block per line; no captions
    text: str = ""
    # image captions of the article, in page order
    captions: list[str] = field(default_factory=list)
    # ISO 639-1 ("en", "ur", ...), from the text's script and words, then the page's lang
    language: str | None = None
    # listing-page, search-page, login-page, video-only, not-article, too-short, empty, feed,
    # unparsable
    skip_reason: str | None = None
    # --- added fields (defaults keep the contract) ---
    # modification date in Asia/Karachi (also when only a date is given) and its evidence
    modified: date | None = None
    date_modified_source: str | None = None
    # byline, json-ld, meta or dateline (names in the date line under the headline)
    author_source: str | None = None
    # "article", or the skip reason without "-page" ("listing", "login", "video-only", ...)
    page_type: str = "article"
    # more on the skip ("12 words", "og:type website")
    skip_detail: str | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())


# an RSS/Atom/RDF document (a feed saved under an article's name): the root element comes
# first, after at most an XML declaration, comments or a stylesheet instruction
_FEED_START = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*"
                         r"<(?:rss|feed|rdf:RDF)\b", re.S)


def decode_html(page: Page) -> str:
    return decode_body(page.body, page.content_type or page.headers.get("Content-Type") or page.headers.get("content-type"))


def canonical_of(tree, url: str) -> str:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            href = link.get("href").strip()
            absolute = urljoin(url, href)
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return url


def _skipped(page: Page, site: str, reason: str, detail: str | None = None, title=None, canonical=None) -> Article:
    return Article(url=page.url, canonical_url=canonical or page.url, site=site, title=title,
                   skip_reason=reason, skip_detail=detail, page_type=reason.removesuffix("-page"))


def extract_body_only(url: str, raw: bytes, content_type: str | None = None) -> str:
    """The body text alone (benchmarks)."""
    tree = parse_html(decode_body(raw, content_type))
    if tree is None:
        return ""
    title, h1 = find_title(tree, url)
    return extract_body(tree, url, title, h1, site_names_of(tree, None))[0]


def extract_article(page: Page, site_label: str | None = None) -> Article:
    """The article of ``page``, or an Article with its ``skip_reason`` when the page holds
    none. Cheap verdicts come first (empty, a feed, unparsable, a listing or login page by
    URL and markup), so that no body is extracted for pages that are not articles; pages
    the markup leaves in doubt are judged again once their text and date are known."""
    site = site_label or page.site or (urlsplit(page.url).hostname or "")
    markup = decode_html(page)
    if not markup.strip():
        return _skipped(page, site, "empty", detail=f"{len(page.body)} bytes")
    if _FEED_START.match(markup):
        return _skipped(page, site, "feed")
    tree = parse_html(markup)
    if tree is None:
        return _skipped(page, site, "unparsable")
    canonical = canonical_of(tree, page.url)
    kind, reason = page_kind(tree, page.url)
    title, h1 = find_title(tree, page.url, site_label)
    if kind == "skip":
        return _skipped(page, site, reason or "not-article", title=title, canonical=canonical)
    text, captions = extract_body(tree, page.url, title, h1, site_names_of(tree, site_label))
    why = content_skip_reason(tree, text, h1)
    if why:
        return _skipped(page, site, why, detail=f"{len(text.split())} words", title=title, canonical=canonical)
    positions = text_positions(tree) if h1 is not None else None
    dates = find_dates(tree, url=page.url, fetched_at=page.fetched_at, h1=h1, positions=positions)
    pub, mod = dates.published, dates.modified
    if kind == "maybe":
        why = weak_page_verdict(reason or "not-article", text, pub is not None)
        if why:
            return _skipped(page, site, why, detail="og:type website", title=title, canonical=canonical)
    authors, author_source = find_authors(tree, h1, positions)
    return Article(
        url=page.url,
        canonical_url=canonical,
        site=site,
        title=title,
        authors=authors,
        published=pub.local_date if pub else None,
        published_at=pub.aware if pub else None,
        date_source=pub.source if pub else dates.reason,
        modified_at=mod.aware if mod else None,
        modified=mod.local_date if mod else None,
        date_modified_source=mod.source if mod else None,
        author_source=author_source,
        text=text,
        captions=captions,
        language=detect_language(text, declared_language(tree)),
    )
