"""The crawl statistics keys: built, read back, and unknown ones refused."""

from dataclasses import fields

import pytest

from crawlers.stats import COUNTERS, GROUPS, SiteStat, UnknownStatKey, is_site_stat, parse_stat_key, stat_key
from pipeline.crawl import SiteCrawl, summarize


@pytest.mark.parametrize("name,detail", [
    *[(counter, "") for counter in sorted(COUNTERS)],
    ("errors", "source-http-404"), ("errors", "DNSLookupError"), ("skipped", "already-fetched"),
    ("skipped", "not-html"), ("refetched", "changed"), ("retry-after", "seconds"),
])
def test_every_key_reads_back_as_built(name, detail):
    key = stat_key("dawn", name, detail)
    assert key == "pknews/dawn/" + (f"{name}/{detail}" if detail else name)
    assert parse_stat_key(key) == SiteStat("dawn", name, detail)


@pytest.mark.parametrize("key", [
    "pknews/dawn/pages",                 # no such counter
    "pknews/dawn/pages_fetched/extra",   # a counter takes no cause
    "pknews/dawn/errors",                # a group needs a cause
    "pknews/dawn/retry-after/slept",     # not one of the group's causes
    "pknews/dawn",                       # nothing after the site
    "pknews//requests",                  # no site
])
def test_unknown_keys_are_refused(key):
    with pytest.raises(UnknownStatKey, match="dawn|site|requests"):
        parse_stat_key(key)


def test_unknown_names_are_refused_when_written():
    with pytest.raises(UnknownStatKey, match="unknown crawl statistic 'pages'"):
        stat_key("dawn", "pages")
    with pytest.raises(UnknownStatKey):
        stat_key("a/b", "requests")


def test_scrapy_keys_are_not_ours():
    assert not is_site_stat("downloader/request_count")
    assert not is_site_stat("pknews_sources")
    with pytest.raises(UnknownStatKey):
        parse_stat_key("downloader/request_count")


def test_summary_reads_every_figure():
    stats = {
        stat_key("dawn", "pages_fetched"): 7, stat_key("dawn", "duration"): 1.5,
        stat_key("dawn", "errors", "http-500"): 2, stat_key("dawn", "skipped", "unchanged"): 1,
        stat_key("dawn", "refetched", "changed"): 3, stat_key("dawn", "retry-after", "waited"): 1,
        stat_key("dawn", "fallbacks"): 1, stat_key("geo", "requests"): 4,  # geo: not asked for
        "downloader/request_count": 11,
    }
    crawl = summarize(stats, ["dawn"])["dawn"]
    assert (crawl.pages_fetched, crawl.duration) == (7, 1.5)
    assert crawl.errors == {"http-500": 2}
    assert crawl.skipped == {"skipped/unchanged": 1, "refetched/changed": 3}
    assert crawl.retry_after == {"waited": 1}


def test_summary_refuses_an_unknown_key():
    with pytest.raises(UnknownStatKey, match="pknews/dawn/pagez"):
        summarize({"pknews/dawn/pagez": 1}, ["dawn"])


def test_every_counter_has_a_place_in_the_summary():
    # fallbacks are listed one by one in the sources report instead
    assert COUNTERS - {"fallbacks"} <= {f.name for f in fields(SiteCrawl)}
    # a new group needs its own place in pipeline.crawl.summarize
    assert set(GROUPS) == {"errors", "skipped", "refetched", "retry-after"}
