"""Publication and modification dates that are never silently wrong.

Evidence, best first:

1. ``json-ld``  -- ``datePublished`` of the page's Article/NewsArticle/BlogPosting object;
2. ``meta``     -- ``article:published_time`` and its relatives;
3. ``time-tag`` -- a ``<time datetime>`` / ``itemprop=datePublished`` element in the
   article header (next to the headline, outside related/recent/comment/sidebar blocks);
4. ``byline``   -- a date written in the visible byline / meta line next to the headline;
5. ``near-title`` -- any date written just after (or just before) the headline;
6. ``url``      -- ``/YYYY/MM/DD/`` in the article URL.

A candidate later than the fetch time is rejected (and the next source tried); the
page header's "today" date, related/recent posts and comments are never looked at
because they sit in boilerplate containers or far from the headline. Times without
a zone are Asia/Karachi. When nothing trustworthy is left the date is None and the
reason is recorded (``no-trustworthy-date`` or ``only-future-dates``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from lxml import etree

from extract.constants import KARACHI, MONTHS, URDU_MONTHS
from extract.dom import article_ld, in_boilerplate, meta_content, norm_text, own_text, page_ld

EARLIEST = date(1994, 1, 1)
# the article header: visible characters read before / after the headline
WINDOW_BEFORE = 250
WINDOW_AFTER = 600
# clock skew allowed between the site and our fetch time
SKEW = timedelta(minutes=10)

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "publish-date", "publish_date", "publishdate", "pubdate", "publication_date",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime", "article:published", "dc.date",
)
# a bare <meta name="date"> is sometimes the page's generation date: used only after the header
WEAK_META = ("date",)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "article:modified", "lastmod", "last-modified")

# month words as the sites write them, in English or Urdu
_MONTHS = {**MONTHS, **URDU_MONTHS}
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
        r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_TIME = (r"(?:\s*(?:,|at|-|\||–|—)?\s*(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?"
         r"(?:\s*(?P<tz>PKT|GMT|UTC|Z|[+-]\d{2}:?\d{2}))?)?")
_DATE_PATTERNS = [
    re.compile(r"\b" + _MON + r"\s+(?P<d>\d{1,2})" + _ORD + r"[,،]?\s+(?P<y>\d{4})\b" + _TIME, re.I),
    re.compile(r"\b(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MON + r"[,،]?\s+(?P<y>\d{4})\b" + _TIME, re.I),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]" + _TIME[3:], re.I),
    re.compile(r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\b" + _TIME, re.I),
]
_MODIFIED_LABEL = re.compile(r"(updated|modified|edited|last\s+update)[^0-9a-z]{0,3}(on|at)?\W*$", re.I)
_PUBLISHED_LABEL = re.compile(r"(published|posted|first\s+published|date)\W*(on|at)?\W*$", re.I)
_DATE_HINT = re.compile(r"date|time|meta|byline|posted|publish|dateline|info|author", re.I)
_STAMP_ATTRS = ("data-datetime", "data-date", "data-published", "data-timestamp", "title")
_ISO_START = re.compile(r"\s*(?:19|20)\d{2}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/")


@dataclass(frozen=True)
class DateFound:
    value: datetime | date  # aware datetime when a time is known, else a date
    source: str

    @property
    def local_date(self) -> date:
        if isinstance(self.value, datetime):
            return self.value.astimezone(KARACHI).date()
        return self.value

    @property
    def aware(self) -> datetime | None:
        return self.value if isinstance(self.value, datetime) else None


@dataclass(frozen=True)
class DateResult:
    published: DateFound | None
    modified: DateFound | None
    reason: str | None  # why published is None
    rejected: tuple[str, ...] = ()  # sources whose dates were thrown out (future)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        dt = date(y, m, d)
    except ValueError:
        return None
    return dt if dt >= EARLIEST else None


def _with_time(d: date, hh, mi, ss, ap, tz) -> datetime | date:
    if hh is None:
        return d
    h, mnt, sec = int(hh), int(mi), int(ss or 0)
    if ap:
        pm = ap.lower().startswith("p")
        if h == 12:
            h = 0
        if pm:
            h += 12
    if h > 23 or mnt > 59 or sec > 59:
        return d
    zone = KARACHI
    if tz:
        tzu = tz.upper()
        if tzu in ("GMT", "UTC", "Z"):
            zone = timezone.utc
        elif tzu != "PKT":
            sign = 1 if tzu[0] == "+" else -1
            digits = tzu[1:].replace(":", "")
            zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))
    return datetime.combine(d, time(h, mnt, sec), tzinfo=zone)


def parse_iso(value: str | None) -> datetime | date | None:
    """An ISO-8601-ish timestamp from metadata; naive times are Asia/Karachi."""
    if not value:
        return None
    s = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            d = date.fromisoformat(s)
        except ValueError:
            return None
        return d if d >= EARLIEST else None
    s2 = s.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", s) else s
    if s2.endswith(("Z", "z")):
        s2 = s2[:-1] + "+00:00"
    s2 = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", s2)
    try:
        dt = datetime.fromisoformat(s2)
    except ValueError:
        found = parse_text_dates(s)
        return found[0][1] if found else None
    if dt.date() < EARLIEST:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=KARACHI)
    return dt


def parse_text_dates(text: str) -> list[tuple[int, datetime | date, str]]:
    """Dates written in ``text``: (offset, value, label) with label "published",
    "modified" or "" from the words just before the date."""
    text = text.translate(_DIGITS)
    out = []
    taken: list[tuple[int, int]] = []
    for pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            y, d = int(g["y"]), int(g["d"])
            if g.get("mon"):
                mo = _MONTHS.get(g["mon"].lower().rstrip("."))
            else:
                mo = int(g["m"])
                if pat is _DATE_PATTERNS[3] and mo > 12 and d <= 12:
                    d, mo = mo, d  # month/day/year
            if not mo:
                continue
            day = _valid(y, mo, d)
            if day is None:
                continue
            taken.append((m.start(), m.end()))
            before = text[max(0, m.start() - 40):m.start()]
            label = "modified" if _MODIFIED_LABEL.search(before) else ("published" if _PUBLISHED_LABEL.search(before) else "")
            out.append((m.start(), _with_time(day, g.get("hh"), g.get("mi"), g.get("ss"), g.get("ap"), g.get("tz")), label))
    out.sort(key=lambda x: x[0])
    return out


def _not_future(value: datetime | date, fetched_at: datetime | None) -> bool:
    if fetched_at is None:
        return True
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    if isinstance(value, datetime):
        return value <= fetched_at + SKEW
    return value <= (fetched_at + SKEW).astimezone(KARACHI).date()


def _is_fetch_day(value: datetime | date, fetched_at: datetime | None) -> bool:
    """A visible date above the headline on the day of the fetch is the page header's
    "today" date (rendered at fetch time), not the article's."""
    if fetched_at is None:
        return False
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    day = value.astimezone(KARACHI).date() if isinstance(value, datetime) else value
    return abs((day - fetched_at.astimezone(KARACHI).date()).days) <= 1


