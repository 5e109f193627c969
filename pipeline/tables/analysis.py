"""What the NLP stage gives for one article: the input of the row builders of the
tables that hang off an article."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # writing and reading tables must not load spaCy
    from extract.nlp import Disruption, Mention, Quote


class Analysis(NamedTuple):
    # field order is the order extract.nlp.analyze_texts yields them in
    mentions: list[Mention]
    quotes: list[Quote]
    disruptions: list[Disruption]


NOTHING = Analysis([], [], [])
