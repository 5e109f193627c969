"""Shared helpers: Doc extensions, data loading, candidate spans."""

from __future__ import annotations

import json
import unicodedata
from importlib import resources

from spacy.tokens import Doc, Span

CANDIDATES = "pk_candidates"  # doc.spans key: rule-based candidates before the NER


def ensure_extensions() -> None:
    """Register the Doc extensions (idempotent)."""
    if not Doc.has_extension("published_at"):
        Doc.set_extension("published_at", default=None)
    if not Doc.has_extension("pk_info"):
        # (start_char, end_char, label) -> {"value": ..., "attrs": {...}}
        Doc.set_extension("pk_info", default=None)
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)
    if not Doc.has_extension("pk_result"):
        Doc.set_extension("pk_result", default=None)


def info(doc: Doc) -> dict:
    d = doc._.pk_info
    if d is None:
        d = {}
        doc._.pk_info = d
    return d


def add_candidate(doc: Doc, span: Span, value, attrs: dict, priority: int = 0) -> None:
    """Add a rule-based candidate (label = PK_*) with its normalised value and attrs."""
    group = doc.spans.get(CANDIDATES)
    if group is None:
        doc.spans[CANDIDATES] = []
        group = doc.spans[CANDIDATES]
    group.append(span)
    info(doc)[(span.start_char, span.end_char, span.label_)] = {
        "value": value,
        "attrs": dict(attrs),
        "priority": priority,
    }


def span_info(doc: Doc, span: Span) -> dict | None:
    return info(doc).get((span.start_char, span.end_char, span.label_))


def load_json(name: str) -> dict:
    with resources.files("extract.nlp").joinpath("data", name).open("r", encoding="utf-8") as f:
        return json.load(f)


def fold(s: str) -> str:
    """Strip diacritics: Muzaffarābād -> Muzaffarabad."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")


def newline_sentences(doc):
    """Sentence starts after line breaks (paragraphs, headings, list items)."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or (tok.whitespace_ == "" and tok.is_space and "\n" in tok.text):
            doc[i + 1].is_sent_start = True
        elif tok.text_with_ws.endswith("\n"):
            doc[i + 1].is_sent_start = True
    return doc
