"""WARC writing and reading, Parquet fragments: real files, round trips."""

import gzip
from datetime import datetime, timezone

import pandas as pd
import pytest
from warcio.archiveiterator import ArchiveIterator

from crawlers.warc import RollingWarcWriter
from pipeline.parquet import DatasetWriter
from pipeline.sources import BadRecord, InputError, expand_paths, iter_pages

WHEN = datetime(2024, 2, 21, 10, 0, tzinfo=timezone.utc)


def write_pages(folder, n=3, **kwargs):
    writer = RollingWarcWriter(folder, prefix="test", **kwargs)
    stored = []
    for i in range(n):
        body = f"<html><body><p>page {i} \u00e9</p></body></html>".encode()
        stored.append(writer.write_page(
            f"http://e.test/a/{i}/", 200, "OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
            body, [("User-Agent", "pknews")], WHEN,
            {"pknews-site": "e", "pknews-role": "article"},
        ))
    return writer, stored


def test_warc_records_have_standard_shape(tmp_path):
    writer, stored = write_pages(tmp_path)
    assert list(tmp_path.glob("*.open")), "file is open under its temporary name"
    writer.close()
    assert not list(tmp_path.glob("*.open"))
    path = tmp_path / stored[0].warc_file
    with open(path, "rb") as fh:
        types = [r.rec_type for r in ArchiveIterator(fh)]
    assert types == ["warcinfo"] + ["request", "response", "metadata"] * 3


def test_warc_round_trip_through_reader(tmp_path):
    writer, stored = write_pages(tmp_path)
    writer.close()
    pages = list(iter_pages(expand_paths([tmp_path])))
    assert [p.url for p in pages] == [f"http://e.test/a/{i}/" for i in range(3)]
    assert pages[0].body.decode() == "<html><body><p>page 0 \u00e9</p></body></html>"
    assert pages[0].site == "e" and pages[0].role == "article"
    assert pages[0].fetched_at == WHEN
    assert pages[1].source.endswith(f"@{stored[1].offset}")
    # the stored offset points at the response record itself
    with open(tmp_path / stored[1].warc_file, "rb") as fh:
        fh.seek(stored[1].offset)
        record = next(iter(ArchiveIterator(fh)))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Target-URI") == "http://e.test/a/1/"


def test_rolling_starts_new_files(tmp_path):
    writer, stored = write_pages(tmp_path, n=4, max_bytes=1)
    writer.close()
    assert len({s.warc_file for s in stored}) == 4
    assert len(writer.closed_files) == 4


def test_truncated_warc_keeps_earlier_records(tmp_path):
    writer, stored = write_pages(tmp_path, n=3)
    writer.close()
    path = tmp_path / stored[0].warc_file
    data = path.read_bytes()
    path.write_bytes(data[: stored[2].offset + 40])
    items = list(iter_pages([path]))
    pages = [i for i in items if not isinstance(i, BadRecord)]
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert [p.url for p in pages][:2] == ["http://e.test/a/0/", "http://e.test/a/1/"]
    assert bad, "the damage is recorded"


def test_html_files_and_missing_paths(tmp_path):
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<p>y</p>"))
    (tmp_path / "notes.txt").write_text("ignored")
    pages = list(iter_pages(expand_paths([tmp_path])))
    assert [p.body for p in pages] == [b"<p>x</p>", b"<p>y</p>"]
    assert pages[0].url == (tmp_path / "a.html").resolve().as_uri()
    assert pages[0].source == str(tmp_path / "a.html")
    with pytest.raises(InputError):
        expand_paths([tmp_path / "missing"])


def test_dataset_writer_fragments_and_replace(tmp_path):
    row = {"article_id": "a", "kind": "city", "text": "Lahore", "value": "Lahore", "start_char": 0, "end_char": 6}
    w = DatasetWriter(tmp_path, "r1", rows_per_fragment=2)
    for _ in range(5):
        w.add("mentions", [row])
    w.close()
    assert len(list((tmp_path / "mentions").glob("part-*.parquet"))) == 3
    assert len(pd.read_parquet(tmp_path / "mentions")) == 5
    w = DatasetWriter(tmp_path, "r2", replace=True)
    w.add("mentions", [row])
    w.close()
    assert len(pd.read_parquet(tmp_path / "mentions")) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
