"""Scale-out: WARC slices, the local process pool and a Dask LocalCluster give
the single-process rows (issue 7)."""

from pathlib import Path

import pandas as pd
import pytest

from crawlers.warc import RollingWarcWriter
from pipeline import tasks as tasklib
from pipeline.extraction import run_extraction
from pipeline.extractor import BatchRows
from pipeline.options import ExtractionOptions
from pipeline.snapshots.archives import FETCHED_AT
from pipeline.snapshots.synthetic import corpus_pages
from pipeline.sources import BadRecord, iter_warc
from pipeline.tasks import plan_tasks

TABLES = ("articles", "mentions", "quotes", "skipped")


def write_corpus(folder: Path, n: int, max_bytes: int, prefix: str = "c", skip: int = 0):
    writer = RollingWarcWriter(folder, prefix=prefix, max_bytes=max_bytes)
    for k, (template, url, html, _) in enumerate(corpus_pages(n + skip)):
        if k < skip:
            continue
        writer.write_page(url, 200, "OK", [("Content-Type", "text/html; charset=utf-8")], html.encode(),
                          [("User-Agent", "t")], FETCHED_AT,
                          {"pknews-site": f"snapshot-{template}", "pknews-role": "article"})
    writer.close()
    return [folder / f for f in writer.closed_files]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two WARC files (one big enough to slice) and a page stored in both."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 9, max_bytes=1 << 30, prefix="a")
    write_corpus(folder, 2, max_bytes=1 << 30, prefix="b", skip=8)  # page 8 again: a duplicate
    return folder


def table(root: Path, name: str) -> pd.DataFrame:
    df = pd.read_parquet(root / name)
    return df.astype(str).sort_values(list(df.columns)).reset_index(drop=True)


def test_slices_cover_every_record_once(corpus):
    path = sorted(corpus.glob("a-*.warc.gz"))[0]
    whole = [(p.url, p.source, p.site, p.role) for p in iter_warc(path)]
    assert len(whole) == 9 and not any(isinstance(p, BadRecord) for p in whole)
    size = path.stat().st_size
    for n in (2, 3, 7, 40):
        cuts = [size * k // n for k in range(n + 1)]
        parts = []
        for a, b in zip(cuts, cuts[1:]):
            parts.extend((p.url, p.source, p.site, p.role) for p in iter_warc(path, start=a, end=b))
        assert parts == whole, n


def test_plan_slices_big_files_for_several_workers(corpus, monkeypatch):
    files = sorted(corpus.glob("*.warc.gz"))
    assert [t.kind for t in plan_tasks(files)] == ["warc", "warc"]
    monkeypatch.setattr(tasklib, "MIN_SLICE_BYTES", 1000)
    tasks = plan_tasks(files, workers=2)
    assert len(tasks) > 2 and [t.index for t in tasks] == list(range(len(tasks)))
    assert all(t.domains is None for t in tasks), "our own WARC files are not domain-filtered"


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    report = run_extraction([corpus], out, "single", ExtractionOptions(replace=True))
    return out, report


def assert_same_rows(a: Path, b: Path):
    for name in TABLES:
        x, y = table(a, name), table(b, name)
        assert len(x) == len(y), name
        pd.testing.assert_frame_equal(x, y, obj=name)


@pytest.mark.slow  # `single` loads the model and extracts the corpus
def test_single_process_dedupes_across_files(single):
    out, report = single
    assert report.rows["articles"] == 10 and report.skipped["duplicate"] == 1
    assert report.stages["spacy"] > 0 and report.stages["trafilatura"] > 0 and report.stages["write"] > 0
    articles = pd.read_parquet(out / "articles")
    assert articles["url"].is_unique and len(articles) == 10


@pytest.mark.e2e
@pytest.mark.slow
def test_process_pool_gives_single_process_rows(single, corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(tasklib, "MIN_SLICE_BYTES", 20_000)  # cut the big file into slices
    report = run_extraction([corpus], tmp_path / "pool", "pool", ExtractionOptions(replace=True, workers=2))
    assert report.tasks > 2
    assert report.rows == single[1].rows
    assert report.skipped == single[1].skipped
    assert_same_rows(single[0], tmp_path / "pool")
    names = [p.name for p in (tmp_path / "pool" / "articles").glob("*.parquet")]
    assert len(names) == len(set(names)) and all("-t0" in n for n in names)


@pytest.mark.e2e
@pytest.mark.slow
def test_dask_cluster_gives_single_process_rows(single, corpus, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(tasklib, "MIN_SLICE_BYTES", 20_000)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        report = run_extraction([corpus], tmp_path / "dask", "dask", ExtractionOptions(
            replace=True, executor="dask", scheduler=cluster.scheduler_address))
    assert report.executor == "dask" and report.workers == 2 and report.tasks > 2
    assert report.rows == single[1].rows
    assert_same_rows(single[0], tmp_path / "dask")


def test_html_tasks_open_absolute_paths_and_keep_given_labels(tmp_path, monkeypatch):
    from pipeline.tasks import WorkConfig
    from pipeline.worker import run_task

    (tmp_path / "in").mkdir()
    for k in range(3):
        (tmp_path / "in" / f"p{k}.html").write_text(f"<p>page {k}</p>")
    monkeypatch.chdir(tmp_path)
    files = sorted(Path("in").glob("*.html"))
    tasks = plan_tasks(files)
    assert len(tasks) == 1 and all(Path(p).is_absolute() for p in tasks[0].paths)
    assert tasks[0].labels == tuple(str(f) for f in files)

    class Stub:
        seconds = {}
        pages = []

        def run_batch(self, pages):
            self.pages.extend(pages)
            return BatchRows()

    stub = Stub()
    monkeypatch.chdir("/")  # a worker somewhere else
    run_task(tasks[0], WorkConfig("r", str(tmp_path / "out"), "none"), stub)
    assert [p.source for p in stub.pages] == [str(f) for f in files]
    assert stub.pages[0].url == (tmp_path / "in" / "p0.html").as_uri()
