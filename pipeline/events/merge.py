"""Disruption events from disruption statements: the merge rule, as pure functions.

Input: one row per statement (the ``disruptions`` table's columns) with the facts of
its article (``site``, ``url``, ``published``, ``published_at``, ``fetched_at``).
Output: the rows of ``events`` and ``event_reports``. The rule and its parameters are
documented in docs/schema.md ("Events: how statements merge"); in short, statements are
taken in the order they were reported, and each joins the event it meets (same kind
family, overlapping platforms or networks, overlapping areas, time windows within
``gap_days``, or an open event's reach) or founds a new one. The order is total, so the
same statements always give the same events, and an event keeps the id of its founding
statement whatever is reported later.
"""

from __future__ import annotations

import calendar
import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum
from functools import cached_property
from zoneinfo import ZoneInfo

from extract.nlp.kinds import AreaScope, DatePrecision, DisruptionKind, DisruptionStatus, Network

Kind, Status = DisruptionKind, DisruptionStatus
DAY = DatePrecision.DAY
THROTTLING = Kind.THROTTLING  # a slowing is of whatever it slows: it meets every family

# the kinds that describe the same sort of cut, whichever word the text used
KIND_FAMILY = {
    Kind.NETWORK_SHUTDOWN: "network", Kind.MOBILE_DATA: "network", Kind.MOBILE_NETWORK: "network",
    Kind.THROTTLING: "network",
    Kind.PLATFORM_BLOCK: "platform", Kind.APP_BAN: "platform",
    Kind.WEBSITE_BLOCK: "website",
}
# networks that are one service for merging: a suspension of "mobile service" is reported
# as mobile data by one outlet and as voice and SMS by another
NETWORK_GROUP = {Network.MOBILE_DATA: "mobile", Network.MOBILE_VOICE: "mobile", Network.SMS: "mobile",
                 Network.BROADBAND: "fixed", Network.FIXED_LINE: "fixed", Network.INTERNET: "internet"}
ALL_NETWORKS = NETWORK_GROUP[Network.INTERNET]
# what a kind cuts when the statement names no network
KIND_NETWORKS = {Kind.NETWORK_SHUTDOWN: ALL_NETWORKS, Kind.MOBILE_DATA: "mobile", Kind.MOBILE_NETWORK: "mobile"}

OCCURRENCE = frozenset({Status.OCCURRED, Status.ONGOING, Status.RESTORED})
CONTINUING = frozenset({Status.ONGOING, Status.RESTORED})  # it goes on, or it has ended
# forward-looking statements: they speak from their publication towards the dates they name
PROSPECTIVE = frozenset({Status.ANNOUNCED, Status.RULED_OUT, Status.DEMANDED, Status.HYPOTHETICAL})
# statements that join an event as reports but never found one nor change its facts
ATTACH_ONLY = frozenset({Status.DEMANDED, Status.HYPOTHETICAL})

SCOPE_ORDER = {scope: rank for rank, scope in enumerate(AreaScope)}  # widest first
PAKISTAN = ZoneInfo("Asia/Karachi")


@dataclass(frozen=True)
class MergeRule:
    """The parameters of the merge (docs/schema.md names the same)."""

    # two windows meet when at most this many days lie between them
    gap_days: int = 3
    # an open event (no end reported) takes later undated reports that it goes on or
    # ended as far ahead as it is known to have lasted already, and at least this far
    min_reach_days: int = 7
    # ... and without limit, until a restoration ends it, taking every later statement
    # about what it blocks, for a block of these families known to have lasted this many
    # days (a platform stays blocked until unblocked)
    lasting_families: tuple[str, ...] = ("platform", "website")
    lasting_days: int = 2
    # a plan or an order not yet carried out ("block the app within seven days") takes a
    # report of the cut it names that comes this many days after it (and ``gap_days``) at most
    plan_reach_days: int = 7


RULE = MergeRule()


# -- statements ----------------------------------------------------------------

