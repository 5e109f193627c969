"""Snapshot sites that each offer one discovery surface, for discovery tests.

Same layouts and articles as ``drm`` and ``dawn``, served under their own host
names, but each exposing only one way to find its articles (a sitemap index, a
Google News sitemap, an RSS feed, the WordPress REST API, or listing pages).
They are not part of the gold set (their articles are the drm/dawn ones), and
their registry entries live in ``crawlers/sites/discovery.toml``, where some
configured sources fail on purpose so the fallbacks are exercised. ``sites``
binds them to their data (``sites.variant_sites``).
"""

from __future__ import annotations

from .base import Request, Response, SiteTemplate
from .dawn import Dawn
from .drm import DigitalRightsMonitor


class SitemapIndexOnly(DigitalRightsMonitor):
    name = "sitemapindex"
    data_module = "drm"
    sitemap_style = "index"
    has_feed = False
    has_wp_json = False


class RssOnly(DigitalRightsMonitor):
    name = "rssonly"
    data_module = "drm"
    sitemap_style = None
    has_feed = True
    has_wp_json = False


class WpJsonOnly(DigitalRightsMonitor):
    name = "wponly"
    data_module = "drm"
    sitemap_style = None
    has_feed = False
    has_wp_json = True


class ListingOnly(DigitalRightsMonitor):
    name = "listingonly"
    data_module = "drm"
    sitemap_style = None
    has_feed = False
    has_wp_json = False


class GoogleNewsOnly(Dawn):
    name = "newsmap"
    data_module = "dawn"

    def route(self, req: Request) -> Response | None:
        # the Google News sitemap stays; the RSS feeds are gone
        if req.path.startswith("/feeds/") and req.path != "/feeds/sitemap":
            return None
        return super().route(req)


VARIANTS: tuple[type[SiteTemplate], ...] = (SitemapIndexOnly, RssOnly, WpJsonOnly, ListingOnly, GoogleNewsOnly)
