"""Where things live in a data folder, and run identifiers."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

DEFAULT_DATA = "output"


def default_data_dir() -> Path:
    return Path(os.environ.get("PKNEWS_DATA") or DEFAULT_DATA)


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def warc(self) -> Path:
        return self.root / "warc"

    @property
    def parquet(self) -> Path:
        return self.root / "parquet"

    @property
    def catalog(self) -> Path:
        return self.root / "catalog.sqlite"

    @property
    def runs(self) -> Path:
        return self.root / "runs"

    def ensure(self) -> "DataDir":
        for folder in (self.root, self.warc, self.parquet, self.runs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)
