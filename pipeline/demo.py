"""`pknews demo`: the nightly job over the bundled snapshot sites on 127.0.0.1."""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from crawlers.registry import Site, select_sites
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir
from pipeline.events.present import table_text
from pipeline.events.store import read_events
from pipeline.lock import EXIT_LOCKED
from pipeline.nightly import run_nightly
from pipeline.snapshots.server import SnapshotServer

# Our own server on loopback: no need to wait between requests.
LOCAL_CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 10,
}


def served_sites(server: SnapshotServer, sites: list[Site] | None = None) -> list[Site]:
    """Snapshot registry entries moved onto the running server's port."""
    sites = sites if sites is not None else select_sites(None, group="snapshots")
    return [s.rebased(f"http://{urlsplit(s.home).hostname}:{server.port}") for s in sites]


def run_demo(data: DataDir, model: str = DEFAULT_MODEL, out=sys.stdout) -> int:
    with SnapshotServer() as server:
        print(f"serving {len(server.hosts)} snapshot sites on 127.0.0.1:{server.port}", file=out)
        code = run_nightly(
            served_sites(server), data, resolve=server.hosts, overrides=LOCAL_CRAWL_SETTINGS,
            model=model, out=out,
        )
    tables = read_events(data.parquet) if code != EXIT_LOCKED else None
    if tables is not None:
        print("\nevents found (pknews events; pknews events show EVENT_ID for the reports):\n"
              + table_text(tables[0].to_pylist()), file=out)
    return code