def text_positions(tree) -> dict:
    """Offset (in visible characters) of each element's start in document order."""
    pos = {}
    off = 0
    skip_depth = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            pos[el] = off
            if tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
                skip_depth += 1
            elif skip_depth == 0:
                off += len((el.text or "").strip())
        else:
            if tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
                skip_depth -= 1
            if skip_depth == 0:
                off += len((el.tail or "").strip())
    return pos


def _header_window(tree, h1, positions) -> tuple[int, int] | None:
    if h1 is None or h1 not in positions:
        return None
    start = positions[h1]
    end = start + len(norm_text(h1.text_content()))
    return start - WINDOW_BEFORE, end + WINDOW_AFTER


def _element_dates(el) -> list[tuple[datetime | date, str]]:
    """Dates an element states in its attributes (datetime/content) or text."""
    out = []
    attr = el.get("datetime") or (el.get("content") if el.get("itemprop") else None)
    label = ""
    marker = f"{el.get('itemprop', '')} {el.get('class', '')} {el.get('id', '')}".lower()
    if "modif" in marker or "updat" in marker:
        label = "modified"
    elif "publish" in marker or "posted" in marker or "created" in marker:
        label = "published"
    if attr:
        v = parse_iso(attr)
        if v is not None:
            text = norm_text(el.text_content())
            if not label and _MODIFIED_LABEL.search((text.split(str(getattr(v, 'year', '')))[0] if text else "")):
                label = "modified"
            out.append((v, label))
            return out
    for _, v, lab in parse_text_dates(norm_text(el.text_content())):
        out.append((v, lab or label))
    return out


