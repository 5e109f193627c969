"""The crawl catalog: a SQLite record of every fetched URL and every WARC file.

It is what makes the crawl incremental (which articles we already hold, and
their content hash) and what tells the nightly job which WARC files still need
extraction. One file, ``DATA/catalog.sqlite``; WAL mode so a reader never
blocks the crawl.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from crawlers.urls import url_key

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fetches (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    url TEXT NOT NULL,
    url_key TEXT NOT NULL,         -- crawlers.urls.url_key(url): the page's identity
    site TEXT NOT NULL,
    role TEXT NOT NULL,            -- article or source
    status INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,      -- ISO 8601, UTC
    warc_file TEXT,
    warc_offset INTEGER,
    sha256 TEXT,
    length INTEGER,
    lastmod TEXT                   -- what the discovery source said, if anything
);
CREATE INDEX IF NOT EXISTS fetches_url_key ON fetches(url_key);
-- captures ``pknews backfill`` fetched and refused (soft 404, redirect, truncated ...):
-- not fetched again, so a rerun goes to another capture or leaves the URL alone
CREATE TABLE IF NOT EXISTS bad_captures (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    url TEXT NOT NULL,
    url_key TEXT NOT NULL,
    site TEXT NOT NULL,
    archive TEXT NOT NULL,         -- wayback or commoncrawl
    captured_at TEXT NOT NULL,     -- the capture's time, ISO 8601, UTC
    cause TEXT NOT NULL,           -- webarchives.BadCapture.cause
    recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS warc_files (
    name TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    closed_at TEXT,
    extracted_at TEXT,
    extractor_version TEXT
);
"""
# fetches columns added later (an older catalog gets them when opened): the archive a
# backfilled page came from and its capture time; both null for a page fetched from its site
_ADDED_COLUMNS = {"fetches": ("archive", "captured_at")}


@dataclass(frozen=True)
class KnownArticle:
    url: str
    sha256: str | None
    fetched_at: datetime
    lastmod: datetime | None


