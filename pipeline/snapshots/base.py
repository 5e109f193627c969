"""Shared pieces of the snapshot sites: article records, body markup, responses,
XML/RSS builders and the template base class.

A site is a template (a subclass of :class:`SiteTemplate` that knows its URL
shapes and page layout) plus data (a list of :class:`ArticleRecord`). Adding a
site template means writing a subclass that overrides ``article_path``,
``render_article`` and ``route``; everything else (feeds, sitemaps, gold data)
comes from the shared helpers here.

Everything is deterministic: no clock, no randomness. The snapshot was "taken"
on :data:`SNAPSHOT_TODAY`, the date every page header shows.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Iterable, Sequence
from xml.sax.saxutils import escape as xml_escape

PKT = timezone(timedelta(hours=5), "PKT")
UTC = timezone.utc
#: The date the snapshot was "taken": the page-header "today" trap.
SNAPSHOT_TODAY = date(2025, 9, 12)
SNAPSHOT_NOW = datetime(2025, 9, 12, 9, 0, tzinfo=PKT)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def long_date(d: date | datetime) -> str:
    """'February 21, 2024' (no zero padding), as WordPress themes print it."""
    return f"{d:%B} {d.day}, {d.year}"


def weekday_date(d: date | datetime) -> str:
    """'Friday, September 12, 2025'."""
    return f"{d:%A}, {long_date(d)}"


HEADER_TODAY = weekday_date(SNAPSHOT_TODAY)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------
# Article records and the body mini-markup
# --------------------------------------------------------------------------

#: Date metadata variants of an article page.
#: ``jsonld``  JSON-LD NewsArticle datePublished/dateModified, article:published_time
#:             meta and a <time datetime> in the byline;
#: ``time``    only a <time datetime> element in the byline;
#: ``byline``  the date only as visible byline text (no machine-readable date).
DATE_STYLES = ("jsonld", "time", "byline")


@dataclass(frozen=True)
class Block:
    kind: str  # p, h, figure, tweet, quote, list
    text: str = ""
    extra: str = ""  # figure: image src; tweet: attribution line
    items: tuple[str, ...] = ()


@dataclass
class ArticleRecord:
    """One page of a snapshot site in its article URL shape.

    ``body`` uses a tiny markup: paragraphs separated by blank lines;
    ``## text`` a heading; ``[img src | caption]`` a figure;
    ``[tweet text | attribution]`` an embedded tweet; ``> text`` a block quote;
    lines starting with ``- `` a bullet list.
    """

    slug: str
    title: str
    authors: tuple[str, ...]
    published: datetime
    body: str
    category: str = "Pakistan"
    tags: tuple[str, ...] = ()
    modified: datetime | None = None
    date_style: str = "jsonld"
    kind: str = "article"  # "article" or "video" (not an article)
    language: str = "en"
    encoding: str = "utf-8"  # "cp1252": bytes in windows-1252, charset not declared
    post_id: int = 0  # WordPress post id or Dawn story id
    path: str | None = None  # overrides the template's URL shape
    lead_image: tuple[str, str] | None = None  # (src, caption) above the body
    video: str | None = None  # embed URL for video pages
    excerpt: str | None = None

    def __post_init__(self) -> None:
        if self.date_style not in DATE_STYLES:
            raise ValueError(f"{self.slug}: bad date_style {self.date_style!r}")
        if self.published.tzinfo is None:
            raise ValueError(f"{self.slug}: published must be timezone-aware")
        self.authors = tuple(self.authors)
        self.tags = tuple(self.tags)

    @property
    def blocks(self) -> list[Block]:
        return parse_body(self.body)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "p"]

    @property
    def updated(self) -> datetime:
        return self.modified or self.published

    @property
    def local_date(self) -> date:
        return self.published.astimezone(PKT).date()

    @property
    def summary(self) -> str:
        if self.excerpt:
            return self.excerpt
        paras = self.paragraphs
        return split_sentences(paras[0])[0] if paras else self.title

    @property
    def byline(self) -> str:
        return join_authors(self.authors)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) + sum(len(i.split()) for i in b.items) for b in self.blocks)


def join_authors(authors: Sequence[str]) -> str:
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + " and " + authors[-1]


_IMG = re.compile(r"^\[img\s+(\S+)\s*\|\s*(.*)\]$", re.S)
_TWEET = re.compile(r"^\[tweet\s+(.*)\|\s*(.*)\]$", re.S)


def parse_body(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        chunk = " ".join(line.strip() for line in chunk.strip().splitlines()) if not chunk.lstrip().startswith("- ") else chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("## "):
            blocks.append(Block("h", chunk[3:].strip()))
        elif m := _IMG.match(chunk):
            blocks.append(Block("figure", m.group(2).strip(), m.group(1)))
        elif m := _TWEET.match(chunk):
            blocks.append(Block("tweet", m.group(1).strip(), m.group(2).strip()))
        elif chunk.startswith("> "):
            blocks.append(Block("quote", chunk[2:].strip()))
        elif chunk.startswith("- "):
            items = tuple(line.strip()[2:].strip() for line in chunk.splitlines() if line.strip())
            blocks.append(Block("list", items=items))
        else:
            blocks.append(Block("p", chunk))
    return blocks


_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "no", "rs", "jan", "feb", "aug", "sept", "sep", "oct",
    "nov", "dec", "gen", "lt", "col", "prof", "sr", "jr", "vs", "inc", "co", "govt", "e.g", "i.e",
}
_SENT_END = re.compile(r"([.!?۔؟])([\"”’)]*)\s+(?=[\"“‘(]?[A-Z0-9\u0600-\u06FF])")


def split_sentences(text: str) -> list[str]:
    """Sentence split good enough for the project's own fixture text."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        before = text[start:m.start(1)]
        last_word = before.split()[-1] if before.split() else ""
        lw = last_word.lower().rstrip(".")
        if m.group(1) == "." and (lw in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", last_word)):
            continue  # "Mr. X", "D.I. Khan"
        out.append(text[start:m.end(2)].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


# --------------------------------------------------------------------------
# HTML body rendering
# --------------------------------------------------------------------------

def render_blocks(blocks: Iterable[Block], *, figure_class: str = "wp-block-image", lang: str = "en") -> str:
    out: list[str] = []
    for b in blocks:
        if b.kind == "p":
            out.append(f"<p>{esc(b.text)}</p>")
        elif b.kind == "h":
            out.append(f'<h3 class="wp-block-heading">{esc(b.text)}</h3>')
        elif b.kind == "figure":
            out.append(
                f'<figure class="{figure_class}"><img decoding="async" loading="lazy" width="800" height="450" '
                f'src="{esc(b.extra)}" alt="{esc(b.text)}"><figcaption class="wp-element-caption">{esc(b.text)}</figcaption></figure>'
            )
        elif b.kind == "tweet":
            handle = re.search(r"@(\w+)", b.extra)
            user = handle.group(1) if handle else "i"
            attribution, _, when = b.extra.rpartition(")")
            out.append(
                f'<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
                f'<div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet" data-width="550">'
                f'<p lang="{lang}" dir="ltr">{esc(b.text)}</p>&mdash; {esc(attribution)}) '
                f'<a href="https://twitter.com/{user}/status/17{abs(hash_text(b.text)) % 10**16:016d}">{esc(when.strip())}</a>'
                f'</blockquote></div></figure>'
            )
        elif b.kind == "quote":
            out.append(f'<blockquote class="wp-block-quote"><p>{esc(b.text)}</p></blockquote>')
        elif b.kind == "list":
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in b.items) + "</ul>")
    return "\n".join(out)


