"""Is this page an article? Listing, tag, author, search, login and video-only
pages are recognised from the URL, the page's own markup (WordPress body
classes, og:type, JSON-LD types, password forms) and the shape of its content."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from extract.dom import ARTICLE_TYPES, in_boilerplate, json_ld_objects, ld_types, meta_content

_LISTING_PATH = re.compile(
    r"/(?:category|categories|tag|tags|topic|topics|author|authors|archive|archives|section|search)(?:/|$)|"
    r"/page/\d+/?$|/feeds?/?$", re.I)
_LOGIN_PATH = re.compile(r"/(?:login|log-in|signin|sign-in|register|wp-login\.php|my-account|account/login)(?:/|$|\?)", re.I)
_LISTING_BODY = {"archive", "category", "tag", "author", "search", "search-results", "blog", "home", "paged", "date"}
_ARTICLE_BODY = {"single", "single-post", "single-format-standard"}
_NONARTICLE_LD = {"collectionpage", "profilepage", "searchresultspage", "itemlist", "aboutpage", "contactpage"}


def page_kind(tree, url: str) -> tuple[str, str | None]:
    """("article", None), ("skip", reason) or ("maybe", reason).

    Skip reasons: "search-page", "login-page", "listing-page", "video-only",
    "not-article". "maybe" means the page declares itself a website rather than
    an article (og:type website, no Article JSON-LD): it is kept only if it shows
    an article's evidence after extraction (:func:`weak_page_verdict`).
    Body classes are not trusted alone (themes put ``single`` on every page)."""
    parts = urlsplit(url or "")
    path = parts.path or "/"
    query = parse_qs(parts.query)
    body = tree.find(".//body")
    body_classes = set((body.get("class") or "").lower().split()) if body is not None else set()
    og_type = (meta_content(tree, "og:type") or "").lower()
    types = set()
    for obj in json_ld_objects(tree):
        types |= ld_types(obj)
    ld_article = bool(types & ARTICLE_TYPES)
    article_signal = ld_article or og_type == "article"

    if "s" in query or "q" in query or path.rstrip("/").endswith("/search") or "search-results" in body_classes \
            or "searchresultspage" in types:
        return "skip", "search-page"
    if (_LOGIN_PATH.search(path) or _is_login_form_page(tree)) and not ld_article:
        return "skip", "login-page"
    if (types & _NONARTICLE_LD) and not ld_article:
        return "skip", "listing-page"
    if _LISTING_PATH.search(path) and not ld_article:
        return "skip", "listing-page"
    if path in ("", "/") and not ld_article:
        return "skip", "listing-page"
    if og_type.startswith("video") and not ld_article:
        return "skip", "video-only"
    if not article_signal and (body_classes & _LISTING_BODY) and not (body_classes & _ARTICLE_BODY):
        return "skip", "listing-page"
    if not article_signal and og_type in ("website", "profile", "blog"):
        teasers = _teaser_count(tree)
        if teasers >= 2:
            return "skip", "listing-page"
        return "maybe", ("listing-page" if teasers else "not-article")
    if not article_signal and _teaser_count(tree) >= 4:
        # no declaration either way, but shaped like a list of stories
        return "maybe", "listing-page"
    return "article", None


def weak_page_verdict(reason: str, text: str, has_date: bool) -> str | None:
    """For a "maybe" page: None (keep as an article) when it carries a date next to
    its headline and article-length text, else the skip reason."""
    if has_date and len(text.split()) >= 60:
        return None
    return reason


def _is_login_form_page(tree) -> bool:
    pw = tree.xpath(".//input[@type='password']")
    if not pw:
        return False
    # a login modal on an article page is not a login page: the password form must be the main content
    for inp in pw:
        for anc in inp.iterancestors():
            cls = f"{anc.get('class', '')} {anc.get('id', '')}".lower()
            if any(k in cls for k in ("modal", "popup", "overlay", "dialog", "drawer", "header")):
                break
        else:
            return True
    return False


def _teaser_count(tree) -> int:
    """Headlines linking to other pages, outside boilerplate blocks (teasers of a listing)."""
    n = 0
    for h in tree.xpath(".//*[self::h2 or self::h3][.//a[@href]]"):
        if not in_boilerplate(h):
            n += 1
    return n


def content_skip_reason(tree, text: str, title_el=None) -> str | None:
    """After extraction: "video-only" when the content is a video with little prose,
    "too-short" when there is almost no text."""
    words = len(text.split())
    if words < 80:
        scope = tree
        for anc in (title_el.iterancestors() if title_el is not None else []):
            if anc.tag in ("article", "main"):
                scope = anc
                break
        has_video = bool(scope.xpath(
            ".//video | .//iframe[contains(@src,'youtube') or contains(@src,'vimeo') or contains(@src,'dailymotion') "
            "or contains(@src,'facebook.com/plugins/video') or contains(@src, 'player')]"
            " | .//*[contains(@class,'video-player') or contains(@class,'wp-block-embed-youtube')]"))
        if has_video:
            return "video-only"
    if words < 25:
        return "too-short"
    return None
