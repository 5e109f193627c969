"""The spider's discovery decisions on hand-made responses (no network)."""

from datetime import datetime, timezone

from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from crawlers.registry import Site, Source
from crawlers.spiders.news import NewsSpider

SITE = Site(
    name="t", label="T", home="http://t.test", domains=("t.test",),
    sources=(Source("sitemap", "/sitemap_index.xml"), Source("rss", "/feed/")),
    article_paths=(r"^/news/\d+/",), sections=(),
)


def spider_for(site, since=None):
    crawler = get_crawler(NewsSpider)
    spider = NewsSpider.from_crawler(crawler, sites=[site], since=since)
    return spider


def response(url, body, site=SITE, index=0, kind="sitemap"):
    request = Request(url, meta={"site": site.name, "source": Source(kind, url), "source_index": index,
                                 "role": "source", "page": 1})
    return XmlResponse(url, body=body, request=request)


INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://t.test/sitemap-2019.xml</loc><lastmod>2019-05-01</lastmod></sitemap>
<sitemap><loc>http://t.test/sitemap-2024.xml</loc><lastmod>2024-03-01</lastmod></sitemap>
<sitemap><loc>http://t.test/sitemap-undated.xml</loc></sitemap></sitemapindex>"""


def test_old_sitemap_children_are_pruned_by_lastmod():
    spider = spider_for(SITE, since=datetime(2024, 1, 1, tzinfo=timezone.utc))
    requests = [r for r in spider.follow_source(SITE, SITE.sources[0], 0, response("http://t.test/sitemap_index.xml", INDEX)) if r]
    assert [r.url for r in requests] == ["http://t.test/sitemap-2024.xml", "http://t.test/sitemap-undated.xml"]


def test_without_since_every_child_is_followed():
    spider = spider_for(SITE)
    requests = [r for r in spider.follow_source(SITE, SITE.sources[0], 0, response("http://t.test/sitemap_index.xml", INDEX)) if r]
    assert len(requests) == 3


def test_sections_bound_what_is_fetched():
    site = Site(name="s", label="S", home="http://s.test", domains=("s.test",), sources=(Source("rss", "/f"),),
                article_paths=(r"^/en/[A-Za-z]+/\d+-",), sections=("/en/Pakistan/", "/en/Technology/"))
    assert site.is_article_url("http://s.test/en/Pakistan/812345-x-blocked")
    assert not site.is_article_url("http://s.test/en/Sports/812346-cricket")


def test_listing_links_need_the_article_shape():
    spider = spider_for(SITE)
    listing = Source("listing", "/latest")
    body = b'<html><a href="/news/1/a">a</a><a href="/about">x</a><a href="http://other.test/news/2/b">o</a></html>'
    request = Request("http://t.test/latest", meta={"site": "t", "source": listing, "source_index": 1,
                                                     "role": "source", "page": 1})
    resp = HtmlResponse("http://t.test/latest", body=body, request=request)
    urls = [r.url for r in spider.follow_source(SITE, listing, 1, resp) if r]
    assert urls == ["http://t.test/news/1/a"]


def test_wp_json_pages_follow_the_header_up_to_max_pages():
    site = Site(name="w", label="W", home="http://w.test", domains=("w.test",),
                sources=(Source("wp-json", "/wp-json/wp/v2/posts", max_pages=2),), article_paths=(r"^/\d{4}/",))
    spider = spider_for(site)
    body = b'[{"link": "http://w.test/2024/a/"}]'

    def follow(page):
        url = f"http://w.test/wp-json/wp/v2/posts?per_page=50&page={page}"
        request = Request(url, meta={"site": "w", "source": site.sources[0], "source_index": 0, "role": "source",
                                     "page": page})
        resp = TextResponse(url, body=body, request=request, headers={"X-WP-TotalPages": "5"})
        return [r for r in spider.follow_source(site, site.sources[0], 0, resp) if r]

    first = follow(1)
    assert [(r.url, r.meta["role"], r.meta.get("page")) for r in first] == [
        ("http://w.test/2024/a/", "article", None),
        ("http://w.test/wp-json/wp/v2/posts?per_page=50&page=2", "source", 2)]
    assert [r.meta["role"] for r in follow(2)] == ["article"]  # max_pages reached


def test_robots_sitemaps_start_at_the_first_level():
    spider = spider_for(SITE)
    robots = Source("robots", "/robots.txt")
    request = Request("http://t.test/robots.txt", meta={"site": "t", "source": robots, "source_index": 0,
                                                         "role": "source", "page": 1})
    resp = TextResponse("http://t.test/robots.txt", body=b"Sitemap: http://t.test/s.xml\n", request=request)
    requests = [r for r in spider.follow_source(SITE, robots, 0, resp) if r]
    assert [(r.url, r.meta["source"], r.meta["page"]) for r in requests] == [
        ("http://t.test/s.xml", Source("sitemap", "http://t.test/s.xml"), 1)]


def test_sitemap_indexes_stop_at_the_depth_limit():
    spider = spider_for(SITE)
    deep = response("http://t.test/sitemap_index.xml", INDEX)
    deep.meta["page"] = 4
    assert [r for r in spider.follow_source(SITE, SITE.sources[0], 0, deep) if r] == []
