"""EXTRACTOR_VERSION changes whenever extraction logic changes.

The source of every module under extract/ and its data files (article extraction
and the spaCy entity and quote rules alike, gazetteers and curated lists included,
since all of them make rows; the version line itself left out) and of the row
builders beside the table schemas (pipeline/tables/) is hashed; the hash
is recorded with LOGIC_VERSION in tests/fixtures/extract/version_lock.json.
Changing the logic without bumping LOGIC_VERSION fails here. After bumping, refresh
the lock:  .venv/bin/python tests/test_extract_version.py
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = ROOT / "extract"
# where rows are made: extraction, and the row builders declared with the tables
LOGIC_FOLDERS = (EXTRACT, ROOT / "pipeline" / "tables")
LOCK = ROOT / "tests" / "fixtures" / "extract" / "version_lock.json"


def logic_hash() -> str:
    h = hashlib.sha256()
    paths = [p for folder in LOGIC_FOLDERS for p in folder.rglob("*") if p.suffix in {".py", ".json"}]
    for path in sorted(paths):
        name = path.relative_to(EXTRACT if path.is_relative_to(EXTRACT) else ROOT).as_posix()
        src = path.read_text(encoding="utf-8")
        src = re.sub(r'^LOGIC_VERSION = .*$', "", src, flags=re.M)
        # whole-line comments and blank lines do not count as logic
        src = "\n".join(ln for ln in src.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))
        h.update(name.encode() + b"\0" + src.encode() + b"\0")
    return h.hexdigest()


def test_version_bumped_with_logic():
    from extract.article import EXTRACTOR_VERSION, LOGIC_VERSION

    lock = json.loads(LOCK.read_text(encoding="utf-8"))
    assert EXTRACTOR_VERSION.startswith(LOGIC_VERSION + "+trafilatura-")
    if lock["version"] == LOGIC_VERSION:
        assert lock["sha256"] == logic_hash(), (
            "extraction logic changed: bump LOGIC_VERSION in extract/article.py, "
            "then run `python tests/test_extract_version.py` to refresh the lock")
    else:
        # a new version: the lock must be refreshed for it
        raise AssertionError(f"LOGIC_VERSION {LOGIC_VERSION} has no lock: run `python tests/test_extract_version.py`")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    from extract.article import LOGIC_VERSION

    LOCK.write_text(json.dumps({"version": LOGIC_VERSION, "sha256": logic_hash()}, indent=1) + "\n", encoding="utf-8")
    print(f"lock: {LOGIC_VERSION} {logic_hash()[:16]}")
