"""Faults and hostile input, against the fault-injecting server (tests/faultserver.py).

One real `pknews nightly` in a subprocess crawls three fault sites on a free
loopback port: a well-behaved one, a hostile one (one article URL per fault,
hostile sitemaps and feeds) and one that is down. Every fault must be retried
or skipped as fits and recorded with its cause in the run report, and the
other articles must come through intact.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import crawl_args, last_report, pknews
from tests.faultserver import DOWN, EVIL, FAULTS, GOOD, HOSTILE, FaultServer

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # every test needs at least one full crawl

# The shared fast-crawl settings, three of them set for the fault sites: a 3 s timeout
# (under the /a/timeout fault's TIMEOUT_SLEEP, over /a/slow's SLOW_SLEEP; each of the
# timed-out attempts costs 3 s, not 5), concurrency so the slow faults do not queue
# behind each other, and a Retry-After cap between /a/retry-after (1 s, waited for)
# and /a/retry-after-long (3600 s, not retried).
FAST = crawl_args(DOWNLOAD_TIMEOUT="3", CONCURRENT_REQUESTS_PER_DOMAIN="8", PKNEWS_RETRY_AFTER_MAX="5")


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    data = base / "data"
    before = set(Path("/tmp").iterdir())
    with FaultServer() as srv:
        result = pknews("nightly", "--data", str(data), *srv.site_args("good", "hostile", "down"), *FAST,
                        env={"PKNEWS_PROGRESS": "1"})
        requests = srv.requests
    return {"base": base, "data": data, "result": result, "requests": requests, "report": last_report(data),
            "tmp_before": before}


def hostile_events(night) -> dict[str, list[dict]]:
    """URL path -> the events the run report recorded for it."""
    out: dict[str, list[dict]] = {}
    for e in night["report"]["sites"]["faults-hostile"]["events"]:
        path = e["url"].split(":", 2)[-1].split("/", 1)[-1]
        out.setdefault("/" + path, []).append(e)
    return out


def requested(night, host: str, path: str | None = None) -> list[float]:
    return [t for h, p, t in night["requests"] if h == host and (path is None or p == path)]


@pytest.fixture(scope="module")
def articles(night):
    return pd.read_parquet(night["data"] / "parquet" / "articles")


def test_partial_failure_exit_code_and_summary(night):
    result = night["result"]
    assert result.returncode == 3, result.stdout + result.stderr
    assert "FAILED faults-down" in result.stdout
    assert "errors faults-hostile" in result.stdout
    assert night["report"]["exit_code"] == 3
    assert night["report"]["sites"]["faults-down"]["failed"]
    assert not night["report"]["sites"]["faults-good"]["failed"]


def test_progress_is_shown(night):
    stderr = night["result"].stderr  # text mode turns the progress line's \r into \n
    assert "crawl 00:0" in stderr and "requests" in stderr and "articles" in stderr


def test_good_site_articles_intact(articles):
    good = articles[articles.site == "faults-good"]
    assert sorted(good.title) == ["Good article 1", "Good article 2", "Good article 3"]
    assert good.text.str.contains("Connectivity was restored by midnight").all()


@pytest.mark.parametrize("path", [p for p, (_, want) in FAULTS.items() if want == "article"])
def test_fault_that_recovers_gives_the_article(articles, path):
    got = articles[articles.url.str.endswith(path)]
    assert len(got) == 1, path
    assert "Internet services were disrupted" in got.iloc[0].text


@pytest.mark.parametrize("path", [p for p, (_, want) in FAULTS.items() if want != "article"])
def test_fault_is_recorded_with_its_cause(night, articles, path):
    want = FAULTS[path][1]
    site = night["report"]["sites"]["faults-hostile"]
    kind = want.split("/", 1)[1]
    if want.startswith("errors/"):
        assert site["errors"].get(kind, 0) >= 1, (path, site["errors"])
    else:
        assert site["skipped"].get(want, 0) >= 1, (path, site["skipped"])
    if path != "/private/secret":  # robots-disallowed is counted, no per-URL event
        outcomes = {e["outcome"] for e in hostile_events(night).get(path, [])}
        assert want in outcomes, (path, hostile_events(night).get(path))
    assert not articles.url.str.contains(path, regex=False).any(), path


def test_retry_after_is_waited_for(night):
    times = requested(night, HOSTILE, "/a/retry-after")
    assert len(times) == 2
    assert times[1] - times[0] >= 0.95


def test_retry_after_past_the_cap_is_not_retried(night):
    assert len(requested(night, HOSTILE, "/a/retry-after-long")) == 1
    details = [e["detail"] for e in hostile_events(night)["/a/retry-after-long"]]
    assert any("exceeds" in d for d in details)


def test_server_errors_and_resets_are_retried(night):
    for path in ("/a/http-500", "/a/http-503", "/a/reset", "/a/truncated", "/a/timeout"):
        assert len(requested(night, HOSTILE, path)) == 2, path  # RETRY_TIMES=1
    assert len(requested(night, HOSTILE, "/a/flaky-503")) == 2


def test_never_leaves_the_registered_domains(night):
    assert not requested(night, EVIL)
    hosts = {h for h, _, _ in night["requests"]}
    assert hosts <= {GOOD, HOSTILE, DOWN}


def test_robots_txt_is_obeyed(night):
    assert requested(night, HOSTILE, "/robots.txt")
    assert not [p for h, p, _ in night["requests"] if h == HOSTILE and p.startswith("/private/")]


def test_hostile_sitemaps(night):
    sources = {s["url"].rsplit("/", 1)[-1]: s["outcome"] for s in night["report"]["sites"]["faults-hostile"]["sources"]}
    # entities are never expanded: the billion-laughs loc comes out without its entity
    assert sources["sitemap-laughs.xml"].startswith("ok: 1 article")
    assert requested(night, HOSTILE, "/a/laughs-")
    assert not [p for h, p, _ in night["requests"] if "lol" in p]
    # external entities are never resolved: no local file content, no fetch of the probe URL
    assert not requested(night, HOSTILE, "/xxe-probe")
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\0"
    assert requested(night, HOSTILE, "/a/xxe-") and not [p for _, p, _ in night["requests"] if hostname in p]
    assert sources["sitemap-huge.xml"] == "failed: too-large"
    assert sources["sitemap-many.xml"].startswith("ok: 0 article URLs")
    assert sources["sitemap-html.xml"].startswith("unreadable")
    assert sources["feed-binary"].startswith("unreadable")
    assert sources["sitemap-malformed.xml"].startswith(("ok", "unreadable"))


def test_down_site_is_recorded(night):
    down = night["report"]["sites"]["faults-down"]
    assert down["errors"] and all(k.startswith("source-") for k in down["errors"])
    assert {e["outcome"] for e in down["events"]} <= {"errors/source-http-503", "errors/source-timeout"}


def test_nothing_written_outside_the_data_folder(night):
    base, data = night["base"], night["data"]
    assert [p.name for p in base.iterdir()] == ["data"]
    new_in_tmp = set(Path("/tmp").iterdir()) - night["tmp_before"]
    assert not [p for p in new_in_tmp if "pknews-escape" in p.name]
    for path in data.rglob("*"):
        assert path.resolve().is_relative_to(data.resolve())
        assert "escape" not in path.name
    # the escape URLs were fetched as ordinary pages and stored under run-named files
    assert any("escape" in p for _, p, _ in night["requests"])
    assert {p.suffix for p in (data / "warc").iterdir()} == {".gz"}


def test_report_has_the_summary_columns(night):
    for name, site in night["report"]["sites"].items():
        for key in ("discovered", "fetched", "new_articles", "already_held", "skipped", "errors", "bytes", "seconds"):
            assert key in site, (name, key)
    hostile = night["report"]["sites"]["faults-hostile"]
    assert hostile["bytes"] > 0 and hostile["seconds"] > 0 and hostile["discovered"] >= len(FAULTS)
    log = Path(night["report"]["log"])
    assert log.exists() and "exit code 3" in log.read_text()


def test_total_failure_exit_code(tmp_path):
    with FaultServer() as srv:
        result = pknews("nightly", "--data", str(tmp_path), *srv.site_args("down"), *FAST)
    assert result.returncode == 4, result.stdout + result.stderr
    assert "FAILED faults-down" in result.stdout


def test_all_sites_working_exit_code(tmp_path):
    with FaultServer() as srv:
        result = pknews("nightly", "--data", str(tmp_path), *srv.site_args("good"), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 new articles" in result.stdout
