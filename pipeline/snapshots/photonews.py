"""``photonews``: a WordPress news theme in the manner of PhotoNews Pakistan.

URLs ``/<slug>/``; ``/sitemap_index.xml`` (post + page sitemaps), ``/feed/``,
``/category/<cat>/page/N/``, ``/tag/<t>/``, ``/author/<a>/``, ``/about/``,
``/login/``. robots.txt disallows ``/wp-admin/`` and ``/sponsored/`` (one
real article lives there, linked from sitemap, feed and listings).
"""

from __future__ import annotations

from . import widgets as W
from .base import HEADER_TODAY, ArticleRecord, esc, iso, long_date, render_blocks, slugify
from .wordpress import WordPressTemplate

MENU: W.Menu = [
    ("Home", "/", []),
    ("Pakistan", "/category/pakistan/", [
        ("Punjab", "/category/punjab/", []),
        ("Sindh", "/category/sindh/", []),
        ("Khyber Pakhtunkhwa", "/category/khyber-pakhtunkhwa/", []),
        ("Azad Jammu Kashmir", "/category/azad-jammu-kashmir/", []),
        ("Balochistan", "/category/balochistan/", []),
        ("Gilgit – Baltistan", "/category/gilgit-baltistan/", []),
    ]),
    ("World", "/category/world/", []),
    ("Business", "/category/business/", []),
    ("Videos", "/category/videos/", []),
    ("Technology", "/category/technology/", []),
    ("Blog", "/category/blog/", []),
    ("About", "/about/", []),
]

ABOUT_BLURB = ("PhotoNews Pakistan is an independent news website covering Pakistan's politics, "
               "technology and society with pictures first and words that follow.")
COPYRIGHT = "© 2024 Photonews. All Rights Reserved."


class PhotoNews(WordPressTemplate):
    name = "photonews"
    label = "PhotoNews Pakistan"
    title_suffix = " - PhotoNews Pakistan"
    per_page = 5
    robots_disallow = ("/sponsored/",)

    sitemap_style = "index"
    about_text = ABOUT_BLURB
    known_categories = frozenset({"pakistan", "punjab", "sindh", "khyber-pakhtunkhwa", "azad-jammu-kashmir",
                                  "balochistan", "gilgit-baltistan", "world", "business", "videos",
                                  "technology", "blog"})

    def listing_item(self, base: str, x: ArticleRecord) -> str:
        return (f'<article class="p-wrap p-list"><a class="p-thumb" href="{self.url(base, x)}"><img src="{base}/wp-content/uploads/thumbs/{x.slug[:40]}.jpg" alt=""></a>'
                f'<span class="p-category">{esc(x.category)}</span>'
                f'<h3 class="entry-title"><a href="{self.url(base, x)}">{esc(x.title)}</a></h3>'
                f'<p class="entry-summary">{esc(x.summary)}</p>'
                f'<span class="meta-author">By {esc(x.byline)}</span> <time datetime="{iso(x.published)}">{long_date(x.published)}</time></article>')

    # ------------------------------------------------------------------ chrome
    def head(self, base: str, title: str, canonical: str, *, extra: str = "", charset: bool = True,
             og_type: str = "website", description: str = "") -> str:
        cs = '<meta charset="UTF-8">' if charset else ""
        return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
{cs}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}{esc(self.title_suffix)}</title>
<meta name="description" content="{esc(description)}">
<link rel="canonical" href="{canonical}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="{self.label}">
<link rel="alternate" type="application/rss+xml" title="{self.label} &raquo; Feed" href="{base}/feed/">
<link rel="stylesheet" href="{base}/wp-content/themes/foxiz/style.css?ver=2.3.1" media="all">
{extra}
</head>"""

    def header(self, base: str, reading: str | None) -> str:
        sticky = (f'<div class="sticky-reading-bar"><span class="reading-label">Reading:</span> '
                  f'<span class="reading-title">{esc(reading)}</span></div>') if reading else ""
        videos = self.newest_first([r for r in self.records if r.kind == "video"])[:3] + self.recent(n=2)
        mega = W.teaser_list("Videos", videos[:3], lambda x: self.url(base, x), cls="mega-menu-videos")
        return f"""<body class="wp-singular">
