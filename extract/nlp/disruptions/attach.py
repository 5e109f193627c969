"""What a statement's clause says around its trigger: areas, dates, who ordered it,
why, and the quotation that states it.

Areas and dates are the place and date mentions of the trigger's clause (the subtree
of the verb it belongs to, without the clauses of the sentence's other statements),
else of its sentence when the sentence holds one statement; a date that modifies a
reporting verb ("said on Monday") is when it was said, not when it happened.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from ..kinds import AreaScope, DatePrecision, Reason
from ..types import Mention, Quote
from . import words as w
from .objects import MentionIndex, trigger_role

PLACE_KINDS = ("city", "region")
# organisations that report, monitor or campaign do not order disruptions
_NOT_ORDERING = {"monitor", "ngo", "media", "party", "movement", "union", "think tank", "press club", "bar",
                 "intergovernmental", "team", "league", "sports body"}
_STATE_TYPES = {"regulator", "ministry", "court", "government", "agency", "police", "military"}
_STATE_WORDS = {"government", "ministry", "court", "authority", "department", "administration", "regulator",
                "cabinet", "commissioner", "division"}


def clause_head(trigger: Token) -> Token:
    """The verb a trigger belongs to: itself when a verb, else the nearest verb above."""
    t = trigger
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in ("amod", "acl") and trigger.tag_ in ("VBN", "VBG", "JJ"):
            break  # "the suspended service in Quetta": the noun phrase is the clause
        t = t.head
    return t


def clause_tokens(head: Token, others: list[Token]) -> list[Token]:
    """``head``'s subtree without the subtrees of the other statements' clause heads
    inside it."""
    skip: set[int] = set()
    for o in others:
        if o.i != head.i and head.is_ancestor(o):
            skip.update(t.i for t in o.subtree)
    return [t for t in head.subtree if t.i not in skip]


# -- areas ------------------------------------------------------------------------

def area_of(m: Mention) -> dict:
    attrs = m.attrs or {}
    place_type = attrs.get("place_type") or ("city" if m.kind == "city" else "region")
    if place_type == "country" and attrs.get("country") == "PK":
        return national()
    return {"name": m.value, "scope": w.PLACE_SCOPES.get(place_type, AreaScope.DISTRICT),
            "province": attrs.get("province"), "latitude": attrs.get("latitude"),
            "longitude": attrs.get("longitude")}


def national() -> dict:
    return {**w.PAKISTAN, "scope": AreaScope.NATIONAL, "province": None}


def _named_for_another_reason(m: Mention, index: MentionIndex, doc) -> bool:
    """A place that is not where the disruption struck: a foreign country ("the conflict
    with India"), part of the name of a body ("the Balochistan home department", "Sindh
    Home Minister ..."), where something was said ("he told reporters in Islamabad"; the
    people saying it are kept: "residents of Quetta said ...") or the scene of a side
    clause ("while Khan addressed a rally in Rawalpindi")."""
    attrs = m.attrs or {}
    if attrs.get("place_type") == "country" and attrs.get("country") != "PK":
        return True
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ in ("compound", "poss", "nmod", "amod") and (
            head.lemma_.lower() in w.BODY_NOUNS or index.kind_at(head.i) in ("org", "person")):
        return True
    t, via_subject = root, False
    while t.head.i != t.i:
        via_subject |= t.dep_ in ("nsubj", "nsubjpass")
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in w.REPORTING:
                return not via_subject
            return t.dep_ == "advcl" and trigger_role(t) is None and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in w.SIDE_CLAUSE_MARKS for c in t.children)
    return False


def areas(index: MentionIndex, tokens: list[Token], text: str) -> list[dict]:
    """Places named in ``tokens`` (Pakistani ones when there are any) but for another
    reason, and Pakistan when the text says "nationwide", "across the country" ...; "in
    the province" is the province its sentence names ("Punjab's chief minister said
    ... in the province")."""
    if not tokens:
        return []
    doc = tokens[0].doc
    named = [m for m in index.in_span(tokens, PLACE_KINDS) if (m.attrs or {}).get("place_type")]
    found = [m for m in named if not _named_for_another_reason(m, index, doc)]
    back = w.BACK_TO_PLACE.search(text)
    if back and not found:
        scope = w.PLACE_SCOPES.get(back.group(1).lower())
        sentence = index.in_span(tokens[0].sent, PLACE_KINDS)
        found = [m for m in sentence if w.PLACE_SCOPES.get((m.attrs or {}).get("place_type")) == scope
                 and (m.attrs or {}).get("country") == "PK"][:1]
    if not found:
        found = _capital_named_before(index, tokens, text)
    pk = [m for m in found if (m.attrs or {}).get("country") == "PK"]
    out: list[dict] = []
    if w.NATIONWIDE.search(text):
        out.append(national())
    for m in pk or found:
        a = area_of(m)
        if all(a["name"] != b["name"] for b in out):
            out.append(a)
    return out