@dataclass(frozen=True)
class Area:
    name: str
    scope: str | None = None
    province: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def contains(self, other: "Area") -> bool:
        if _fold(self.name) == _fold(other.name):
            return True
        if self.scope == AreaScope.NATIONAL:
            return other.scope != AreaScope.NATIONAL
        return self.scope == AreaScope.PROVINCE and _fold(other.province) == _fold(self.name)

    def restores(self, other: "Area") -> bool:
        """Does a restoration here end the cut in ``other``? When it contains it, or when
        both are local places of one province (outlets report a regional cut's
        restoration by its main town: Gilgit for Gilgit and Hunza)."""
        local = (AreaScope.CITY, AreaScope.DISTRICT)
        return self.contains(other) or (self.scope in local and other.scope in local and bool(other.province)
                                        and _fold(self.province) == _fold(other.province))

    def as_row(self) -> dict:
        return {"name": self.name, "scope": self.scope, "province": self.province,
                "latitude": self.latitude, "longitude": self.longitude}


@dataclass(frozen=True)
class Statement:
    article_id: str
    statement_index: int
    kind: str
    status: str
    platforms: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    areas: tuple[Area, ...] = ()
    start_date: date | None = None
    start_precision: str | None = None
    end_date: date | None = None
    end_precision: str | None = None
    ordered_by: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    text: str | None = None
    site: str | None = None
    url: str | None = None
    published: date | None = None
    reported_at: datetime | None = None  # when its article came out: the merge order

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.statement_index}"

    @property
    def order(self) -> tuple:
        reported = self.reported_at or datetime.max.replace(tzinfo=timezone.utc)
        return (reported, self.article_id, self.statement_index)

    @property
    def family(self) -> str:
        return THROTTLING if self.kind == THROTTLING else KIND_FAMILY.get(self.kind, self.kind)

    @cached_property
    def objects(self) -> frozenset[str]:
        """What it says was cut, for comparing: platforms, and networks by group."""
        networks = {NETWORK_GROUP.get(n, n) for n in self.networks}
        if not networks and self.kind in KIND_NETWORKS:
            networks = {KIND_NETWORKS[self.kind]}
        return frozenset({_fold(p) for p in self.platforms} | networks)

    @property
    def start_span(self) -> tuple[date, date] | None:
        return span(self.start_date, self.start_precision)

    @property
    def end_span(self) -> tuple[date, date] | None:
        return span(self.end_date, self.end_precision)

    @cached_property
    def window(self) -> tuple[date, date] | None:
        """The days the statement speaks of: its own dates when it gives them, else the
        day its article came out; None when it gives neither. A report of what happened
        (not a plan) speaks of days up to its article's day, no later."""
        start, end, pub = self.start_span, self.end_span, self.published
        if self.status in PROSPECTIVE:
            named = [d for d in (*(start or ()), *(end or ())) if d]
            # from the day it was said to the days it names, when those are still ahead
            days = named + [pub] if pub and (not named or min(named) >= pub) else named or [pub]
            return (min(days), max(days)) if days[0] else None
        if start:
            lo = start[0]
        else:
            days = [d for d in (pub, end and end[0]) if d]
            if not days:
                return None
            lo = min(days)
        if end:
            hi = end[1]
        elif self.status in CONTINUING:  # still going, or ended, by the time it was written
            hi = pub or start[1]
        else:
            hi = start[1] if start else lo
        if pub:  # what it reports had happened by the time it was written
            lo, hi = min(lo, pub), min(hi, pub)
        return lo, max(lo, hi)

    @property
    def restored_on(self) -> date:
        """The last day a restoration may have come on: the end of its stated end (a month
        stated stands for its last day) or of its article's day, whichever is first."""
        return self.window[1]

    @property
    def is_precise(self) -> bool:
        """Dated to the day, or by its article's day: a month or a year named is not."""
        return all(p in (None, DAY) for p in (self.start_precision, self.end_precision))

    @property
    def is_past_mention(self) -> bool:
        """An occurrence dated well before the article that mentions it."""
        window = self.window
        return bool(self.published and window and self.status == Status.OCCURRED
                    and window[1] < self.published - timedelta(days=RULE.gap_days))


