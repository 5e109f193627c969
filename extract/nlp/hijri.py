"""Islamic-calendar days as Pakistani news writes them ("on 9th and 10th Muharram", "the
9th of Muharram", "12th Rabi-ul-Awwal", "Ashura"), resolved to Gregorian days.

Suspensions of mobile service are announced by these days, so a report that names no
Gregorian date still says when. The conversion is hijridate's Umm al-Qura calendar; the
month in Pakistan begins when its Ruet-e-Hilal committee sights the moon, which has been a
day after Saudi Arabia in the years this project reads (9th Muharram: 8 August 2022,
28 July 2023, 16 July 2024), hence ``PAKISTAN_OFFSET_DAYS``. A year is never written: the
occurrence nearest to the publication day is meant.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Gregorian, Hijri

# Pakistan's months begin a day after the Umm al-Qura calendar's (see above)
PAKISTAN_OFFSET_DAYS = 1

# spellings in English-language Pakistani papers -> month number
_MONTHS = [
    (r"Muharram(?:[- ]ul[- ]Haram)?", 1),
    (r"Safar", 2),
    (r"Rabi[- ]?(?:ul|al|u[ls])?[- ]?Aw+al", 3),
    (r"Rabi[- ]?(?:ul|al|u[ls])?[- ]?(?:Sani|Thani|Akhir)", 4),
    (r"Jumad[ai][- ]?(?:ul|al)?[- ]?(?:Awwal|Ula|Oola)", 5),
    (r"Jumad[ai][- ]?(?:ul|al|us)?[- ]?(?:Sani|Thani|Akhir|Ukhra)", 6),
    (r"Rajab", 7),
    (r"Sha'?ban", 8),
    (r"Rama[dz]an|Ramzan", 9),
    (r"Shawwal", 10),
    (r"Zil?[- ]?(?:Qad|Qa'?dah)|Dhu[- ]al[- ]Qa'?dah", 11),
    (r"Zil?[- ]?Hajj?|Dhu[- ]al[- ]Hijj?ah", 12),
]
MONTH = re.compile("|".join(f"(?:{p})" for p, _ in _MONTHS), re.I)
# any Islamic-calendar word: a date span holding one is not a Gregorian date ("Eid" names
# no day either: Pakistan announces it the evening before)
HIJRI_WORD = re.compile(rf"\b(?:{MONTH.pattern}|Ashura|Ashur|Eid)\w*", re.I)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "9th and 10th Muharram", "9th & 10th of Muharram", "the 9th of Muharram", "Muharram 9"
_DAYS_MONTH = re.compile(rf"\b{_DAY}(?:\s*(?:and|&|-|to)\s*{_DAY})?\s+(?:of\s+)?({MONTH.pattern})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({MONTH.pattern})\s+{_DAY}\b", re.I)
_ASHURA = re.compile(r"\b(?:Youm-?e-?)?Ashura?\b", re.I)


def _month_number(name: str) -> int | None:
    return next((n for p, n in _MONTHS if re.fullmatch(p, name, re.I)), None)


def gregorian_day(month: int, day: int, near: date) -> date | None:
    """The Gregorian day of ``day`` ``month`` in Pakistan nearest to ``near``."""
    try:
        year = Gregorian(near.year, near.month, near.day).to_hijri().year
    except (OverflowError, ValueError):
        return None  # outside the calendar's range
    found = []
    for y in (year - 1, year, year + 1):
        try:
            g = Hijri(y, month, day).to_gregorian()
        except (OverflowError, ValueError):
            continue  # the 30th of a 29-day month, or out of range
        found.append(date(g.year, g.month, g.day) + timedelta(days=PAKISTAN_OFFSET_DAYS))
    return min(found, key=lambda d: abs((d - near).days), default=None)


class HijriDay(NamedTuple):
    start: int  # characters of the text searched: the day ("9th"), with its month when written next to it
    end: int
    month: int
    day: int


def hijri_days(text: str) -> list[HijriDay]:
    """The Islamic-calendar days ``text`` names: "9th and 10th Muharram" gives "9th" and
    "10th Muharram", "the 9th of Muharram" and "Muharram 9" one each, "Ashura" the 10th."""
    out: list[HijriDay] = []
    for m in _DAYS_MONTH.finditer(text):
        month = _month_number(m[3])
        if month is None:
            continue
        if m[2]:
            out.append(HijriDay(m.start(1), m.end(1), month, int(m[1])))
            out.append(HijriDay(m.start(2), m.end(), month, int(m[2])))
        else:
            out.append(HijriDay(m.start(), m.end(), month, int(m[1])))
    for m in _MONTH_DAY.finditer(text):
        month = _month_number(m[1])
        if month is not None:
            out.append(HijriDay(m.start(), m.end(), month, int(m[2])))
    for m in _ASHURA.finditer(text):
        out.append(HijriDay(m.start(), m.end(), 1, 10))
    return sorted((h for h in out if 1 <= h.day <= 30), key=lambda h: h.start)