def _capital_named_before(index: MentionIndex, tokens: list[Token], text: str) -> list[Mention]:
    """"the capital", "the twin cities": the Islamabad (and Rawalpindi) the text named up
    to the end of this clause; nothing when it never named them."""
    doc = tokens[0].doc
    named = index.in_span(doc[: tokens[-1].i + 1], PLACE_KINDS)
    out: list[Mention] = []
    for pattern, cities in w.CAPITAL_REFERENCES:
        if pattern.search(text):
            for city in cities:
                last = [m for m in named if m.value == city and (m.attrs or {}).get("country") == "PK"][-1:]
                out += last
    return out


# -- dates ------------------------------------------------------------------------

_PAIR_BETWEEN = re.compile(r"\s*(?:and|&)\s*")
_END_BETWEEN = re.compile(r"\b(?:until|till|to|through|ending)\b", re.I)
_BARE_TIMES = {"midnight", "noon", "night", "evening", "morning", "afternoon", "tonight"}


def day_value(m: Mention) -> tuple[str, str] | None:
    """(ISO date, precision) of a resolved date mention; weeks and decades say no day,
    month or year, and a clock time or "midnight" alone is on the publication day only
    by default: they are left out."""
    value = m.value
    gran = (m.attrs or {}).get("granularity")
    if not value or gran == "time" or m.text.lower().strip() in _BARE_TIMES:
        return None
    if gran in ("day", "part-of-day") and len(value) >= 10:
        return value[:10], DatePrecision.DAY
    if gran == "month" and len(value) == 7:
        return f"{value}-01", DatePrecision.MONTH
    if gran == "year" and len(value) == 4 and value.isdigit():
        return f"{value}-01-01", DatePrecision.YEAR
    return None


def _nearest_verb(tok: Token) -> Token | None:
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _role_of_date(root: Token, default: str) -> str:
    """"since X", "from X", "began on X" -> start; "until X", "to X", "ended on X",
    "restored on X" -> end; otherwise the statement's default."""
    head = root.head
    # "from 10pm on July 16": the preposition of the time the date hangs on
    if root.dep_ == "pobj" and head.lower_ in ("on", "at", "of") and head.head.dep_ == "pobj":
        root, head = head.head, head.head.head
    if root.dep_ == "pobj" and head.lower_ in w.START_PREPS:
        return "start"
    if root.dep_ == "pobj" and head.lower_ in w.END_PREPS:
        return "end"
    verb = _nearest_verb(root)
    if verb is not None and verb.lemma_.lower() in w.START_VERBS:
        return "start"
    if verb is not None and verb.lemma_.lower() in w.END_VERBS:
        return "end"
    if default == "end" and verb is not None and trigger_role(verb) == w.CUT:
        return "start"  # "restored on Thursday, 15 months after it was blocked in February"
    return default


