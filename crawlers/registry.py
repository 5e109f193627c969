"""The site registry: one declarative entry per publisher.

Entries live in TOML files under ``crawlers/sites/`` (one file per group:
``real.toml`` for the live sites, ``snapshots.toml`` for the bundled snapshot
sites served on 127.0.0.1). Adding a site is adding an entry; the generic
spider reads everything it needs from here.

An entry::

    [[site]]
    name = "dawn"                      # short id, used on the command line
    label = "Dawn"                     # the publisher's own name
    home = "https://www.dawn.com"      # base for relative source URLs
    domains = ["dawn.com"]             # subdomains included
    article_paths = ['^/news/\\d+/']   # regexes on the URL path (+query)
    skip_paths = ['^/authors/']        # never fetched as articles
    sections = []                      # optional path prefixes to keep
    sources = [
      { kind = "google-news-sitemap", url = "/feeds/sitemap" },
      { kind = "rss", url = "/feeds/home" },
    ]

Source kinds (``robots``, ``sitemap``, ``rss``, ...) are the classes of
``crawlers.source_kinds``; ``SOURCE_KINDS`` there names them all.

``discovery = "first-working"`` (default) tries sources in order and moves to
the next only when one fails or lists no article; ``"all"`` merges them all.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from crawlers.source_kinds import SOURCE_KINDS, Source

SITES_DIR = Path(__file__).with_name("sites")
DISCOVERY_MODES = ("first-working", "all")


class RegistryError(ValueError):
    """A registry entry is malformed or a site name is unknown."""


@dataclass(frozen=True)
class Site:
    name: str
    label: str
    home: str
    domains: tuple[str, ...]
    sources: tuple[Source, ...]
    article_paths: tuple[str, ...] = ()
    skip_paths: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    language: str = "en"
    discovery: str = "first-working"
    group: str = "real"

    @cached_property
    def _article_res(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.article_paths)

    @cached_property
    def _skip_res(self) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p) for p in self.skip_paths)

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article_url(self, url: str) -> bool:
        """True when the URL's shape says article (registry rule, no page signals)."""
        if not self.owns(url):
            return False
        parts = urlsplit(url)
        path = parts.path + (("?" + parts.query) if parts.query else "")
        if any(r.search(path) for r in self._skip_res):
            return False
        if self.sections and not any(parts.path.startswith(s) for s in self.sections):
            return False
        return any(r.search(path) for r in self._article_res)

    def is_candidate_url(self, url: str) -> bool:
        """A URL of the site that the rules neither accept nor reject: the page decides."""
        if not self.owns(url):
            return False
        parts = urlsplit(url)
        path = parts.path + (("?" + parts.query) if parts.query else "")
        if path in ("", "/") or any(r.search(path) for r in self._skip_res):
            return False
        return not (self.sections and not any(parts.path.startswith(s) for s in self.sections))

    def rebased(self, base_url: str) -> "Site":
        """The same site served from another origin (a snapshot or a mirror).

        Sources with absolute URLs on the site's own host are moved too, and the
        new host joins the allowed domains.
        """
        base = base_url.rstrip("/")
        old = urlsplit(self.home)
        new_host = urlsplit(base).hostname or ""
        sources = []
        for s in self.sources:
            u = urlsplit(s.url)
            if u.scheme and u.hostname == old.hostname:
                s = Source(s.kind, base + u.path + (("?" + u.query) if u.query else ""), s.max_pages)
            sources.append(s)
        domains = tuple(dict.fromkeys((*self.domains, new_host)))
        return Site(
            self.name, self.label, base, domains, tuple(sources), self.article_paths,
            self.skip_paths, self.sections, self.language, self.discovery, self.group,
        )

    def source_urls(self) -> list[tuple[Source, str]]:
        return [(s, s.absolute(self.home)) for s in self.sources]


def _parse_site(entry: dict, group: str, where: str) -> Site:
    try:
        name = entry["name"]
        sources = tuple(
            Source(kind=s["kind"], url=s["url"], max_pages=int(s.get("max_pages", 5)))
            for s in entry.get("sources", [])
        )
        site = Site(
            name=name,
            label=entry.get("label", name),
            home=entry["home"],
            domains=tuple(d.lower() for d in entry["domains"]),
            sources=sources,
            article_paths=tuple(entry.get("article_paths", ())),
            skip_paths=tuple(entry.get("skip_paths", ())),
            sections=tuple(entry.get("sections", ())),
            language=entry.get("language", "en"),
            discovery=entry.get("discovery", "first-working"),
            group=group,
        )
    except KeyError as missing:
        raise RegistryError(f"{where}: site entry lacks {missing}") from None
    if site.discovery not in DISCOVERY_MODES:
        raise RegistryError(f"{where}: site {name!r}: discovery must be one of {DISCOVERY_MODES}")
    if not site.sources:
        raise RegistryError(f"{where}: site {name!r} has no discovery source")
    for s in site.sources:
        if s.kind not in SOURCE_KINDS:
            raise RegistryError(f"{where}: site {name!r}: unknown source kind {s.kind!r}")
    for pattern in site.article_paths + site.skip_paths:
        try:
            re.compile(pattern)
        except re.error as err:
            raise RegistryError(f"{where}: site {name!r}: bad regex {pattern!r}: {err}") from None
    return site


def load_registry(directory: Path = SITES_DIR) -> dict[str, Site]:
    """All sites of all registry files, by name."""
    sites: dict[str, Site] = {}
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for entry in data.get("site", []):
            site = _parse_site(entry, group=path.stem, where=path.name)
            if site.name in sites:
                raise RegistryError(f"{path.name}: duplicate site name {site.name!r}")
            sites[site.name] = site
    return sites


def select_sites(names: list[str] | None, group: str | None = "real", directory: Path = SITES_DIR) -> list[Site]:
    """Sites by name, or every site of a group when no names are given."""
    registry = load_registry(directory)
    if names:
        unknown = [n for n in names if n not in registry]
        if unknown:
            raise RegistryError(
                f"unknown site(s): {', '.join(unknown)}; known: {', '.join(sorted(registry))}"
            )
        return [registry[n] for n in names]
    return [s for s in registry.values() if group is None or s.group == group]


def site_for_url(url: str, sites: list[Site] | dict[str, Site]) -> Site | None:
    values = sites.values() if isinstance(sites, dict) else sites
    for site in values:
        if site.owns(url):
            return site
    return None
