"""A one-line progress display, rewritten in place on a terminal and silent elsewhere
(cron mail and log files must not fill with carriage returns)."""

from __future__ import annotations

import sys
import time


class ProgressLine:
    def __init__(self, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
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
