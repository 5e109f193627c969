"""The records the pipeline writes: Mention and Quote."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    kind: str  # date, city, region, platform, org, person
    text: str  # as written
    value: str | None  # normalised: ISO date, canonical name
    start_char: int
    end_char: int
    # kind-specific details, see docs/schema.md (ATTR_TYPES lists every key)
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
