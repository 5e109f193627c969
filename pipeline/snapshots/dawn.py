"""``dawn``: a custom news CMS in the manner of Dawn.

Article URLs ``/news/<7-digit id>/<slug>`` (no trailing slash); a Google News
sitemap at ``/feeds/sitemap`` and RSS at ``/feeds/home`` (and
``/feeds/<section>``); no ``/sitemap.xml``. Section listings ``/pakistan``
with ``?page=N``; ``/authors/<id>/<name>``, ``/trends/<tag>``, ``/about``,
``/login``. robots.txt disallows one story by its id prefix.
"""

from __future__ import annotations

import re

from . import widgets as W
from .base import (
    HEADER_TODAY,
    ArticleRecord,
    Request,
    Response,
    SiteTemplate,
    esc,
    google_news_sitemap,
    hash_text,
    html_response,
    iso,
    long_date,
    redirect,
    render_blocks,
    rss_feed,
    slugify,
    text_response,
    xml_response,
)

SECTIONS = [("Home", "/"), ("Latest", "/latest-news"), ("Pakistan", "/pakistan"), ("World", "/world"),
            ("Business", "/business"), ("Tech", "/tech"), ("Opinion", "/opinion"), ("Sport", "/sport"),
            ("Prism", "/prism"), ("Images", "/images")]
ABOUT = ("Dawn is Pakistan's oldest English-language newspaper; this snapshot reproduces the shape "
         "of its website for testing and demonstrations.")
COPYRIGHT = "Copyright © 2025, Dawn"
COMMENTS_CLOSED = "Comments are closed on this story."


def _time12(dt) -> str:
    return dt.strftime("%I:%M%p").lstrip("0").lower()