def _iso(dt: datetime | None) -> str | None:
    return dt.astimezone(timezone.utc).isoformat() if dt else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Catalog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._add_columns()

    def _add_columns(self) -> None:
        for table, names in _ADDED_COLUMNS.items():
            have = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
            for name in names:
                if name in have:
                    continue
                try:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {name} TEXT")
                except sqlite3.OperationalError as err:  # another process added it first
                    if "duplicate column" not in str(err):
                        raise

    def close(self) -> None:
        self.db.close()

    def record_fetch(
        self, *, run_id: str, url: str, site: str, role: str, status: int, fetched_at: datetime,
        warc_file: str | None, warc_offset: int | None, sha256: str | None, length: int | None,
        lastmod: datetime | None = None, archive: str | None = None, captured_at: datetime | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO fetches (run_id, url, url_key, site, role, status, fetched_at, warc_file, warc_offset,"
            " sha256, length, lastmod, archive, captured_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (run_id, url, url_key(url), site, role, status, _iso(fetched_at), warc_file, warc_offset, sha256, length,
             _iso(lastmod), archive, _iso(captured_at)),
        )

    def record_bad_capture(self, *, run_id: str, url: str, site: str, archive: str, captured_at: datetime,
                           cause: str) -> None:
        self.db.execute(
            "INSERT INTO bad_captures (run_id, url, url_key, site, archive, captured_at, cause, recorded_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (run_id, url, url_key(url), site, archive, _iso(captured_at), cause, _iso(datetime.now(timezone.utc))),
        )

    def bad_captures(self, archive: str) -> set[tuple[str, datetime]]:
        """``(url_key, captured_at)`` of the captures of ``archive`` refused so far."""
        rows = self.db.execute("SELECT url_key, captured_at FROM bad_captures WHERE archive = ?", (archive,))
        return {(key, _dt(when)) for key, when in rows}

    def known_article(self, url: str) -> KnownArticle | None:
        """The latest archived version of an article URL (or of a candidate URL whose
        page turned out not to be an article, role ``page``), if any; ``fetched_at`` is
        when we last fetched it at all (a refetch that found the same bytes is
        recorded without a WARC file, so its lastmod is not chased every night)."""
        key = url_key(url)
        row = self.db.execute(
            "SELECT url, sha256, fetched_at, lastmod FROM fetches"
            " WHERE url_key = ? AND role IN ('article', 'page') AND status = 200 AND warc_file IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
            (key,),
        ).fetchone()
        if row is None:
            return None
        checked = self.db.execute(
            "SELECT MAX(fetched_at) FROM fetches WHERE url_key = ? AND role IN ('article', 'page') AND status = 200",
            (key,),
        ).fetchone()[0]
        return KnownArticle(row[0], row[1], _dt(max(row[2], checked or row[2])), _dt(row[3]))

    def warc_opened(self, name: str, run_id: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO warc_files (name, run_id) VALUES (?, ?)", (name, run_id)
        )

    def warc_closed(self, name: str, run_id: str) -> None:
        self.warc_opened(name, run_id)
        self.db.execute(
            "UPDATE warc_files SET closed_at = ? WHERE name = ?", (_iso(datetime.now(timezone.utc)), name)
        )

    def unextracted_warcs(self) -> list[str]:
        """Closed WARC files that no extraction has covered yet, oldest first."""
        rows = self.db.execute(
            "SELECT name FROM warc_files WHERE closed_at IS NOT NULL AND extracted_at IS NULL ORDER BY name"
        ).fetchall()
        return [r[0] for r in rows]

    def warc_extracted(self, name: str, extractor_version: str) -> None:
        self.db.execute(
            "UPDATE warc_files SET extracted_at = ?, extractor_version = ? WHERE name = ?",
            (_iso(datetime.now(timezone.utc)), extractor_version, name),
        )

    # -- recovery after a killed run -------------------------------------------
    def fetch_offsets(self, warc_file: str) -> set[int]:
        """Response-record offsets the catalog holds for a WARC file."""
        rows = self.db.execute(
            "SELECT warc_offset FROM fetches WHERE warc_file = ? AND warc_offset IS NOT NULL", (warc_file,)
        ).fetchall()
        return {r[0] for r in rows}

    def unclosed_warcs(self) -> list[str]:
        rows = self.db.execute("SELECT name FROM warc_files WHERE closed_at IS NULL ORDER BY name").fetchall()
        return [r[0] for r in rows]

    def settle_warc(self, name: str, run_id: str, kept_offsets: set[int] | None) -> int:
        """Make the catalog agree with a recovered WARC file, in one transaction.

        ``kept_offsets`` None: the file is gone; its fetches are forgotten (so
        the pages are fetched again) and its row deleted. Otherwise fetches
        pointing at offsets not kept are forgotten and the file is marked
        closed. Returns the number of fetches forgotten.
        """
        self.db.execute("BEGIN IMMEDIATE")
        try:
            rows = self.db.execute(
                "SELECT id, warc_offset FROM fetches WHERE warc_file = ?", (name,)
            ).fetchall()
            drop = [r[0] for r in rows if kept_offsets is None or r[1] not in kept_offsets]
            self.db.executemany("DELETE FROM fetches WHERE id = ?", [(i,) for i in drop])
            if kept_offsets is None:
                self.db.execute("DELETE FROM warc_files WHERE name = ?", (name,))
            else:
                self.db.execute("INSERT OR IGNORE INTO warc_files (name, run_id) VALUES (?, ?)", (name, run_id))
                self.db.execute(
                    "UPDATE warc_files SET closed_at = COALESCE(closed_at, ?) WHERE name = ?",
                    (_iso(datetime.now(timezone.utc)), name),
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(drop)

    def warc_has_pages(self, name: str) -> bool:
        """Does a WARC file hold any page fetched as an article (or candidate page)?
        One holding only discovery sources (feeds, sitemaps) has nothing to extract."""
        row = self.db.execute(
            "SELECT 1 FROM fetches WHERE warc_file = ? AND role != 'source' LIMIT 1", (name,)
        ).fetchone()
        return row is not None

    def run_of_warc(self, name: str) -> str | None:
        row = self.db.execute("SELECT run_id FROM warc_files WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def count_articles(self) -> int:
        return self.db.execute(
            "SELECT COUNT(DISTINCT url_key) FROM fetches WHERE role='article' AND status=200"
        ).fetchone()[0]
