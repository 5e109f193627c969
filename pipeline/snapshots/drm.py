"""``drm``: a WordPress magazine theme in the manner of Digital Rights Monitor.

URLs ``/<slug>/``; ``/sitemap.xml`` (a urlset), ``/feed/``, the REST API
``/wp-json/wp/v2/posts?after=&page=&per_page=``, category archives paginated
with ``?paged=N`` (``/page/N/`` works too), ``/tag/<t>/``, ``/author/<a>/``,
``/about/``, ``/login/``. robots.txt disallows one article by its exact path.
"""

from __future__ import annotations

from . import widgets as W
from .base import HEADER_TODAY, ArticleRecord, esc, iso, long_date, render_blocks, slugify
from .wordpress import WordPressTemplate

MENU: W.Menu = [
    ("DRM Exclusive", "/category/drm-exclusive/", [
        ("News", "/category/news/", []),
        ("Court Updates", "/category/court-updates/", []),
        ("Features", "/category/features/", []),
        ("Comment", "/category/comment/", []),
        ("Campaigns", "/category/campaigns/", [("#PrivacyForAll", "/category/privacy-for-all/", [])]),
        ("Vodcasts", "/category/vodcasts/", []),
    ]),
    ("In Media", "/category/in-media/", [("News", "/category/in-media-news/", []), ("OP-EDs", "/category/op-eds/", [])]),
    ("Editorial", "/category/editorial/", []),
    ("Gender & Tech", "/category/gender-tech/", []),
    ("Trends Monitor", "/category/trends-monitor/", []),
    ("Resources", "/category/resources/", [
        ("Laws and Policies", "/category/laws-and-policies/", []),
        ("Research", "/category/research/", []),
    ]),
    ("About", "/about/", []),
]

ABOUT_DRM = ("Digital Rights Monitor tracks internet governance, online freedoms and privacy in Pakistan, "
             "and keeps a library of laws, court decisions and research for journalists.")
ABOUT_PARENT = ("The monitor is run by a not-for-profit media collective that trains reporters "
                "to cover technology policy and advocates for open, affordable and safe internet access.")
LOGIN_SUB = "Login to your account below"
NO_RESULT = "No Result"