def span(day: date | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day a date of the given precision stands for."""
    if day is None:
        return None
    if precision == DatePrecision.YEAR:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day


# -- events --------------------------------------------------------------------

class Event:
    """Statements about one disruption, in the order they were reported, with what the
    merge compares kept up to date as they join."""

    def __init__(self, statements: list[Statement], contextual: frozenset[str] = frozenset()):
        self.seq = 0  # its place in the order events were founded (EventIndex)
        self.merged = False  # merged into an event founded before it
        self.statements = sorted(statements, key=lambda s: s.order)
        # statements joined only by their article's context (see ``context_event``): they
        # say nothing of its days, so they neither widen its window nor date it
        self.contextual = set(contextual)
        self.articles: set[str] = set()
        self.objects: frozenset[str] = frozenset()
        self.areas: tuple[Area, ...] = ()
        # the days of its statements dated to the day, and of those dated by month or year
        self.windows: dict[bool, tuple[date, date]] = {}
        self.occurred = self.end_stated = False
        self.restorations: list[Statement] = []
        self.ongoing_by_article: dict[str, date] = {}  # the last day each article says it goes on
        for s in self.statements:
            self._take(s)

    def add(self, s: Statement, contextual: bool = False) -> None:
        self.statements.append(s)
        if contextual:
            self.contextual.add(s.id)
        self._take(s)

    def absorb(self, other: "Event") -> None:
        seq = self.seq
        self.__init__(self.statements + other.statements, frozenset(self.contextual | other.contextual))
        self.seq = seq

    def _take(self, s: Statement) -> None:
        self.occurred |= s.status in OCCURRENCE
        self.articles.add(s.article_id)
        if s.status == Status.RESTORED:
            self.restorations.append(s)
        elif s.status == Status.ONGOING and s.id not in self.contextual:  # (its day is its article's)
            had = self.ongoing_by_article.get(s.article_id)
            self.ongoing_by_article[s.article_id] = max(s.window[1], had or s.window[1])
        elif s.status == Status.OCCURRED:
            self.end_stated |= s.end_date is not None
        if s.status in ATTACH_ONLY:
            return
        self.objects |= s.objects
        self.areas += tuple(a for a in s.areas if a not in self.areas)
        if s.id in self.contextual:
            return
        lo, hi = s.window
        had = self.windows.get(s.is_precise)
        self.windows[s.is_precise] = (min(lo, had[0]), max(hi, had[1])) if had else (lo, hi)

    @property
    def window(self) -> tuple[date, date]:
        """The days it is known to cover: those of its precisely dated statements (one
        "in 2024" must not stretch it over the year), else the coarse ones."""
        return self.windows.get(True) or self.windows[False]

    @property
    def founder(self) -> Statement:
        return self.statements[0]

    @property
    def event_id(self) -> str:
        return "ev-" + hashlib.sha256(self.founder.id.encode("utf-8")).hexdigest()[:12]

    @property
    def facts(self) -> list[Statement]:
        """The statements that say something about the disruption itself."""
        return [s for s in self.statements if s.status not in ATTACH_ONLY]

    @property
    def family(self) -> str:
        return self.founder.family

    @property
    def endings(self) -> list[Statement]:
        """The restorations that end it: those that cover all it cut, everywhere it cut
        it, and that no report of the same day or later says it goes on after (a
        "partial restoration"). A restoration dated in its own article is not undone by
        that article's background ("X became accessible on Thursday ... The platform had
        been blocked since February 17")."""
        return [s for s in self.restorations if covers(s, self) and s.restored_on > self.ongoing_on(
            but=s.article_id if s.end_date else None)]

    def ongoing_on(self, but: str | None = None) -> date:
        """The last day a report (of any article but ``but``) says it goes on."""
        return max((d for a, d in self.ongoing_by_article.items() if a != but), default=date.min)

    @property
    def called_off(self) -> bool:
        """A plan called off, and never reported to happen."""
        return not self.occurred and any(s.status == Status.RULED_OUT for s in self.statements)

    @property
    def planned(self) -> bool:
        """Announced (planned, ordered), not yet reported to happen nor called off."""
        return not self.occurred and any(s.status == Status.ANNOUNCED for s in self.statements) \
            and not self.called_off

    @property
    def ended(self) -> bool:
        """A report of its occurrence states an end, or a restoration ends it."""
        return self.end_stated or bool(self.endings)

    @property
    def is_open(self) -> bool:
        """Reported to have happened, and no statement ends it."""
        return self.occurred and not self.ended


def overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Platforms or networks in common; a side that names none matches (it is not known)."""
    if not a or not b:
        return True
    return bool(a & b) or ALL_NETWORKS in a or ALL_NETWORKS in b


def areas_overlap(a: Iterable[Area], b: Iterable[Area]) -> bool:
    a, b = tuple(a), tuple(b)
    if not a or not b:
        return True
    return any(x.contains(y) or y.contains(x) for x in a for y in b)


def families_meet(a: str, b: str) -> bool:
    """The same family; a slowing (throttling) is of whatever it slows: a platform, a
    website or a network."""
    return a == b or THROTTLING in (a, b)


def same_disruption(event: Event, s: Event | Statement) -> bool:
    """Kind family, what was cut and where: everything but the time (of a statement, or
    of another event a statement may join it with)."""
    return families_meet(event.family, s.family) and overlap(event.objects, s.objects) and areas_overlap(
        event.areas, s.areas)


def names_in_common(event: Event, s: Statement) -> bool:
    """Both name what was cut, and something in common (not just "a side naming nothing")."""
    return bool(event.objects & s.objects)


def narrowest(areas: Iterable[Area]) -> list[Area]:
    """The places that contain no other of ``areas``: "Sindh" with "Karachi" is Karachi."""
    areas = tuple(areas)
    return [a for a in areas if not any(a.contains(b) and _fold(a.name) != _fold(b.name) for b in areas)]


def covers(restoration: Statement, event: Event) -> bool:
    """A restoration covers an event when it restores all the event cut (or names
    nothing) in every place the event cut it (or names no place): X restored in some
    sectors of Islamabad does not end X blocked nationwide, nor in Islamabad a cut in
    Islamabad and Rawalpindi."""
    what, where = restoration.objects, restoration.areas
    cuts = [s for s in event.facts if s.status != Status.RESTORED and s.id not in event.contextual]
    cut_objects = frozenset().union(*(s.objects for s in cuts))
    objects_covered = not what or ALL_NETWORKS in what or cut_objects <= what
    return objects_covered and (not where or all(any(r.restores(a) for r in where)
                                                 for a in narrowest(a for s in cuts for a in s.areas)))


def distance(event: Event, s: Statement) -> int:
    """Days between the two windows (0 when they overlap)."""
    (elo, ehi), (slo, shi) = event.window, s.window
    return max(0, (slo - ehi).days, (elo - shi).days)


def reach_days(event: Event, rule: MergeRule) -> float:
    lo, hi = event.window
    lasted = (hi - lo).days
    if event.family in rule.lasting_families and lasted >= rule.lasting_days:
        return math.inf
    return max(rule.min_reach_days, lasted)


def reaches(event: Event, s: Statement, rule: MergeRule) -> bool:
    """An open event takes a later report that it goes on or ended, when the report does
    not date a start of its own (a dated start is a window of its own, met or not). An
    open block known to last takes every later statement about what it blocks: what is
    blocked cannot be blocked anew, so a report, a plan to lift it, a denial or a demand
    naming it is about this block. A plan not yet carried out takes the report of its
    cut that follows it."""
    if event.planned:
        ahead = (s.window[0] - event.window[1]).days
        return (s.status in OCCURRENCE and names_in_common(event, s)
                and 0 <= ahead <= rule.plan_reach_days + rule.gap_days)
    if not event.is_open:
        return False
    reach = reach_days(event, rule)
    if math.isinf(reach):
        # a statement naming nothing it blocks may be about anything: only one of an
        # article that already reported the block is taken
        about = names_in_common(event, s) or s.article_id in event.articles
        return about and s.window[0] >= event.window[0] - timedelta(days=rule.gap_days)
    ahead = (s.window[0] - event.window[1]).days
    return s.status in CONTINUING and s.start_date is None and -rule.gap_days <= ahead <= reach + rule.gap_days


def contradicts(event: Event, s: Statement) -> bool:
    """A report that it happened, beside a plan that was called off: it is more likely
    about another event it meets."""
    return s.status in OCCURRENCE and event.called_off


def context_event(index: "EventIndex", s: Statement) -> Event | None:
    """The event an undated statement speaks of by its article's context: the one its
    article's latest statement about the same cut joined ("the shutdown" of an article
    about the election-day suspension, heard in court weeks later)."""
    if s.start_date or s.end_date:
        return None
    return next((e for e in index.of_article(s) if same_disruption(e, s)), None)


def bridges(s: Statement) -> bool:
    """May the statement join two events into one? Only a precise, specific report of an
    occurrence: a coarse date ("in 2024"), a missing place or object, or a plan, a denial
    or a court's hearing of a past event would chain unrelated events."""
    return s.is_precise and s.status in OCCURRENCE and bool(s.areas) and bool(s.objects)


