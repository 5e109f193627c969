"""Pure parsers for discovery sources: robots.txt, sitemaps, feeds, listings.

Each takes bytes or text and returns plain values; the spider decides what to
request. XML is parsed with entity expansion and network access off, so a
hostile sitemap can neither expand entities nor make us fetch anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

# A sitemap larger than this is cut off rather than parsed (Google's limit is 50 MB).
MAX_XML_BYTES = 50 * 1024 * 1024


class NotXml(ValueError):
    """A source that should be XML is not."""


@dataclass(frozen=True)
class Entry:
    """One URL a source lists, with whatever dates it gives."""

    url: str
    lastmod: datetime | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Sitemap:
    kind: str  # "index" or "urlset"
    entries: list[Entry]


def parse_datetime(value: str | None) -> datetime | None:
    """W3C datetime or RFC 822 date to an aware UTC datetime; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            dt = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def robots_sitemaps(text: str) -> list[str]:
    """The Sitemap lines of a robots.txt, in order."""
    urls = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            urls.append(value.strip())
    return list(dict.fromkeys(urls))


def _xml_root(body: bytes) -> etree._Element:
    if len(body) > MAX_XML_BYTES:
        raise NotXml(f"XML body of {len(body)} bytes exceeds {MAX_XML_BYTES}")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=True,
        remove_comments=True, load_dtd=False,
    )
    try:
        root = etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError as err:
        raise NotXml(str(err)) from None
    if root is None:
        raise NotXml("empty or unparseable XML")
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return None


def parse_sitemap(body: bytes) -> Sitemap:
    """A sitemap index or urlset, Google News tags included."""
    root = _xml_root(body)
    kind = _local(root.tag)
    if kind == "sitemapindex":
        item_tag, out_kind = "sitemap", "index"
    elif kind == "urlset":
        item_tag, out_kind = "url", "urlset"
    else:
        raise NotXml(f"not a sitemap: root element <{kind}>")
    entries = []
    for item in root:
        if _local(item.tag) != item_tag:
            continue
        loc = _child_text(item, "loc")
        if not loc:
            continue
        entries.append(
            Entry(
                url=loc,
                lastmod=parse_datetime(_child_text(item, "lastmod")),
                published=parse_datetime(_child_text(item, "publication_date")),
            )
        )
    return Sitemap(out_kind, entries)


def parse_feed(body: bytes, base_url: str = "") -> list[Entry]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed."""
    root = _xml_root(body)
    kind = _local(root.tag)
    if kind not in ("rss", "feed", "RDF"):
        raise NotXml(f"not a feed: root element <{kind}>")
    entries = []
    for item in root.iter():
        name = _local(item.tag)
        if name == "item":
            link = _child_text(item, "link")
            date = _child_text(item, "pubDate") or _child_text(item, "date")
            updated = None
        elif name == "entry":
            link = None
            for child in item:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
            date = _child_text(item, "published")
            updated = _child_text(item, "updated")
        else:
            continue
        if link:
            entries.append(
                Entry(
                    url=urljoin(base_url, link.strip()),
                    lastmod=parse_datetime(updated),
                    published=parse_datetime(date),
                )
            )
    return entries


def parse_wp_posts(body: bytes) -> list[Entry]:
    """Posts from a WordPress REST API answer (/wp-json/wp/v2/posts)."""
    try:
        posts = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise NotXml(f"not JSON: {err}") from None
    if not isinstance(posts, list):
        raise NotXml("WordPress API answer is not a list of posts")
    entries = []
    for post in posts:
        if isinstance(post, dict) and isinstance(post.get("link"), str):
            entries.append(
                Entry(
                    url=post["link"],
                    lastmod=parse_datetime(_as_utc_text(post.get("modified_gmt"))),
                    published=parse_datetime(_as_utc_text(post.get("date_gmt"))),
                )
            )
    return entries


def _as_utc_text(value: object) -> str | None:
    # WordPress' *_gmt fields carry no zone marker although they are UTC.
    if isinstance(value, str) and value and not value.endswith(("Z", "+00:00")):
        return value + "+00:00"
    return value if isinstance(value, str) else None


def page_links(body: bytes, base_url: str) -> list[str]:
    """Absolute href targets of every link on an HTML page, in order, once each."""
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    links = []
    for a in doc.iter("a"):
        href = a.get("href")
        if href and not href.startswith(("#", "mailto:", "javascript:", "tel:")):
            links.append(urljoin(base_url, href.strip()).split("#", 1)[0])
    return list(dict.fromkeys(links))


def next_page_link(body: bytes, base_url: str) -> str | None:
    """The rel=next (or "next page") link of a listing page."""
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return None
    for el in doc.iter("link", "a"):
        rel = (el.get("rel") or "").lower().split()
        classes = (el.get("class") or "").lower().split()
        if el.get("href") and ("next" in rel or "next" in classes):
            return urljoin(base_url, el.get("href"))
    return None


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml">."""
    try:
        doc = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    feeds = []
    for el in doc.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        kind = (el.get("type") or "").lower()
        if "alternate" in rel and kind in ("application/rss+xml", "application/atom+xml") and el.get("href"):
            feeds.append(urljoin(base_url, el.get("href")))
    return feeds
