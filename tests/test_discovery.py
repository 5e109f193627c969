from datetime import datetime, timezone

import pytest

from crawlers import discovery

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://example.pk/news/1234567/pta-restores-x</loc>
    <news:news><news:publication>
      <news:name>Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-02-21T14:05:00+05:00</news:publication_date>
      <news:title>PTA restores X</news:title></news:news></url>
  <url><loc>https://example.pk/news/1234568/no-date</loc></url>
</urlset>"""


def test_google_news_sitemap_reads_publication_date():
    sitemap = discovery.parse_sitemap(NEWS_SITEMAP)
    assert sitemap.kind == "urlset"
    assert [e.url for e in sitemap.entries] == [
        "https://example.pk/news/1234567/pta-restores-x", "https://example.pk/news/1234568/no-date"]
    assert sitemap.entries[0].published == datetime(2024, 2, 21, 9, 5, tzinfo=timezone.utc)
    assert sitemap.entries[1].published is None and sitemap.entries[1].lastmod is None


def test_sitemap_index_with_lastmod():
    body = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://e.pk/post-sitemap1.xml</loc><lastmod>2023-01-01</lastmod></sitemap>
    <sitemap><loc>https://e.pk/post-sitemap2.xml</loc></sitemap></sitemapindex>"""
    sitemap = discovery.parse_sitemap(body)
    assert sitemap.kind == "index"
    assert sitemap.entries[0].lastmod == datetime(2023, 1, 1, tzinfo=timezone.utc)


def test_entity_expansion_is_not_performed():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.pk/&lol3;</loc></url></urlset>"""
    sitemap = discovery.parse_sitemap(bomb)
    assert all("lollollol" not in e.url for e in sitemap.entries)


def test_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    body = f"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.pk/&xxe;</loc></url></urlset>""".encode()
    sitemap = discovery.parse_sitemap(body)
    assert all("TOPSECRET" not in e.url for e in sitemap.entries)


def test_not_xml_is_reported():
    with pytest.raises(discovery.NotXml):
        discovery.parse_sitemap(b"<html><body>Not found</body></html>")
    with pytest.raises(discovery.NotXml):
        discovery.parse_feed(b"")


def test_rss_and_atom_feeds():
    rss = b"""<rss version="2.0"><channel><item><title>a</title><link>https://e.pk/a/</link>
    <pubDate>Wed, 21 Feb 2024 10:00:00 +0500</pubDate></item></channel></rss>"""
    entries = discovery.parse_feed(rss)
    assert entries[0].url == "https://e.pk/a/"
    assert entries[0].published == datetime(2024, 2, 21, 5, tzinfo=timezone.utc)
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/b/"/>
    <published>2024-01-07T19:00:00Z</published><updated>2024-01-08T01:00:00Z</updated></entry></feed>"""
    entries = discovery.parse_feed(atom, "https://e.pk/feed/")
    assert entries[0].url == "https://e.pk/b/"
    assert entries[0].lastmod == datetime(2024, 1, 8, 1, tzinfo=timezone.utc)


def test_robots_sitemap_lines():
    text = "User-agent: *\nDisallow: /wp-admin/\nSitemap: https://e.pk/sitemap_index.xml\nsitemap: https://e.pk/news.xml\n"
    assert discovery.robots_sitemaps(text) == ["https://e.pk/sitemap_index.xml", "https://e.pk/news.xml"]


def test_listing_links_and_next_page():
    page = b"""<html><head><link rel="next" href="/category/pakistan/page/2/"></head><body>
    <a href="/story-one/">one</a><a href="/story-one/#comments">again</a><a href="mailto:x@e.pk">m</a>
    <link rel="alternate" type="application/rss+xml" href="/feed/"></body></html>"""
    assert discovery.page_links(page, "https://e.pk/category/pakistan/") == ["https://e.pk/story-one/"]
    assert discovery.next_page_link(page, "https://e.pk/category/pakistan/") == "https://e.pk/category/pakistan/page/2/"
    assert discovery.feed_links(page, "https://e.pk/") == ["https://e.pk/feed/"]


def test_wordpress_posts_json():
    body = b'[{"link": "https://e.pk/a/", "date_gmt": "2024-02-21T09:00:00", "modified_gmt": "2024-02-22T09:00:00"}]'
    entry = discovery.parse_wp_posts(body)[0]
    assert entry.published == datetime(2024, 2, 21, 9, tzinfo=timezone.utc)
    with pytest.raises(discovery.NotXml):
        discovery.parse_wp_posts(b"<html>")
