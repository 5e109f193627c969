"""Quotes: who said what, from the dependency parse and a few text rules.

- direct quotes: text inside double quotation marks (at least 4 tokens; shorter
  ones are scare quotes), spanning sentences and paragraphs when the marks do;
  the speaker is the subject of the nearest reporting verb outside the marks in the
  sentences holding the quote, else the speaker of the previous quote when the
  quote continues it, else the speaker introduced by a sentence ending in ":";
- reported speech: a reporting verb (said, noted, pointed out, warned ...) whose
  clausal complement or object is the content; "according to X" gives X and the
  rest of the sentence;
- statements and posts introduced by a heading ("Statement of ...") or signed
  "— Name (@handle) date" (embedded tweets);
- pronouns (he, she, it, they) and definite descriptions ("the tracker", "the
  regulator") resolve to the nearest preceding named speaker or entity of the
  right kind; indefinite speakers ("a senior ISP executive") stay unnamed.

Modules: component.py (pk_quotes, the order rules run in), state.py (the per-document
state they share), direct.py, reported.py, posts.py (embedded posts and statements),
speakers.py (speaker resolution), verbs.py (reporting verbs and their clauses), words.py.
"""

from __future__ import annotations

from .component import QuoteExtractor, make_quotes

__all__ = ["QuoteExtractor", "make_quotes"]
