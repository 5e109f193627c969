"""Third-party archives: a CC-NEWS-style WARC (warcinfo, then request/response/
metadata per capture, 99% foreign domains) keeps only the registered domains'
HTML responses, and foreign records are passed over unread (issue 7)."""

from collections import Counter

import pytest
from warcio.recordloader import ArcWarcRecord

from pipeline.extraction import run_extraction
from pipeline.extractor import BatchRows
from pipeline.options import ExtractionOptions
from pipeline.snapshots.archives import FETCHED_AT, build_ccnews_warc
from pipeline.sources import is_own_warc, iter_warc
from pipeline.tasks import plan_tasks


class CountingExtractor:
    """Stands in for the NLP-loaded Extractor: records which pages reach extraction."""

    def __init__(self):
        from crawlers.registry import load_registry

        self.registry = load_registry()
        self.seconds = Counter()
        self.pages = []

    def run_batch(self, pages):
        self.pages.extend(pages)
        return BatchRows()


@pytest.fixture(scope="module")
def ccnews(tmp_path_factory):
    path = tmp_path_factory.mktemp("ccnews") / "CC-NEWS-20240217120000-00042.warc.gz"
    info = build_ccnews_warc(path, records=300, kept_every=100)
    assert info["kept"] == 3 and info["foreign"] == 297  # 99% foreign
    return path, info


def test_layout_is_cc_news(ccnews):
    from warcio.archiveiterator import ArchiveIterator

    path, info = ccnews
    with open(path, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types[0] == "warcinfo" and types[1:4] == ["request", "response", "metadata"]
    assert len(types) == 1 + 3 * info["records"]
    assert not is_own_warc(path)


def test_only_registered_domains_reach_extraction(ccnews, tmp_path, monkeypatch):
    path, info = ccnews
    read = []
    original = ArcWarcRecord.content_stream

    def spy(self):
        if self.rec_type == "response":
            read.append(self.rec_headers.get_header("WARC-Target-URI"))
        return original(self)

    monkeypatch.setattr(ArcWarcRecord, "content_stream", spy)
    extractor = CountingExtractor()
    report = run_extraction([path], tmp_path / "out", "cc", ExtractionOptions(replace=True), extractor=extractor)
    urls = [p.url for p in extractor.pages]
    assert len(urls) == 3 and all(u.startswith("https://www.dawn.com/news/") for u in urls)
    # foreign records and the kept domain's PDF: payload never read, HTML never parsed
    assert sorted(read) == sorted(urls)
    assert report.passed_over == {"foreign-domain": 297, "not-html": 1}
    assert not report.skipped, "passed-over records are counted, not written as skipped rows"


def test_domain_option_chooses_the_domains(ccnews, tmp_path):
    path, _ = ccnews
    extractor = CountingExtractor()
    report = run_extraction([path], tmp_path / "out", "cc",
                            ExtractionOptions(replace=True, domains=["bbc.co.uk", "reuters.com"]), extractor=extractor)
    hosts = Counter(p.url.split("/")[2] for p in extractor.pages)
    assert set(hosts) == {"www.bbc.co.uk", "www.reuters.com"} and sum(hosts.values()) == 49
    # every other record, the dawn.com articles and PDF included, is foreign now
    assert report.passed_over["foreign-domain"] == 301 - 49


def test_our_own_warcs_are_not_filtered_unless_asked(tmp_path):
    from crawlers.warc import RollingWarcWriter

    writer = RollingWarcWriter(tmp_path, prefix="own")
    writer.write_page("http://mirror.example/x/", 200, "OK", [("Content-Type", "application/rss+xml")],
                      b"<rss/>", [], FETCHED_AT, {"pknews-site": "snapshot-drm", "pknews-role": "source"})
    writer.close()
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert is_own_warc(files[0])
    assert plan_tasks(files)[0].domains is None
    assert [p.role for p in iter_warc(files[0])] == ["source"]
    assert plan_tasks(files, domains=["Dawn.com"])[0].domains == ("dawn.com",)


def test_cli_domain_option(ccnews, tmp_path, capsys, monkeypatch):
    from pipeline import cli

    path, _ = ccnews
    from pipeline import executors

    monkeypatch.setattr(executors, "Extractor", lambda model: CountingExtractor())
    code = cli.main(["extract", str(path), "--output", str(tmp_path / "o"), "--domain", "cbc.ca", "--workers", "1",
                     "--report", str(tmp_path / "r.json")])
    out = capsys.readouterr().out
    assert code == 0 and "passed over unread: foreign-domain x276" in out
    import json

    rep = json.loads((tmp_path / "r.json").read_text())
    assert rep["passed_over"] == {"foreign-domain": 276} and rep["pages"] == 25


def test_own_warc_recognised_by_file_prefix_when_user_agent_is_changed(tmp_path):
    from crawlers.warc import RollingWarcWriter

    writer = RollingWarcWriter(tmp_path, prefix="pknews-20240217T010000Z-ab12", software="MyLab crawler/2.0")
    writer.write_page("http://mirror.example/x/", 200, "OK", [("Content-Type", "text/html")],
                      b"<p>x</p>", [], FETCHED_AT, {"pknews-site": "snapshot-drm", "pknews-role": "article"})
    writer.close()
    assert is_own_warc(sorted(tmp_path.glob("*.warc.gz"))[0])
