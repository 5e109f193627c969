"""extract_article on the snapshot gold set, determinism, and the contract."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from extract.article import EXTRACTOR_VERSION, Article, extract_article
from extract.page import Page

gold = pytest.importorskip("pipeline.snapshots.gold")
FETCHED = datetime(2025, 9, 12, 9, 0, tzinfo=timezone.utc)


def _page(site, path):
    resp = gold.render_path(site, path)
    return Page(url=f"http://{site}.snapshot.test{path}", body=resp.body, fetched_at=FETCHED,
                site=f"snapshot-{site}", content_type=resp.content_type, headers=dict(resp.headers))


EXPECTED = gold.expected_articles()


@pytest.mark.parametrize("e", EXPECTED, ids=[f"{e.site}{e.path}" for e in EXPECTED])
def test_gold_article(e):
    a = extract_article(_page(e.site, e.path), site_label=e.registry_name)
    assert a.skip_reason is None
    assert a.title == e.title
    assert a.authors == list(e.authors)
    assert a.published == e.published, a.date_source
    assert a.language == e.language
    assert e.first_sentence in a.text
    assert e.last_sentence in a.text
    for bad in e.forbidden:
        assert bad not in a.text


@pytest.mark.parametrize("site", gold.site_names())
def test_gold_non_articles_skipped(site):
    for path in gold.non_article_paths(site):
        resp = gold.render_path(site, path)
        if resp.status != 200:
            continue
        a = extract_article(_page(site, path))
        assert a.skip_reason, path
        assert a.text == ""


def test_deterministic():
    e = EXPECTED[0]
    page = _page(e.site, e.path)
    rows = [extract_article(page, site_label="x") for _ in range(3)]
    assert rows[0] == rows[1] == rows[2]


def test_version_and_fields():
    assert EXTRACTOR_VERSION
    a = Article(url="u", canonical_url="u", site="s", text="a b c")
    assert a.word_count == 3 and a.authors == [] and a.captions == [] and a.skip_reason is None
