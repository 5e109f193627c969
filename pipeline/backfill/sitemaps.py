"""The ``sitemaps`` archive of ``pknews backfill``: a site's own sitemaps, read for a period.

Sites whose sitemap index reaches back (WordPress's monthly post sitemaps, the
Tribune's archive sitemaps) list their old articles with dates. The site's
sitemap sources (``robots``, ``sitemap``, ``google-news-sitemap`` in the
registry) are read as the crawl reads them (``crawlers.source_kinds``): a child
sitemap whose lastmod is before the period is not fetched (the crawl's
``--since`` rule), and an entry is kept when its date (published, else lastmod)
lies in the period. Entries are then fetched from the site itself, at the
crawl's request interval, with the crawl's user agent, and not when the site's
robots.txt disallows them.

It offers what the web-archive clients offer (``list_site`` for
``list_captures``, ``fetch``, ``clients``), so the backfill treats it like
them; ``live`` says the pages come from the site (``fetched_from`` = ``site``,
no capture time).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from datetime import datetime
from urllib.robotparser import RobotFileParser

from crawlers import discovery
from crawlers.registry import Site
from crawlers.settings import USER_AGENT
from crawlers.source_kinds import source_kind
from crawlers.webarchives import ArchivedResponse, BadCapture, Capture, PoliteClient, as_utc

SITEMAP_KINDS = ("robots", "sitemap", "google-news-sitemap")
MAX_DEPTH = 4  # robots.txt -> index -> (index ->) urlset


class SiteSitemaps:
    name = "sitemaps"
    live = True
    lists_candidates = True  # a sitemap entry of another URL shape is fetched and the page decides, as in the crawl

    def __init__(self, interval: float, **client_opts):
        self.client = PoliteClient("sites", interval, **client_opts)
        self.clients = (self.client,)

    def robots(self, site: Site) -> RobotFileParser:
        """The site's robots.txt rules, as the crawl obeys them (401/403: nothing
        allowed, another error or none: everything)."""
        url = site.home.rstrip("/") + "/robots.txt"
        parser = RobotFileParser(url)
        resp = self.client.get(url)
        if resp.status in (401, 403):
            parser.disallow_all = True
        elif resp.status >= 400:
            parser.allow_all = True
        else:
            parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser

    def list_site(self, site: Site, since: datetime, until: datetime) -> Iterator[Capture]:
        """The site's sitemap entries dated in the period, as captures to fetch live
        (``timestamp``: the entry's date)."""
        robots = self.robots(site)
        queue = deque((s.kind, s.absolute(site.home), 1) for s in site.sources if s.kind in SITEMAP_KINDS)
        seen: set[str] = set()
        while queue:
            kind, url, depth = queue.popleft()
            if url in seen or depth > MAX_DEPTH:
                continue
            seen.add(url)
            resp = self.client.get(url)
            if resp.status != 200:
                continue
            try:
                reading = source_kind(kind).read(resp.body, url, depth, resp.headers)
            except discovery.NotXml:
                continue
            for child in reading.children:
                if child.lastmod is None or child.lastmod >= since:
                    queue.append((child.source.kind, child.source.url, depth + 1))
            for entry in reading.entries:
                when = entry.published or entry.lastmod
                if when is None or not since <= as_utc(when) <= until or not robots.can_fetch(USER_AGENT, entry.url):
                    continue
                yield Capture(url=entry.url, timestamp=as_utc(when), status=200, mimetype="text/html",
                              archive=self.name, replay_url=entry.url)

    def fetch(self, capture: Capture) -> ArchivedResponse:
        resp = self.client.get(capture.url, allow_partial=True)
        if not resp.complete:
            raise BadCapture("truncated", capture)
        return ArchivedResponse(capture, resp.status, resp.headers, resp.body, resp.url, resp.headers)
