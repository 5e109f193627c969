"""Title without the site suffix, and the authors as a list of names."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from extract.constants import BYLINE_DATE_PART
from extract.dom import (
    article_ld,
    in_boilerplate,
    json_ld_objects,
    meta_content,
    norm_text,
    own_text,
    simplify,
    text_of,
    title_element,
)
from extract.pubdate import parse_text_dates

_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")
_BY = re.compile(r"^\s*(?:written\s+|posted\s+|published\s+|reported\s+|compiled\s+)?by[:\s]+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\+|\||•|·)\s*", re.I)
_NOT_NAME = re.compile(
    r"^(?:by|published|posted|updated|share|follow|min read|\d+ min(?:ute)?s? read|read more|comments?|"
    r"admin|administrator|editor|unknown|staff)$", re.I)
_NOT_AUTHOR = re.compile(r"\b(?:stories|articles|posts|more\s+from|view\s+all|follow|profile|contact)\b|\d", re.I)
_ROLE = re.compile(r"\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|producer|analyst)\b", re.I)
# a link to the writer's page: /author/x, /authors/12, /writer/x.html, /columnist/x
_AUTHOR_LINK = re.compile(r"/(?:authors?|writers?|columnists?|reporters?)/", re.I)
_AUTHOR_HINT = re.compile(r"author|byline|writer|reporter|contributor|story__byline", re.I)
# a byline element says little: longer text is an excerpt or a bio
_BYLINE_WORDS = 12


def _host_words(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    parts = host.split(".")
    return {p for p in parts if len(p) > 2 and p not in ("com", "net", "org", "tv", "pk", "co", "test")}


def _is_site_name(part: str, site_names: list[str], url: str) -> bool:
    sp = simplify(part)
    if not sp:
        return False
    for name in site_names:
        sn = simplify(name)
        if sn and (sp == sn or sp in sn or sn in sp):
            return True
    compact = sp.replace(" ", "")
    return any(h == compact or (len(h) > 3 and h in compact) for h in _host_words(url))


def strip_site_suffix(title: str, site_names: list[str], url: str = "") -> str:
    """"Headline - Dawn" -> "Headline"; also a site-name prefix "Dawn | Headline"."""
    title = norm_text(title)
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    # split only at the last / first separator
    m = list(_SEPARATORS.finditer(title))
    last = m[-1]
    head, tail = title[:last.start()], title[last.end():]
    if _is_site_name(tail, site_names, url) and len(head) > 3:
        return strip_site_suffix(head, site_names, url)
    first = m[0]
    head, tail = title[:first.start()], title[first.end():]
    if _is_site_name(head, site_names, url) and len(tail) > 3:
        return tail.strip()
    return title


def site_names_of(tree, site_label: str | None) -> list[str]:
    names = [site_label] if site_label else []
    for key in ("og:site_name", "application-name", "twitter:site", "publisher"):
        v = meta_content(tree, key)
        if v:
            names.append(v.lstrip("@"))
    for obj in article_ld(tree):
        pub = obj.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            names.append(pub["name"])
    return [n for n in names if n]


def find_title(tree, url: str, site_label: str | None = None) -> tuple[str | None, object]:
    """(title, headline element)."""
    names = site_names_of(tree, site_label)
    candidates = []
    for obj in article_ld(tree):
        h = obj.get("headline") or obj.get("name")
        if isinstance(h, str) and norm_text(h):
            candidates.append(norm_text(h))
    for key in ("og:title", "twitter:title"):
        v = meta_content(tree, key)
        if v:
            candidates.append(v)
    t = tree.find(".//title")
    if t is not None and text_of(t):
        candidates.append(text_of(t))
    hint = candidates[0] if candidates else None
    h1 = title_element(tree, hint)
    if h1 is not None:
        ht = text_of(h1)
        hs = simplify(ht)
        if hs and (not candidates or any(simplify(c).startswith(hs) or hs in simplify(c) for c in candidates)):
            return ht, h1
    for c in candidates:
        stripped = strip_site_suffix(c, names, url)
        if stripped and not _is_site_name(stripped, names, url):
            return stripped, h1
    if h1 is not None:
        return text_of(h1), h1
    return (strip_site_suffix(candidates[0], names, url) if candidates else None), h1


def split_authors(raw: str) -> list[str]:
    """"By Ali Khan and Sara Ahmed" -> ["Ali Khan", "Sara Ahmed"]."""
    s = norm_text(raw)
    s = _BY.sub("", s)
    s = re.sub(r"\S+@\S+", " ", s)
    s = re.split(r"\s+(?:published|posted|updated|on)\b", s, maxsplit=1, flags=re.I)[0]
    out: list[str] = []
    for part in _AUTHOR_SPLIT.split(s):
        part = _BY.sub("", part).strip(" .:-–—")
        if not part or _NOT_NAME.match(part) or BYLINE_DATE_PART.search(part) or len(part) > 60:
            continue
        if len(part.split()) > 5 or part.startswith(("http", "@")) or "/" in part or _NOT_AUTHOR.search(part):
            continue
        if part[0].islower() or part.endswith(("!", "?")):
            # "among others", "Nailed it!": words of a sentence, not a name
            continue
        if out and len(out[-1].split()) >= 2:
            # after a person's name: a job title ("AP Auto Writer", "Reporter") or letters ("MS", "RDN")
            if _ROLE.search(part) or re.fullmatch(r"[A-Z]{2,4}", part):
                continue
        if part not in out:
            out.append(part)
    return out


def _ld_author_names(obj, by_id: dict | None = None) -> list[str]:
    a = obj.get("author") or obj.get("creator")
    items = a if isinstance(a, list) else [a]
    names = []
    for it in items:
        if isinstance(it, dict):
            if "name" not in it and isinstance(it.get("@id"), str) and by_id:
                it = by_id.get(it["@id"], it)  # a reference to a Person node of the @graph
            n = it.get("name")
            if isinstance(n, str):
                names.extend(split_authors(n))
        elif isinstance(it, str) and not it.startswith("http"):
            names.extend(split_authors(it))
    return names


def find_authors(tree, h1=None, positions: dict | None = None) -> tuple[list[str], str | None]:
    """(authors, source), evidence in this order: the visible byline next to the headline
    (an author-marked element or a "By ..." line), JSON-LD, author meta tags, then the
    names in the date line under the headline ("<strong>Name</strong> 02 Jun 2017")."""
    header = list(_header_elements(tree, h1, positions))
    visible = _byline_authors(header)
    if visible:
        return visible, "byline"
    by_id = {o["@id"]: o for o in json_ld_objects(tree) if isinstance(o.get("@id"), str)}
    for obj in article_ld(tree):
        names = _ld_author_names(obj, by_id)
        if names:
            return tidy_names(names), "json-ld"
    for key in ("author", "article:author", "sailthru.author", "parsely-author", "dc.creator", "byl"):
        v = meta_content(tree, key)
        if v and not v.startswith("http"):
            names = split_authors(v)
            if names:
                return tidy_names(names), "meta"
    dateline = _dateline_authors(header)
    if dateline:
        return dateline, "dateline"
    return [], None


def _header_elements(tree, h1, positions):
    """Elements of the article header (250 characters before the headline to 450 after),
    outside boilerplate containers."""
    if h1 is None or not positions or h1 not in positions:
        return
    lo = positions[h1] - 250
    hi = positions[h1] + len(text_of(h1)) + 450
    cache: dict = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "img", "meta", "link"):
            continue
        p = positions.get(el)
        if p is not None and lo <= p <= hi and not in_boilerplate(el, cache=cache):
            yield el


def _byline_authors(header) -> list[str]:
    elements = []
    for el in header:
        marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')} {el.get('rel', '')}"
        href = el.get("href") or ""
        if _AUTHOR_HINT.search(marker) or _AUTHOR_LINK.search(href) or (el.get("rel") or "") == "author":
            elements.append(el)
        elif _BY.match(own_text(el)) and len(text_of(el).split()) <= 8:
            elements.append(el)  # a bare "By Name" line
    # innermost first: drop any element that contains another candidate
    innermost = [el for el in elements if not any(o is not el and _contains(el, o) for o in elements)]
    names: list[str] = []
    for el in innermost:
        txt = text_of(el)
        if not txt or (len(txt.split()) > _BYLINE_WORDS and not _BY.match(txt)):
            continue  # an excerpt or bio beside the name, not a byline
        for n in split_authors(txt):
            if n not in names:
                names.append(n)
    return tidy_names(names)


def _dateline_authors(header) -> list[str]:
    """Names set apart (bold, a link, a span) inside the short line that states the
    article's date: the byline of themes that give it no class of its own."""
    for el in header:
        own = own_text(el)
        if not own or len(text_of(el).split()) > 14 or not parse_text_dates(own):
            continue
        names: list[str] = []
        for child in el:
            if not isinstance(child.tag, str) or child.tag not in ("strong", "b", "a", "span", "em"):
                continue
            txt = text_of(child)
            if txt and not re.search(r"\d", txt):
                names.extend(n for n in split_authors(txt) if n not in names)
        if names:
            return tidy_names(names)
    return []


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def tidy_names(names: list[str]) -> list[str]:
    """Drop an avatar's initials ("SA" beside "Saeed Ahmed", "A" beside "APP"), then an
    author box's job title on its own line ("Newspaper Reporter") when a name stands beside
    it (alone, "Staff Reporter" or "Our Correspondent" is the byline)."""
    others = set(names)
    names = [n for n in names if len(n) > 1 and not (
        re.fullmatch(r"[A-Z]{1,4}", n) and any(o != n and _initials(o).startswith(n) for o in others))]
    people = [n for n in names if not _ROLE.search(n)]
    return people or names


def _contains(outer, inner) -> bool:
    for anc in inner.iterancestors():
        if anc is outer:
            return True
    return False
