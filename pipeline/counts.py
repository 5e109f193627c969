"""What an extraction did, in numbers: one record for a task and for a whole run.

A task's counts travel back to the driver (no rows do), which adds them up
into the run's report; the nightly adds up one report per WARC file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from pipeline.tables import COUNTED


@dataclass
class ExtractionCounts:
    pages: int = 0
    rows: Counter = field(default_factory=Counter)  # rows written per table in tables.COUNTED
    skipped: Counter = field(default_factory=Counter)  # pages without an article, by reason
    articles_by_site: Counter = field(default_factory=Counter)
    skipped_by_site: Counter = field(default_factory=Counter)
    # records of third-party archives passed over unread (foreign-domain, not-html)
    passed_over: Counter = field(default_factory=Counter)
    # seconds per stage, summed over workers: load, read, trafilatura, spacy, rows, write
    stages: Counter = field(default_factory=Counter)

    def add(self, other: "ExtractionCounts") -> None:
        self.pages += other.pages
        self.rows.update(other.rows)
        self.skipped.update(other.skipped)
        self.articles_by_site.update(other.articles_by_site)
        self.skipped_by_site.update(other.skipped_by_site)
        self.passed_over.update(other.passed_over)
        self.stages.update(other.stages)


@dataclass
class TaskResult(ExtractionCounts):
    """One task's counts, the fragments it wrote and the identity hashes of its
    article rows (for the cross-task duplicate check)."""

    index: int = 0
    fragments: list[str] = field(default_factory=list)  # relative to the target folder
    key_hashes: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.uint64))
    worker: str = ""


@dataclass
class ExtractionReport(ExtractionCounts):
    files: int = 0
    seconds: float = 0.0
    output: str = ""
    executor: str = "local"
    workers: int = 1
    tasks: int = 0

    def absorb(self, part: "ExtractionReport") -> None:
        """Count a whole other run (the nightly extracts one WARC file at a time)."""
        self.add(part)
        self.files += part.files
        self.seconds += part.seconds

    def rows_line(self, qualifier: str = "") -> str:
        """``10 articles, 52 mentions, 7 quotes``; a ``qualifier`` ("new") goes before the first table."""
        words = [f"{qualifier} {COUNTED[0]}".strip(), *COUNTED[1:]]
        return ", ".join(f"{self.rows[name]} {word}" for name, word in zip(COUNTED, words))

    def as_dict(self) -> dict:
        return {
            "files": self.files, "pages": self.pages, **{name: self.rows[name] for name in COUNTED},
            "skipped": dict(self.skipped),
            "articles_by_site": dict(self.articles_by_site),
            "skipped_by_site": dict(self.skipped_by_site),
            "seconds": round(self.seconds, 2), "output": self.output,
            "passed_over": dict(self.passed_over),
            "stages": {k: round(v, 3) for k, v in sorted(self.stages.items())},
            "executor": self.executor, "workers": self.workers, "tasks": self.tasks,
        }
