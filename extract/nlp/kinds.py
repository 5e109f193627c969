"""The entity vocabulary: the kinds of mention, the kinds of speaker, the span labels
the rule components use for them, and every attr a mention may carry.

The components and the benchmark (benchmarks/entities.py) read the kinds from here;
docs/schema.md describes each one. Both enums are ``str`` enums: a kind
compares equal to its plain value ("city" == EntityKind.CITY), and the pipeline hands
plain strings out (see pipeline.py, ``pk_output``).
"""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    """What a mention names; the value is the ``mentions.kind`` column. The order here
    is the order the benchmark reports them in."""

    CITY = "city"
    REGION = "region"
    PLATFORM = "platform"
    ORG = "org"
    PERSON = "person"
    DATE = "date"

    @property
    def label(self) -> str | None:
        """The span label the rule components put on ``doc.ents`` for this kind, so that
        the statistical NER keeps the span; None for people, who come from the model's
        own PERSON label (pk_name_rules adds to it)."""
        return _RULE_LABELS.get(self)


class SpeakerKind(StrEnum):
    """Who speaks a quote; the value is the ``quotes.speaker_kind`` column."""

    PERSON = "person"
    ORG = "org"
    UNNAMED = "unnamed"


_RULE_LABELS = {
    EntityKind.CITY: "PK_CITY",
    EntityKind.REGION: "PK_REGION",
    EntityKind.PLATFORM: "PK_PLATFORM",
    EntityKind.ORG: "PK_ORG",
    EntityKind.DATE: "PK_DATE",
}
# rule span label -> the kind of mention it becomes
LABEL_KIND: dict[str, EntityKind] = {label: kind for kind, label in _RULE_LABELS.items()}

# places: the benchmark also scores the two together ("place"), and quote rules read a
# subject inside a place name as a parse slip
PLACE_KINDS = (EntityKind.CITY, EntityKind.REGION)

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
    "calendar": str,  # date: hijri when named as an Islamic-calendar day ("9th Muharram")
    "category": str,  # platform: social media, messaging, video, network, operator, circumvention ...
    "full_name": str,  # org: full name (acronyms linked)
    "acronym": str,  # org
    "org_type": str,  # org (curated list): regulator, party, court, ngo, team ...
}


# -- disruption statements (the ``disruptions`` table; written by extract/nlp/disruptions/) --

class DisruptionKind(StrEnum):
    """What was cut; the value is ``disruptions.kind``."""

    NETWORK_SHUTDOWN = "network-shutdown"  # all internet / all telecom
    MOBILE_DATA = "mobile-data"
    MOBILE_NETWORK = "mobile-network"  # cellular service: voice and SMS
    THROTTLING = "throttling"
    PLATFORM_BLOCK = "platform-block"
    WEBSITE_BLOCK = "website-block"
    APP_BAN = "app-ban"


class DisruptionStatus(StrEnum):
    """What the statement says happened; the value is ``disruptions.status``."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    RESTORED = "restored"
    ANNOUNCED = "announced"  # announced, planned or ordered
    DENIED = "denied"
    DEMANDED = "demanded"
    HYPOTHETICAL = "hypothetical"
    RULED_OUT = "ruled-out"  # also: called off


class AreaScope(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    DISTRICT = "district"
    CITY = "city"


class Network(StrEnum):
    """Networks a statement names (only what the text says)."""

    INTERNET = "internet"  # all of it
    MOBILE_DATA = "mobile-data"
    MOBILE_VOICE = "mobile-voice"
    SMS = "sms"
    BROADBAND = "broadband"
    FIXED_LINE = "fixed-line"


class Reason(StrEnum):
    RELIGIOUS_PROCESSION = "religious-procession"
    PROTEST = "protest"
    ELECTION = "election"
    SECURITY_OPERATION = "security-operation"
    COURT_ORDER = "court-order"
    EXAM = "exam"
    CONTENT = "content"
    OTHER = "other"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