def dates(doc, index: MentionIndex, tokens: list[Token], default: str,
          published: datetime | None = None) -> dict[str, tuple[str, str]]:
    """{"start": (date, precision), "end": ...} from the date mentions in ``tokens``;
    the first start and the last end win."""
    out: dict[str, tuple[str, str]] = {}
    start_at = None
    clock: dict[str, str] = {}  # "from 9am to 1pm": the clock times of the start and the end
    for m in index.in_span(tokens, ("date",)):
        dv = day_value(m)
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None:
            continue
        if dv is None:
            if (m.attrs or {}).get("granularity") == "time" or m.text.lower().strip() in _BARE_TIMES:
                before = doc.text[max(0, m.start_char - 8):m.start_char]
                role = "end" if _END_BETWEEN.search(before) else _role_of_date(span.root, default)
                clock.setdefault(role, (m.value or "")[11:16])
            continue
        if span.root.dep_ in ("compound", "amod", "nummod", "nmod", "poss") and "calendar" not in (m.attrs or {}):
            continue  # "the 2024 general election": a date of something else (not "9th [and 10th] Muharram")
        verb = _nearest_verb(span.root)
        if verb is not None and verb.lemma_.lower() in w.REPORTING and verb.dep_ in ("ROOT", "conj"):
            continue  # "..., the PTA said on Monday"
        role = _role_of_date(span.root, default)
        between = doc.text[start_at:m.start_char] if start_at is not None else ""
        if role == "start" and start_at is not None and "end" not in out and (
                _END_BETWEEN.search(between) or span.root.dep_ == "conj" or _PAIR_BETWEEN.fullmatch(between)):
            role = "end"  # "from 10pm on July 16 till midnight on July 17", "on Friday and Saturday", "9th and 10th"
        if role == "start" and "start" not in out:
            out[role], start_at = dv, m.end_char
        elif role == "end":
            out[role] = dv
    if any(t.lower_ in _BARE_TIMES and t.dep_ == "pobj" and t.head.lower_ in w.START_PREPS for t in tokens):
        clock.setdefault("start", "")  # "since the morning", which no date mention holds
    today = (published.date().isoformat(), DatePrecision.DAY) if published is not None else None
    if "start" in clock and "start" not in out and "end" not in out and today:
        out["start"] = today  # "began around 8pm", "since the morning": the day of the report
    start = out.get("start")
    if "end" in clock and "end" not in out and start is not None and start[1] == DatePrecision.DAY:
        overnight = clock["end"] < clock.get("start", "00:00")  # "from 10pm to 6am on Sunday"
        out["end"] = (_shift(start[0], int(overnight)), DatePrecision.DAY)
    elif "end" in clock and not out and today:
        out["end"] = today  # "restored around 10pm"
    end = out.get("end")
    if start and end and start[1] == end[1] == DatePrecision.DAY and 0 < (
            date.fromisoformat(start[0]) - date.fromisoformat(end[0])).days < 7:
        out["end"] = (_shift(end[0], 7), DatePrecision.DAY)  # "on Friday and Saturday": the Saturday after
    return out


def _shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _count(word: str) -> int | None:
    word = word.lower()
    n = int(word) if word.isdigit() else w.COUNT_WORDS.get(word)
    return n if n and n <= 60 * 24 else None