def hash_text(text: str) -> int:
    """A stable (not salted) hash for ids derived from text."""
    h = 1469598103934665603
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 1099511628211) % (1 << 63)
    return h


def render_body_text(record: ArticleRecord) -> str:
    """The article body as plain text, as a reader sees it (used by benchmarks/tests)."""
    parts = []
    for b in record.blocks:
        if b.kind == "list":
            parts.extend(b.items)
        elif b.kind == "tweet":
            parts.append(b.text)
        else:
            parts.append(b.text)
    return "\n".join(parts)


# --------------------------------------------------------------------------
# Responses
# --------------------------------------------------------------------------

@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def html_response(text: str, status: int = 200, last_modified: datetime | None = None) -> Response:
    headers = {}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    return Response(status, text.encode("utf-8"), "text/html; charset=utf-8", headers)


def xml_response(text: str, content_type: str = "application/xml; charset=utf-8") -> Response:
    return Response(200, text.encode("utf-8"), content_type)


def text_response(text: str, status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"), "text/plain; charset=utf-8")


def json_response(data, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(status, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                    "application/json; charset=UTF-8", dict(headers or {}))


def redirect(location: str, status: int = 301) -> Response:
    return Response(status, b"", "text/html; charset=utf-8", {"Location": location})


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def iso_gmt_naive(dt: datetime) -> str:
    """WordPress REST style: '2024-02-21T09:30:00' (GMT, no offset)."""
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def iso_local_naive(dt: datetime) -> str:
    return dt.astimezone(PKT).replace(tzinfo=None).isoformat(timespec="seconds")


# 1x1 transparent GIF, served for every image URL.
PIXEL_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


# --------------------------------------------------------------------------
# Feeds and sitemaps
# --------------------------------------------------------------------------

def _sitemap(root: str, item: str, entries: Iterable[tuple[str, datetime | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for loc, lastmod in entries:
        lines.append(f"\t<{item}>")
        lines.append(f"\t\t<loc>{xml_escape(loc)}</loc>")
        if lastmod is not None:
            lines.append(f"\t\t<lastmod>{iso(lastmod)}</lastmod>")
        lines.append(f"\t</{item}>")
    lines.append(f"</{root}>")
    return "\n".join(lines) + "\n"


def sitemap_urlset(entries: Iterable[tuple[str, datetime | None]]) -> str:
    return _sitemap("urlset", "url", entries)


def sitemap_index(entries: Iterable[tuple[str, datetime | None]]) -> str:
    return _sitemap("sitemapindex", "sitemap", entries)


def google_news_sitemap(entries: Iterable[tuple[str, ArticleRecord]], publication: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
             'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">']
    for loc, r in entries:
        lines += [
            "<url>",
            f"<loc>{xml_escape(loc)}</loc>",
            "<news:news>",
            "<news:publication>",
            f"<news:name>{xml_escape(publication)}</news:name>",
            f"<news:language>{r.language}</news:language>",
            "</news:publication>",
            f"<news:publication_date>{iso(r.published)}</news:publication_date>",
            f"<news:title>{xml_escape(r.title)}</news:title>",
            "</news:news>",
            "</url>",
        ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def rss_feed(*, title: str, link: str, self_url: str, description: str,
             items: Iterable[tuple[str, ArticleRecord]], language: str = "en-US",
             generator: str = "https://wordpress.org/?v=6.4.3", content: bool = True) -> str:
    items = list(items)
    last = max((r.updated for _, r in items), default=SNAPSHOT_NOW)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">',
        "<channel>",
        f"\t<title>{xml_escape(title)}</title>",
        f'\t<atom:link href="{xml_escape(self_url)}" rel="self" type="application/rss+xml" />',
        f"\t<link>{xml_escape(link)}</link>",
        f"\t<description>{xml_escape(description)}</description>",
        f"\t<lastBuildDate>{http_date(last).replace('GMT', '+0000')}</lastBuildDate>",
        f"\t<language>{language}</language>",
        "\t<sy:updatePeriod>hourly</sy:updatePeriod>",
        "\t<sy:updateFrequency>1</sy:updateFrequency>",
        f"\t<generator>{xml_escape(generator)}</generator>",
    ]
    for url, r in items:
        lines += [
            "\t<item>",
            f"\t\t<title>{xml_escape(r.title)}</title>",
            f"\t\t<link>{xml_escape(url)}</link>",
            f"\t\t<dc:creator><![CDATA[{r.byline}]]></dc:creator>",
            f"\t\t<pubDate>{http_date(r.published).replace('GMT', '+0000')}</pubDate>",
            f"\t\t<category><![CDATA[{r.category}]]></category>",
        ]
        lines += [f"\t\t<category><![CDATA[{t}]]></category>" for t in r.tags]
        lines += [
            f'\t\t<guid isPermaLink="false">{xml_escape(url)}</guid>',
            f"\t\t<description><![CDATA[{r.summary} [&#8230;]]]></description>",
        ]
        if content:
            lines.append(f"\t\t<content:encoded><![CDATA[{render_blocks(r.blocks)}]]></content:encoded>")
        lines.append("\t</item>")
    lines += ["</channel>", "</rss>"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Request:
    """What a template sees of a request."""

    path: str  # without query
    query: dict[str, list[str]]
    base: str  # "http://<Host header>"

    def q(self, name: str, default: str | None = None) -> str | None:
        vals = self.query.get(name)
        return vals[0] if vals else default


class SiteTemplate:
    """Base class of a snapshot site. Subclasses set the class attributes and
    override ``article_path``, ``render_article`` and ``route``."""

    name: str = ""  # host name is "<name>.snapshot.test"
    #: module under pipeline/snapshots/data/ holding ARTICLES (default: ``name``)
    data_module: str | None = None
    label: str = ""
    title_suffix: str = ""
    per_page: int = 5
    #: exact robots.txt Disallow prefixes (besides admin areas) and the paths they hide
    robots_disallow: tuple[str, ...] = ()

    def __init__(self, records: Sequence[ArticleRecord]):
        self.records = list(records)
        paths = [self.article_path(r) for r in self.records]
        if len(set(paths)) != len(paths):
            raise ValueError(f"{self.name}: duplicate article paths")
        self._by_path = dict(zip(paths, self.records))

    # --- identity -------------------------------------------------------------
    @property
    def hostname(self) -> str:
        return f"{self.name}.snapshot.test"

    # --- URL shapes -------------------------------------------------------------
    def article_path(self, r: ArticleRecord) -> str:
        raise NotImplementedError

    def record_for_path(self, path: str) -> ArticleRecord | None:
        return self._by_path.get(path)

    def is_disallowed(self, path: str) -> bool:
        return any(path.startswith(p) for p in self.robots_disallow)

    # --- record sets ------------------------------------------------------------
    def newest_first(self, records: Iterable[ArticleRecord] | None = None) -> list[ArticleRecord]:
        recs = self.records if records is None else list(records)
        return sorted(recs, key=lambda r: (r.published, r.slug), reverse=True)

    def articles(self) -> list[ArticleRecord]:
        """Gold articles: real articles a polite crawler may fetch."""
        return [r for r in self.records if r.kind == "article" and not self.is_disallowed(self.article_path(r))]

    def disallowed_records(self) -> list[ArticleRecord]:
        return [r for r in self.records if self.is_disallowed(self.article_path(r))]

    def non_article_records(self) -> list[ArticleRecord]:
        return [r for r in self.records if r.kind != "article"]

    def recent(self, exclude: ArticleRecord | None = None, n: int = 5) -> list[ArticleRecord]:
        """Most recent posts (what 'Recent Posts' widgets show), never the page itself
        nor a post with the same title."""
        out = [r for r in self.newest_first()
               if r.kind == "article" and (exclude is None or (r is not exclude and r.title != exclude.title))]
        return out[:n]

    def related(self, r: ArticleRecord, n: int = 3) -> list[ArticleRecord]:
        """Related posts: same category, else most recent; deterministic order."""
        pool = [x for x in self.newest_first() if x is not r and x.title != r.title and x.kind == "article"]
        same = [x for x in pool if x.category == r.category]
        rest = [x for x in pool if x.category != r.category]
        recent_titles = {x.title for x in self.recent(r)}
        picks = [x for x in same + rest if x.title not in recent_titles]
        return (picks + [x for x in same + rest if x not in picks])[:n]

    def neighbours(self, r: ArticleRecord) -> tuple[ArticleRecord | None, ArticleRecord | None]:
        """(previous, next) post by date, skipping same-title variants."""
        ordered = sorted((x for x in self.records if x.kind == "article"), key=lambda x: (x.published, x.slug))
        if r not in ordered:
            return None, None
        i = ordered.index(r)
        prev = next((x for x in reversed(ordered[:i]) if x.title != r.title), None)
        nxt = next((x for x in ordered[i + 1:] if x.title != r.title), None)
        return prev, nxt

    # --- pages ------------------------------------------------------------------
    def render_article(self, r: ArticleRecord, base: str) -> str:
        raise NotImplementedError

    def non_article_paths(self) -> list[str]:
        """Listing, tag, author, about, login pages and non-article records."""
        raise NotImplementedError

    def forbidden(self, r: ArticleRecord) -> list[str]:
        """Boilerplate strings the article page shows outside the article body."""
        raise NotImplementedError

    def article_response(self, r: ArticleRecord, base: str) -> Response:
        page = self.render_article(r, base)
        if r.encoding == "cp1252":
            # a misconfigured server: windows-1252 bytes, no charset anywhere
            return Response(200, page.encode("cp1252"), "text/html",
                            {"Last-Modified": http_date(r.updated)})
        return html_response(page, last_modified=r.updated)

    def route(self, req: Request) -> Response | None:
        raise NotImplementedError

    def handle(self, req: Request) -> Response:
        if req.path.startswith(("/wp-content/uploads/", "/images/", "/static/img/")):
            return Response(200, PIXEL_GIF, "image/gif")
        resp = self.route(req)
        if resp is None:
            return html_response(self.render_not_found(req.base), status=404)
        return resp

    def render_not_found(self, base: str) -> str:
        return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found{esc(self.title_suffix)}</title>'
                f'</head><body><h1>Oops! That page can&rsquo;t be found.</h1><p><a href="{base}/">{esc(self.label)}</a></p></body></html>')

    # helpers
    def url(self, base: str, r: ArticleRecord) -> str:
        return base + self.article_path(r)

    def page_slice(self, records: list[ArticleRecord], page: int) -> tuple[list[ArticleRecord], bool]:
        start = (page - 1) * self.per_page
        chunk = records[start:start + self.per_page]
        return chunk, start + self.per_page < len(records)


def parse_page_number(value: str | None) -> int | None:
    if value is None:
        return 1
    return int(value) if value.isdigit() and int(value) >= 1 else None
