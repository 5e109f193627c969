"""Atomic file replacement: write beside the target, fsync, rename.

Readers (pandas, DuckDB, a rerun after a kill) see the old file or the whole
new one, never a part: the content goes to a dot-name first (which Parquet
globs pass over and recovery removes), and the rename is atomic on POSIX.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def temporary_name(path: Path) -> Path:
    """Where ``atomic_write`` puts ``path``'s content before the rename."""
    return path.with_name(f".{path.name}.tmp")


def atomic_write(path: Path | str, write: Callable[[Path], object], before_rename: Callable[[], object] | None = None) -> Path:
    """Replace ``path`` with what ``write(temporary path)`` writes.

    ``before_rename`` runs between the fsync and the rename (tests freeze the
    process there to check that a kill at that moment loses nothing)."""
    path = Path(path)
    tmp = temporary_name(path)
    write(tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    if before_rename is not None:
        before_rename()
    os.replace(tmp, path)
    return path
