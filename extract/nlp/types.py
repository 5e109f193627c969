"""The records the pipeline writes: Mention, Quote and Disruption."""

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


@dataclass
class Disruption:
    """One statement reporting a disruption or its end (a sentence or clause); the
    vocabularies are the enums of kinds.py (DisruptionKind, DisruptionStatus, AreaScope,
    Network, Reason, DatePrecision), as plain strings."""

    start_char: int  # the sentence
    end_char: int
    text: str
    trigger: str  # as written
    kind: str
    status: str
    platforms: list[str] = field(default_factory=list)
    networks: list[str] = field(default_factory=list)
    # {name, scope, province, latitude, longitude}
    areas: list[dict] = field(default_factory=list)
    start_date: str | None = None  # ISO date
    start_precision: str | None = None
    end_date: str | None = None
    end_precision: str | None = None
    ordered_by: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    quote: str | None = None
