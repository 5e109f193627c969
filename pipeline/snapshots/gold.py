"""Gold data of the snapshot sites, and page rendering for benchmarks.

- :func:`expected_articles` -- every article a polite crawler should end up with
  (robots-disallowed articles and non-articles excluded), with title, authors,
  publication date, language, first/last sentence and the boilerplate strings
  that must not appear in extracted text.
- :func:`non_article_paths` / :func:`disallowed_paths` -- per site.
- :func:`render_article_page` -- render any :class:`ArticleRecord` with a
  site's template (benchmarks synthesise thousands of pages this way);
  :func:`render_path` -- any URL path of a site without a server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qs, urlsplit

from .base import ArticleRecord, Request, Response, split_sentences
from .sites import all_sites, get_site


@dataclass(frozen=True)
class ExpectedArticle:
    site: str  # snapshot site name, e.g. "photonews" (registry name: "snapshot-photonews")
    path: str  # URL path (+query) on the site, e.g. "/x-outage-enters-fourth-day-.../"
    title: str  # without the site suffix
    authors: list[str]
    published: date  # local (Asia/Karachi) publication date
    language: str  # "en" or "ur"
    first_sentence: str
    last_sentence: str
    forbidden: list[str] = field(default_factory=list)
    has_date_metadata: bool = True
    encoding: str = "utf-8"  # "cp1252" for the page served without a charset

    @property
    def registry_name(self) -> str:
        return f"snapshot-{self.site}"

    @property
    def hostname(self) -> str:
        return f"{self.site}.snapshot.test"

    def url(self, base: str | None = None) -> str:
        """Absolute URL; ``base`` like ``http://photonews.snapshot.test:8800`` (default: no port)."""
        return (base or f"http://{self.hostname}").rstrip("/") + self.path


def _expected(site_name: str, r: ArticleRecord) -> ExpectedArticle:
    site = get_site(site_name)
    paras = r.paragraphs
    return ExpectedArticle(
        site=site.name,
        path=site.article_path(r),
        title=r.title,
        authors=list(r.authors),
        published=r.local_date,
        language=r.language,
        first_sentence=split_sentences(paras[0])[0],
        last_sentence=split_sentences(paras[-1])[-1],
        forbidden=site.forbidden(r),
        has_date_metadata=r.date_style != "byline",
        encoding=r.encoding,
    )


def expected_articles(site: str | None = None) -> list[ExpectedArticle]:
    """Gold articles of every snapshot site (or one), in site then path order."""
    out = []
    for name, s in all_sites().items():
        if site is not None and name != site.removeprefix("snapshot-"):
            continue
        out.extend(_expected(name, r) for r in s.articles())
    return sorted(out, key=lambda a: (a.site, a.path))


def non_article_paths(site: str) -> list[str]:
    """Pages of the site that are not articles: home, listings (with pagination),
    tag, author, about, login pages and non-article pages in the article URL shape
    (e.g. a video-only page)."""
    return get_site(site).non_article_paths()


def disallowed_paths(site: str) -> list[str]:
    """Article pages robots.txt forbids (linked from sitemaps, feeds and listings)."""
    s = get_site(site)
    return [s.article_path(r) for r in s.disallowed_records()]


def site_names() -> list[str]:
    return list(all_sites())


def article_records(site: str) -> list[ArticleRecord]:
    """All records of a site (articles, the disallowed one, non-articles)."""
    return list(get_site(site).records)


def render_article_page(template: str, record: ArticleRecord, host: str | None = None) -> str:
    """HTML of ``record`` rendered as an article page of ``template``
    ("photonews", "drm", "dawn"), with that site's menus, related posts and
    other boilerplate. ``host`` defaults to the site's snapshot host name."""
    site = get_site(template)
    return site.render_article(record, f"http://{host or site.hostname}")


def render_path(site: str, path: str, host: str | None = None) -> Response:
    """What the server would answer for ``path`` (may include a query) on ``site``."""
    s = get_site(site)
    parts = urlsplit(path)
    return s.handle(Request(parts.path or "/", parse_qs(parts.query, keep_blank_values=True),
                            f"http://{host or s.hostname}"))
