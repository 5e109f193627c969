"""Small helpers over an lxml HTML tree shared by the extraction modules."""

from __future__ import annotations

import html as html_lib
import json
import re

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from extract.constants import BOILERPLATE_CLASS, CONTAINER_NEUTRAL_PREFIXES

_BOILER_TAGS = {"aside", "footer", "nav", "form", "noscript", "template"}
WS = re.compile(r"\s+")


def parse_html(text: str) -> etree._Element | None:
    """Parse as trafilatura does (same parser options), so its extraction on our tree
    equals its extraction on the string."""
    try:
        tree = load_html(text)
    except Exception:
        tree = None
    if tree is None:
        try:
            tree = lxml_html.document_fromstring(text)
        except Exception:
            return None
    return tree


def norm_text(s: str | None) -> str:
    return WS.sub(" ", s or "").strip()


def text_of(el) -> str:
    return norm_text(el.text_content()) if el is not None else ""


def own_text(el) -> str:
    """The element's own words: its text and its children's tails, not the children's text."""
    return norm_text(" ".join([el.text or ""] + [c.tail or "" for c in el]))


def attr_tokens(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"


def is_boilerplate_container(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _BOILER_TAGS:
        return True
    if tag == "header":
        # the site header, not an article header (which holds the h1)
        return not el.xpath(".//h1")
    for tok in attr_tokens(el).split():
        if tok.lower().startswith(CONTAINER_NEUTRAL_PREFIXES):
            continue
        if BOILERPLATE_CLASS.search(tok):
            # a container named like boilerplate that holds the headline is the article's
            # column, whatever the theme calls it ("sidebar_content" on some WordPress themes)
            return not el.xpath(".//h1")
    return False


def in_boilerplate(el, stop=None, cache: dict | None = None) -> bool:
    """Whether ``el`` or an ancestor (below ``stop``) is a boilerplate container.
    ``cache`` (a dict owned by the caller, per tree) memoises answers along the way."""
    if cache is None:
        node = el
        while node is not None and node is not stop:
            if isinstance(node.tag, str) and node.tag not in ("html", "body") and is_boilerplate_container(node):
                return True
            node = node.getparent()
        return False
    chain = []
    node = el
    result = False
    while node is not None and node is not stop:
        if node in cache:
            result = cache[node]
            break
        chain.append(node)
        if isinstance(node.tag, str) and node.tag not in ("html", "body") and is_boilerplate_container(node):
            result = True
            break
        node = node.getparent()
    # everything below a boilerplate container is boilerplate; a clean answer holds for the chain
    for n in chain:
        cache[n] = result
    return result


def json_ld_objects(tree) -> list[dict]:
    """Every JSON-LD object of the page, ``@graph`` members flattened, in page order."""
    out: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                data = _salvage_json_ld(raw)
                if data is None:
                    continue
        stack = data if isinstance(data, list) else [data]
        for obj in stack:
            if not isinstance(obj, dict):
                continue
            out.append(obj)
            graph = obj.get("@graph")
            if isinstance(graph, list):
                out.extend(o for o in graph if isinstance(o, dict))
    return out


_SALVAGE_KEYS = ("datePublished", "dateModified", "dateCreated", "headline")


def _salvage_json_ld(raw: str) -> dict | None:
    """Broken JSON-LD (unescaped quotes are common): the first @type and the plain
    string values of a few keys, read with a regex."""
    t = re.search(r'"@type"\s*:\s*"([^"]+)"', raw)
    out: dict = {"@type": t.group(1)} if t else {}
    for key in _SALVAGE_KEYS:
        m = re.search(r'"%s"\s*:\s*"([^"]{1,300})"' % key, raw)
        if m:
            out[key] = m.group(1)
    return out if len(out) > 1 else None


ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
                 "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
                 "liveblogposting", "techarticle", "scholarlyarticle", "report", "posting"}


def ld_types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


PAGE_TYPES = {"webpage", "itempage"}


def article_ld(tree) -> list[dict]:
    return [o for o in json_ld_objects(tree) if ld_types(o) & ARTICLE_TYPES]


def page_ld(tree) -> list[dict]:
    """WebPage/ItemPage objects (Yoast puts the page's dates there)."""
    return [o for o in json_ld_objects(tree) if ld_types(o) & PAGE_TYPES and not ld_types(o) & ARTICLE_TYPES]


def meta_content(tree, *names: str) -> str | None:
    """First non-empty content of <meta name|property|itemprop=...> among ``names`` (in order)."""
    wanted = [n.lower() for n in names]
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key in wanted and key not in found:
            val = norm_text(m.get("content"))
            if "&" in val:
                # entities escaped twice by the CMS ("Hijrat&#039;s" after parsing)
                val = html_lib.unescape(val)
            if val:
                found[key] = val
    for n in wanted:
        if n in found:
            return found[n]
    return None


_SITE_HEADING = re.compile(r"logo|brand|masthead|site-?(?:title|name)", re.I)


def title_element(tree, title_hint: str | None = None):
    """The article's headline element: the h1 matching the page title best, else the
    first h1 outside boilerplate, else None."""
    # an h1 that is the site's logo or name is not a headline
    h1s = [h for h in tree.iter("h1") if text_of(h) and not _SITE_HEADING.search(attr_tokens(h))]
    hint = simplify(title_hint or "")
    if hint:
        for h in h1s:
            t = simplify(text_of(h))
            if t and (t == hint or hint.startswith(t) or (len(t) > 15 and t in hint)):
                return h
        # a headline in another element (h2.story__title ...): the first outside boilerplate
        for h in tree.iter("h2", "h3", "div", "span", "p"):
            cls = (h.get("class") or "").lower()
            if h.tag not in ("h2", "h3") and "title" not in cls and "headline" not in cls:
                continue
            t = simplify(text_of(h))
            if t and (t == hint or (len(t) > 15 and hint.startswith(t))) and not in_boilerplate(h):
                return h
    if not h1s:
        return None
    for h in h1s:
        if not in_boilerplate(h):
            return h
    return h1s[0]


def simplify(s: str) -> str:
    return " ".join(re.findall(r"\w+", (s or "").lower()))
