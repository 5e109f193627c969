"""What the test modules share: the spaCy pipeline, the snapshot server, running
`pknews` in a subprocess, the fast-crawl Scrapy settings, the options that point
registry sites at a local server, and reading a run's report.

Fixtures here reach every test module by name (`nlp`, `snapshot_server`); the
helpers are imported: `from tests.conftest import FAST, pknews, snapshot_args`.
tests/nightly_helpers.py (kill and rerun) and tests/faultserver.py (the
fault-injecting server) build on these.

Markers (registered in pyproject.toml): `e2e` for tests that crawl over HTTP,
start subprocesses or spawn worker processes or Dask clusters; `slow` for tests
taking more than about 5 s. `make test-fast` runs `-m "not e2e and not slow"`,
`make test` runs everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Scrapy settings for crawling the loopback test servers quickly: no politeness
# delay or throttling, a short timeout, one retry (tests count the retries).
FAST_CRAWL: dict[str, str] = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "false",
    "DOWNLOAD_TIMEOUT": "5",
    "RETRY_TIMES": "1",
}


def crawl_args(**overrides: str) -> list[str]:
    """`--set KEY=VALUE` options for FAST_CRAWL, with the keys in ``overrides`` replaced or added."""
    return [arg for key, value in {**FAST_CRAWL, **overrides}.items() for arg in ("--set", f"{key}={value}")]


FAST = crawl_args()


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (extract.nlp.build_nlp), built once per test session."""
    from extract.nlp.testing import shared_nlp

    return shared_nlp()


@pytest.fixture(scope="module")
def snapshot_server():
    """The bundled snapshot sites on a free loopback port, one server per test module."""
    from pipeline.snapshots.server import SnapshotServer

    with SnapshotServer() as srv:
        yield srv


def pknews_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *args]


def pknews(*args: str, env: dict | None = None, timeout: float = 600,
           check: bool = False) -> subprocess.CompletedProcess:
    """`pknews ARGS` in a subprocess run from the project folder; ``env`` adds to the
    environment. ``check``: fail with the output unless the exit code is 0."""
    result = subprocess.run(pknews_command(*args), capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                            env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        raise AssertionError(f"pknews {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def host_of(site) -> str:
    """The host name of a registry site (its home URL without the scheme)."""
    return site.home.split("://", 1)[1]


def site_args(server, sites) -> list[str]:
    """pknews options that crawl the given registry sites on a local server's port,
    their host names resolved to 127.0.0.1."""
    args = []
    for site in sites:
        host = host_of(site)
        args += ["--site", site.name, "--base-url", f"{site.name}=http://{host}:{server.port}",
                 "--resolve", f"{host}=127.0.0.1"]
    return args


def snapshot_args(server, names: list[str] | None = None) -> list[str]:
    """pknews options that crawl the snapshot sites (all, or the named ones) on ``server``."""
    from crawlers.registry import select_sites

    return site_args(server, select_sites(names, group="snapshots"))


def last_report(data: Path) -> dict:
    """The run report (runs/*.json) of the latest run on a data folder."""
    return json.loads(sorted((data / "runs").glob("*.json"))[-1].read_text())
