"""Dates: find date/time spans (rules before the NER, the model's DATE/TIME after),
drop durations, and resolve each span against the article's publication datetime
in Asia/Karachi.

Resolution rules (no clock is ever read: without a publication datetime, spans that
need a base keep value None):
- full dates ("December 17, 2023", "17 Dec 2023") resolve without a base;
- month + day without a year take the year that puts the date nearest the base,
  looking back up to 300 days and forward up to 60 (further forward when the
  sentence is in the future tense);
- a bare weekday is the most recent such day on or before the base ("Saturday" in
  a Wednesday article is four days earlier; "Sunday evening" in a Sunday article
  is that Sunday); in a future-tense sentence, the next one on or after the base;
  "last"/"next" weekday are strictly before/after;
- today/tonight/this morning = base day, yesterday/last night = base - 1;
- last/this/next week|month|year -> ISO week "2024-W07", "2024-01", "2023";
- "N days/weeks/months/years ago" -> day/week/month/year;
- clock times -> "YYYY-MM-DDTHH:MM" on the base day;
- Islamic-calendar days ("9th and 10th Muharram", "Ashura") -> the Gregorian day in
  Pakistan nearest the base (hijri.py), one mention per day;
- anything else the model tagged is parsed by dateparser (languages=['en'],
  RELATIVE_BASE = base, period kept as granularity); durations ("the fourth
  consecutive day", "24 hours", "for three days") are never dates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..constants import KARACHI, MONTHS, WEEKDAYS
from .common import add_candidate, ensure_extensions, info, span_info
from .hijri import HIJRI_WORD, gregorian_day, hijri_days
from .kinds import EntityKind

_LABEL = EntityKind.DATE.label  # the rule spans' label, kept by the NER

_NUMS = {"a couple of": 2, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_POD = r"(?:morning|afternoon|evening|night|midnight|noon)"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MON_NODOT = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_ABOUT = r"(?i:almost|nearly|about|around|roughly|some|just|only|barely|over)"
_NUM = r"(?i:\d+|a\s+couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# Order matters: longer forms first.
_PATTERNS = [
    # the first week of January (2015), the last week of May
    rf"\b(?:the\s+)?(?:first|second|third|fourth|last)\s+week\s+of\s+{_MON_NODOT}\b(?:,?\s+\d{{4}}\b)?",
    # Sunday, January 7, 2024 / January 7, 2024 / Jan 7 / 7 January 2024 / 7th of January
    rf"(?:{_WD},?\s+)?(?:{_MON}\s+\d{{1,2}}{_ORD}\b(?:,?\s+\d{{4}}\b)?|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MON}\b(?:,?\s+\d{{4}}\b)?)",
    # numeric dates 17-12-2023, 17/12/2023, 2023-12-17
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b",
    # December 2023
    rf"\b{_MON_NODOT},?\s+\d{{4}}\b",
    # mid-February, early January, late March, end of May
    rf"\b(?:mid-|mid\s+|early\s+|late\s+|the\s+end\s+of\s+|end\s+of\s+)(?:{_MON_NODOT})\b",
    # last/next/this Sunday (evening), Sunday evening, Sunday
    rf"\b(?:(?:last|next|this|past|coming)\s+)?{_WD}(?:\s+{_POD})?\b",
    # yesterday (evening), today, tonight, tomorrow morning, last night, this morning, earlier today
    rf"\b(?:(?:earlier|later)\s+)?(?:yesterday|today|tonight|tomorrow)(?:\s+{_POD})?\b",
    r"\b(?:last|this)\s+(?:night|morning|afternoon|evening)\b",
    # last week, this month, earlier this year, next year, the previous month
    r"\b(?:(?:earlier|later)\s+this|last|this|next|past|previous|coming|current|outgoing|ongoing)\s+(?:week|month|year|weekend)\b",
    # three days ago, 15 months back, a day earlier, almost a month later
    # ("three days after they were suspended" counts from the suspension: no date)
    rf"\b(?:{_ABOUT}\s+)?{_NUM}\s+(?:days?|weeks?|months?|years?)\s+(?:ago|back|earlier|later|(?:before|after)\b(?!\s+[\w“‘\"']))\b",
    # the next day, the following morning, the previous evening
    rf"\b(?:the\s+)?(?:next|following)\s+(?:day|{_POD})\b",
    r"\bthe\s+(?:following\s+(?:week|month|year)|(?:previous|preceding)\s+(?:day|night|evening))\b",
    r"\bthe\s+day\s+(?:before|after)\b(?!\s+[\w“‘\"'])",
    # 9/11: the attacks' name is their date
    r"(?<![\d/])9/11(?![\d/])",
    # last November, this March
    rf"\b(?:last|this|next|coming)\s+{_MON_NODOT}\b",
    # ranges, one date from their start: 1958-1972, 2007–2008, April-June
    r"\b(?:1[6-9]|20)\d{2}\s?[-–]\s?(?:1[6-9]|20)\d{2}\b",
    rf"\b{_MON_NODOT}\s?[-–]\s?{_MON_NODOT}\b",
    # fiscal years 2005-06, 2017-18
    r"\b(?:19|20)\d{2}[-–](?:\d{2})\b(?![-–/]\d)",
    # the '90s, the 80s
    r"(?<=\bthe\s)['’]?[1-9]0s\b",
    # the 1980s
    r"\b(?:the\s+)?(?:early\s+|mid-|late\s+)?(?:1[89]|20)\d0['’]?s\b",
    # clock times 10pm, 10 p.m., 10:30 am, 10p.pm
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|p\.pm)(?![a-z])",
]
_DATE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# month alone: only after a preposition, capitalised (never the verb "may")
_MONTH_ALONE_RE = re.compile(
    rf"\b(?:in|since|during|until|till|by|from|of|through|before|after|and|to)\s+({_MON_NODOT})\b(?!\s+\d)"
)
# year alone: 19xx/20xx as a time reference (not in law names, not money/counts)
_YEAR_RE = re.compile(r"(?:(?<![\w,.$/-])|\b(?:pre|post|mid)-)(?:1[6-9]\d\d|20[0-4]\d)\b(?![\d%/-]|,\d)")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|from|until|till|during|between|and|to|after|before|of|year|"
                        r"as\s+(?:early|late|far\s+back|recently)\s+as)\s+(?:the\s+year\s+)?$",
                        re.I)
_YEAR_BAD_PREV = re.compile(r"(?:Act|Ordinance|Rules|Bill|Regulations|Code|No\.|Rs\.?|PKR|\$|US\$|Policy|Vision|Amendment\)?)\s*,?\s*$")

_DURATION_RE = re.compile(
    r"\b(consecutive|straight|running|hours?|minutes?|seconds?|decades?|fortnight|"
    r"(?<!\bthe\s)(?:days|weeks|months|years)\b(?!\s+ago)|annual(?:ly)?|daily|weekly|monthly|yearly|"
    r"for\s+\w+\s+(?:days?|weeks?|months?|years?)|the\s+(?:first|second|third|fourth|fifth|sixth|seventh|\w+th)\s+day|"
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|few)\s+(?:day|week|month|year)s?$)",
    re.I,
)


@Language.factory("pk_date_rules", default_config={}, assigns=["doc.spans", "doc._.pk_info"])
def make_date_rules(nlp: Language, name: str) -> "DateRules":
    return DateRules(name)


class DateRules:
    """Rule-based date spans, set before the NER so that "Sunday evening" is one span."""

    def __init__(self, name: str) -> None:
        ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        spans = []
        for m in _DATE_RE.finditer(text):
            spans.append((m.start(), m.end()))
        for m in _MONTH_ALONE_RE.finditer(text):
            spans.append((m.start(1), m.end(1)))
        for m in _YEAR_RE.finditer(text):
            before = text[max(0, m.start() - 25): m.start()]
            if _YEAR_BAD_PREV.search(before):
                continue
            if int(m[0][-4:]) < 1950 and not _YEAR_PREP.search(before):
                continue  # an older year only where a preposition makes it a time ("in 1905")
            spans.append((m.start(), m.end()))
        for s, e in spans:
            span = doc.char_span(s, e, label=_LABEL, alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            add_candidate(doc, span, None, {}, priority=0)
        for h in hijri_days(text):  # resolved after the NER, against the publication date
            span = doc.char_span(h.start, h.end, label=_LABEL, alignment_mode="expand")
            if span is not None and len(span):
                add_candidate(doc, span, None, {"hijri": (h.month, h.day)}, priority=0)
        return doc


# ----------------------------------------------------------------------
# resolution

def base_date(published_at: datetime | str | None) -> datetime | None:
    if published_at is None:
        return None
    if isinstance(published_at, str):
        published_at = datetime.fromisoformat(published_at)
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=KARACHI)
    return published_at.astimezone(KARACHI)


# A news text is written before it is published: a print edition stamped with a date and no
# time (midnight) was filed the evening before, and a story published in the small hours was
# written the previous day. A month or a year named relative to the text ("this year", "February")
# counts from the writing time, so a 1 January edition's "this year" is the year just ended.
# Days keep counting from the publication date: a weekday or "today" may be either day, and the
# publication day is the reader's.
FILING_LAG = timedelta(hours=6)
WRITING_TIME_GRANULARITIES = ("month", "year")


def writing_time(published_at: datetime | str | None) -> datetime | None:
    b = base_date(published_at)
    return None if b is None else b - FILING_LAG


def _nearest_year(month: int, day: int, base: date, future: bool) -> date | None:
    # in a future-tense sentence a day more than a week before the base is next year's (a deadline
    # reported a few days late stays in the past)
    best = None
    for y in (base.year - 1, base.year, base.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        delta = (d - base).days
        if -300 <= delta <= (300 if future else 60) and not (future and delta < -7):
            if best is None or abs(delta) < abs((best - base).days):
                best = d
    return best


def _nearest_month_year(month: int, base: date, future: bool) -> int:
    if future:  # "the final will be held in April": this April or the next one
        return base.year if month >= base.month else base.year + 1
    for y in (base.year, base.year - 1, base.year + 1):
        delta = (y - base.year) * 12 + month - base.month
        if -10 <= delta <= (10 if future else 1):
            return y
    return base.year


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(d: date, n: int) -> tuple[int, int]:
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1


_SCHEDULING = {"scheduled", "expected", "due", "set", "planned", "likely", "going", "supposed", "poised", "slated"}


def is_future(span: Span) -> bool:
    """Is the clause holding the date in the future tense ("will be held on Monday")?
    Words inside quotation marks elsewhere in the sentence do not count."""
    doc = span.doc
    tok = span.root
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
            break
        if tok.head is tok:
            break
        tok = tok.head
    # conjoined verbs share the first verb's auxiliaries ("will play and win on Sunday")
    while tok.dep_ == "conj" and tok.head is not tok and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children):
        tok = tok.head
    words = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    if words & {"will", "'ll", "shall", "wo"}:
        return True
    # future in reported speech ("said a decision would be announced on Tuesday"), not "would have"
    if "would" in words and not any(c.lower_ == "have" for c in tok.children if c.dep_ == "aux"):
        return True
    # "is scheduled to visit on Tuesday", "are expected to play on Saturday"
    if tok.dep_ == "xcomp" and tok.head.lower_ in _SCHEDULING:
        return True
    if tok.lower_ in {"scheduled", "planned", "due", "upcoming", "expected"}:
        return True
    if any(c.lower_ in {"scheduled", "due", "expected", "set"} for c in tok.children if c.dep_ in {"acomp", "xcomp"}):
        return True
    if "had" in words:
        return False  # "had been suspended until the end of February": a past perfect looks back
    left = doc[max(0, span.start - 3): span.start].text.lower()
    return bool(re.search(r"\b(until|till|by|upcoming|next|before)\b", left)) and "before" not in left


def resolve(text: str, published_at: datetime | None, future: bool = False) -> tuple[str | None, str | None, dict]:
    """Resolve one date/time expression -> (value, granularity, extra attrs)."""
    t = re.sub(r"\s+", " ", text.strip())
    low = t.lower().replace("’", "'")
    extra: dict = {}
    b = base_date(published_at)
    bd = b.date() if b else None

    pod = re.search(_POD, low)
    if pod:
        extra["part_of_day"] = pod.group(0)

    if low == "9/11":
        return "2001-09-11", "day", extra
    # numeric ISO / d-m-y
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3])), "day", extra
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", low)
    if m:  # Pakistani usage is day-first
        return _safe_date(int(m[3]), int(m[2]), int(m[1])), "day", extra

    # month day (year) / day month (year)
    m = re.search(rf"\b({_MON_NODOT.lower()})\.?\s+(\d{{1,2}}){_ORD}\b(?:,?\s+(\d{{4}}))?", low) or None
    day_first = None
    if m is None:
        day_first = re.search(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MON_NODOT.lower()})\b\.?(?:,?\s+(\d{{4}}))?", low)
    if m or day_first:
        if m:
            mon, day, year = MONTHS[m[1]], int(m[2]), m[3]
        else:
            mon, day, year = MONTHS[day_first[2]], int(day_first[1]), day_first[3]
        if year:
            return _safe_date(int(year), mon, day), ("part-of-day" if pod else "day"), extra
        if bd is None:
            return None, "day", extra
        d = _nearest_year(mon, day, bd, future)
        return (d.isoformat() if d else None), ("part-of-day" if pod else "day"), extra

    # "the first week of January 2015": the ISO week holding that week's first day
    m = re.fullmatch(rf"(?:the )?(first|second|third|fourth|last) week of ({_MON_NODOT.lower()}),?(?: (\d{{4}}))?", low)
    if m:
        mon = MONTHS[m[2]]
        if m[3] is None and bd is None:
            return None, "week", extra
        y = int(m[3]) if m[3] else _nearest_month_year(mon, bd, future)
        if m[1] == "last":
            first = date(y + (mon == 12), mon % 12 + 1, 1) - timedelta(days=7)
        else:
            first = date(y, mon, 1 + 7 * ("first", "second", "third", "fourth").index(m[1]))
        return _iso_week(first), "week", extra

    # month year
    m = re.fullmatch(rf"({_MON_NODOT.lower()}),? (\d{{4}})", low)
    if m:
        return f"{int(m[2]):04d}-{MONTHS[m[1]]:02d}", "month", extra
    # month alone (with qualifiers): "mid-March" the nearest one, "last November" the one before
    # the base month, "next March" the one after it, "this March" the base year's
    m = re.fullmatch(rf"(?:mid-|mid |early |late |the end of |end of |(last|this|next|coming) )?({_MON_NODOT.lower()})", low)
    if m:
        if bd is None:
            return None, "month", extra
        mon = MONTHS[m[2]]
        y = {None: _nearest_month_year(mon, bd, future), "this": bd.year,
             "last": bd.year - (mon >= bd.month)}.get(m[1], bd.year + (mon <= bd.month))
        return f"{y:04d}-{mon:02d}", "month", extra
    # year ("post-1970", "mid-2015": the year)
    m = re.fullmatch(r"(?:pre-|post-|mid-)?((?:1[6-9]|20)\d{2})", low)
    if m:
        return m[1], "year", extra
    # a range of years or months ("1958-1972", "April-June"): the date it starts at
    m = re.fullmatch(r"((?:1[6-9]|20)\d{2}) ?[-–] ?(?:1[6-9]|20)\d{2}", low)
    if m:
        return m[1], "year", extra
    m = re.fullmatch(rf"({_MON_NODOT.lower()}) ?[-–] ?(?:{_MON_NODOT.lower()})", low)
    if m:
        return resolve(m[1], published_at, future)
    # a fiscal or season year "2005-06": the year it starts in
    m = re.fullmatch(r"((?:19|20)\d{2})[-–](\d{2})", low)
    if m and (int(m[1]) + 1) % 100 == int(m[2]):
        return m[1], "year", extra
    # two-digit decade "the '90s": the last such decade before the base (no base: the 1900s)
    m = re.fullmatch(r"(?:the )?(?:early |mid-|late )?'?([1-9]0)s", low)
    if m:
        century = 1900 if bd is None or int(m[1]) > bd.year % 100 else 2000
        return f"{century + int(m[1])}s", "decade", extra
    # decade: "the 1980s", "1990s"
    m = re.fullmatch(r"(?:the )?(?:early |mid-|late )?((?:1[89]|20)\d0)['’]?s", low)
    if m:
        return f"{m[1]}s", "decade", extra

    # weekday
    m = re.search(rf"\b(?:(last|next|this|past|coming) )?({_WD.lower()})\b", low)
    if m:
        if bd is None:
            return None, ("part-of-day" if pod else "day"), extra
        wd = WEEKDAYS[m[2]]
        q = m[1]
        back = (bd.weekday() - wd) % 7
        ahead = (wd - bd.weekday()) % 7
        if q in ("last", "past"):
            d = bd - timedelta(days=back or 7)
        elif q in ("next", "coming"):
            d = bd + timedelta(days=ahead or 7)
        elif q == "this":
            d = bd + timedelta(days=ahead) if future else bd - timedelta(days=back)
        else:
            d = bd + timedelta(days=ahead) if future else bd - timedelta(days=back)
        return d.isoformat(), ("part-of-day" if pod else "day"), extra

    # deictic days
    m = re.search(r"\b(yesterday|today|tonight|tomorrow)\b", low) or re.fullmatch(r"(last|this) (night|morning|afternoon|evening)", low)
    if m:
        if bd is None:
            return None, ("part-of-day" if pod or "tonight" in low or "night" in low else "day"), extra
        word = m[1]
        if word in ("yesterday",) or (word == "last" and m.lastindex and m[2] == "night"):
            d = bd - timedelta(days=1)
        elif word == "tomorrow":
            d = bd + timedelta(days=1)
        else:
            d = bd
        if "tonight" in low or "night" in low:
            extra.setdefault("part_of_day", "night")
        gran = "part-of-day" if "part_of_day" in extra else "day"
        return d.isoformat(), gran, extra

    # last/this/next week|month|year
    m = re.fullmatch(r"(?:the )?(?:(earlier|later) this|(last|this|next|past|previous|coming|current|outgoing|ongoing)) "
                     r"(week|month|year|weekend)", low)
    if m:
        q = {"current": "this", "outgoing": "this", "ongoing": "this"}.get(m[2], m[2] or "this")
        unit = m[3]
        if bd is None:
            return None, unit if unit != "weekend" else "week", extra
        n = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[q]
        if unit in ("week", "weekend"):
            return _iso_week(bd + timedelta(weeks=n)), "week", extra
        if unit == "month":
            y, mo = _shift_month(bd, n)
            return f"{y:04d}-{mo:02d}", "month", extra
        return f"{bd.year + n:04d}", "year", extra

    # N units ago (back, earlier, before): counted from the publication date
    m = re.fullmatch(rf"(?:{_ABOUT} )?({_NUM.lower()}) (day|week|month|year)s? (?:ago|back|earlier|before)", low)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMS[m[1]]
        if bd is None:
            return None, m[2], extra
        if m[2] == "day":
            return (bd - timedelta(days=n)).isoformat(), "day", extra
        if m[2] == "week":
            return _iso_week(bd - timedelta(weeks=n)), "week", extra
        if m[2] == "month":
            y, mo = _shift_month(bd, -n)
            return f"{y:04d}-{mo:02d}", "month", extra
        return f"{bd.year - n:04d}", "year", extra

    # clock time
    m = re.search(r"(\d{1,2})(?::(\d{2}))?\s*(a\.?\s?m|p\.?\s?m|p\.pm)", low)
    if m:
        h = int(m[1]) % 12 + (12 if m[3].startswith("p") else 0)
        mi = int(m[2] or 0)
        if bd is None or h > 23 or mi > 59:
            return None, "time", extra
        return f"{bd.isoformat()}T{h:02d}:{mi:02d}", "time", extra

    return _dateparser(t, b)


# "later", "after", "the next day" count from the time the story last named, not from the
# publication ("dismissed in February 2006. Almost a month later, ..."); "ago" and "back" always
# count from the writing. "Earlier"/"before" with no date named just before keep the publication.
_ANAPHORIC_RE = re.compile(
    rf"(?:{_ABOUT} )?(?P<n>{_NUM.lower()}) (?P<unit>day|week|month|year)s? (?P<dir>later|after|earlier|before)"
    rf"|(?:the )?(?P<dir2>next|following) (?P<unit2>day|{_POD})"
    r"|the (?P<dir4>following) (?P<unit4>week|month|year)|the (?P<dir5>previous|preceding) (?P<unit5>day|night|evening)"
    r"|the (?P<unit3>day) (?P<dir3>before|after)")
ANCHOR_SENTENCES = 2  # a date named in this or the two sentences before anchors "a month later"
_FINEST = {"day": ("day", "part-of-day", "time"), "week": ("day", "part-of-day", "time"),
           "month": ("day", "part-of-day", "time", "month"),
           "year": ("day", "part-of-day", "time", "month", "year")}


def anaphoric_unit(text: str) -> tuple[str, int, bool] | None:
    """(unit, signed count, part of day named) of an expression counted from the story's own
    time ("six months later", "the next morning", "a day earlier"); None for any other."""
    m = _ANAPHORIC_RE.fullmatch(re.sub(r"\s+", " ", text.strip().lower()))
    if m is None:
        return None
    if m["n"]:
        n = int(m["n"]) if m["n"].isdigit() else _NUMS[m["n"]]
        return m["unit"], n if m["dir"] in ("later", "after") else -n, False
    unit, direction = next((m[f"unit{i}"], m[f"dir{i}"]) for i in (2, 3, 4, 5) if m[f"unit{i}"])
    sign = 1 if direction in ("next", "following", "after") else -1
    return ("day" if unit not in ("week", "month", "year") else unit), sign, unit not in ("day", "week", "month", "year")


def resolve_from(unit: str, n: int, anchor: tuple[str, str]) -> tuple[str | None, str | None]:
    """Count ``n`` units from an anchor (value, granularity) the text resolved before."""
    value, gran = anchor
    if gran not in _FINEST[unit]:
        return None, None
    y, mo = int(value[:4]), int(value[5:7]) if len(value) >= 7 else 1
    if unit == "year":
        return f"{y + n:04d}", "year"
    if unit == "month":
        y, mo = _shift_month(date(y, mo, 1), n)
        return f"{y:04d}-{mo:02d}", "month"
    d = date.fromisoformat(value[:10])
    if unit == "week":
        return _iso_week(d + timedelta(weeks=n)), "week"
    return (d + timedelta(days=n)).isoformat(), "day"


def _safe_date(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _dateparser(text: str, b: datetime | None) -> tuple[str | None, str | None, dict]:
    if b is None:
        return None, None, {}
    from dateparser.date import DateDataParser

    ddp = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": b.replace(tzinfo=None),
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DATES_FROM": "current_period",
        "STRICT_PARSING": False,
    })
    try:
        data = ddp.get_date_data(text)
    except Exception:  # dateparser raises on odd input
        return None, None, {}
    d = data.date_obj
    if d is None:
        return None, None, {}
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}", "year", {}
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", {}
    if period == "week":
        return _iso_week(d.date()), "week", {}
    if period == "time":
        return d.strftime("%Y-%m-%dT%H:%M"), "time", {}
    return d.date().isoformat(), "day", {}


# "May and June last year": the year named after a bare month (or a pair of them)
_YEAR_AFTER = re.compile(rf"^(?:\s*(?:and|or|-|to)\s+{_MON_NODOT})?,?\s+(?:of\s+)?(last|this|next)\s+year\b", re.I)


def _month_without_year(text: str, granularity: str) -> bool:
    """A bare month ("May") or a month and day ("February 17", "17th February"): no year written."""
    text = text.strip()
    if granularity == "month":
        return bool(re.fullmatch(_MON_NODOT, text, re.I))
    return bool(re.search(_MON_NODOT, text, re.I)) and not re.search(r"\d{4}|'\d\d\b", text)


def _year_named_after(value: str, right: str, published_at) -> str:
    """"May and June last year", "February 17 last year": the value in the year named."""
    m = _YEAR_AFTER.match(right)
    if not m:
        return value
    year = base_date(published_at).year + {"last": -1, "this": 0, "next": 1}[m[1].lower()]
    moved = f"{year:04d}{value[4:]}"
    if len(moved) == 10 and _safe_date(year, int(moved[5:7]), int(moved[8:10])) is None:
        return value  # 29 February of a year without one
    return moved


def is_duration(text: str) -> bool:
    return bool(_DURATION_RE.search(text))


@Language.factory("pk_dates", default_config={"use_model_dates": True}, requires=["doc.ents", "token.dep", "token.pos"],
                  assigns=["doc.ents", "doc._.pk_info"])
def make_dates(nlp: Language, name: str, use_model_dates: bool) -> "DateResolver":
    return DateResolver(name, use_model_dates)


class DateResolver:
    """After the NER: resolve the rule date spans and the model's DATE/TIME entities."""

    def __init__(self, name: str, use_model_dates: bool = True) -> None:
        ensure_extensions()
        self.name = name
        self.use_model_dates = use_model_dates

    def __call__(self, doc: Doc) -> Doc:
        """Resolve the rule date spans (Islamic-calendar days among them, through hijri.py)
        and (``use_model_dates``) the model's DATE/TIME entities, without the prepositions
        the model takes in; durations, the model's spans around an Islamic-calendar word
        and expressions that cannot be resolved stay as they are: no date mention."""
        pub = doc._.published_at
        written = writing_time(pub)
        ents = list(doc.ents)
        out = []
        sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        anchors: list[tuple[int, str, str]] = []  # (sentence number, value, granularity), in text order
        for ent in ents:
            if ent.label_ == _LABEL or (self.use_model_dates and ent.label_ in {"DATE", "TIME"}):
                span = ent
                if ent.label_ != _LABEL:
                    # trim determiners/prepositions the model sometimes includes
                    s, e = ent.start, ent.end
                    while s < e and doc[s].lower_ in {"the", "on", "since", "by", "in", "of", "from"}:
                        s += 1
                    if s == e or is_duration(doc[s:e].text) or HIJRI_WORD.search(doc[s:min(len(doc), e + 3)].text):
                        out.append(ent)
                        continue
                    span = Span(doc, s, e, label=_LABEL)
                hijri = (span_info(doc, ent) or {}).get("attrs", {}).get("hijri") if ent.label_ == _LABEL else None
                if hijri is not None:
                    day = gregorian_day(*hijri, base_date(pub).date()) if pub is not None else None
                    value, gran, extra = (day.isoformat(), "day", {"calendar": "hijri"}) if day else (None, None, {})
                else:
                    sent_no = bisect_right(sent_starts, span.start) - 1
                    relative = anaphoric_unit(span.text)
                    anchor = _last_anchor(anchors, relative[0], sent_no) if relative else None
                    if anchor is not None:
                        value, gran = resolve_from(relative[0], relative[1], anchor)
                        extra = {}
                        if relative[2] and gran == "day":
                            gran, extra = "part-of-day", {"part_of_day": re.search(_POD, span.text.lower())[0]}
                    elif relative is not None and relative[1] > 0:
                        value, gran, extra = None, None, {}  # "a month later" with no time told before it
                    else:
                        value, gran, extra = self._resolve(span, pub, written)
                if gran is None or (value is None and pub is not None):
                    out.append(ent)  # unresolvable (vague): not a date mention
                    continue
                if hijri is None and gran in _FINEST["year"]:
                    anchors.append((sent_no, value, gran))
                attrs = {"granularity": gran, **extra}
                if span.label_ != _LABEL:
                    span = Span(doc, span.start, span.end, label=_LABEL)
                info(doc)[(span.start_char, span.end_char, _LABEL)] = {"value": value, "attrs": attrs, "priority": 0}
                out.append(span)
            else:
                out.append(ent)
        doc.ents = out
        return doc

    @staticmethod
    def _resolve(span: Span, pub, written) -> tuple[str | None, str | None, dict]:
        future = is_future(span)
        value, gran, extra = resolve(span.text, pub, future=future)
        if gran in WRITING_TIME_GRANULARITIES and written is not None:
            value, gran, extra = resolve(span.text, written, future=future)
        if gran in ("month", "day") and value and pub is not None and _month_without_year(span.text, gran):
            value = _year_named_after(value, span.doc.text[span.end_char:span.end_char + 40], written)
        return value, gran, extra


def _last_anchor(anchors: list[tuple[int, str, str]], unit: str, sent_no: int) -> tuple[str, str] | None:
    """The last date told close enough before, fine enough to count ``unit`` from."""
    for a_sent, value, gran in reversed(anchors):
        if sent_no - a_sent > ANCHOR_SENTENCES:
            return None
        if gran in _FINEST[unit]:
            return value, gran
    return None
