"""Shared by the tests/test_nightly_*.py files: starting `pknews` for real in a
subprocess, pausing it at a named point (crawlers.killpoints) or after a number
of server requests, SIGKILLing it, and checking a data folder's consistency.
Running `pknews` to the end, the fast-crawl settings and the site options are
in tests/conftest.py."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.sources import BadRecord, iter_warc
from tests.conftest import ROOT, pknews_command


def start(*args: str, pause_at: str | None = None, marker: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    if pause_at:
        env["PKNEWS_TEST_PAUSE_AT"] = pause_at
        env["PKNEWS_TEST_PAUSE_FILE"] = str(marker)
    return subprocess.Popen(pknews_command(*args), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def wait_for(predicate, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"pknews ended ({proc.returncode}) before the kill point\n{out}\n{err}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("kill point not reached in time")
        time.sleep(0.02)


def sigkill(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    proc.stdout.close()
    proc.stderr.close()


def articles(data: Path) -> pd.DataFrame:
    folder = data / "parquet" / "articles"
    if not folder.exists() or not list(folder.glob("*.parquet")):
        return pd.DataFrame(columns=["article_id"])
    return pd.read_parquet(folder)


def table_rows(data: Path, table: str) -> int:
    folder = data / "parquet" / table
    return sum(pq.read_metadata(p).num_rows for p in folder.glob("*.parquet")) if folder.exists() else 0


def assert_readers_see_only_complete_files(data: Path) -> None:
    """What readers glob (warc/*.warc.gz, parquet/<table>/*.parquet) is complete, even right after a kill."""
    for path in (data / "warc").glob("*.warc.gz"):
        bad = [r for r in iter_warc(path) if isinstance(r, BadRecord)]
        assert not bad, (path.name, bad)
    for path in (data / "parquet").glob("*/*.parquet"):
        pq.read_table(path)  # raises on a truncated file


def assert_consistent(data: Path) -> None:
    """After a (re)run: no temporaries, every WARC file closed and extracted, the
    catalog pointing only at pages that are in WARC files on disk."""
    leftovers = [p for p in data.rglob("*") if p.name.endswith((".open", ".tmp")) or p.name.startswith((".staging", ".old-"))]
    assert not leftovers, leftovers
    assert_readers_see_only_complete_files(data)
    db = sqlite3.connect(data / "catalog.sqlite")
    try:
        files = dict(db.execute("SELECT name, closed_at IS NOT NULL AND extracted_at IS NOT NULL FROM warc_files"))
        on_disk = {p.name for p in (data / "warc").glob("*.warc.gz")}
        assert set(files) == on_disk
        assert all(files.values()), files
        offsets = {}
        for name in on_disk:
            offsets[name] = {int(r.source.rsplit("@", 1)[1]) for r in iter_warc(data / "warc" / name)}
        for warc_file, offset in db.execute("SELECT warc_file, warc_offset FROM fetches WHERE status = 200 AND warc_file IS NOT NULL"):
            assert offset in offsets[warc_file], (warc_file, offset)
        # one archived copy per article URL (versions aside: the snapshot pages never change)
        dupes = db.execute(
            "SELECT url_key, COUNT(DISTINCT sha256), COUNT(*) FROM fetches"
            " WHERE role='article' AND warc_file IS NOT NULL GROUP BY url_key"
            " HAVING COUNT(*) > COUNT(DISTINCT sha256)").fetchall()
        assert not dupes, dupes
    finally:
        db.close()
