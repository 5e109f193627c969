"""Each discovery source kind on hand-made answers: the URL it asks for and what it reads (no network)."""

from datetime import datetime, timezone

import pytest

from crawlers import discovery
from crawlers.registry import RegistryError, load_registry
from crawlers.source_kinds import (
    SOURCE_KINDS,
    Child,
    FeedAutodiscovery,
    GoogleNewsSitemap,
    Listing,
    Robots,
    RSSFeed,
    Sitemap,
    Source,
    WordPressPosts,
    source_kind,
)

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://t.test/sitemap-2019.xml</loc><lastmod>2019-05-01</lastmod></sitemap>
<sitemap><loc>http://t.test/sitemap-2024.xml</loc></sitemap></sitemapindex>"""
URLSET = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://t.test/news/1/a</loc><lastmod>2024-05-01</lastmod></url>
<url><loc>http://t.test/news/2/b</loc></url></urlset>"""
RSS = b"""<rss><channel><item><link>/news/1/a</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>
</channel></rss>"""
WP = b'[{"link": "http://t.test/a/", "date_gmt": "2024-05-01T00:00:00"}, {"link": "http://t.test/b/"}]'
PAGE = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head>
<body><a href="/news/1/a">a</a><a href="/about">b</a><a rel="next" href="/latest?page=2">next</a></body></html>"""


def test_every_kind_is_registered_under_its_name():
    assert set(SOURCE_KINDS) == {
        "robots", "sitemap", "google-news-sitemap", "rss", "feed-autodiscovery", "wp-json", "listing"}
    assert all(source_kind(name).name == name for name in SOURCE_KINDS)


def test_registry_refuses_a_kind_without_a_class(tmp_path):
    (tmp_path / "test.toml").write_text(
        '[[site]]\nname = "x"\nhome = "http://x.test"\ndomains = ["x.test"]\n'
        'sources = [{ kind = "atom", url = "/" }]\n')
    with pytest.raises(RegistryError, match="unknown source kind 'atom'"):
        load_registry(tmp_path)


def test_robots_names_sitemaps_as_fresh_sources():
    reading = Robots().read(b"User-agent: *\nSitemap: http://t.test/a.xml\nsitemap: http://t.test/b.xml\n",
                            "http://t.test/robots.txt")
    assert reading.children == (Child(Source("sitemap", "http://t.test/a.xml")),
                                Child(Source("sitemap", "http://t.test/b.xml")))
    assert not reading.is_index and not reading.entries
    assert reading.summary == "2 Sitemap line(s)"


@pytest.mark.parametrize("kind", [Sitemap(), GoogleNewsSitemap()], ids=lambda k: k.name)
def test_sitemap_index_parts_keep_the_kind_and_their_dates(kind):
    reading = kind.read(INDEX, "http://t.test/sitemap_index.xml")
    assert reading.is_index and not reading.entries
    assert [(c.source.kind, c.source.url) for c in reading.children] == [
        (kind.name, "http://t.test/sitemap-2019.xml"), (kind.name, "http://t.test/sitemap-2024.xml")]
    assert reading.children[0].lastmod == datetime(2019, 5, 1, tzinfo=timezone.utc)
    assert reading.summary == "sitemap index of 2"


def test_sitemap_urlset_lists_entries():
    reading = Sitemap().read(URLSET, "http://t.test/sitemap.xml")
    assert [e.url for e in reading.entries] == ["http://t.test/news/1/a", "http://t.test/news/2/b"]
    assert reading.candidates and not reading.children and reading.next_page is None
    assert reading.summary == "2 URLs, 1 dated"


def test_rss_entries_are_absolute():
    reading = RSSFeed().read(RSS, "http://t.test/feed/")
    assert [e.url for e in reading.entries] == ["http://t.test/news/1/a"]
    assert reading.summary == "1 items"


def test_feed_autodiscovery_names_feeds():
    reading = FeedAutodiscovery().read(PAGE, "http://t.test/")
    assert reading.children == (Child(Source("rss", "http://t.test/feed/")),)
    assert reading.summary == "1 feed(s) announced"


def test_listing_gives_every_link_but_no_candidates_and_its_next_page():
    reading = Listing().read(PAGE, "http://t.test/latest")
    assert [e.url for e in reading.entries] == [
        "http://t.test/news/1/a", "http://t.test/about", "http://t.test/latest?page=2"]
    assert not reading.candidates
    assert reading.next_page == "http://t.test/latest?page=2"
    assert reading.summary == "3 links, has a next page"


def test_wp_json_asks_for_pages_since_a_date():
    kind = WordPressPosts()
    since = datetime(2024, 5, 1, 6, 30, tzinfo=timezone.utc)
    assert kind.crawl_url("http://t.test/wp-json/wp/v2/posts", since) == \
        "http://t.test/wp-json/wp/v2/posts?per_page=50&after=2024-05-01T06%3A30%3A00"
    assert kind.crawl_url("http://t.test/wp-json/wp/v2/posts", None) == "http://t.test/wp-json/wp/v2/posts?per_page=50"
    assert kind.check_url("http://t.test/wp-json/wp/v2/posts") == "http://t.test/wp-json/wp/v2/posts?per_page=100"
    assert kind.check_url("http://t.test/wp?per_page=5") == "http://t.test/wp?per_page=5"


def test_wp_json_next_page_follows_the_total_pages_header():
    kind, url = WordPressPosts(), "http://t.test/wp-json/wp/v2/posts?per_page=50"
    reading = kind.read(WP, url, page=1, headers={"X-WP-TotalPages": "3"})
    assert [e.url for e in reading.entries] == ["http://t.test/a/", "http://t.test/b/"]
    assert reading.next_page == "http://t.test/wp-json/wp/v2/posts?per_page=50&page=2"
    assert reading.summary == "2 posts on the first page"
    assert kind.read(WP, url, page=3, headers={"X-WP-TotalPages": "3"}).next_page is None
    # without the header, a short page is the last one
    assert kind.read(WP, url).next_page is None


@pytest.mark.parametrize("kind,body", [
    (Sitemap(), b"<html><body>not a sitemap</body></html>"),
    (RSSFeed(), URLSET),
    (WordPressPosts(), b'{"code": "rest_no_route"}'),
])
def test_unreadable_answers_raise_not_xml(kind, body):
    with pytest.raises(discovery.NotXml):
        kind.read(body, "http://t.test/x")


def test_default_urls_are_the_source_url():
    for kind in SOURCE_KINDS.values():
        if kind.name != "wp-json":
            assert kind.crawl_url("http://t.test/x", None) == kind.check_url("http://t.test/x") == "http://t.test/x"
