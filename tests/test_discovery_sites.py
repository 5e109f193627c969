"""Each discovery kind and each fallback, proven by crawling a snapshot site
completely: sitemap index, Google News sitemap, RSS only, WordPress REST only,
listing pages only, and article detection by page signals."""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import pandas as pd
import pytest

from crawlers.registry import load_registry
from pipeline.snapshots.server import SnapshotServer
from pipeline.snapshots.sites import site_for_host
from tests.conftest import FAST, host_of, last_report, pknews, site_args

pytestmark = pytest.mark.e2e  # the tests that crawl are marked slow as well

DISCOVERY_SITES = [s for s in load_registry().values() if s.group == "discovery"]
FALLBACKS = {"disc-newsmap": "rss", "disc-rssonly": "robots", "disc-wponly": "rss", "disc-listingonly": "sitemap"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("discovery")
    with SnapshotServer() as server:
        pknews("nightly", "--data", str(data), *FAST, *site_args(server, DISCOVERY_SITES), check=True)
    return data, last_report(data), pd.read_parquet(data / "parquet" / "articles")


def expected_paths(site) -> set[str]:
    template = site_for_host(host_of(site))
    return {template.article_path(r) for r in template.articles()}


@pytest.mark.slow
@pytest.mark.parametrize("site", DISCOVERY_SITES, ids=lambda s: s.name)
def test_site_is_crawled_completely(crawled, site):
    _, _, articles = crawled
    got = {re.sub(r"^https?://[^/]+", "", u) for u in articles[articles.site == site.name].url}
    assert got == expected_paths(site)


@pytest.mark.slow
@pytest.mark.parametrize("name,failed_kind", sorted(FALLBACKS.items()))
def test_failed_source_falls_back_and_report_says_so(crawled, name, failed_kind):
    _, report, _ = crawled
    outcomes = report["sites"][name]["sources"]
    fell_back = [o for o in outcomes if o["outcome"].startswith("fell back")]
    assert fell_back and fell_back[0]["kind"] == failed_kind, outcomes
    assert report["sites"][name]["failed"] is False


@pytest.mark.slow
def test_page_signals_decide_for_unconfigured_url_shapes(crawled):
    data, report, articles = crawled
    db = sqlite3.connect(data / "catalog.sqlite")
    roles = dict(db.execute(
        "SELECT url, role FROM fetches WHERE site = 'disc-signals' AND role != 'source'").fetchall())
    by_path = {re.sub(r"^https?://[^/]+", "", u): r for u, r in roles.items()}
    assert by_path["/about/"] == "page", "a page without article signals is not taken for an article"
    got = {re.sub(r"^https?://[^/]+", "", u) for u in articles[articles.site == "disc-signals"].url}
    assert got == expected_paths(next(s for s in DISCOVERY_SITES if s.name == "disc-signals"))


@pytest.mark.slow
def test_since_bounds_a_backfill(tmp_path):
    drm = load_registry()["snapshot-drm"]
    with SnapshotServer() as server:
        pknews("crawl", "--data", str(tmp_path), *FAST, "--since", "2024-06-01", *site_args(server, [drm]),
               check=True)
    db = sqlite3.connect(tmp_path / "catalog.sqlite")
    fetched = {u for (u,) in db.execute("SELECT url FROM fetches WHERE role = 'article'")}
    template = site_for_host(host_of(drm))
    newer = {template.article_path(r) for r in template.articles() if r.local_date >= date(2024, 6, 1)}
    assert newer and {re.sub(r"^https?://[^/]+", "", u) for u in fetched} == newer


def test_sites_check_reports_each_source(tmp_path):
    site = next(s for s in DISCOVERY_SITES if s.name == "disc-wponly")
    with SnapshotServer() as server:
        result = pknews("sites", "check", site.name, "--base-url", f"http://{host_of(site)}:{server.port}",
                        "--resolve", f"{host_of(site)}=127.0.0.1", timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("rss" in line and " 404 " in line for line in lines)
    assert any("wp-json" in line and "-> 19 article URLs" in line for line in lines), result.stdout
    assert "1 of 2 configured sources yield article URLs" in result.stdout