def counted_back(found: dict[str, tuple[str, str]], text: str, back: bool, announced: bool) -> None:
    """Dates that the sentence's counts of days give (in place): "for a second day on
    Wednesday" began on Tuesday; "restored on Friday after four days" began on Tuesday,
    "three days after it was switched off" or "after a three-day suspension" three whole
    days before; an announcement "for 48 hours from Saturday" ends on Sunday."""
    start, end = found.get("start"), found.get("end")
    nth = w.NTH_DAY.search(text)
    if nth and not back and start is not None and start[1] == DatePrecision.DAY:
        n = _count(nth.group("ord") or nth.group("num")) or _count("".join(c for c in nth.group() if c.isdigit()))
        if n and n <= 60:
            found["start"] = (_shift(start[0], -(n - 1)), DatePrecision.DAY)
        return
    if back and start is None and end is not None and end[1] == DatePrecision.DAY:
        for pattern, whole in ((w.DAYS_BEFORE, 0), (w.DAYS_INCLUSIVE, 1)):
            m = pattern.search(text)
            n = _count(m.group("n")) if m else None
            if n and n <= 60:
                found["start"] = (_shift(end[0], -(n - whole)), DatePrecision.DAY)
                return
    if announced and start is not None and end is None and start[1] == DatePrecision.DAY:
        m = w.SPAN.search(text)
        n = _count(m.group("n")) if m else None
        if n:
            days = -(-n // 24) if m.group("unit").lower().startswith("hour") else n
            found["end"] = (_shift(start[0], days - 1), DatePrecision.DAY)


def nth_day_start(text: str, published: datetime | None) -> tuple[str, str] | None:
    """"for the third consecutive day" in an article of the 21st: it began on the 19th."""
    m = w.NTH_DAY.search(text)
    if m is None or published is None:
        return None
    word = (m.group("ord") or m.group("num")).lower()
    n = w.ORDINAL_DAYS.get(word)
    if n is None:
        digits = "".join(c for c in word if c.isdigit())
        n = int(digits) if digits else None
    if not n or n > 60:
        return None
    start: date = published.date() - timedelta(days=n - 1)
    return start.isoformat(), DatePrecision.DAY


# -- who ordered it ------------------------------------------------------------------

def org_name(m: Mention) -> str | None:
    attrs = m.attrs or {}
    if attrs.get("org_type") in _NOT_ORDERING:
        return None
    if attrs.get("org_type") in w.ACRONYM_ORG_TYPES and attrs.get("acronym"):
        return attrs["acronym"]
    return m.value


def _government(text: str) -> list[str]:
    out = []
    for g in w.GOVERNMENT.finditer(text):
        words = g.group().split()
        if words[0].lower() == "the":
            words = words[1:]
        name = " ".join(x if x.isupper() else x[:1].upper() + x[1:] for x in words)
        out.append(name)
    return out


class Agents:
    """Organisations and government bodies named by a phrase of the parse."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index

    def names(self, tok: Token) -> list[tuple[str, str | None]]:
        """(name, org type) of the bodies in ``tok``'s phrase."""
        phrase = sorted((t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "ccomp", "advcl")
                         or t.i == tok.i), key=lambda t: t.i)
        out = []
        for m in self.index.in_span(phrase, ("org",)):
            name = org_name(m)
            if name:
                out.append((name, (m.attrs or {}).get("org_type")))
        if not out:
            text = " ".join(t.text for t in phrase)
            out += [(g, "government") for g in _government(text)]
        return out

    def is_state(self, tok: Token) -> bool:
        if any(kind in _STATE_TYPES for _, kind in self.names(tok)):
            return True
        place = self.index.by_token.get(tok.i)
        if place is not None and (place.attrs or {}).get("place_type") in ("province", "territory", "country"):
            return True  # "Punjab requested the interior ministry to ..."
        return tok.lemma_.lower() in _STATE_WORDS or tok.lower_ == "pta"

    def ordered_by(self, trigger: Token, clause: list[Token]) -> list[tuple[str, str | None]]:
        """The agent of the trigger ("PTA blocked", "blocked by the PTA", "the PTA's
        ban"), the bodies whose directions or orders the clause cites, and the subject
        of a verb of ordering or imposing over the trigger ("the ministry ordered the
        PTA to suspend", "the government imposed a ban")."""
        agents: list[Token] = []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        for c in trigger.children:
            if c.dep_ == "nsubj" and not passive and trigger.pos_ in ("VERB", "AUX"):
                agents.append(c)
            elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                agents += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "poss" and trigger.pos_ == "NOUN":
                agents.append(c)
        for t in clause:
            if t.lemma_.lower() in w.ORDER_NOUNS and t.pos_ == "NOUN":
                agents += [c for c in t.children if c.dep_ == "poss"]
                for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")):
                    agents += [p for p in prep.children if p.dep_ == "pobj"]
        node = trigger
        while node.head.i != node.i:
            node = node.head
            lemma = node.lemma_.lower()
            if lemma in w.REPORTING or node.pos_ in ("NOUN", "PROPN") and lemma not in w.PLAN_NOUNS:
                break  # "the court heard a petition against blocking X": the court ordered nothing
            if lemma in w.IMPOSE or lemma in w.ANNOUNCE or lemma in w.DEMAND:
                subs = [c for c in node.children if c.dep_ == "nsubj"]
                if lemma not in w.DEMAND or any(self.is_state(s) for s in subs):
                    agents += subs
        out: list[tuple[str, str | None]] = []
        for a in agents:
            for name, kind in self.names(a):
                if all(name != n for n, _ in out):
                    out.append((name, kind))
        return out


# -- reasons and quotes ----------------------------------------------------------------

def reasons(text: str, ordered_by: list[tuple[str, str | None]]) -> list[str]:
    out = [reason for reason, pattern in w.REASONS if pattern.search(text)]
    if any(kind == w.COURT_ORG_TYPE for _, kind in ordered_by) and Reason.COURT_ORDER not in out:
        out.append(Reason.COURT_ORDER)
    order = list(Reason)
    return sorted(out, key=order.index)


def quote_of(quotes: list[Quote], trigger: Token) -> str | None:
    """The quotation whose span holds the trigger."""
    at = trigger.idx
    for q in quotes:
        if q.start_char <= at < q.end_char:
            return q.quote
    return None


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Character span of a sentence without surrounding white space."""
    toks = [t for t in sent if not t.is_space]
    if not toks:
        return sent.start_char, sent.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