class Dawn(SiteTemplate):
    name = "dawn"
    label = "Dawn"
    title_suffix = " - Dawn"
    per_page = 5
    robots_disallow = ("/news/1829999/",)

    def article_path(self, r: ArticleRecord) -> str:
        return r.path or f"/news/{r.post_id:07d}/{r.slug}"

    def section_path(self, category: str) -> str:
        return "/" + slugify(category)

    def author_path(self, author: str) -> str | None:
        if author in ("Dawn.com", "Reuters", "AFP", "Our Correspondent", "Staff Reporter", "Web Desk", "APP", "ویب ڈیسک"):
            return None
        names = sorted({a for r in self.records for a in r.authors})
        ident = 1200 + names.index(author) if author in names else 5000 + hash_text(author) % 4000
        return f"/authors/{ident}/{slugify(author) or 'author'}"

    # ------------------------------------------------------------------ chrome
    def head(self, base: str, title: str, canonical: str, *, extra: str = "", lang: str = "en",
             og_type: str = "website", description: str = "") -> str:
        direction = ' dir="rtl"' if lang == "ur" else ""
        return f"""<!DOCTYPE html>
<html lang="{lang}"{direction}>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}{esc(self.title_suffix)}</title>
<meta name="description" content="{esc(description)}">
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="Dawn">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:url" content="{canonical}">
<meta name="twitter:site" content="@dawn_com">
<link rel="alternate" type="application/rss+xml" title="Dawn - Home" href="{base}/feeds/home">
<link rel="stylesheet" href="{base}/_css/dawn.min.css?v=5.24">
{extra}
</head>"""

    def header(self, base: str) -> str:
        nav = "".join(f'<a class="nav__item" href="{base}{p}">{esc(n)}</a>' for n, p in SECTIONS)
        return f"""<body class="story-page">
<div class="header__top"><span class="header__date">{HEADER_TODAY}</span> <a href="{base}/newspaper">Today's Paper</a> <span class="header__weather">Karachi 31&deg;C</span>
 <a class="header__login" href="{base}/login">Login</a></div>
<header class="header"><a class="logo" href="{base}/"><img src="{base}/_img/logo.png" alt="Dawn Logo"></a>
 <nav class="nav nav--main">{nav}</nav></header>
<div class="nav--mobile" aria-hidden="true">{nav}</div>
<div class="breaking-ticker"><span>Latest:</span> {"".join(f'<a href="{self.url(base, x)}">{esc(x.title)}</a>' for x in self.recent(n=3))}</div>"""

    def footer(self, base: str) -> str:
        nav = "".join(f'<a href="{base}{p}">{esc(n)}</a>' for n, p in SECTIONS)
        return f"""<footer class="footer">
 <div class="footer__nav">{nav}<a href="{base}/about">About Us</a></div>
 <div class="footer__about"><h4>About Dawn</h4><p>{ABOUT}</p></div>
 {W.newsletter_box("Dawn")}
 <div class="footer__whatsapp">Follow Dawn on WhatsApp</div>
 <div class="footer__copyright">{COPYRIGHT}</div>
</footer>
{W.login_modal(base)}
<script src="{base}/_js/dawn.min.js?v=5.24"></script>
</body></html>"""

    # ------------------------------------------------------------------ article
    def byline(self, r: ArticleRecord, base: str) -> str:
        names = []
        for a in r.authors:
            p = self.author_path(a)
            names.append(f'<a class="story__byline__link" href="{base}{p}">{esc(a)}</a>' if p else f"<span>{esc(a)}</span>")
        who = f'<span class="story__byline">{" | ".join(names) if len(names) < 2 or r.authors[0] == "Reuters" else " and ".join(names)}</span>'
        when_text = f"{long_date(r.published)} {_time12(r.published)}"
        if r.date_style == "byline":
            when = f'<span class="story__time">Published {when_text}</span>'
        else:
            when = (f'<span class="story__time">Published <span class="timestamp--published">'
                    f'<time datetime="{iso(r.published)}">{when_text}</time></span></span>')
        return f'<div class="story__meta">{who} {when}</div>'

    def jsonld(self, r: ArticleRecord, url: str, base: str) -> str:
        return W.json_ld({
            "@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": url,
            "headline": r.title, "datePublished": iso(r.published), "dateModified": iso(r.updated),
            "author": [{"@type": "Person" if self.author_path(a) else "Organization", "name": a} for a in r.authors],
            "publisher": {"@type": "Organization", "name": "Dawn", "logo": {"@type": "ImageObject", "url": base + "/_img/logo.png"}},
            "inLanguage": r.language, "articleSection": r.category,
        })

    def render_article(self, r: ArticleRecord, base: str) -> str:
        url = self.url(base, r)
        extra = ""
        if r.date_style == "jsonld":
            extra = (f'<meta property="article:published_time" content="{iso(r.published)}">\n'
                     f'<meta property="article:modified_time" content="{iso(r.updated)}">\n'
                     f'<meta property="article:section" content="{esc(r.category)}">\n'
                     + self.jsonld(r, url, base))
        lang_attr = f' lang="{r.language}"' + (' dir="rtl"' if r.language == "ur" else "")
        lead = ""
        if r.lead_image:
            lead = (f'<figure class="media media--uneven"><div class="media__item"><img src="{base}{r.lead_image[0]}" alt="{esc(r.lead_image[1])}"></div>'
                    f'<figcaption class="media__caption">{esc(r.lead_image[1])}</figcaption></figure>')
        tags = "".join(f'<a class="tag" href="{base}/trends/{slugify(t)}">{esc(t)}</a>' for t in r.tags)
        related = self.related(r, 4)
        popular = self.recent(r, 5)
        rel = "".join(f'<article class="story story--small"><h2 class="story__title"><a class="story__link" href="{self.url(base, x)}">{esc(x.title)}</a></h2>'
                      f'<span class="timestamp--time">{long_date(x.published)}</span></article>' for x in related)
        pop = "".join(f'<li><span class="count">{i}</span><a href="{self.url(base, x)}">{esc(x.title)}</a></li>' for i, x in enumerate(popular, 1))
        return f"""{self.head(base, r.title, url, extra=extra, lang=r.language, og_type="article", description=r.summary)}
{self.header(base)}
<main class="container">
<div class="breadcrumb"><a href="{base}/">Home</a> / <a href="{base}{self.section_path(r.category)}">{esc(r.category)}</a></div>
<article class="story story--single" data-id="{r.post_id}"{lang_attr}>
 <div class="template__header">
  <h2 class="story__title"><a class="story__link" href="{url}">{esc(r.title)}</a></h2>
  {self.byline(r, base)}
 </div>
 {W.share_bar(url, r.title)}
 {lead}
 <div class="story__content">
{render_blocks(r.blocks, figure_class="media", lang=r.language)}
 </div>
 <div class="story__tags">{tags}</div>
 <div class="comments"><h3>Comments (0)</h3><p class="comments__closed">{COMMENTS_CLOSED}</p>{W.comment_form(url, r.post_id)}</div>
</article>
<aside class="sidebar">
 <section class="box"><h3 class="box__title">Most Popular</h3><ol class="most-popular">{pop}</ol></section>
 <section class="box"><h3 class="box__title">Editorial</h3><p>Editorials and opinion from the newspaper.</p></section>
</aside>
<section class="related"><h3>Related Stories</h3>{rel}</section>
</main>
{self.footer(base)}"""

    def forbidden(self, r: ArticleRecord) -> list[str]:
        titles = [x.title for x in (*self.related(r, 4), *self.recent(r, 5), *self.recent(n=3)) if x.title != r.title]
        return list(dict.fromkeys(W.COMMON_FORBIDDEN + [
            HEADER_TODAY, "Today's Paper", "Most Popular", "Related Stories", COMMENTS_CLOSED,
            "Follow Dawn on WhatsApp", COPYRIGHT, ABOUT, *titles]))

    # ------------------------------------------------------------------ listings
    def render_listing(self, base: str, heading: str, records: list[ArticleRecord], page: int,
                       path: str) -> Response | None:
        chunk, more = self.page_slice(records, page)
        if not chunk and page > 1:
            return None
        items = "".join(
            f'<article class="story story--list"><figure class="media"><img src="{base}/images/thumbs/{x.post_id}.jpg" alt=""></figure>'
            f'<h2 class="story__title"><a class="story__link" href="{self.url(base, x)}">{esc(x.title)}</a></h2>'
            f'<span class="story__byline">{esc(x.byline)}</span> <span class="timestamp--time">{long_date(x.published)}</span>'
            f'<div class="story__excerpt">{esc(x.summary)}</div></article>' for x in chunk)
        canonical = base + path + (f"?page={page}" if page > 1 else "")
        nxt = f"{base}{path}?page={page + 1}"
        pager = '<div class="pagination">'
        if page > 1:
            pager += f'<a href="{base}{path}' + (f'?page={page - 1}' if page > 2 else "") + '">&laquo; Previous</a>'
        if more:
            pager += f'<a rel="next" href="{nxt}">Next &raquo;</a>'
        pager += "</div>"
        extra = f'<link rel="next" href="{nxt}">' if more else ""
        return html_response(f"""{self.head(base, heading, canonical, extra=extra)}
{self.header(base)}
<main class="container"><h1 class="page__title">{esc(heading)}</h1>
<div class="stories">{items}</div>
{pager}
</main>
{self.footer(base)}""")

    def render_static(self, base: str, title: str, path: str, body: str) -> Response:
        return html_response(f"""{self.head(base, title, base + path)}
{self.header(base)}
<main class="container"><h1 class="page__title">{esc(title)}</h1><div class="page__content">{body}</div></main>
{self.footer(base)}""")

    def non_article_paths(self) -> list[str]:
        paths = ["/", "/?page=2", "/pakistan", "/pakistan?page=2", "/about", "/login"]
        sections = sorted({self.section_path(r.category) for r in self.records} - {"/pakistan"})
        paths += sections
        authors = sorted({p for r in self.records for a in r.authors if (p := self.author_path(a))})
        paths += authors[:4]
        tags = sorted({slugify(t) for r in self.records for t in r.tags})
        paths += [f"/trends/{t}" for t in tags[:4]]
        paths += [self.article_path(r) for r in self.non_article_records()]
        return paths

    # ------------------------------------------------------------------ routing
    def robots_txt(self, base: str) -> str:
        lines = ["User-agent: *", "Disallow: /search", "Disallow: /login?"]
        lines += [f"Disallow: {p}" for p in self.robots_disallow]
        lines += ["", "User-agent: GPTBot", "Disallow: /", "", f"Sitemap: {base}/feeds/sitemap"]
        return "\n".join(lines) + "\n"

    def route(self, req: Request) -> Response | None:
        path, base = req.path, req.base
        listed = self.newest_first()
        if path == "/robots.txt":
            return text_response(self.robots_txt(base))
        if path == "/feeds/sitemap":
            return xml_response(google_news_sitemap([(self.url(base, r), r) for r in listed], "Dawn"))
        m = re.fullmatch(r"/feeds/([a-z-]+)", path)
        if m:
            section = m.group(1)
            if section in ("home", "latest-news"):
                recs = listed
            else:
                recs = [r for r in listed if self.section_path(r.category) == "/" + section]
                if not recs:
                    return None
            return xml_response(rss_feed(
                title=f"Dawn - {section.replace('-', ' ').title()}", link=base + "/", self_url=base + path,
                description="Dawn news feed", items=[(self.url(base, r), r) for r in recs],
                language="en", generator="Dawn CMS", content=False), "application/rss+xml; charset=utf-8")
        if path == "/login":
            return self.render_static(base, "Login", path, W.login_modal(base).replace('style="display:none"', ""))
        if path == "/about":
            return self.render_static(base, "About Us", path, f"<p>{esc(ABOUT)}</p>")
        page_s = req.q("page", "1")
        if not page_s.isdigit() or int(page_s) < 1:
            page_s = "1"
        page = int(page_s)
        if path in ("/", "/latest-news"):
            return self.render_listing(base, "Latest Stories" if path != "/" else "Dawn - Home", listed, page, path)
        sections = {self.section_path(r.category): r.category for r in self.records}
        sections.setdefault("/pakistan", "Pakistan")
        if path in sections:
            recs = [r for r in listed if self.section_path(r.category) == path]
            return self.render_listing(base, sections[path], recs, page, path)
        m = re.fullmatch(r"/authors/(\d+)/([a-z0-9-]+)", path)
        if m:
            recs = [r for r in listed if any(self.author_path(a) == path for a in r.authors)]
            if not recs:
                return None
            name = next(a for a in recs[0].authors if self.author_path(a) == path)
            return self.render_listing(base, f"Stories by {name}", recs, page, path)
        m = re.fullmatch(r"/trends/([a-z0-9-]+)", path)
        if m:
            recs = [r for r in listed if m.group(1) in {slugify(t) for t in r.tags}]
            if not recs:
                return None
            return self.render_listing(base, next(t for t in recs[0].tags if slugify(t) == m.group(1)), recs, page, path)
        r = self.record_for_path(path)
        if r is not None:
            return self.article_response(r, base)
        m = re.fullmatch(r"/news/(\d{7})(?:/[^/]*)?/?", path)
        if m:  # Dawn redirects any slug (or none) to the canonical story URL
            story = next((x for x in self.records if f"{x.post_id:07d}" == m.group(1)), None)
            if story is not None:
                return redirect(self.url(base, story))
        return None
