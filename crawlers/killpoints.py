"""Named points where a test may freeze the process to SIGKILL it there.

Off unless ``PKNEWS_TEST_PAUSE_AT`` is set (tests only): ``NAME`` or
``NAME:N`` (the N-th time the point is reached). The process then writes its
pid to ``PKNEWS_TEST_PAUSE_FILE`` and sleeps until killed. This is how the
kill-and-rerun tests hit exact moments (mid-WARC record, after Parquet
fragments but before the catalog mark); operators never set it.
"""

from __future__ import annotations

import os
import time
from collections import Counter

from crawlers.atomic import atomic_write

_hits: Counter = Counter()


def active() -> bool:
    return bool(os.environ.get("PKNEWS_TEST_PAUSE_AT"))


def reached(name: str) -> None:
    spec = os.environ.get("PKNEWS_TEST_PAUSE_AT")
    if not spec:
        return
    point, _, nth = spec.partition(":")
    if point != name:
        return
    _hits[name] += 1
    if _hits[name] != int(nth or 1):
        return
    marker = os.environ.get("PKNEWS_TEST_PAUSE_FILE")
    if marker:
        atomic_write(marker, lambda tmp: tmp.write_text(str(os.getpid())))
    while True:
        time.sleep(60)