<div class="top-bar"><span class="header-date">{HEADER_TODAY}</span></div>
<header id="site-header" class="header-wrap">
 <div class="logo-wrap"><a class="logo" href="{base}/"><img src="{base}/wp-content/uploads/logo.png" alt="Photonews Logo"><img src="{base}/wp-content/uploads/logo-dark.png" alt="Photonews logo"></a></div>
 <nav class="main-menu-wrap">{W.menu(MENU, base, "main-menu")}{mega}</nav>
 {sticky}
</header>
<div class="mobile-menu-wrap">
 <div class="mobile-logo">{self.label}</div>
 <div class="font-resizer">Font Resizer<span>Aa</span></div>
 <form class="search-form" action="{base}/"><input type="search" name="s" placeholder="Search"></form>
 {W.menu(MENU, base, "mobile-menu")}
 <div class="mobile-login">Have an existing account? <a href="{base}/login/">Sign In</a></div>
 <div class="mobile-social">Follow US</div>
 <div class="mobile-copyright">© 2022 Photonews. All Rights Reserved.</div>
</div>"""

    def footer(self, base: str) -> str:
        cats = [("World", "/category/world/", []), ("Pakistan", "/category/pakistan/", []),
                ("Punjab", "/category/punjab/", []), ("Sindh", "/category/sindh/", []),
                ("Technology", "/category/technology/", []), ("Videos", "/category/videos/", [])]
        return f"""<footer id="site-footer" class="footer-wrap">
 <div class="footer-about"><h4>About {self.label}</h4><p>{ABOUT_BLURB}</p></div>
 {W.newsletter_box(self.label)}
 <div class="footer-categories"><h4>Categories</h4>{W.menu(cats, base, "footer-menu")}</div>
 <div class="footer-copyright">{COPYRIGHT}</div>
