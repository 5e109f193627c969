"""What the quote rules know about one document while they read it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..types import Quote


def overlaps(a: int, b: int, c: int, d: int) -> bool:
    """Do the spans [a, b) and [c, d) share a character?"""
    return a < d and c < b


@dataclass
class QuoteState:
    """The per-document state every quote rule reads and changes.

    The rules run in text order (direct quotes, posts and statements first, reported
    speech after), and each depends on what the earlier ones found: a pronoun resolves
    to the speaker of an earlier quote, a reporting verb speaks for one quote only, and a
    stretch of text is quoted once.
    """

    doc: Doc
    quotes: list[Quote] = field(default_factory=list)  # found so far, in the order found
    used_verbs: set[int] = field(default_factory=set)  # token index of every verb already attributed
    covered: list[tuple[int, int]] = field(default_factory=list)  # character spans already quoted

    def is_covered(self, start: int, end: int) -> bool:
        return any(overlaps(start, end, a, b) for a, b in self.covered)

    def use_verb(self, verb: Token) -> None:
        self.used_verbs.add(verb.i)

    def keep(self, quote: Quote) -> None:
        """A quote found: later rules see its speaker and leave its text alone."""
        self.quotes.append(quote)
        self.covered.append((quote.start_char, quote.end_char))

    def drop(self, quote: Quote) -> None:
        """Forget a quote a later, wider one takes in (a short direct quote inside a reported clause)."""
        self.quotes.remove(quote)
        self.covered.remove((quote.start_char, quote.end_char))

    def settle(self, found: list[Quote]) -> None:
        """A sentence's reported speech, in the order found: its "according to" quotes
        first, then those of its reporting verbs (already kept one by one, so that pronouns
        later in the sentence could resolve to them) move behind them."""
        for quote in found:
            if quote in self.quotes:
                self.quotes.remove(quote)
        self.quotes.extend(found)
