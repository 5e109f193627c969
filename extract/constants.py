"""Facts the extraction modules share, kept once (in the manner of trafilatura's
settings.py / xpaths.py): the time zone, calendar words, boilerplate class words and
date-ish line patterns.

Where two readers need slightly different versions of a fact, the shared part lives
here once and each reader's difference is a named addition next to it, so that the
difference is visible and deliberate rather than two drifting copies.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

# ---------------------------------------------------------------- time
# Pakistani sites write local time: naive times are read in this zone, and relative
# dates in article text resolve against the publication time seen from here.
KARACHI = ZoneInfo("Asia/Karachi")

# ---------------------------------------------------------------- calendar words
# each month's full English name first, then the abbreviations news sites write
_MONTH_FORMS = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
# lower-case English month word -> month number
MONTHS: dict[str, int] = {form: n for n, forms in enumerate(_MONTH_FORMS, 1) for form in forms}
URDU_MONTHS: dict[str, int] = {
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "جون": 6, "جولائی": 7, "اگست": 8,
    "ستمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                            "saturday": 5, "sunday": 6}
# full names only, for the rules that must tell a day or month from a name ("On Sunday
# Ghani ...", "Quetta March"); abbreviations are too often words or names of their own
MONTH_NAMES = frozenset(forms[0] for forms in _MONTH_FORMS)
WEEKDAY_NAMES = frozenset(WEEKDAYS)

# ---------------------------------------------------------------- boilerplate class words
# Containers whose dates, names and captions are not the article's own (extract/dom.py):
# a class/id token containing any of these words marks the container.
BOILERPLATE_CLASS = re.compile(
    r"related|recent|popular|trending|more-(?:stories|news|from|popular)|also-read|read-?more|"
    r"sidebar|widget|comment|respond|reply|footer|top-?bar|header-date|current-date|today|"
    r"newsletter|subscribe|signup|sign-up|login|log-in|modal|popup|cookie|consent|gdpr|"
    r"breaking|ticker|menu|navbar|nav-|-nav|breadcrumb|carousel|slider|"
    r"promo|advert|sponsor|\bads?\b|outbrain|taboola|recommend|next-post|prev-post|post-navigation|"
    r"author-box|author-bio|about-author|tags?-?(?:list|links|cloud)|post-tags|entry-tags",
    re.I,
)
# Elements dropped from the tree before trafilatura reads it (extract/body.py): a whole
# class/id token must name the block (a share bar, related posts, a login modal ...).
PRECLEAN_CLASS = re.compile(
    r"^(?:.*[-_])?(?:share(?:bar|buttons?|tools|-?links|daddy|this|-?box|-title)?|sharing|social(?:-?(?:share|links|icons|media|buttons|bar))?|"
    r"related(?:-?(?:posts?|articles?|stories|news|content|links))?|recent-?posts?|more-?popular|popular-?posts?|"
    r"also-?read|read-?also|read-?more|newsletter(?:-?box|-?signup|-?form)?|subscribe(?:-?box|-?form)?|"
    r"login(?:-?form|-?modal|-?popup)?|signin|sign-in|modal|popup|cookie(?:-?notice|-?banner|-?consent)?|"
    r"consent|gdpr|comments?(?:-?(?:area|form|list|section|respond|wrap))?|respond|comment-respond|"
    r"sidebar(?:-?wrap)?|widget(?:-?area)?|author-?(?:box|bio)|about-?author|post-?tags|entry-?tags|tags-?links|"
    r"breadcrumbs?|post-?navigation|nav-?links|top-?bar|header-?date|newsletter-terms|"
    r"outbrain|taboola|ad-?slot|advert(?:isement)?)(?:[-_].*)?$",
    re.I,
)
# a cheap pre-filter: a lower-cased class/id string without any of these cannot match PRECLEAN_CLASS
PRECLEAN_CLASS_HINTS = ("shar", "social", "relat", "recent", "popular", "also", "read", "newsletter", "subscri",
                        "log", "sign", "modal", "popup", "cookie", "consent", "gdpr", "comment", "respond",
                        "sidebar", "widget", "author", "tags", "breadcrumb", "navigation", "nav-", "top",
                        "header", "outbrain", "taboola", "slot", "advert")

# Class tokens that state what an element has or is ("has-sidebar", "no-comments",
# "with-related", "is-sticky") describe the element, not a block of boilerplate: the
# boilerplate word in them says nothing.
NEUTRAL_CLASS_PREFIXES = ("has-", "with-", "no-", "is-")
# The container test walks up through the page wrappers, whose classes name the page
# template ("single-post", "page-template-sidebar", "post-type-post", "layout-sidebar"):
# those say nothing either.
CONTAINER_NEUTRAL_PREFIXES = NEUTRAL_CLASS_PREFIXES + ("layout-", "page-", "single", "post-type", "type-")
# The pre-clean also passes "without-" tokens; the container test does not (it treats
# "without-sidebar" as a sidebar). The difference is kept because extraction output
# depends on it.
PRECLEAN_NEUTRAL_PREFIXES = NEUTRAL_CLASS_PREFIXES + ("without-",)

# ---------------------------------------------------------------- date-ish patterns
_CLOCK = r"\d{1,2}:\d{2}"
# A short line at the head of the body is a date/update stamp, not prose (extract/body.py):
# a clock time, a year, a month or weekday name, a reading time or "... ago".
STAMP_LINE = re.compile(
    rf"\b(?:{_CLOCK}|(?:19|20)\d{{2}}|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"min read|minutes? ago|hours? ago)\b|"
    # a stamp label leads its line ("Updated 2 hours ago", "Published: ..."); the same word
    # inside a sentence ("This story will be updated accordingly") is prose
    r"^\W*(?:last\s+)?(?:updated|published|posted)\b", re.I)
# A byline part is a date, not a name (extract/byline.py): a clock time, any four digits
# or a month abbreviation standing alone ("Jan", "Sep" but not "January": a full month
# name in a byline part comes with digits anyway).
BYLINE_DATE_PART = re.compile(rf"\b(?:{_CLOCK}|\d{{4}}|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b", re.I)
