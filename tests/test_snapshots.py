"""The bundled snapshot sites: server, feeds, robots, gold data, registry rules."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

import pytest

from crawlers.registry import load_registry
from pipeline.snapshots import (
    SnapshotServer,
    all_sites,
    disallowed_paths,
    expected_articles,
    non_article_paths,
    render_article_page,
)
from pipeline.snapshots.base import PKT, ArticleRecord, split_sentences
from pipeline.snapshots.gold import article_records, render_path

SITES = sorted(all_sites())
GOLD = expected_articles()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(server: SnapshotServer, site: str, path: str, *, host: str | None = None):
    """GET via 127.0.0.1 with the site's Host header (like curl --resolve)."""
    hostname = host or all_sites()[site].hostname
    req = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}",
                                 headers={"Host": f"{hostname}:{server.port}"})
    try:
        with _OPENER.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _locs(server, site, path, seen=None) -> set[str]:
    """Every <loc>/<link> URL of a sitemap (following index children) or feed."""
    seen = seen if seen is not None else set()
    status, headers, body = fetch(server, site, path)
    assert status == 200, path
    assert "xml" in headers["Content-Type"]
    root = ET.fromstring(body)
    tag = root.tag.split("}")[-1]
    urls: set[str] = set()
    if tag == "sitemapindex":
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            child = urlsplit(loc.text)
            if child.path not in seen:
                seen.add(child.path)
                urls |= _locs(server, site, child.path, seen)
    elif tag == "urlset":
        urls = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    elif tag == "rss":
        urls = {link.text for link in root.iter("link") if link.text}
    else:
        raise AssertionError(f"unexpected XML root {root.tag}")
    return urls


def _registry_site(site: str):
    return load_registry()[f"snapshot-{site}"]


# ----------------------------------------------------------------- gold data

def test_gold_counts():
    for site in SITES:
        arts = [a for a in GOLD if a.site == site]
        assert len(arts) >= 11, site
        assert disallowed_paths(site), site
    assert len({(a.site, a.path) for a in GOLD}) == len(GOLD)


@pytest.mark.parametrize("art", GOLD, ids=lambda a: f"{a.site}{a.path}")
def test_gold_article_sane(art):
    assert art.title and art.authors and art.first_sentence and art.last_sentence
    assert date(2023, 1, 1) <= art.published <= date(2025, 9, 12)
    assert art.language in ("en", "ur")
    assert art.forbidden
    recs = {all_sites()[art.site].article_path(r): r for r in article_records(art.site)}
    r = recs[art.path]
    assert r.blocks[0].kind == "p" and r.blocks[-1].kind == "p"
    body = "\n".join(b.text for b in r.blocks) + "\n".join(i for b in r.blocks for i in b.items)
    for f in art.forbidden:
        assert f not in body, f"boilerplate string {f!r} occurs in the article body"
    words = r.word_count
    assert (200 <= words <= 650) or art.language == "ur", f"{art.path}: {words} words"


def test_sentence_splitter():
    assert split_sentences('He said "yes." Then D.I. Khan and Mr. Ali left. Done!') == [
        'He said "yes."', "Then D.I. Khan and Mr. Ali left.", "Done!"]


# ----------------------------------------------------------------- server

@pytest.mark.parametrize("art", GOLD, ids=lambda a: f"{a.site}{a.path}")
def test_article_pages_served(snapshot_server, art):
    status, headers, body = fetch(snapshot_server, art.site, art.path)
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    text = body.decode(art.encoding)
    assert art.title in text.replace("&#039;", "'").replace("&#x27;", "'") or _html_unescape(art.title) in text
    if art.encoding == "utf-8":
        assert "charset=utf-8" in headers["Content-Type"]
    else:
        assert "charset" not in headers["Content-Type"].lower()
        assert "charset" not in text.lower()[:2000]
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
    # absolute links follow the Host header
    assert f"{art.hostname}:{snapshot_server.port}{art.path}" in text


def _html_unescape(s: str) -> str:
    import html
    return html.escape(s, quote=True)