</footer>
{W.login_modal(base)}
<script src="{base}/wp-content/themes/foxiz/assets/js/global.js?ver=2.3.1"></script>
</body></html>"""

    # ------------------------------------------------------------------ article
    def byline(self, r: ArticleRecord) -> str:
        minutes = max(1, r.word_count // 200 + (1 if r.word_count % 200 > 60 else 0))
        if r.date_style == "byline":
            when = f'<span class="meta-date">Published {long_date(r.published)}</span>'
        else:
            when = (f'<span class="meta-date">Published <time class="date published" '
                    f'datetime="{iso(r.published)}">{long_date(r.published)}</time></span>')
        authors = " and ".join(f'<a class="meta-author" href="/author/{slugify(a)}/">{esc(a)}</a>' for a in r.authors)
        return (f'<div class="single-meta"><div class="author-avatar"><img src="/wp-content/uploads/avatars/{slugify(r.authors[0])}.jpg" alt="{esc(r.authors[0])}"></div>'
                f'<div class="meta-text"><span class="meta-by">By</span> {authors} {when} '
                f'<span class="meta-read">{minutes} Min Read</span></div></div>')

    def jsonld(self, r: ArticleRecord, url: str, base: str) -> str:
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "NewsArticle", "@id": url + "#article", "isPartOf": {"@id": url},
                 "headline": r.title, "datePublished": iso(r.published), "dateModified": iso(r.updated),
                 "author": [{"@type": "Person", "name": a} for a in r.authors],
                 "mainEntityOfPage": {"@id": url}, "wordCount": r.word_count,
                 "publisher": {"@type": "Organization", "name": self.label, "url": base + "/"},
                 "articleSection": [r.category], "keywords": list(r.tags), "inLanguage": "en-US"},
                {"@type": "WebPage", "@id": url, "url": url, "name": r.title + self.title_suffix},
                {"@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": base + "/"},
                    {"@type": "ListItem", "position": 2, "name": r.title}]},
            ],
        }
        return W.json_ld(data)

    def render_article(self, r: ArticleRecord, base: str) -> str:
        url = self.url(base, r)
        extra = ""
        if r.date_style == "jsonld":
            extra = (f'<meta property="article:published_time" content="{iso(r.published)}">\n'
                     f'<meta property="article:modified_time" content="{iso(r.updated)}">\n'
                     + self.jsonld(r, url, base))
        head = self.head(base, r.title, url, extra=extra, charset=r.encoding != "cp1252",
                         og_type="article", description=r.summary)
        cat_path = f"/category/{slugify(r.category)}/"
        crumbs = W.breadcrumbs([(self.label, base + "/"), (r.category, base + cat_path), (r.title, None)])
        lead = ""
        if r.lead_image:
            lead = (f'<div class="featured-image"><figure><img src="{base}{r.lead_image[0]}" alt="{esc(r.title)}">'
                    f'<figcaption class="featured-caption">{esc(r.lead_image[1])}</figcaption></figure></div>')
        if r.kind == "video":
            content = (f'<div class="entry-content"><figure class="wp-block-embed is-type-video is-provider-youtube">'
                       f'<div class="wp-block-embed__wrapper"><iframe title="{esc(r.title)}" width="800" height="450" '
                       f'src="{esc(r.video or "")}" frameborder="0" allowfullscreen></iframe></div></figure>\n'
                       f'{render_blocks(r.blocks)}</div>')
        else:
            content = f'<div class="entry-content rbct">\n{render_blocks(r.blocks)}\n</div>'
        tags = "".join(f'<a href="{base}/tag/{slugify(t)}/">{esc(t)}</a>' for t in r.tags)
        prev, nxt = self.neighbours(r)
        nav = '<nav class="post-navigation">'
        if prev:
            nav += f'<div class="nav-previous"><span>Previous Article</span><a href="{self.url(base, prev)}">{esc(prev.title)}</a></div>'
        if nxt:
            nav += f'<div class="nav-next"><span>Next Article</span><a href="{self.url(base, nxt)}">{esc(nxt.title)}</a></div>'
        nav += "</nav>"
        related = self.related(r)
        popular = "".join(
            f'<div class="p-wrap"><span class="p-category">{esc(x.category)}</span>'
            f'<h5 class="entry-title"><a href="{self.url(base, x)}">{esc(x.title)}</a></h5>'
            f'<p class="entry-summary">{esc(x.summary[:100])}&hellip;</p>'
            f'<span class="meta-date">{long_date(x.published)}</span></div>'
            for x in related)
        return f"""{head}
{self.header(base, r.title)}
<div class="site-wrap">
<div class="single-header">
 {crumbs}
 <div class="p-categories"><a class="p-category" href="{base}{cat_path}">{esc(r.category)}</a></div>
 <h1 class="s-title">{esc(r.title)}</h1>
 {self.byline(r)}
 {W.share_bar(url, r.title, full=False)}
</div>
<div class="grid-container">
<main class="s-ct">
<article id="post-{r.post_id}" class="post-{r.post_id} post type-post status-publish">
 {lead}
 {content}
 <div class="efoot-bar"><div class="entry-tags"><span class="tags-label">TAGGED:</span>{tags}</div></div>
</article>
<div class="share-section"><h4>Share This Article</h4>{W.share_bar(url, r.title)}</div>
{nav}
<div class="comment-box"><span class="show-comments">Leave a comment</span>{W.comment_form(url, r.post_id)}</div>
</main>
<aside class="sidebar-wrap">
 {W.teaser_list("Recent Posts", self.recent(r), lambda x: self.url(base, x))}
 <div class="widget"><h4 class="widget-title">Post Archives</h4><select><option>Select Month</option></select></div>
</aside>
</div>
<section class="more-popular"><h3>More Popular from Photonews</h3>{popular}</section>
</div>
{self.footer(base)}"""

    def forbidden(self, r: ArticleRecord) -> list[str]:
        prev, nxt = self.neighbours(r)
        titles = [x.title for x in (*self.recent(r), *self.related(r), prev, nxt) if x is not None]
        videos = self.newest_first([x for x in self.records if x.kind == "video"])[:3] + self.recent(n=2)
        titles += [x.title for x in videos[:3] if x.title != r.title]
        return list(dict.fromkeys(W.COMMON_FORBIDDEN + [
            HEADER_TODAY, W.NEWSLETTER_TITLE, "More Popular from Photonews", "Recent Posts",
            "Reading:", "Have an existing account?", "Share This Article", "TAGGED:",
            ABOUT_BLURB, COPYRIGHT, "Previous Article", *titles]))