@dataclass
class Merge:
    events: list[Event]
    unattached: list[Statement]  # demands and hypotheticals that met no event
    undated: list[Statement]  # statements with no date and an undated article


class EventIndex:
    """The events founded so far, found by time: each sits in the buckets of days its
    window (widened by the gap) touches, so a statement is compared with the few events
    near it rather than with all. An event is only ever added to buckets (a bucket its
    window has left costs one comparison, never a miss); one merged into another is
    dropped from ``events`` and skipped."""

    BUCKET_DAYS = 32

    def __init__(self, rule: MergeRule):
        self.rule = rule
        self.events: list[Event] = []  # in the order they were founded
        self.buckets: dict[int, list[Event]] = {}
        self.open: list[Event] = []  # events that may reach ahead: open ones and plans
        self.by_article: dict[str, list[Event]] = {}

    def _buckets(self, window: tuple[date, date]) -> range:
        gap = self.rule.gap_days
        first, last = window[0].toordinal() - gap, window[1].toordinal() + gap
        return range(first // self.BUCKET_DAYS, last // self.BUCKET_DAYS + 1)

    def file(self, event: Event) -> None:
        for key in self._buckets(event.window):
            bucket = self.buckets.setdefault(key, [])
            if event not in bucket:
                bucket.append(event)
        if (event.is_open or event.planned) and event not in self.open:
            self.open.append(event)
        for article in event.articles:
            held = self.by_article.setdefault(article, [])
            if event not in held:
                held.append(event)

    def found(self, s: Statement) -> None:
        event = Event([s])
        event.seq = len(self.events)
        self.events.append(event)
        self.file(event)

    def near(self, s: Statement) -> list[Event]:
        found = {id(e): e for key in self._buckets(s.window) for e in self.buckets.get(key, ())}
        return sorted((e for e in found.values() if not e.merged), key=lambda e: e.seq)

    def reaching(self, s: Statement) -> list[Event]:
        self.open[:] = [e for e in self.open if (e.is_open or e.planned) and not e.merged]
        return [e for e in self.open if reaches(e, s, self.rule) and same_disruption(e, s)]

    def of_article(self, s: Statement) -> list[Event]:
        """Events holding a statement of ``s``'s article, the last joined first."""
        held = [e for e in self.by_article.get(s.article_id, ()) if not e.merged]
        return sorted(held, key=lambda e: max(x.order for x in e.statements if x.article_id == s.article_id),
                      reverse=True)

    def join(self, event: Event, s: Statement, contextual: bool = False) -> None:
        event.add(s, contextual)
        self.file(event)

    def merge_into(self, target: Event, others: list[Event]) -> None:
        for other in others:
            target.absorb(other)
            other.merged = True
            self.events.remove(other)
        self.file(target)


def merge_statements(statements: Iterable[Statement], rule: MergeRule = RULE) -> Merge:
    ordered = sorted(statements, key=lambda s: s.order)
    index = EventIndex(rule)
    unattached, undated = [], []
    for s in ordered:
        if s.window is None:
            undated.append(s)
            continue
        # a statement dated only by month or year meets every event of its span: it joins
        # one only by naming what it cut
        meeting = [e for e in index.near(s) if distance(e, s) <= rule.gap_days and same_disruption(e, s)
                   and (s.is_precise or names_in_common(e, s))]
        # of the events it meets, those that name what it names (X blocked meets a slowdown
        # of the whole internet, but it is about the block of X)
        meeting = [e for e in meeting if names_in_common(e, s)] or meeting
        if meeting:
            if len(meeting) > 1 and bridges(s):
                # the earliest founded keeps its id; a plan called off joins only an event
                # in the same places (not an occurrence in another province)
                joined = [e for e in meeting[1:] if not (e.called_off or meeting[0].called_off)
                          or same_disruption(meeting[0], e)]
                index.merge_into(meeting[0], joined)
                meeting = [e for e in meeting if e not in joined]
            # min is stable: earliest founded on ties
            index.join(min(meeting, key=lambda e: (contradicts(e, s), distance(e, s))), s)
            continue
        reaching = index.reaching(s)
        context = context_event(index, s)
        if reaching:
            index.join(min(reaching, key=lambda e: (s.window[0] - e.window[1]).days), s)
        elif context:
            index.join(context, s, contextual=True)
        elif s.status in ATTACH_ONLY:
            unattached.append(s)
        else:
            index.found(s)
    return Merge(index.events, unattached, undated)


# -- rows ----------------------------------------------------------------------

class EventStatus(StrEnum):
    """An event's status; the value is ``events.status``."""

    ONGOING = "ongoing"
    ENDED = "ended"
    ANNOUNCED = "announced"
    CALLED_OFF = "called-off"
    DENIED = "denied"


def event_status(event: Event, rule: MergeRule = RULE) -> EventStatus:
    statuses = {s.status for s in event.statements}
    if statuses & OCCURRENCE:
        if event.ended:
            return EventStatus.ENDED
        # a short cut whose last report speaks of it in the past tense, well after it: over,
        # though no one said when (a lasting block is over only when a restoration says so)
        last = max((s for s in event.statements if s.status in OCCURRENCE), key=lambda s: s.order)
        short = not math.isinf(reach_days(event, rule))
        return EventStatus.ENDED if short and last.is_past_mention else EventStatus.ONGOING
    if Status.RULED_OUT in statuses:
        return EventStatus.CALLED_OFF
    if Status.ANNOUNCED in statuses:
        return EventStatus.ANNOUNCED
    return EventStatus.DENIED


def pick_date(candidates: list[tuple[date, str]], latest: bool = False) -> tuple[date | None, str | None]:
    """The earliest (``latest``: the last) day-precise date, unless a coarser date
    ("February", "2024") lies wholly before (after) it; then that coarser date."""
    if not candidates:
        return None, None
    day = [c for c in candidates if c[1] == DatePrecision.DAY]
    coarse = [c for c in candidates if c[1] != DatePrecision.DAY]
    choose = max if latest else min
    best_day = choose(day, key=lambda c: c[0]) if day else None
    best_coarse = choose(coarse, key=lambda c: c[0]) if coarse else None
    if best_day is None:
        return best_coarse
    if best_coarse is not None:
        first, last = span(*best_coarse)
        if (best_day[0] < first) if latest else (best_day[0] > last):
            return best_coarse
    return best_day


def event_dates(event: Event, ended: bool) -> dict:
    occurrences = [s for s in event.facts if s.status in OCCURRENCE]
    announced = [s for s in event.facts if s.status == Status.ANNOUNCED]
    starts = [(s.start_date, s.start_precision or DAY) for s in occurrences if s.start_date]
    # an undated report dates it by its article's day, unless only its context placed it
    starts += [(s.published, DAY) for s in occurrences if not s.start_date and s.status != Status.RESTORED
               and s.published and s.id not in event.contextual]
    restorations = event.endings
    ends = [(s.end_date, s.end_precision or DAY) for s in restorations if s.end_date]
    if restorations and not ends:
        ends = [(s.window[1], DAY) for s in restorations if s.id not in event.contextual]
    if not restorations:
        ends = [(s.end_date, s.end_precision or DAY) for s in occurrences if s.end_date]
    announced_starts = [s.start_date for s in announced if s.start_date]
    announced_ends = [s.end_date for s in announced if s.end_date]
    start_date, start_precision = pick_date(starts)
    if start_date is None and restorations and announced_starts:
        start_date, start_precision = min(announced_starts), DAY  # it happened as announced
    # the first restoration report dates the end; a later one repeats it
    end_date, end_precision = pick_date(ends, latest=not restorations) if ended else (None, None)
    return {
        "start_date": start_date, "start_precision": start_precision,
        "end_date": end_date, "end_precision": end_precision,
        "announced_start": min(announced_starts, default=None),
        "announced_end": max(announced_ends, default=None),
    }


CERTAINTY = {EventStatus.ENDED: 1.0, EventStatus.ONGOING: 1.0, EventStatus.ANNOUNCED: 0.5,
             EventStatus.CALLED_OFF: 0.5, EventStatus.DENIED: 0.25}


def confidence(event: Event, status: str) -> float:
    """0.5 x independent sites (three or more count fully) + 0.2 if a statement gives an
    explicit date + 0.3 x status certainty (reported occurrence 1, plan 0.5, denial 0.25)."""
    sites = len({s.site or s.article_id for s in event.facts})
    dated = any(s.start_date or s.end_date for s in event.facts)
    return round(0.5 * min(sites, 3) / 3 + 0.2 * dated + 0.3 * CERTAINTY[status], 3)


def _union(values: Iterable[str]) -> list[str]:
    return sorted({v for v in values if v})


def _areas(event: Event) -> list[dict]:
    seen: dict[str, Area] = {}
    for area in event.areas:
        seen.setdefault(_fold(area.name), area)
    return [a.as_row() for a in sorted(seen.values(), key=lambda a: (SCOPE_ORDER.get(a.scope, 9), a.name))]


def _kind(event: Event) -> str:
    occurrences = [s for s in event.facts if s.status in OCCURRENCE] or event.facts
    counts = Counter(s.kind for s in occurrences)
    return max(counts, key=lambda k: (counts[k], -next(i for i, s in enumerate(occurrences) if s.kind == k)))


def event_row(event: Event, rule: MergeRule = RULE) -> dict:
    status = event_status(event, rule)
    facts = event.facts
    return {
        "event_id": event.event_id,
        "kind": _kind(event),
        "platforms": _union(p for s in facts for p in s.platforms),
        "networks": _union(n for s in facts for n in s.networks),
        "areas": _areas(event),
        **event_dates(event, ended=status == EventStatus.ENDED),
        "status": status,
        "ordered_by": _union(o for s in facts for o in s.ordered_by),
        "reasons": _union(r for s in facts for r in s.reasons),
        "first_reported_at": min((s.reported_at for s in event.statements if s.reported_at), default=None),
        "reports": len(event.statements),
        "sites": _union(s.site for s in event.statements),
        "articles": list(dict.fromkeys(s.article_id for s in event.statements)),
        "confidence": confidence(event, status),
    }


def report_rows(event: Event) -> list[dict]:
    return [{"event_id": event.event_id, "article_id": s.article_id, "statement_index": s.statement_index,
             "site": s.site, "url": s.url, "published": s.published, "text": s.text, "kind": s.kind,
             "status": s.status} for s in event.statements]


def event_order(row: dict) -> tuple:
    """Events listed by when they happened (or were announced, or first reported)."""
    first = row["first_reported_at"]
    when = row["start_date"] or row["announced_start"] or (first.astimezone(PAKISTAN).date() if first else date.max)
    return when, row["event_id"]


@dataclass
class EventRows:
    events: list[dict]
    reports: list[dict]
    statements: int
    unattached: int
    undated: int


def build_events(statements: Iterable[Statement], rule: MergeRule = RULE) -> EventRows:
    statements = list(statements)
    merged = merge_statements(statements, rule)
    pairs = sorted(((event_row(e, rule), e) for e in merged.events), key=lambda pair: event_order(pair[0]))
    return EventRows(events=[row for row, _ in pairs], reports=[r for _, e in pairs for r in report_rows(e)],
                     statements=len(statements), unattached=len(merged.unattached), undated=len(merged.undated))


# -- reading rows --------------------------------------------------------------

def _fold(text: str | None) -> str:
    return (text or "").casefold().strip()


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):  # arrays
        return False


