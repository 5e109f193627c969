"""Shared WordPress behaviour of the snapshot sites: routing of robots.txt,
sitemaps, ``/feed/``, the REST API ``/wp-json/wp/v2/posts``, category / tag /
author archives with ``/page/N/`` or ``?paged=N`` pagination, ``/about/`` and
``/login/``. A WordPress-like template subclasses :class:`WordPressTemplate` and
supplies ``head``, ``header``, ``footer``, ``listing_item``,
``render_article`` and ``forbidden``; switches choose the discovery surface
(``sitemap_style``, ``has_feed``, ``has_wp_json``) so sitemap-index-only,
RSS-only or REST-only variants are a few lines each.
"""

from __future__ import annotations

import re
from datetime import datetime

from . import widgets as W
from .base import (
    ArticleRecord,
    Request,
    Response,
    SiteTemplate,
    esc,
    html_response,
    iso,
    iso_gmt_naive,
    iso_local_naive,
    json_response,
    long_date,
    redirect,
    rss_feed,
    sitemap_index,
    sitemap_urlset,
    slugify,
    text_response,
    xml_response,
)


class WordPressTemplate(SiteTemplate):
    #: "index" (/sitemap_index.xml -> post-sitemap.xml, page-sitemap.xml),
    #: "urlset" (/sitemap.xml lists the posts) or None
    sitemap_style: str | None = "index"
    has_feed: bool = True
    has_wp_json: bool = False
    #: how archive pages link page N: "path" (/page/N/) or "query" (?paged=N)
    pagination: str = "path"
    about_text: str = ""
    feed_description: str = "Latest news from Pakistan"
    #: category slugs that exist even when empty (menu entries)
    known_categories: frozenset[str] = frozenset()

    def article_path(self, r: ArticleRecord) -> str:
        return r.path or f"/{r.slug}/"

    def page_url(self, base: str, prefix: str, page: int) -> str:
        if page <= 1:
            return base + prefix
        if self.pagination == "query":
            return f"{base}{prefix}?paged={page}"
        return f"{base}{prefix}page/{page}/"

    def listing_item(self, base: str, x: ArticleRecord) -> str:
        return (f'<article class="post-item"><h3 class="entry-title"><a href="{self.url(base, x)}">{esc(x.title)}</a></h3>'
                f'<p class="entry-summary">{esc(x.summary)}</p>'
                f'<span class="meta-author">By {esc(x.byline)}</span> <time datetime="{iso(x.published)}">{long_date(x.published)}</time></article>')

    def robots_txt(self, base: str) -> str:
        lines = ["User-agent: *", "Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php"]
        lines += [f"Disallow: {p}" for p in self.robots_disallow]
        lines.append("")
        if self.sitemap_style == "index":
            lines.append(f"Sitemap: {base}/sitemap_index.xml")
        elif self.sitemap_style == "urlset":
            lines.append(f"Sitemap: {base}/sitemap.xml")
        return "\n".join(lines) + "\n"

    # ------------------------------------------------------------------ listings
    def render_listing(self, base: str, heading: str, records: list[ArticleRecord], page: int,
                       path_prefix: str) -> Response | None:
        chunk, more = self.page_slice(records, page)
        if not chunk and page > 1:
            return None
        canonical = self.page_url(base, path_prefix, page)
        items = "".join(self.listing_item(base, x) for x in chunk)
        pager = '<nav class="pagination">'
        if page > 1:
            pager += f'<a class="prev page-numbers" href="{self.page_url(base, path_prefix, page - 1)}">Previous</a>'
        if more:
            pager += f'<a class="next page-numbers" rel="next" href="{self.page_url(base, path_prefix, page + 1)}">Next</a>'
        pager += "</nav>"
        links = ""
        if more:
            links += f'<link rel="next" href="{self.page_url(base, path_prefix, page + 1)}">'
        return html_response(f"""{self.head(base, heading, canonical, extra=links)}
{self.header(base, None)}
<div class="site-wrap"><main class="archive-wrap">
{W.breadcrumbs([(self.label, base + "/"), (heading, None)])}
<h1 class="archive-title">{esc(heading)}</h1>
<div class="block-inner">{items}</div>
{pager}
</main></div>
{self.footer(base)}""")

    def render_static(self, base: str, title: str, path: str, body: str) -> Response:
        return html_response(f"""{self.head(base, title, base + path)}
{self.header(base, None)}
<div class="site-wrap"><main class="page-wrap"><h1 class="page-title">{esc(title)}</h1>
<div class="entry-content">{body}</div></main></div>
{self.footer(base)}""")

    def non_article_paths(self) -> list[str]:
        paths = ["/", self.page_url("", "/", 2), "/about/", "/login/"]
        cats = sorted({slugify(r.category) for r in self.records})
        for c in cats:
            paths.append(f"/category/{c}/")
            n = len([r for r in self.records if slugify(r.category) == c])
            if n > self.per_page:
                paths.append(self.page_url("", f"/category/{c}/", 2))
        tags = sorted({slugify(t) for r in self.records for t in r.tags})
        paths += [f"/tag/{t}/" for t in tags[:4]]
        authors = sorted({slugify(a) for r in self.records for a in r.authors})
        paths += [f"/author/{a}/" for a in authors[:4]]
        paths += [self.article_path(r) for r in self.non_article_records()]
        return paths

    # ------------------------------------------------------------------ routing
    def route(self, req: Request) -> Response | None:
        path, base = req.path, req.base
        listed = self.newest_first()
        if path == "/robots.txt":
            return text_response(self.robots_txt(base))
        if path == "/sitemap_index.xml" and self.sitemap_style == "index":
            last = max(r.updated for r in self.records)
            return xml_response(sitemap_index([(base + "/post-sitemap.xml", last),
                                               (base + "/page-sitemap.xml", None)]))
        if path == "/sitemap.xml" and self.sitemap_style == "urlset":
            return xml_response(sitemap_urlset([(self.url(base, r), r.updated) for r in listed]))
        if path == "/post-sitemap.xml" and self.sitemap_style == "index":
            return xml_response(sitemap_urlset([(self.url(base, r), r.updated) for r in reversed(listed)]))
        if path == "/page-sitemap.xml" and self.sitemap_style == "index":
            return xml_response(sitemap_urlset([(base + "/", None), (base + "/about/", None)]))
        if path.startswith("/wp-json/") and self.has_wp_json:
            return self.wp_json(req)
        if path in ("/feed/", "/feed") and self.has_feed:
            return xml_response(rss_feed(
                title=self.label, link=base, self_url=base + "/feed/",
                description=self.feed_description, items=[(self.url(base, r), r) for r in listed]),
                "application/rss+xml; charset=UTF-8")
        if path in ("/wp-admin/", "/wp-login.php") or path.startswith("/wp-admin/"):
            return redirect(base + "/login/", 302)
        if path == "/login/":
            return self.render_static(base, "Login", path, W.login_modal(base).replace('style="display:none"', ""))
        if path == "/about/":
            return self.render_static(base, "About Us", path, f"<p>{esc(self.about_text)}</p>")
        m = re.fullmatch(r"(/|/(category|tag|author)/([a-z0-9-]+)/)(?:page/(\d+)/)?", path)
        if m:
            paged = req.q("paged")
            if paged is not None and not paged.isdigit():
                return None
            page = int(m.group(4) or paged or 1)
            kind, slug = m.group(2), m.group(3)
            if kind is None:
                recs, heading = listed, "Latest News"
                if page == 1:
                    heading = self.label
            elif kind == "category":
                recs = [r for r in listed if slugify(r.category) == slug]
                heading = next((r.category for r in recs), slug.replace("-", " ").title())
                if not recs and slug not in self.known_categories:
                    return None
            elif kind == "tag":
                recs = [r for r in listed if slug in {slugify(t) for t in r.tags}]
                if not recs:
                    return None
                heading = next(t for t in recs[0].tags if slugify(t) == slug)
            else:
                recs = [r for r in listed if slug in {slugify(a) for a in r.authors}]
                if not recs:
                    return None
                heading = "Author: " + next(a for a in recs[0].authors if slugify(a) == slug)
            return self.render_listing(base, heading, recs, page, m.group(1))
        r = self.record_for_path(path)
        if r is not None:
            return self.article_response(r, base)
        if not path.endswith("/") and self.record_for_path(path + "/") is not None:
            return redirect(base + path + "/")
        return None

    # ------------------------------------------------------------------ REST API
    def wp_post_json(self, base: str, r: ArticleRecord) -> dict:
        return {
            "id": r.post_id,
            "date": iso_local_naive(r.published),
            "date_gmt": iso_gmt_naive(r.published),
            "guid": {"rendered": f"{base}/?p={r.post_id}"},
            "modified": iso_local_naive(r.updated),
            "modified_gmt": iso_gmt_naive(r.updated),
            "slug": r.slug,
            "status": "publish",
            "type": "post",
            "link": self.url(base, r),
            "title": {"rendered": esc(r.title)},
            "excerpt": {"rendered": f"<p>{esc(r.summary)} [&hellip;]</p>\n", "protected": False},
            "author": 1 + sorted({a for x in self.records for a in x.authors}).index(r.authors[0]),
            "categories": [1 + sorted({x.category for x in self.records}).index(r.category)],
            "tags": [],
            "format": "video" if r.kind == "video" else "standard",
        }

    def wp_json(self, req: Request) -> Response | None:
        if req.path.rstrip("/") != "/wp-json/wp/v2/posts":
            if req.path in ("/wp-json/", "/wp-json"):
                return json_response({"name": self.label, "url": req.base, "namespaces": ["wp/v2"],
                                      "routes": {"/wp/v2/posts": {"methods": ["GET"]}}})
            return json_response({"code": "rest_no_route", "message": "No route was found matching the URL and request method.",
                                  "data": {"status": 404}}, 404)

        def bad(param: str) -> Response:
            return json_response({"code": "rest_invalid_param", "message": f"Invalid parameter(s): {param}",
                                  "data": {"status": 400, "params": {param: f"Invalid value for {param}."}}}, 400)

        def parse_dt(value: str) -> datetime | None:
            try:
                dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
            # WordPress reads naive values in the site's timezone
            return dt if dt.tzinfo else dt.replace(tzinfo=self.records[0].published.tzinfo)

        recs = self.newest_first()
        for param, attr, cmp in (("after", "published", 1), ("before", "published", -1),
                                 ("modified_after", "updated", 1), ("modified_before", "updated", -1)):
            value = req.q(param)
            if value is None:
                continue
            dt = parse_dt(value)
            if dt is None:
                return bad(param)
            recs = [r for r in recs if (getattr(r, attr) > dt if cmp > 0 else getattr(r, attr) < dt)]
        per_page_s, page_s = req.q("per_page", "10"), req.q("page", "1")
        if not per_page_s.isdigit() or not 1 <= int(per_page_s) <= 100:
            return bad("per_page")
        if not page_s.isdigit() or int(page_s) < 1:
            return bad("page")
        per_page, page = int(per_page_s), int(page_s)
        total = len(recs)
        pages = (total + per_page - 1) // per_page
        if page > max(pages, 1):
            return json_response({"code": "rest_post_invalid_page_number",
                                  "message": "The page number requested is larger than the number of pages available.",
                                  "data": {"status": 400}}, 400)
        chunk = recs[(page - 1) * per_page: page * per_page]
        headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
        return json_response([self.wp_post_json(req.base, r) for r in chunk], headers=headers)
