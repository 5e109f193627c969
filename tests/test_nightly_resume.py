"""Kill and rerun: a real `pknews nightly` subprocess over the snapshot sites is
SIGKILLed at several points, then run again; every article must end up
exactly once, readers must never see a truncated WARC or Parquet file, and
the catalog must agree with the files on disk.

Kill points: after N requests seen by the server (a real crawl in flight, no
hook), and at named points (crawlers.killpoints) that a timed kill would hit
only by luck: a page written but not yet cataloged, a page cut after its
request record, a WARC file renamed but not marked closed, Parquet fragments
written but the WARC file not marked extracted.
"""

from __future__ import annotations

import pytest

from tests.conftest import FAST, pknews
from tests.conftest import snapshot_args as _all_sites
from tests.nightly_helpers import (
    articles,
    assert_consistent,
    assert_readers_see_only_complete_files,
    sigkill,
    start,
    table_rows,
    wait_for,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # every test needs at least one full crawl


def snapshot_args(server):
    # one snapshot site keeps each run short; the kill points do not depend on the site count
    return _all_sites(server, ["snapshot-photonews"])


@pytest.fixture(scope="module")
def reference(snapshot_server, tmp_path_factory):
    """One uninterrupted night: what every killed-and-rerun folder must hold."""
    data = tmp_path_factory.mktemp("reference")
    result = pknews("nightly", "--data", str(data), *snapshot_args(snapshot_server), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    arts = articles(data)
    assert len(arts) >= 10 and arts.article_id.is_unique
    return {"ids": set(arts.article_id), "mentions": table_rows(data, "mentions"), "quotes": table_rows(data, "quotes")}


def rerun_and_check(server, data, reference, third_night: bool = False):
    assert_readers_see_only_complete_files(data)  # before any recovery
    result = pknews("nightly", "--data", str(data), *snapshot_args(server), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    arts = articles(data)
    assert arts.article_id.is_unique, arts.article_id[arts.article_id.duplicated()].tolist()
    assert set(arts.article_id) == reference["ids"]
    assert arts.is_latest.all() and (arts.version == 1).all()
    assert table_rows(data, "mentions") == reference["mentions"]
    assert table_rows(data, "quotes") == reference["quotes"]
    assert_consistent(data)
    if not third_night:
        return result
    # and a third night adds nothing
    again = pknews("nightly", "--data", str(data), *snapshot_args(server), *FAST)
    assert again.returncode == 0 and "0 new articles" in again.stdout
    assert len(articles(data)) == len(reference["ids"])
    return result


@pytest.mark.parametrize("requests_before_kill", [8])
def test_sigkill_mid_crawl_after_n_requests(snapshot_server, reference, tmp_path, requests_before_kill):
    snapshot_server.clear_requests()
    proc = start("nightly", "--data", str(tmp_path), *snapshot_args(snapshot_server), *FAST)
    wait_for(lambda: len(snapshot_server.requests) >= requests_before_kill, proc)
    sigkill(proc)
    rerun_and_check(snapshot_server, tmp_path, reference, third_night=requests_before_kill == 8)


@pytest.mark.parametrize("point", [
    "page-archived:6",  # a page written and fsynced, the catalog not yet told
    "warc-mid-page:10",  # a page cut after its request record
    "warc-renamed",  # the WARC file closed and renamed, the catalog not yet told
    "parquet-fragment:2",  # mid-extraction: one fragment renamed, the next one still a dot-name temporary
    "fragments-written",  # Parquet fragments in place, the WARC file not marked extracted
])
def test_sigkill_at_named_point(snapshot_server, reference, tmp_path, point):
    marker = tmp_path / "paused"
    data = tmp_path / "data"
    proc = start("nightly", "--data", str(data), *snapshot_args(snapshot_server), *FAST, pause_at=point, marker=marker)
    wait_for(marker.exists, proc)
    sigkill(proc)
    if point.startswith(("page-archived", "warc-mid-page")):
        assert list((data / "warc").glob("*.open")), "killed with a WARC file open"
    if point.startswith("parquet-fragment"):
        assert list((data / "parquet").glob("*/.*.tmp")), "killed with a fragment half-way"
    result = rerun_and_check(snapshot_server, data, reference)
    if point.startswith(("page-archived", "warc-mid-page")):
        assert "recovered" in result.stdout
    if point == "warc-renamed":
        assert "marked" in result.stdout and "closed" in result.stdout