class DigitalRightsMonitor(WordPressTemplate):
    name = "drm"
    label = "Digital Rights Monitor"
    title_suffix = " | Digital Rights Monitor"
    per_page = 4
    sitemap_style = "urlset"
    has_wp_json = True
    pagination = "query"
    about_text = ABOUT_DRM
    feed_description = "Reporting on digital rights and internet governance in Pakistan"
    robots_disallow = ("/leaked-draft-of-online-harms-rules-circulates-among-stakeholders/",)
    known_categories = frozenset({"drm-exclusive", "news", "court-updates", "features", "comment", "campaigns",
                                  "vodcasts", "in-media", "editorial", "gender-tech", "trends-monitor", "resources"})

    # ------------------------------------------------------------------ chrome
    def head(self, base: str, title: str, canonical: str, *, extra: str = "", charset: bool = True,
             og_type: str = "website", description: str = "") -> str:
        cs = '<meta charset="UTF-8">' if charset else ""
        return f"""<!doctype html>
<html lang="en-US">
<head>
{cs}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title)}{esc(self.title_suffix)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{canonical}">
<meta property="og:type" content="{og_type}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:description" content="{esc(description)}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="{self.label}">
<meta name="twitter:card" content="summary_large_image">
<link rel="alternate" type="application/rss+xml" title="{self.label} &raquo; Feed" href="{base}/feed/">
<link rel="https://api.w.org/" href="{base}/wp-json/">
<link rel="stylesheet" href="{base}/wp-content/themes/newspaper-mag/style.css?ver=4.1" media="all">
{extra}
</head>"""

    def header(self, base: str, reading: str | None = None) -> str:
        search = (f'<form class="search-form" action="{base}/"><input type="text" name="s" placeholder="Search...">'
                  f'<div class="search-results"><div class="no-result">{NO_RESULT}</div><a href="{base}/?s=">View All Result</a></div></form>')
        return f"""<body class="post-template-default single">
<div class="top-bar"><div class="top-date">{HEADER_TODAY}</div></div>
<header class="site-header">
 <div class="site-branding"><a href="{base}/" class="logo">{self.label}</a></div>
 <nav class="navigation main-navigation">{W.menu(MENU, base, "menu-main")}</nav>
 {search}
</header>
<div class="sticky-header"><a href="{base}/" class="logo">{self.label}</a>{W.menu(MENU, base, "menu-sticky")}{search}</div>
<div class="mobile-header"><a href="{base}/" class="logo">{self.label}</a>{search}</div>"""

    def footer(self, base: str) -> str:
        return f"""<footer class="site-footer">
 <div class="footer-widget"><h4 class="widget-title">About {self.label}</h4><p>{ABOUT_DRM}</p></div>
 <div class="footer-widget"><h4 class="widget-title">About the Publisher</h4><p>{ABOUT_PARENT}</p></div>
 <div class="footer-widget"><h4 class="widget-title">Follow Us on Twitter</h4><a href="https://twitter.com/drm_snapshot">@drm_snapshot</a></div>
 <div class="copyright">&copy; 2025 {self.label}. All rights reserved.</div>
</footer>
<div class="modal login-modal" id="login" style="display:none">
 <h3>{W.LOGIN_TITLE}</h3><p>{LOGIN_SUB}</p>
 <form action="{base}/login/" method="post"><input type="text" name="log" placeholder="Username or Email"><input type="password" name="pwd" placeholder="Password"><label><input type="checkbox" name="rememberme"> Remember Me</label><button type="submit">Log In</button></form>
 <a href="#forgot">Forgotten Password?</a>
</div>
<div class="modal forgot-modal" id="forgot" style="display:none">
 <h3>{W.RETRIEVE_PASSWORD}</h3><p>{W.RESET_HINT}</p>
 <form action="{base}/login/?action=lostpassword" method="post"><input type="text" name="user_login"><button type="submit">Log In</button></form>
</div>
<div class="modal playlist-modal" style="display:none"><h3>Add New Playlist</h3></div>
<div class="mobile-menu">{W.menu(MENU, base, "menu-mobile")}<div class="no-result">{NO_RESULT}</div></div>
<script src="{base}/wp-content/themes/newspaper-mag/js/main.js?ver=4.1"></script>
</body></html>"""

    def listing_item(self, base: str, x: ArticleRecord) -> str:
        return (f'<article class="jeg_post"><div class="jeg_thumb"><a href="{self.url(base, x)}"><img src="{base}/wp-content/uploads/thumbs/{x.slug[:40]}.jpg" alt="{esc(x.title)}"></a></div>'
                f'<div class="jeg_postblock_content"><h3 class="jeg_post_title"><a href="{self.url(base, x)}">{esc(x.title)}</a></h3>'
                f'<div class="jeg_post_meta"><span class="jeg_meta_author">by {esc(x.byline)}</span> '
                f'<span class="jeg_meta_date">{long_date(x.published)}</span></div>'
                f'<div class="jeg_post_excerpt"><p>{esc(x.summary)}</p></div></div></article>')

    # ------------------------------------------------------------------ article
    def categories(self, r: ArticleRecord) -> list[str]:
        cats = [r.category]
        if r.category in ("News", "Court Updates", "Features"):
            cats = ["DRM Exclusive", r.category]
        return cats

    def byline(self, r: ArticleRecord) -> str:
        authors = " and ".join(f'<a href="/author/{slugify(a)}/">{esc(a)}</a>' for a in r.authors)
        if r.date_style == "byline":
            when = f'<div class="jeg_meta_date">{long_date(r.published)}</div>'
        else:
            when = (f'<div class="jeg_meta_date"><time class="entry-date published" datetime="{iso(r.published)}">'
                    f'{long_date(r.published)}</time></div>')
        return (f'<div class="jeg_meta_container"><div class="jeg_post_meta">'
                f'<div class="jeg_meta_author"><img src="/wp-content/uploads/avatars/{slugify(r.authors[0])}.png" alt="{esc(r.authors[0])}" width="80" height="80">'
                f'<span class="meta_text">by</span> {authors}</div>{when}</div></div>')

    def jsonld(self, r: ArticleRecord, url: str, base: str) -> str:
        return W.json_ld({
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "NewsArticle", "@id": url + "#article", "headline": r.title,
                 "datePublished": iso(r.published), "dateModified": iso(r.updated),
                 "author": [{"@type": "Person", "name": a, "url": f"{base}/author/{slugify(a)}/"} for a in r.authors],
                 "publisher": {"@type": "Organization", "name": self.label},
                 "mainEntityOfPage": url, "articleSection": self.categories(r), "keywords": ", ".join(r.tags)},
                {"@type": "WebSite", "@id": base + "/#website", "url": base + "/", "name": self.label},
            ]})

    def render_article(self, r: ArticleRecord, base: str) -> str:
        url = self.url(base, r)
        extra = ""
        if r.date_style == "jsonld":
            extra = (f'<meta property="article:published_time" content="{iso(r.published)}">\n'
                     f'<meta property="article:modified_time" content="{iso(r.updated)}">\n'
                     + self.jsonld(r, url, base))
        cats = " , ".join(f'<a href="{base}/category/{slugify(c)}/">{esc(c)}</a>' for c in self.categories(r))
        lead = ""
        if r.lead_image:
            lead = (f'<div class="jeg_featured featured_image"><a href="{base}{r.lead_image[0]}"><img src="{base}{r.lead_image[0]}" alt="{esc(r.title)}"></a>'
                    f'<p class="wp-caption-text">{esc(r.lead_image[1])}</p></div>')
        if r.kind == "video":
            body = (f'<figure class="wp-block-embed is-provider-youtube"><iframe src="{esc(r.video or "")}" width="800" height="450" allowfullscreen></iframe></figure>'
                    + render_blocks(r.blocks))
        else:
            body = render_blocks(r.blocks)
        tags = "".join(f'<a href="{base}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in r.tags)
        prev, nxt = self.neighbours(r)
        nav = '<div class="jeg_prevnext_post">'
        if prev:
            nav += f'<a href="{self.url(base, prev)}" class="post prev-post"><span class="caption">Previous Post</span><h3 class="post-title">{esc(prev.title)}</h3></a>'
        if nxt:
            nav += f'<a href="{self.url(base, nxt)}" class="post next-post"><span class="caption">Next Post</span><h3 class="post-title">{esc(nxt.title)}</h3></a>'
        nav += "</div>"
        floating = ""
        if nxt:
            floating = (f'<div class="jeg_floatnext"><span class="caption">Next Post</span>'
                        f'<a href="{self.url(base, nxt)}"><img src="{base}/wp-content/uploads/thumbs/{nxt.slug[:40]}.jpg" alt="">{esc(nxt.title)}</a></div>')
        related = W.teaser_list("Related Posts", self.related(r), lambda x: self.url(base, x), cls="jeg_related")
        recent = W.teaser_list("Recent News", self.recent(r, 4), lambda x: self.url(base, x), cls="jeg_recent")
        return f"""{self.head(base, r.title, url, extra=extra, og_type="article", description=r.summary)}
{self.header(base)}
<div class="jeg_main">
<div class="jeg_breadcrumbs">{W.breadcrumbs([("Home", base + "/"), (self.categories(r)[0], f"{base}/category/{slugify(self.categories(r)[0])}/"), (r.title, None)], sep="&rsaquo;")}</div>
<div class="entry-header">
 <div class="jeg_meta_category"><span class="meta-in">in</span> {cats}</div>
 <h1 class="jeg_post_title">{esc(r.title)}</h1>
 {self.byline(r)}
</div>
<div class="jeg_inner_content">
 {lead}
 <div class="jeg_share_top_container">{W.share_bar(url, r.title, full=False)}</div>
 <div class="entry-content no-share">
  <div class="content-inner">
{body}
  </div>
 </div>
 <div class="jeg_post_tags"><span>Tags:</span> {tags}</div>
 {nav}
 <div class="jeg_share_bottom_container">{W.share_bar(url, r.title, full=False)}</div>
 {related}
 {W.comment_form(url, r.post_id)}
</div>
<aside class="jeg_sidebar">{recent}{W.newsletter_box(self.label)}</aside>
{floating}
</div>
{self.footer(base)}"""

    def forbidden(self, r: ArticleRecord) -> list[str]:
        prev, nxt = self.neighbours(r)
        titles = [x.title for x in (*self.recent(r, 4), *self.related(r), prev, nxt) if x is not None]
        return list(dict.fromkeys(W.COMMON_FORBIDDEN + [
            HEADER_TODAY, LOGIN_SUB, "Forgotten Password?", W.RETRIEVE_PASSWORD, "Add New Playlist",
            "View All Result", "Previous Post", "Next Post", "Related Posts", "Follow Us on Twitter",
            ABOUT_DRM, ABOUT_PARENT, "Tags:", *titles]))