def find_dates(tree, url: str = "", fetched_at: datetime | None = None, h1=None,
               positions: dict | None = None) -> DateResult:
    """The publication and modification dates of the page: every candidate from the
    sources in the order of the module docstring, the first not later than the fetch time
    winning, because metadata is the site's own statement and the header next to the
    headline is what readers see; the exceptions (metadata stamped with the fetch day, a
    date-only candidate taking its time from a later one) are noted where they apply."""
    published: list[DateFound] = []
    modified: list[DateFound] = []

    # 1. JSON-LD: the Article object, then the WebPage object
    for obj in article_ld(tree) + page_ld(tree):
        for key, bucket in (("datePublished", published), ("dateCreated", published), ("dateModified", modified)):
            val = obj.get(key)
            if isinstance(val, list):
                val = val[0] if val else None
            v = parse_iso(val) if isinstance(val, str) else None
            if v is not None:
                bucket.append(DateFound(v, "json-ld"))
    # 2. meta
    v = parse_iso(meta_content(tree, *PUBLISHED_META))
    if v is not None:
        published.append(DateFound(v, "meta"))
    v = parse_iso(meta_content(tree, *MODIFIED_META))
    if v is not None:
        modified.append(DateFound(v, "meta"))

    # 3-5. the article header: time tags, byline, dates near the title
    if positions is None and h1 is not None:
        positions = text_positions(tree)
    window = _header_window(tree, h1, positions or {})
    if window is not None:
        lo, hi = window
        scope = []
        for el in tree.iter("time", "span", "div", "p", "li", "small", "abbr", "meta", "a", "em", "strong", "b", "i", "font", "td"):
            p = positions.get(el)
            if p is None or not (lo <= p <= hi):
                continue
            scope.append(el)
        bcache: dict = {}
        scope = [el for el in scope if not in_boilerplate(el, cache=bcache)]
        time_tags, byline, near = [], [], []
        for el in scope:
            is_time = el.tag == "time" or (el.get("itemprop") or "").lower() in ("datepublished", "datemodified", "datecreated")
            if is_time and (el.get("datetime") or el.get("content") or el.tag == "time"):
                before = positions.get(el, 0) < positions.get(h1, 0)
                for v, lab in _element_dates(el):
                    if before and _is_fetch_day(v, fetched_at):
                        continue
                    (modified if lab == "modified" else time_tags).append(DateFound(v, "time-tag"))
                continue
            if el.tag == "meta":
                continue
            # machine-readable timestamps in data-*/title attributes (timeago widgets)
            stamp = next((el.get(a) for a in _STAMP_ATTRS if _ISO_START.match(el.get(a) or "")), None)
            if stamp:
                v = parse_iso(stamp)
                if v is not None and not (positions.get(el, 0) < positions.get(h1, 0) and _is_fetch_day(v, fetched_at)):
                    marker = f"{el.get('class', '')} {el.get('id', '')}".lower()
                    if "modif" in marker or "updat" in marker:
                        modified.append(DateFound(v, "time-tag"))
                    else:
                        time_tags.append(DateFound(v, "time-tag"))
                    continue
            # the smallest element holding a date: its own direct text, or a leaf
            own = own_text(el)
            if not own:
                continue
            found = parse_text_dates(own)
            if not found:
                continue
            before = positions.get(el, 0) < positions.get(h1, 0)
            found = [f for f in found if not (before and _is_fetch_day(f[1], fetched_at))]
            hinted = bool(_DATE_HINT.search(f"{el.get('class', '')} {el.get('id', '')}")) or any(
                _DATE_HINT.search(f"{a.get('class', '')} {a.get('id', '')}") for a in list(el.iterancestors())[:3])
            for _, v, lab in found:
                if lab == "modified":
                    modified.append(DateFound(v, "byline"))
                elif hinted or lab == "published":
                    byline.append(DateFound(v, "byline"))
                elif len(own.split()) <= 14 and len(norm_text(el.text_content()).split()) <= 30:
                    # a short meta line, not a date mentioned in the prose
                    near.append(DateFound(v, "near-title"))
        published.extend(time_tags)
        published.extend(byline)
        published.extend(near)

    # 5b. a bare meta date
    v = parse_iso(meta_content(tree, *WEAK_META))
    if v is not None:
        published.append(DateFound(v, "meta"))

    # 6. URL
    m = _URL_DATE.search(url or "")
    if m:
        d = _valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            published.append(DateFound(d, "url"))

    rejected = tuple(dict.fromkeys(c.source for c in published if not _not_future(c.value, fetched_at)))
    good = [c for c in published if _not_future(c.value, fetched_at)]
    mods = [c for c in modified if _not_future(c.value, fetched_at)]
    pub = good[0] if good else None
    # metadata stamped with the fetch day while the page's own header shows an earlier
    # date: the metadata is the page's generation time, the header is the article's
    if pub is not None and pub.source in ("json-ld", "meta") and _is_fetch_day(pub.value, fetched_at):
        shown = [c for c in good if c.source in ("time-tag", "byline") and c.local_date < pub.local_date - timedelta(days=1)]
        if shown:
            pub = shown[0]
    # a date-only candidate gets its time from a later candidate of the same day
    if pub is not None and not isinstance(pub.value, datetime):
        for c in good[1:]:
            if isinstance(c.value, datetime) and c.local_date == pub.value:
                pub = DateFound(c.value, pub.source)
                break
    mod = mods[0] if mods else None
    if mod is not None and pub is not None and mod.local_date < pub.local_date:
        mod = None
    reason = None
    if pub is None:
        reason = "only-future-dates" if rejected else "no-trustworthy-date"
    return DateResult(pub, mod, reason, rejected)
