"""The whole pipeline for real: a snapshot server on a free loopback port, the
`pknews` command in a subprocess (a real Scrapy crawl), real WARC files, real
Parquet, then a re-extraction of the saved WARC files."""

from __future__ import annotations

import re

import duckdb
import pandas as pd
import pytest

from crawlers.registry import select_sites
from pipeline.snapshots.gold import disallowed_paths, expected_articles, non_article_paths, site_names
from pipeline.snapshots.server import SnapshotServer
from tests.conftest import FAST, pknews, snapshot_args

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # every test needs at least one full crawl


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    with SnapshotServer() as server:
        result = pknews("nightly", "--data", str(data), *snapshot_args(server), *FAST, check=True)
        requests = list(server.requests)
        second = pknews("nightly", "--data", str(data), *snapshot_args(server), *FAST, check=True)
    return data, result, requests, second


@pytest.fixture(scope="module")
def articles(crawled):
    data = crawled[0]
    return pd.read_parquet(data / "parquet" / "articles")


def by_url_path(articles: pd.DataFrame) -> dict[tuple[str, str], pd.Series]:
    return {(row.site, re.sub(r"^https?://[^/]+", "", row.url)): row for row in articles.itertuples()}


def test_summary_is_printed(crawled):
    data, result, _, _ = crawled
    for site in select_sites(None, group="snapshots"):
        assert site.name in result.stdout
    assert str(data / "parquet") in result.stdout
    assert list((data / "runs").glob("*.json")) and list((data / "runs").glob("*.log"))


def test_every_snapshot_article_exactly_once(articles):
    expected = {(g.registry_name, g.path) for g in expected_articles()}
    got = by_url_path(articles)
    assert len(articles) == len(got), "no article twice"
    assert articles.article_id.is_unique
    assert set(got) == expected


def test_no_non_article_page(articles):
    got = set(by_url_path(articles))
    for name in site_names():
        for path in non_article_paths(name):
            assert (f"snapshot-{name}", path) not in got, path


def test_robots_disallowed_article_never_requested(crawled, articles):
    _, _, requests, _ = crawled
    requested = {(host, path) for host, path in requests}
    for name in site_names():
        host = f"{name}.snapshot.test"
        assert (host, "/robots.txt") in requested
        for path in disallowed_paths(name):
            assert path, name
            assert (host, path) not in requested, path


@pytest.mark.parametrize("gold", expected_articles(), ids=lambda g: f"{g.site}{g.path}")
def test_article_fields(articles, gold):
    row = by_url_path(articles)[(gold.registry_name, gold.path)]
    assert row.title == gold.title
    assert list(row.authors) == gold.authors
    assert row.published == gold.published
    assert row.language == gold.language
    text = row.text
    assert text.startswith(gold.first_sentence), text[:200]
    assert text.rstrip().endswith(gold.last_sentence), text[-200:]
    for boiler in gold.forbidden:
        assert boiler not in text, boiler


def test_second_night_adds_nothing(crawled, articles):
    data, _, _, second = crawled
    again = pd.read_parquet(data / "parquet" / "articles")
    assert len(again) == len(articles)
    assert "0 new articles" in second.stdout


def test_mentions_link_to_articles(crawled, articles):
    data = crawled[0]
    mentions = pd.read_parquet(data / "parquet" / "mentions")
    assert len(mentions)
    assert set(mentions.article_id) <= set(articles.article_id)
    for m in mentions.sample(min(50, len(mentions)), random_state=1).itertuples():
        text = articles.set_index("article_id").loc[m.article_id, "text"]
        assert text[m.start_char:m.end_char] == m.text


def test_duckdb_reads_the_datasets(crawled, articles):
    data = crawled[0]
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{data}/parquet/articles/**/*.parquet')").fetchall()[0][0]
    assert n == len(articles)


def test_reextraction_reproduces_articles(crawled, articles, tmp_path):
    data = crawled[0]
    pknews("extract", str(data / "warc"), "--output", str(tmp_path / "again"), check=True)
    again = pd.read_parquet(tmp_path / "again" / "articles")
    cols = ["article_id", "title", "text", "published"]
    left = articles[cols].sort_values("article_id").reset_index(drop=True)
    right = again[cols].sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)
