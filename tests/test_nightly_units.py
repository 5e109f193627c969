"""Unit tests of the nightly job's parts: WARC salvage cut at every byte, the
catalog settling, Retry-After parsing, recovery of Parquet temporaries."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawlers.catalog import Catalog
from crawlers.middlewares import retry_after_seconds
from crawlers.warc import OPEN_SUFFIX, RollingWarcWriter, salvage
from pipeline.config import DataDir
from pipeline.recovery import recover
from pipeline.sources import BadRecord, iter_warc

WHEN = datetime(2024, 2, 21, 10, 0, tzinfo=timezone.utc)


def write_open_warc(folder, n=3):
    writer = RollingWarcWriter(folder, prefix="t")
    stored = [writer.write_page(f"http://e.test/a/{i}/", 200, "OK", [("Content-Type", "text/html")],
                                f"<html><body><p>page {i}</p></body></html>".encode() * 20, [], WHEN,
                                {"pknews-site": "e", "pknews-role": "article"}) for i in range(n)]
    writer._fh.flush()
    path = folder / (stored[0].warc_file + OPEN_SUFFIX)
    return writer, stored, path


def test_salvage_at_every_cut_keeps_only_complete_cataloged_pages(tmp_path):
    src = tmp_path / "src"
    writer, stored, path = write_open_warc(src)
    data = path.read_bytes()
    offsets = [s.offset for s in stored]
    ends = []  # where each page's last record (metadata) ends
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        for record in records:
            record.content_stream().read()
            if record.rec_type == "metadata":
                ends.append(records.get_record_offset() + records.get_record_length())
    assert len(ends) == len(offsets) and ends[-1] == len(data)
    for cut in range(0, len(data) + 1, 7):
        work = tmp_path / f"cut{cut}"
        work.mkdir()
        cutfile = work / path.name
        cutfile.write_bytes(data[:cut])
        result = salvage(cutfile, set(offsets))
        # a page is kept exactly when its metadata record, the page's last, is complete
        complete = {o for o, e in zip(offsets, ends) if e <= cut}
        assert result.kept_offsets == complete
        if result.name is None:
            assert not list(work.iterdir())
            continue
        final = work / result.name
        assert not cutfile.exists() and final.exists()
        pages = list(iter_warc(final))
        assert not [p for p in pages if isinstance(p, BadRecord)]
        assert {int(p.source.rsplit("@", 1)[1]) for p in pages} == result.kept_offsets
        shutil.rmtree(work)
    writer.close()


def test_salvage_drops_pages_the_catalog_does_not_know(tmp_path):
    writer, stored, path = write_open_warc(tmp_path)
    result = salvage(path, {stored[0].offset, stored[1].offset})  # page 3 written, not cataloged
    assert result.kept_offsets == {stored[0].offset, stored[1].offset}
    assert [p.url for p in iter_warc(tmp_path / result.name)] == ["http://e.test/a/0/", "http://e.test/a/1/"]


def test_recover_settles_catalog_and_tidies_temporaries(tmp_path):
    data = DataDir(tmp_path).ensure()
    writer, stored, path = write_open_warc(data.warc)
    catalog = Catalog(data.catalog)
    catalog.warc_opened(stored[0].warc_file, "r1")
    for i, s in enumerate(stored[:2]):
        catalog.record_fetch(run_id="r1", url=f"http://e.test/a/{i}/", site="e", role="article", status=200,
                             fetched_at=WHEN, warc_file=s.warc_file, warc_offset=s.offset, sha256="x", length=1)
    catalog.record_fetch(run_id="r1", url="http://e.test/a/9/", site="e", role="article", status=200,
                         fetched_at=WHEN, warc_file=stored[0].warc_file, warc_offset=10 ** 9, sha256="y", length=1)
    catalog.warc_opened("gone.warc.gz", "r0")
    catalog.close()
    (data.parquet / "articles").mkdir(parents=True)
    (data.parquet / "articles" / ".part-x-00001.parquet.tmp").write_bytes(b"half")
    (data.parquet / ".staging-r0" / "articles").mkdir(parents=True)
    rec = recover(data, "r2")
    assert rec.salvaged[0]["pages"] == 2 and rec.salvaged[0]["forgotten"] == 1
    assert rec.forgotten == ["gone.warc.gz"]
    assert not list(data.parquet.rglob("*.tmp")) and not list(data.parquet.glob(".staging-*"))
    catalog = Catalog(data.catalog)
    assert catalog.unextracted_warcs() == [stored[0].warc_file]
    assert catalog.known_article("http://e.test/a/9/") is None  # forgotten: fetched again
    assert catalog.known_article("http://e.test/a/1/") is not None
    catalog.close()
    assert not recover(data, "r3")  # nothing left to do


@pytest.mark.parametrize("value,expected", [("120", 120.0), (b"0", 0.0), ("  7 ", 7.0), ("soon", None), ("", None)])
def test_retry_after_seconds(value, expected):
    assert retry_after_seconds(value) == expected


def test_retry_after_http_date():
    now = datetime(2024, 2, 21, 10, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0.0
