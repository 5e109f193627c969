"""Discovery sources: what a registry entry lists, and each kind of source.

A ``Source`` is declarative data from the registry (a kind name, a URL, a page
limit). Its kind, one ``SourceKind`` subclass each (in the manner of Fundus'
``RSSFeed`` and ``Sitemap`` URL sources), knows how the source's URL is asked
for and how an answer reads: article URLs, further sources it points to, a next
page. Reading is pure (bytes in, values out, parsers from ``crawlers.discovery``);
the spider and ``pknews sites check`` decide what to fetch from it.

Adding a kind: a subclass here, its entry in ``SOURCE_KINDS``, tests in
tests/test_source_kinds.py, and a line in the README ("Adding a site").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from crawlers import discovery


@dataclass(frozen=True)
class Source:
    """One discovery source of a site, as the registry lists it."""

    kind: str
    url: str
    # paginated kinds (listing pages, the WordPress API): how many pages to read
    max_pages: int = 5

    def absolute(self, home: str) -> str:
        return urljoin(home.rstrip("/") + "/", self.url)


@dataclass(frozen=True)
class Child:
    """A further source that a source points to, with the date it gives for it."""

    source: Source
    lastmod: datetime | None = None


@dataclass(frozen=True)
class Reading:
    """What one answer of a source lists."""

    summary: str  # one line for `pknews sites check`
    entries: tuple[discovery.Entry, ...] = ()  # URLs that may be articles
    children: tuple[Child, ...] = ()
    # the children are the parts of this source (a sitemap index), one level
    # deeper, rather than other sources it names (robots.txt Sitemap lines)
    is_index: bool = False
    next_page: str | None = None  # the following page of this same source
    # False: only URLs of the registry's article shape count (listing links
    # point anywhere); True: other URLs of the site are fetched and the page decides
    candidates: bool = True


class SourceKind:
    """How one kind of source is asked for and read; subclasses set ``name`` and ``read``."""

    name: ClassVar[str]

    def crawl_url(self, url: str, since: datetime | None) -> str:
        """The first URL the crawl requests for a configured source at ``url``."""
        return url

    def check_url(self, url: str) -> str:
        """The URL `pknews sites check` fetches for a source at ``url``."""
        return url

    def read(self, body: bytes, url: str, page: int = 1, headers: Mapping[str, str] | None = None) -> Reading:
        """An answer's body read; raises ``discovery.NotXml`` when it is not what the kind expects.

        ``page`` counts the pages (or index levels) of this source read so far;
        ``headers`` are the response headers, when there are any to give.
        """
        raise NotImplementedError


def _with_query(url: str, **params) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update({k: str(v) for k, v in params.items()})
    return urlunsplit(parts._replace(query=urlencode(query)))


class Robots(SourceKind):
    """robots.txt, for its Sitemap lines."""

    name = "robots"

    def read(self, body, url, page=1, headers=None):
        maps = discovery.robots_sitemaps(body.decode("utf-8", "replace"))
        return Reading(f"{len(maps)} Sitemap line(s)", children=tuple(Child(Source(Sitemap.name, u)) for u in maps))


class Sitemap(SourceKind):
    """A sitemap: a urlset of pages, or an index of further sitemaps of the same kind."""

    name = "sitemap"

    def read(self, body, url, page=1, headers=None):
        sitemap = discovery.parse_sitemap(body)
        if sitemap.kind == "index":
            return Reading(
                f"sitemap index of {len(sitemap.entries)}",
                children=tuple(Child(Source(self.name, e.url), e.lastmod) for e in sitemap.entries),
                is_index=True,
            )
        dated = sum(1 for e in sitemap.entries if e.published or e.lastmod)
        return Reading(f"{len(sitemap.entries)} URLs, {dated} dated", entries=tuple(sitemap.entries))


class GoogleNewsSitemap(Sitemap):
    """A Google News sitemap (publication dates in ``news:`` tags, read by the sitemap parser)."""

    name = "google-news-sitemap"


class RSSFeed(SourceKind):
    """An RSS 2.0, RSS 1.0 (RDF) or Atom feed."""

    name = "rss"

    def read(self, body, url, page=1, headers=None):
        entries = discovery.parse_feed(body, url)
        return Reading(f"{len(entries)} items", entries=tuple(entries))


class FeedAutodiscovery(SourceKind):
    """A page, for the feeds it announces with ``<link rel="alternate">``."""

    name = "feed-autodiscovery"

    def read(self, body, url, page=1, headers=None):
        feeds = discovery.feed_links(body, url)
        return Reading(f"{len(feeds)} feed(s) announced", children=tuple(Child(Source(RSSFeed.name, u)) for u in feeds))


class WordPressPosts(SourceKind):
    """The WordPress REST API's post list (/wp-json/wp/v2/posts), page by page."""

    name = "wp-json"
    page_size = 50
    # one larger page is enough to see whether the API answers
    check_page_size = 100

    def crawl_url(self, url, since):
        params = {"per_page": self.page_size}
        if since:
            params["after"] = since.strftime("%Y-%m-%dT%H:%M:%S")
        return _with_query(url, **params)

    def check_url(self, url):
        if "per_page=" in url:
            return url
        return url + ("&" if "?" in url else "?") + f"per_page={self.check_page_size}"

    def read(self, body, url, page=1, headers=None):
        entries = discovery.parse_wp_posts(body)
        total_pages = (headers or {}).get("X-WP-TotalPages")
        if total_pages and total_pages.isdigit():
            more = int(total_pages) > page
        else:
            more = len(entries) >= self.page_size
        where = "on the first page" if page == 1 else f"on page {page}"
        return Reading(
            f"{len(entries)} posts {where}",
            entries=tuple(entries),
            next_page=_with_query(url, page=page + 1, per_page=self.page_size) if more else None,
        )


class Listing(SourceKind):
    """Category or front pages, for their article links, following rel=next (the last resort)."""

    name = "listing"

    def read(self, body, url, page=1, headers=None):
        links = discovery.page_links(body, url)
        next_page = discovery.next_page_link(body, url)
        return Reading(
            f"{len(links)} links" + (", has a next page" if next_page else ""),
            entries=tuple(discovery.Entry(u) for u in links),
            next_page=next_page,
            candidates=False,
        )


SOURCE_KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (Robots(), Sitemap(), GoogleNewsSitemap(), RSSFeed(), FeedAutodiscovery(), WordPressPosts(), Listing())
}


def source_kind(name: str) -> SourceKind:
    """The kind a registry source names (the registry refuses unknown names when it loads)."""
    return SOURCE_KINDS[name]
