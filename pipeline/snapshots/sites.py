"""The snapshot sites: template classes bound to their data.

``TEMPLATES`` maps a template name to its class, ``all_sites()`` returns one
instance per bundled site. A new site = a template module + a data module +
one line here.
"""

from __future__ import annotations

from functools import lru_cache

from .base import SiteTemplate
from .dawn import Dawn
from .drm import DigitalRightsMonitor
from .photonews import PhotoNews
from .variants import VARIANTS

TEMPLATES: dict[str, type[SiteTemplate]] = {
    "photonews": PhotoNews,
    "drm": DigitalRightsMonitor,
    "dawn": Dawn,
}


def _data(module: str):
    from importlib import import_module
    return import_module(f"{__package__}.data.{module}").ARTICLES


@lru_cache(maxsize=None)
def _sites() -> tuple[SiteTemplate, ...]:
    out = []
    for name, cls in TEMPLATES.items():
        if cls.name != name:
            raise ValueError(f"TEMPLATES key {name!r} differs from {cls.__name__}.name {cls.name!r}")
        out.append(cls(_data(cls.data_module or name)))
    return tuple(out)


def all_sites() -> dict[str, SiteTemplate]:
    """Every snapshot site by name (e.g. ``"photonews"``)."""
    return {s.name: s for s in _sites()}


def get_site(name: str) -> SiteTemplate:
    name = name.removeprefix("snapshot-")
    try:
        return all_sites()[name]
    except KeyError:
        raise KeyError(f"unknown snapshot site {name!r}; known: {', '.join(all_sites())}") from None


@lru_cache(maxsize=None)
def variant_sites() -> dict[str, SiteTemplate]:
    """The one-discovery-surface variants (``variants.py``), by name."""
    return {cls.name: cls(_data(cls.data_module)) for cls in VARIANTS}


def site_for_host(hostname: str) -> SiteTemplate | None:
    hostname = hostname.lower().rstrip(".")
    for s in (*_sites(), *variant_sites().values()):
        if s.hostname == hostname:
            return s
    return None
