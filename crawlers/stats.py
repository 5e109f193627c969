"""The crawl statistics of each site: building their keys and reading them back.

Every per-site figure lives in Scrapy's stats under ``pknews/<site>/<name>`` (a
counter such as ``pages_fetched``) or ``pknews/<site>/<group>/<cause>`` (one
cause within a group, such as ``errors/http-404``). Writers build keys with
``stat_key`` and the run summary reads them with ``parse_stat_key``; both refuse
a name this module does not know, so a new figure cannot be written without
being read, nor dropped silently when read.

The run report's per-site details are kept under two keys of their own:
``SOURCES_REPORT`` (what each discovery source gave) and ``EVENTS_REPORT``
(failed and skipped URLs with their cause).
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "pknews"
SOURCES_REPORT = "pknews_sources"
EVENTS_REPORT = "pknews_events"

COUNTERS = frozenset({
    "requests",          # requests sent, retries included
    "pages_fetched",     # responses handed to the archive, sources included
    "articles_fetched",
    "discovered",        # article URLs the sources listed
    "bytes",
    "sources_ok",        # source responses that could be read
    "fallbacks",         # first-working discovery moved on to the next source
    "archived",          # article pages written to the WARC archive
    "new_versions",      # of those, changed pages of articles held already
    "duration",          # seconds from the site's first request to its last answer
})

# The causes each group allows; None: any cause, as error kinds and skip
# reasons are named where they arise and new ones appear with new failures.
GROUPS: dict[str, frozenset[str] | None] = {
    "errors": None,
    "skipped": None,
    "refetched": frozenset({"changed"}),
    "retry-after": frozenset({"over-cap", "waited", "seconds"}),
}


class UnknownStatKey(ValueError):
    """A crawl statistics key that names no known figure."""


@dataclass(frozen=True)
class SiteStat:
    """One per-site figure: a counter (``detail`` empty) or one cause within a group."""

    site: str
    name: str
    detail: str = ""

    def __post_init__(self) -> None:
        if not self.site or "/" in self.site:
            raise UnknownStatKey(f"bad site name {self.site!r} in a crawl statistics key")
        if self.name in COUNTERS:
            if self.detail:
                raise UnknownStatKey(f"counter {self.name!r} takes no cause, got {self.detail!r}")
            return
        if self.name not in GROUPS:
            raise UnknownStatKey(
                f"unknown crawl statistic {self.name!r}; known: {', '.join(sorted(COUNTERS | GROUPS.keys()))}"
            )
        allowed = GROUPS[self.name]
        if not self.detail or (allowed is not None and self.detail not in allowed):
            causes = "any non-empty cause" if allowed is None else ", ".join(sorted(allowed))
            raise UnknownStatKey(f"bad cause {self.detail!r} for {self.name!r}; allowed: {causes}")

    @property
    def what(self) -> str:
        """The key without its prefix and site: ``pages_fetched``, ``errors/http-404``."""
        return f"{self.name}/{self.detail}" if self.detail else self.name

    @property
    def key(self) -> str:
        return f"{PREFIX}/{self.site}/{self.what}"


def stat_key(site: str, name: str, detail: str = "") -> str:
    """The stats key of a site's counter ``name``, or of cause ``detail`` in group ``name``."""
    return SiteStat(site, name, detail).key


def is_site_stat(key: str) -> bool:
    """True for the keys of this module (Scrapy's own stats share the dictionary)."""
    return key.startswith(PREFIX + "/")


def parse_stat_key(key: str) -> SiteStat:
    """A ``pknews/<site>/...`` key read back; UnknownStatKey when it names no known figure."""
    if not is_site_stat(key):
        raise UnknownStatKey(f"not a crawl statistics key: {key!r}")
    site, _, what = key[len(PREFIX) + 1:].partition("/")
    name, _, detail = what.partition("/")
    try:
        return SiteStat(site, name, detail)
    except UnknownStatKey as err:
        raise UnknownStatKey(f"{key!r}: {err}") from None
