"""One pknews run over a data folder: its id, the folder's lock, its log, its report and
its summary.

``crawl``, ``extract`` (into the data folder's own tables) and ``nightly`` all
run through :func:`under_lock`: a second run finds the lock held, prints who
holds it and exits with ``EXIT_LOCKED``; the lock goes when the run ends,
however it ends.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from crawlers.atomic import atomic_write
from pipeline.config import DataDir, new_run_id
from pipeline.lock import EXIT_LOCKED, Locked, RunLock


class Run:
    def __init__(self, data: DataDir, command: str, run_id: str | None = None):
        self.data = data
        self.command = command
        self.id = run_id or new_run_id()

    @property
    def log_file(self) -> Path:
        return self.data.runs / f"{self.id}.log"

    @property
    def report_file(self) -> Path:
        return self.data.runs / f"{self.id}.json"

    def log(self, message: str) -> None:
        """Add ``message`` to the run's log, one stamped line per line (the crawl
        writes Scrapy's log lines to the same file)."""
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        self.log_file.parent.mkdir(parents=True, exist_ok=True)  # a data folder extract creates
        with open(self.log_file, "a", encoding="utf-8") as fh:
            for line in message.splitlines():
                fh.write(f"{stamp} [pknews.{self.command}] INFO: {line}\n")

    def finish(self, summary: str, code: int, *, out=None, log: bool = True) -> int:
        """The end of every run: its summary printed and, with the exit code, kept in the
        run's log (``log=False``: a run that writes nothing of the data folder's own)."""
        if log:
            self.log(summary + f"\nexit code {code}")
        print(summary, file=out or sys.stdout, flush=True)
        return code

    def write_report(self, record: dict) -> Path:
        text = json.dumps(record, indent=2, default=str)
        return atomic_write(self.report_file, lambda tmp: tmp.write_text(text))


def under_lock(run: Run, body: Callable[[Run], int], *, lock: bool = True, err=None) -> int:
    """``body(run)``'s exit code, run while holding the data folder's lock
    (``lock=False``: a run that writes nothing of the data folder's own)."""
    if not lock:
        return body(run)
    try:
        held = RunLock(run.data.root, run.id, run.command).acquire()
    except Locked as locked:
        print(f"pknews {run.command}: {locked}", file=err or sys.stderr)
        return EXIT_LOCKED
    try:
        return body(run)
    finally:
        held.release()