def _text(value) -> str | None:
    return None if _missing(value) else str(value)


def _strings(value) -> tuple[str, ...]:
    if _missing(value):
        return ()
    return tuple(str(v) for v in value if not _missing(v))


def _float(value) -> float | None:
    return None if _missing(value) or math.isnan(float(value)) else float(value)


def _date(value) -> date | None:
    if _missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "date"):  # pandas Timestamp
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _timestamp(value) -> datetime | None:
    if _missing(value):
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if not isinstance(value, datetime):
        value = datetime.fromisoformat(str(value))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def reported_at(published_at, published, fetched_at) -> datetime | None:
    """When an article came out: its publication time, else the start of its publication
    day in Pakistan, else when it was fetched."""
    at = _timestamp(published_at)
    if at is None and _date(published) is not None:
        at = datetime.combine(_date(published), time(0), PAKISTAN).astimezone(timezone.utc)
    return at or _timestamp(fetched_at)


def statement_from_row(row: dict) -> Statement:
    """A statement from a joined row (pyarrow ``to_pylist`` or pandas records)."""
    areas = () if _missing(row.get("areas")) else tuple(
        Area(name=str(a["name"]), scope=_text(a.get("scope")), province=_text(a.get("province")),
             latitude=_float(a.get("latitude")), longitude=_float(a.get("longitude")))
        for a in row["areas"] if a is not None and not _missing(a.get("name")))
    published = _date(row.get("published"))
    return Statement(
        article_id=str(row["article_id"]), statement_index=int(row["statement_index"]),
        kind=str(row["kind"]), status=str(row["status"]),
        platforms=_strings(row.get("platforms")), networks=_strings(row.get("networks")), areas=areas,
        start_date=_date(row.get("start_date")), start_precision=_text(row.get("start_precision")),
        end_date=_date(row.get("end_date")), end_precision=_text(row.get("end_precision")),
        ordered_by=_strings(row.get("ordered_by")), reasons=_strings(row.get("reasons")),
        text=_text(row.get("text")), site=_text(row.get("site")), url=_text(row.get("url")),
        published=published,
        reported_at=reported_at(row.get("published_at"), published, row.get("fetched_at")),
    )


def events_from_frame(frame) -> EventRows:
    """The merge over a DataFrame of statements joined with their articles' facts."""
    return build_events(statement_from_row(row) for row in frame.to_dict("records"))
