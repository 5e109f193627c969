"""A one-line progress display, rewritten in place on a terminal and silent elsewhere
(cron mail and log files must not fill with carriage returns). PKNEWS_PROGRESS=1 or 0
forces it on or off (tests read the crawl's line through a pipe). The crawl and the
extraction both show theirs with it."""

from __future__ import annotations

import os
import sys
import time


class ProgressLine:
    def __init__(self, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        if enabled is None:
            forced = os.environ.get("PKNEWS_PROGRESS")
            enabled = forced == "1" if forced in ("0", "1") else self.stream.isatty()
        self.enabled = enabled
        self.started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def show(self, text: str) -> None:
        if self.enabled:
            self.stream.write("\r" + text)
            self.stream.flush()

    def done(self) -> None:
        """End the line (the shell prompt must not land on it)."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
