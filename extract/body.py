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

from extract.constants import PRECLEAN_CLASS, PRECLEAN_CLASS_HINTS, PRECLEAN_NEUTRAL_PREFIXES, STAMP_LINE
from extract.dom import in_boilerplate, norm_text, simplify

# cheap pre-filter before the per-token PRECLEAN_CLASS match
_HINT_RE = re.compile("|".join(map(re.escape, PRECLEAN_CLASS_HINTS)))
_EMBED_KEYS = ("twitter-tweet", "instagram-media", "tiktok-embed", "embed-twitter", "wp-block-embed")
_PRE_REMOVE_TAGS = ("aside", "nav", "footer", "form", "dialog")
_KEEP_TAGS = {"html", "body", "main", "article", "p", "h1", "h2", "h3", "h4", "blockquote", "figure"}

_BOILER_LINE = re.compile(
    r"^(?:follow\s+(?:us|\w+\s+on)\b|subscribe\b|sign\s+up\b|get\s+the\s+latest\b|join\s+our\b|"
    r"related(?:\s+(?:articles?|stories|posts|news|coverage|reading))?\s*:|read\s+(?:more|also)\s*:|"
    r"also\s+read\s*:|see\s+also\s*:|explore\s+further\b|have\s+a\s+tip\b|share\s+(?:this|on)\b|"
    r"click\s+here\b|advertisement$|sponsored$|copyright\b|©|all\s+rights\s+reserved|"
    r"tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:reply|comment)|your\s+email\s+address\s+will|"
    r"previous\s+(?:article|post)$|next\s+(?:article|post)$|tagged\s*:|tags\s*:|(?:more|related)\s*:?$|"
    r"(?:we|this\s+(?:web)?site)\s+uses?\s+cookies\b|by\s+continuing\s+to\s+(?:use|browse)\b|accept\s+(?:all\s+)?cookies$|"
    r"welcome\s+back!?$|sign\s+in\s+to\s+your\s+account|log\s*in\s+to\s+your\s+account|have\s+an\s+existing\s+account|"
    r"(?:forgot(?:ten)?|lost)\s+(?:your\s+)?password|remember\s+me$|don'?t\s+have\s+an\s+account)",
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
    cache: dict = {}
    for el in found:
        if any(a in found for a in el.iterancestors()):
            continue
        t = norm_text(el.text_content())
        # captions of images in related-post, sidebar or footer blocks are not the article's
        if t and t not in caps and not in_boilerplate(el.getparent(), cache=cache):
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


def _unwrap_embed(bq) -> None:
    """An embedded post (tweet, Instagram ...) becomes a plain quote, and the wrappers that
    hold nothing else lose the class/id that would get them discarded as social widgets."""
    for attr in ("class", "id", "style"):
        bq.attrib.pop(attr, None)
    bq.set("data-embed", "1")
    size = len(bq.text_content()) or 1
    for anc in bq.iterancestors():
        if anc.tag in ("body", "html", "article", "main") or len(anc.text_content()) > 1.3 * size + 40:
            break
        for attr in ("class", "id", "style"):
            anc.attrib.pop(attr, None)
        if anc.tag == "figure":  # figures are dropped as images
            anc.tag = "div"


# elements worth a look: those with a class or id, and the always-boilerplate tags (document order)
_CANDIDATES = etree.XPath("//*[@class or @id or self::aside or self::nav or self::footer or self::form or self::dialog]")


def _visible_len(el) -> int:
    """Characters of text below ``el``, whitespace not counted."""
    return len("".join(el.text_content().split()))


def preclean(tree, headline=None) -> None:
    """Drop boilerplate containers; make embedded tweets/statements plain quotes (in place).
    Containers holding the headline, an embedded post, or a large share of the page's
    text are never dropped, whatever their class says."""
    doomed = []
    for el in _CANDIDATES(tree):
        tag = el.tag
        if tag in ("html", "body"):
            continue
        attrs = el.attrib
        cls = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
        if len(cls) < 3:
            if tag in _PRE_REMOVE_TAGS:
                doomed.append(el)
            continue
        if tag in ("blockquote", "figure", "div") and any(k in cls for k in _EMBED_KEYS):
            if tag == "blockquote":
                _unwrap_embed(el)
            continue
        if tag in _PRE_REMOVE_TAGS:
            doomed.append(el)
            continue
        if tag in ("main", "article", "h1"):
            continue
        if _HINT_RE.search(cls) and any(PRECLEAN_CLASS.match(tok) for tok in cls.split()
                                        if not tok.startswith(PRECLEAN_NEUTRAL_PREFIXES)):
            doomed.append(el)
    if not doomed:
        return
    body = tree.find(".//body")
    page_len = _visible_len(body if body is not None else tree) or 1
    total_p = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    protected = set(headline.iterancestors()) if headline is not None else set()
    for bq in tree.iter("blockquote"):
        if bq.get("data-embed") == "1":
            protected.update(bq.iterancestors())
    doomed_set = set(doomed)
    for el in doomed:
        if el in protected or any(a in doomed_set for a in el.iterancestors()):
            continue
        if el.xpath(".//h1") or sum(len(p.text_content()) for p in el.iter("p")) > 0.4 * total_p \
                or _visible_len(el) > 0.35 * page_len:
            continue
        _drop(el)


def block_texts(body) -> list[tuple[str, str]]:
    """(tag, text) for each top-level block of trafilatura's body."""
    out = []
    for child in body:
        wrap = etree.Element("body")
        wrap.append(deepcopy(child))
        txt = xmltotxt(wrap, False).strip()
        if txt:
            out.append((child.tag, txt))
    return out


def anchor_texts(tree) -> set[str]:
    """Normalised texts of the page's links (two words or more)."""
    out = set()
    for a in tree.iter("a"):
        t = norm_text(a.text_content())
        if len(t) > 3 and " " in t:
            out.add(t)
    return out


def link_share(text: str, anchors: set[str]) -> float:
    """Share of ``text`` made of link texts (approximate: anchor texts found in it)."""
    t = norm_text(text).lstrip("-•* ").strip()
    if not t:
        return 0.0
    if t in anchors:
        return 1.0
    covered = 0
    for a in anchors:
        if len(a) <= len(t) and a in t:
            covered += len(a)
    return min(1.0, covered / len(t))


_BYLINE = re.compile(r"^(?:by|von|par|por|door|di)\s+\S", re.I)
_TAIL_PROMO = re.compile(
    r"follow\s+(?:us|him|her|them|me|\w+)\s+on\b|\bon\s+(?:twitter|facebook|instagram)\b.*@|@\w+\s*\.?$|"
    r"\bsubscribe\b|\bnewsletters?\b|\bsign\s+up\b|\bclick\s+here\b|\bget\s+access\b|\bdelivered\s+(?:to|through)\b|"
    r"\blisten\s+(?:to|live|back)\b|\b(?:download|get)\s+(?:the|our)\s+(?:[\w.-]+\s+){0,3}app\b|all\s+rights\s+reserved|"
    r"\bmay\s+be\s+reached\s+at\b|\bcan\s+be\s+reached\s+at\b|\bemail\s+(?:us|him|her)\b|^comments?$|^share$|^print$|"
    r"^(?:first\s+|originally\s+)?published\s+in\s+.{2,60}(?:19|20)\d\d\.?$|\bin\s+the\s+comments\b|\bcomments\s+below\b|"
    r"^sources?\s*:\s*.{0,60}$",
    re.I)


# the writer's tagline closes the article ("The writer is a lawyer. She tweets @x"):
# article text, whatever contact details it ends with
_TAGLINE = re.compile(r"^\W*(?:the\s+)?(?:writer|author|columnist|reviewer|contributor)s?\s+(?:is|are|was|has|teaches|works)\b",
                      re.I)


def _is_head_junk(text: str, title_s: str, site_names: list[str], anchors: set[str]) -> bool:
    st = simplify(text)
    if not st:
        return True
    words = st.split()
    if title_s and (st == title_s or (len(words) >= 3 and len(title_s.split()) >= 3 and len(st) <= 1.5 * len(title_s)
                                      and (f" {st} " in f" {title_s} " or f" {title_s} " in f" {st} "))):
        return True
    if len(words) <= 12 and STAMP_LINE.search(text) and not text.rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return True
    if len(words) <= 8 and _BYLINE.match(text):
        return True
    if any(st == simplify(n) for n in site_names if n):
        return True
    if len(words) <= 12 and link_share(text, anchors) > 0.8:
        return True
    return False


def clean_blocks(blocks: list[tuple[str, str]], title: str | None, anchors: set[str] | None = None,
                 site_names: list[str] | None = None) -> list[str]:
    """Drop the headline / date / byline lines above the first paragraph, boilerplate
    lines anywhere, and promotion, link lists and sign-offs at the end."""
    anchors = anchors or set()
    kept = [b for b in blocks if not _BOILER_LINE.match(b[1])]
    title_s = simplify(title or "")
    # head: short header lines before the first real paragraph
    while len(kept) > 1 and len(kept[0][1].split()) < 25 and _is_head_junk(kept[0][1], title_s, site_names or [], anchors):
        kept.pop(0)
    # the headline repeated anywhere as a block of its own
    if title_s:
        kept = [b for b in kept if simplify(b[1]) != title_s] or kept
    # tail: link lists, promotion and sign-offs
    while len(kept) > 1:
        tag, txt = kept[-1]
        nwords = len(txt.split())
        if nwords < 25 and _is_head_junk(txt, title_s, site_names or [], anchors):
            kept.pop()
        elif nwords <= 80 and _TAIL_PROMO.search(txt) and not _TAGLINE.match(txt):
            kept.pop()
        elif nwords <= 40 and link_share(txt, anchors) > 0.6:
            kept.pop()
        elif tag == "list" and link_share(txt, anchors) > 0.6:
            kept.pop()
        elif len(kept) > 2 and _is_label(kept[-2][1]) and _repeats_body(txt, [b[1] for b in kept[:-2]]):
            del kept[-2:]  # a pull-out at the end ("EXTRACT" and a line of the story again)
        else:
            break
    return kept


def _is_label(text: str) -> bool:
    """A print label of a box: one to three words in capitals ("EXTRACT", "KEY POINTS")."""
    return len(text.split()) <= 3 and text.isupper()


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _repeats_body(text: str, before: list[str]) -> bool:
    """Does ``text`` repeat the body before it (most of its word trigrams are there)?"""
    own = _trigrams(text)
    if len(own) < 8 or not before:
        return False
    seen = set().union(*(_trigrams(b) for b in before))
    return len(own & seen) >= 0.6 * len(own)


_SENTENCE_END = re.compile(r"[.!?\u201d\"')\]:\u061f\u06d4]\s*$")


def _prose(text: str, anchors: set[str]) -> bool:
    words = text.split()
    return len(words) >= MIN_WORDS and bool(_SENTENCE_END.search(text)) and link_share(text, anchors) < 0.3 \
        and not _TAIL_PROMO.search(text)


def merge_prose(core: list[tuple[str, str]], full: list[tuple[str, str]], anchors: set[str]) -> list[tuple[str, str]]:
    """Blocks of the fuller extraction that the precise one dropped are put back when
    they sit between two kept blocks and are headings or read as prose (a sentence of
    several words, few links): the precise run fixes the article's extent, the full
    run fills its holes."""
    if not full:
        return core
    if not core:
        return full
    key = [simplify(x[1]) for x in full]
    core_keys = {simplify(x[1]) for x in core}
    inside = [i for i, k in enumerate(key) if k in core_keys]
    if len(inside) < 1:
        return core
    lo, hi = inside[0], inside[-1]
    short = sum(len(t) for _, t in core) < EDGE_RATIO * sum(len(t) for _, t in full)
    if short:
        while lo > 0 and _prose(full[lo - 1][1], anchors) and len(full[lo - 1][1].split()) >= EDGE_WORDS:
            lo -= 1
        while hi < len(full) - 1 and _prose(full[hi + 1][1], anchors) and len(full[hi + 1][1].split()) >= EDGE_WORDS:
            hi += 1
    merged = []
    for i, (tag, txt) in enumerate(full):
        if key[i] in core_keys:
            merged.append((tag, txt))
        elif lo <= i <= hi and (_prose(txt, anchors) or (tag == "head" and len(txt.split()) <= 20
                                                           and link_share(txt, anchors) < 0.5)
                                or (tag == "quote" and any(_prose(ln, anchors) for ln in txt.split("\n")))
                                or (tag in ("list", "table") and len(txt.split()) >= MIN_WORDS
                                    and link_share(txt, anchors) < 0.3 and not _TAIL_PROMO.search(txt))):
            merged.append((tag, txt))
    # a block only the precise run has: keep its output as it is
    if len({simplify(x[1]) for x in merged} & core_keys) < len(core_keys):
        return core
    return merged




# merge_prose: a block of the recall run rejoins the text when it reads as prose of at
# least MIN_WORDS words; when the precise run kept less than EDGE_RATIO of the recall
# run's text (a truncated extent), prose blocks of EDGE_WORDS words or more adjoining
# its first/last block are added too.
MIN_WORDS = 8
EDGE_WORDS = 15
EDGE_RATIO = 0.5


_CONTINUED_LINE = re.compile(r"\n(?=[,;:.!?)\]](?:\s|$))")


def _run(work, url, precision: bool, fast: bool):
    doc = trafilatura.bare_extraction(work, url=url, include_comments=False, include_tables=True,
                                      with_metadata=False, favor_precision=precision, fast=fast)
    return block_texts(doc.body) if doc is not None and doc.body is not None else []


def extract_body(tree, url: str | None = None, title: str | None = None, headline=None,
                 site_names: list[str] | None = None) -> tuple[str, list[str]]:
    """(text, captions) of the article in ``tree`` (which is not modified).

    Two trafilatura runs on the pre-cleaned copy: favor_precision (full cascade) decides
    the article's extent; a fast default run supplies the prose and headings the precise
    run dropped inside that extent (:func:`merge_prose`)."""
    work = deepcopy(tree)
    captions = take_captions(work)
    head = None
    if headline is not None:
        # the same element in the copy, found by its path
        found = work.getroottree().xpath(tree.getroottree().getpath(headline))
        head = found[0] if found else None
    preclean(work, head)
    anchors = anchor_texts(work)
    core = clean_blocks(_run(work, url, precision=True, fast=False), title, anchors, site_names)
    full = clean_blocks(_run(work, url, precision=False, fast=True), title, anchors, site_names)
    lines = merge_prose(core, full, anchors)
    text = "\n".join(t for _, t in lines).strip()
    # an inline element at the start of a paragraph ("<i>“...”</i>, comes a reply ...") can come
    # out as a line of its own: a line that starts with closing punctuation continues the one before
    return _CONTINUED_LINE.sub("", text), captions
