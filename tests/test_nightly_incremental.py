"""Incremental and idempotent nights: a second night with nothing new fetches no
article page again (seen by the server) and adds no row; a changed page is
stored as a new version and the articles table marks the latest; a lastmod
bump with the same bytes is not a version; `pknews demo` twice (what `make
demo` runs) keeps the count. tests/test_end_to_end.py checks the same second
night over all snapshot sites from the server's side."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from tests.conftest import FAST, last_report, pknews
from tests.faultserver import GOOD, FaultServer
from tests.nightly_helpers import articles, assert_consistent, table_rows

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # every test needs at least one full crawl


def test_demo_twice_keeps_the_article_count(tmp_path):
    first = pknews("demo", "--data", str(tmp_path))
    assert first.returncode == 0, first.stdout + first.stderr
    n = len(articles(tmp_path))
    assert n > 20
    rows = {t: table_rows(tmp_path, t) for t in ("articles", "mentions", "quotes", "skipped")}
    second = pknews("demo", "--data", str(tmp_path))
    assert second.returncode == 0, second.stdout + second.stderr
    assert "0 new articles" in second.stdout
    assert {t: table_rows(tmp_path, t) for t in rows} == rows, "the second night adds no row to any table"
    report = last_report(tmp_path)
    assert sum(s["already_held"] for s in report["sites"].values()) >= n
    assert all(s["new_articles"] == 0 for s in report["sites"].values())
    assert_consistent(tmp_path)


@pytest.fixture()
def good_server():
    with FaultServer() as srv:
        yield srv


def good_night(srv, data):
    result = pknews("nightly", "--data", str(data), *srv.site_args("good"), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def article_requests(srv, path):
    return [p for h, p, _ in srv.requests if h == GOOD and p == path]


def test_changed_page_is_a_new_version(good_server, tmp_path):
    srv = good_server
    good_night(srv, tmp_path)
    first = articles(tmp_path)
    assert len(first) == 3 and first.is_latest.all() and (first.version == 1).all()
    time.sleep(1.1)  # sitemap lastmod has one-second resolution
    srv.revise("/a/good-1")  # new text, new lastmod
    srv.revise("/a/good-2", change=False)  # new lastmod, the same bytes
    srv.clear()
    second = good_night(srv, tmp_path)
    assert "1 new articles" in second.stdout
    assert article_requests(srv, "/a/good-1") and article_requests(srv, "/a/good-2")
    assert not article_requests(srv, "/a/good-3")
    arts = articles(tmp_path)
    assert len(arts) == 4
    one = arts[arts.url.str.endswith("/a/good-1")].sort_values("version")
    assert list(one.version) == [1, 2] and list(one.is_latest) == [False, True]
    assert one.article_id.nunique() == 1
    assert "Update 2" in one.iloc[1].text and "Update 2" not in one.iloc[0].text
    latest = arts[arts.is_latest]
    assert latest.article_id.is_unique and len(latest) == 3
    report = last_report(tmp_path)["sites"]["faults-good"]
    assert report["new_versions"] == 1  # good-2's bytes were unchanged: held, not stored again
    assert report["already_held"] == 2 and report["skipped"] == {}  # good-3, and good-2 unchanged
    # the next night, nothing changed: no article page is fetched, no row added
    srv.clear()
    third = good_night(srv, tmp_path)
    assert "0 new articles" in third.stdout
    assert srv.requests and not [p for _, p, _ in srv.requests if p.startswith("/a/")]
    assert len(articles(tmp_path)) == 4
    assert_consistent_versions(tmp_path)
    # re-extraction after an upgrade, into the live tables: same rows, versions kept, and
    # the next night does not add the WARC files a second time
    again = pknews("extract", str(tmp_path / "warc"), "--data", str(tmp_path))
    assert again.returncode == 0, again.stdout + again.stderr
    assert len(articles(tmp_path)) == 4
    assert_consistent_versions(tmp_path)
    good_night(srv, tmp_path)
    assert len(articles(tmp_path)) == 4
    assert_consistent(tmp_path)


def assert_consistent_versions(data):
    arts = articles(data)
    for _, group in arts.groupby("article_id"):
        group = group.sort_values("fetched_at")
        assert list(group.version) == list(range(1, len(group) + 1))
        assert list(group.is_latest) == [False] * (len(group) - 1) + [True]
    versioned = set(arts[arts.version > 1].article_id)
    for table in ("mentions", "quotes"):
        rows = pd.read_parquet(data / "parquet" / table)
        assert rows[~rows.article_id.isin(versioned)].is_latest.all()
        old = rows[rows.article_id.isin(versioned) & ~rows.is_latest]
        if table == "mentions":
            assert len(old), "the replaced version's mentions are kept, marked not latest"
        latest = rows[rows.article_id.isin(versioned) & rows.is_latest]
        # the latest version's mentions alone: as many as the latest text gives
        if table == "mentions":
            text = arts[arts.is_latest & arts.article_id.isin(versioned)].set_index("article_id").text
            for m in latest.itertuples():
                assert text[m.article_id][m.start_char:m.end_char] == m.text


def test_sigkill_while_marking_versions_is_finished_by_the_next_run(good_server, tmp_path):
    from tests.nightly_helpers import sigkill, start, wait_for

    srv = good_server
    data = tmp_path / "data"
    good_night(srv, data)
    time.sleep(1.1)
    srv.revise("/a/good-3")
    marker = tmp_path / "paused"
    proc = start("nightly", "--data", str(data), *srv.site_args("good"), *FAST, pause_at="versions-rewrite",
                 marker=marker)
    wait_for(marker.exists, proc)
    sigkill(proc)
    good_night(srv, data)
    arts = articles(data)
    assert len(arts) == 4
    assert_consistent_versions(data)
    assert_consistent(data)