@pytest.mark.parametrize("site", SITES)
def test_robots(snapshot_server, site):
    status, headers, body = fetch(snapshot_server, site, "/robots.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert re.search(rf"^Sitemap: http://{site}\.snapshot\.test:{snapshot_server.port}/\S+$", text, re.M)
    assert re.search(r"^Disallow: /\S+", text, re.M)
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(text.splitlines())
    base = snapshot_server.base_url(site)
    for p in disallowed_paths(site):
        assert not rp.can_fetch("pknews", base + p), p
    for a in GOLD:
        if a.site == site:
            assert rp.can_fetch("pknews", a.url(base)), a.path
    # the sitemap named in robots.txt is served
    sm = re.search(r"^Sitemap: (\S+)$", text, re.M).group(1)
    assert _locs(snapshot_server, site, urlsplit(sm).path)


@pytest.mark.parametrize("site", SITES)
def test_feeds_and_sitemaps_list_every_article(snapshot_server, site):
    reg = _registry_site(site)
    gold_paths = {a.path for a in GOLD if a.site == site}
    base = snapshot_server.base_url(site)
    checked = 0
    for src in reg.sources:
        if src.kind in ("sitemap", "google-news-sitemap", "rss"):
            urls = _locs(snapshot_server, site, src.url)
            paths = {urlsplit(u).path + (("?" + urlsplit(u).query) if urlsplit(u).query else "") for u in urls}
            assert all(u.startswith(base) for u in urls), src.url
            missing = gold_paths - paths
            assert not missing, (src.url, missing)
            # the robots-disallowed article is linked too (a crawler ignoring robots would fetch it)
            assert set(disallowed_paths(site)) <= paths, src.url
            checked += 1
    assert checked >= 2


@pytest.mark.parametrize("site", SITES)
def test_non_article_pages_served(snapshot_server, site):
    for path in non_article_paths(site):
        status, headers, body = fetch(snapshot_server, site, path)
        assert status == 200, path
        assert headers["Content-Type"] == "text/html; charset=utf-8", path


@pytest.mark.parametrize("site", SITES)
def test_listing_pagination_reaches_everything(snapshot_server, site):
    """Following rel=next from the home listing reaches every gold article."""
    reg = _registry_site(site)
    listing = [s for s in reg.sources if s.kind == "listing"]
    assert listing
    gold_paths = {a.path for a in GOLD if a.site == site}
    found: set[str] = set()
    for path in ["/"]:
        seen = 0
        while path and seen < 20:
            status, _, body = fetch(snapshot_server, site, path)
            assert status == 200, path
            text = body.decode()
            found |= {urlsplit(h).path for h in re.findall(r'href="([^"]+)"', text)}
            nxt = re.search(r'<link rel="next" href="([^"]+)"', text)
            path = (urlsplit(nxt.group(1)).path + (("?" + urlsplit(nxt.group(1)).query) if urlsplit(nxt.group(1)).query else "")) if nxt else None
            seen += 1
    assert gold_paths <= found, gold_paths - found
    status, _, _ = fetch(snapshot_server, site, listing[0].url)
    assert status == 200


def test_unknown_host_and_path(snapshot_server):
    status, _, _ = fetch(snapshot_server, SITES[0], "/robots.txt", host="example.com")
    assert status == 404
    status, _, _ = fetch(snapshot_server, SITES[0], "/no-such-page-here/")
    assert status == 404


def test_requests_recorded(snapshot_server):
    snapshot_server.clear_requests()
    fetch(snapshot_server, SITES[0], "/robots.txt?x=1")
    fetch(snapshot_server, SITES[0], "/robots.txt", host="nowhere.test")
    reqs = snapshot_server.requests
    assert (all_sites()[SITES[0]].hostname, "/robots.txt?x=1") in reqs
    assert ("nowhere.test", "/robots.txt") in reqs
    snapshot_server.clear_requests()
    assert snapshot_server.requests == []


def test_server_hosts_and_base_url(snapshot_server):
    assert set(snapshot_server.hosts) == {f"{s}.snapshot.test" for s in SITES}
    assert set(snapshot_server.hosts.values()) == {"127.0.0.1"}
    for s in SITES:
        assert snapshot_server.base_url(s) == f"http://{s}.snapshot.test:{snapshot_server.port}"
        assert snapshot_server.base_url(f"snapshot-{s}") == snapshot_server.base_url(s)


def test_deterministic_rendering():
    for s in SITES:
        for a in [x for x in GOLD if x.site == s][:3]:
            assert render_path(s, a.path).body == render_path(s, a.path).body


def test_render_article_page_for_benchmarks():
    rec = ArticleRecord(slug="synthetic-benchmark-page", title="Synthetic Benchmark Page",
                        authors=("Web Desk",), published=__import__("datetime").datetime(2024, 5, 1, 10, 0, tzinfo=PKT),
                        body="First paragraph of the synthetic page.\n\nSecond paragraph ends here.")
    for s in SITES:
        page = render_article_page(s, rec)
        assert "Synthetic Benchmark Page" in page and "Second paragraph ends here." in page


# ----------------------------------------------------------------- registry

@pytest.mark.parametrize("site", SITES)
def test_registry_rules(snapshot_server, site):
    reg = _registry_site(site)
    assert reg.group == "snapshots"
    assert reg.home == f"http://{site}.snapshot.test"
    rebased = reg.rebased(snapshot_server.base_url(site))
    for a in GOLD:
        if a.site == site:
            assert reg.is_article_url(a.url()), a.path
            assert rebased.is_article_url(a.url(snapshot_server.base_url(site))), a.path
    non_articles = {all_sites()[site].article_path(r) for r in all_sites()[site].non_article_records()}
    for p in non_article_paths(site):
        if p in non_articles:
            continue  # video-only pages share the article URL shape; page signals catch them
        assert not reg.is_article_url(f"http://{site}.snapshot.test{p}"), p
    for p in ("/robots.txt", "/feed/"):
        assert not reg.is_article_url(f"http://{site}.snapshot.test{p}"), p


# ----------------------------------------------------------------- site specifics

def test_seed_layout_pages_carry_trap_dates():
    """The four seed-layout pages (two stories, with and without date metadata)
    show the header 'today' date and recent posts dated June 24 / September 11, 2025."""
    seeds = [a for a in GOLD if (a.site, a.published) in {("photonews", date(2024, 2, 21)), ("drm", date(2024, 1, 7))}]
    assert len(seeds) == 4
    assert sorted(a.has_date_metadata for a in seeds) == [False, False, True, True]
    for a in seeds:
        page = render_path(a.site, a.path).body.decode()
        for trap in ("Friday, September 12, 2025", "June 24, 2025", "September 11, 2025"):
            assert trap in page, (a.path, trap)
            assert trap in a.forbidden or trap != "Friday, September 12, 2025"
        if not a.has_date_metadata:
            assert "datePublished" not in page and "article:published_time" not in page
            assert f'datetime="{a.published.isoformat()}' not in page  # no machine-readable own date


def test_special_pages():
    ur = [a for a in GOLD if a.language == "ur"]
    assert len(ur) == 1 and ur[0].site == "dawn"
    page = render_path("dawn", ur[0].path).body.decode()
    assert 'lang="ur"' in page and ur[0].first_sentence in page
    cp = [a for a in GOLD if a.encoding == "cp1252"]
    assert len(cp) == 1
    body = render_path(cp[0].site, cp[0].path).body
    text = body.decode("cp1252")
    assert "é" in text and "“" in text and cp[0].first_sentence in text
    # the video-only page: article URL shape, not an article
    video = [r for s in SITES for r in article_records(s) if r.kind == "video"]
    assert video and all(r.word_count < 20 for r in video)


def test_dawn_has_no_sitemap_xml(snapshot_server):
    assert fetch(snapshot_server, "dawn", "/sitemap.xml")[0] == 404
    status, headers, body = fetch(snapshot_server, "dawn", "/feeds/sitemap")
    root = ET.fromstring(body)
    ns = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    dates = [e.text for e in root.iterfind(".//n:news/n:publication_date", ns)]
    assert len(dates) == len(article_records("dawn"))
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00", d) for d in dates)
    # a story id without the slug redirects to the canonical URL
    a = next(x for x in GOLD if x.site == "dawn")
    status, headers, _ = fetch(snapshot_server, "dawn", a.path.rsplit("/", 1)[0])
    assert status == 301 and headers["Location"].endswith(a.path)


def test_wp_json_posts(snapshot_server):
    base = snapshot_server.base_url("drm")
    status, headers, body = fetch(snapshot_server, "drm", "/wp-json/wp/v2/posts?per_page=100")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    posts = json.loads(body)
    links = {p["link"] for p in posts}
    assert {a.url(base) for a in GOLD if a.site == "drm"} <= links
    assert int(headers["X-WP-Total"]) == len(posts)
    for p in posts:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", p["date_gmt"])
        assert p["modified_gmt"] >= p["date_gmt"]
    # after= filters on publication date; pages of per_page
    status, headers, body = fetch(snapshot_server, "drm", "/wp-json/wp/v2/posts?after=2024-11-01T00:00:00&per_page=2&page=1")
    first = json.loads(body)
    assert status == 200 and len(first) == 2
    total = int(headers["X-WP-Total"])
    assert total == sum(1 for p in posts if p["date"] > "2024-11-01T00:00:00")
    assert int(headers["X-WP-TotalPages"]) == (total + 1) // 2
    status, _, body = fetch(snapshot_server, "drm", f"/wp-json/wp/v2/posts?after=2024-11-01T00:00:00&per_page=2&page={int(headers['X-WP-TotalPages']) + 1}")
    assert status == 400 and json.loads(body)["code"] == "rest_post_invalid_page_number"


def test_drm_paged_listing(snapshot_server):
    a = fetch(snapshot_server, "drm", "/category/news/?paged=2")
    b = fetch(snapshot_server, "drm", "/category/news/page/2/")
    assert a[0] == b[0] == 200
    assert fetch(snapshot_server, "drm", "/category/news/?paged=99")[0] == 404


def test_head_request(snapshot_server):
    req = urllib.request.Request(f"http://127.0.0.1:{snapshot_server.port}/robots.txt", method="HEAD",
                                 headers={"Host": f"photonews.snapshot.test:{snapshot_server.port}"})
    with _OPENER.open(req, timeout=10) as resp:
        assert resp.status == 200 and resp.read() == b""


def test_synthetic_pages_deterministic():
    from pipeline.snapshots.synthetic import synthetic_pages
    a = list(synthetic_pages(30, seed=3))
    b = list(synthetic_pages(30, seed=3))
    assert [x[2] for x in a] == [x[2] for x in b]
    assert {t for t, _, _ in a} == set(SITES)
    for t, rec, page in a:
        assert rec.blocks[0].kind == "p" and rec.blocks[-1].kind == "p"
        assert html.escape(rec.paragraphs[-1]) in page
        assert html.escape(rec.title) in page
