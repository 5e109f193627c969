"""Article body: trafilatura on a pre-cleaned tree, then block-level clean-up.

Steps (each a small pure function):

1. :func:`take_captions` -- image captions (``figcaption``, WordPress
   ``wp-caption-text``) are moved out of the tree into their own list, so the
   text holds the article's prose only;
2. :func:`preclean` -- boilerplate containers recognised by tag and class/id
   (share bars, related/recent posts, newsletter boxes, login modals, comment
   forms, cookie notices, sidebars) are dropped; tweet and statement embeds are
   turned into plain block quotes so they survive;
3. trafilatura's extraction (one run, comments off) gives the body blocks;
4. :func:`clean_blocks` -- the headline repeated as the first block, and
   boilerplate blocks (newsletter / follow-us / "Related:" lines, trailing link
   lists) are dropped.
"""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from extract.dom import norm_text, simplify

_PRE_REMOVE = re.compile(
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
_NEUTRAL = ("no-", "has-", "with-", "is-", "without-")
_PRE_REMOVE_TAGS = ("aside", "nav", "footer", "form", "dialog")
_KEEP_TAGS = {"html", "body", "main", "article", "p", "h1", "h2", "h3", "h4", "blockquote", "figure"}
_TWEET = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|embed-twitter|wp-block-embed", re.I)

_BOILER_LINE = re.compile(
    r"^(?:follow\s+(?:us|\w+\s+on)\b|subscribe\b|sign\s+up\b|get\s+the\s+latest\b|join\s+our\b|"
    r"related(?:\s+(?:articles?|stories|posts|news|coverage|reading))?\s*:|read\s+(?:more|also)\s*:|"
    r"also\s+read\s*:|see\s+also\s*:|explore\s+further\b|have\s+a\s+tip\b|share\s+(?:this|on)\b|"
    r"click\s+here\b|advertisement$|sponsored$|copyright\b|©|all\s+rights\s+reserved|"
    r"tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:reply|comment)|your\s+email\s+address\s+will|"
    r"previous\s+article$|next\s+article$|tagged\s*:|tags\s*:)",
    re.I,
)


def take_captions(tree) -> list[str]:
    """Remove image captions from ``tree`` (in place); return their text in page order."""
    caps: list[str] = []
    found = []
    for el in tree.iter("figcaption", "p", "div", "span"):
        cls = (el.get("class") or "").lower()
        if el.tag == "figcaption" or "wp-caption-text" in cls or (
            "caption" in cls and el.getparent() is not None and el.getparent().tag == "figure"):
            found.append(el)
    for el in found:
        if any(a in found for a in el.iterancestors()):
            continue
        t = norm_text(el.text_content())
        if t and t not in caps:
            caps.append(t)
        _drop(el)
    return caps


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def preclean(tree) -> None:
    """Drop boilerplate containers; make embedded tweets/statements plain quotes (in place)."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag
        if tag in ("html", "body"):
            continue
        cls = f"{el.get('class', '')} {el.get('id', '')}"
        if tag == "blockquote" and _TWEET.search(cls):
            el.attrib.pop("class", None)
            continue
        if tag in ("figure", "div") and _TWEET.search(cls):
            continue
        if tag in _PRE_REMOVE_TAGS:
            doomed.append(el)
            continue
        if tag in ("main", "article", "h1"):
            continue
        if any(_PRE_REMOVE.match(tok) for tok in cls.split() if not tok.lower().startswith(_NEUTRAL)):
            doomed.append(el)
    if not doomed:
        return
    total = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    doomed_set = set(doomed)
    for el in doomed:
        if any(a in doomed_set for a in el.iterancestors()):
            continue
        # never drop a container holding the headline or much of the page's paragraph text
        if el.xpath(".//h1") or sum(len(p.text_content()) for p in el.iter("p")) > 0.4 * total:
            continue
        _drop(el)


def block_texts(body) -> list[tuple[str, str, float]]:
    """(tag, text, link share) for each top-level block of trafilatura's body."""
    out = []
    for child in body:
        wrap = etree.Element("body")
        wrap.append(deepcopy(child))
        txt = xmltotxt(wrap, False).strip()
        if not txt:
            continue
        total = len(norm_text(child.xpath("string()")))
        links = sum(len(norm_text(r.xpath("string()"))) for r in child.iter("ref"))
        out.append((child.tag, txt, links / total if total else 0.0))
    return out


def clean_blocks(blocks: list[tuple[str, str, float]], title: str | None) -> list[str]:
    kept = list(blocks)
    # the headline repeated at the top
    st = simplify(title or "")
    while kept and st and simplify(kept[0][1]) and (simplify(kept[0][1]) == st):
        kept.pop(0)
    kept = [b for b in kept if not _BOILER_LINE.match(b[1])]
    # trailing link lists (related stories) and link-only lines
    while kept and (kept[-1][2] > 0.6 and len(kept[-1][1]) < 400):
        kept.pop()
    return [b[1] for b in kept]


def extract_body(tree, url: str | None = None, title: str | None = None) -> tuple[str, list[str]]:
    """(text, captions) of the article in ``tree`` (which is not modified)."""
    work = deepcopy(tree)
    captions = take_captions(work)
    preclean(work)
    doc = trafilatura.bare_extraction(work, url=url, include_comments=False, include_tables=True,
                                      with_metadata=False)
    if doc is None or doc.body is None:
        return "", captions
    lines = clean_blocks(block_texts(doc.body), title)
    return "\n".join(lines).strip(), captions
