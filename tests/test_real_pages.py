"""Real pages of ../shared/benchmarks/panda-dev (skipped where it is absent): the real gold's
trap-date guarantee and a whole-folder pass. Scores live in benchmarks/ (--real); this only
keeps what must never regress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.article import extract_article
from pipeline.sources import read_html_file

ROOT = Path(__file__).resolve().parents[1]
PANDA = ROOT.parent / "shared" / "benchmarks" / "panda-dev"
GOLD = ROOT / "benchmarks" / "gold" / "real"

pytestmark = pytest.mark.skipif(not PANDA.is_dir(), reason="../shared/benchmarks/panda-dev is absent")


def _gold_articles() -> list[dict]:
    out = []
    for f in sorted(GOLD.glob("articles-*.json")):
        out.extend(json.loads(f.read_text(encoding="utf-8"))["articles"])
    return out


@pytest.mark.slow
def test_real_gold_never_gets_a_wrong_date():
    records = _gold_articles()
    assert len(records) >= 100
    wrong = []
    for rec in records:
        a = extract_article(read_html_file(PANDA / rec["path"]))
        if a.published is not None and a.published.isoformat() != rec["published"]:
            wrong.append((rec["path"], a.published, rec["published"]))
    assert wrong == []


def test_non_article_pages_are_skipped():
    pages = json.loads((GOLD / "nonarticles.json").read_text(encoding="utf-8"))["pages"]
    kept = [p["path"] for p in pages if not extract_article(read_html_file(PANDA / p["path"])).skip_reason]
    assert kept == []


@pytest.mark.slow
def test_whole_folder_no_crash_and_every_skip_has_a_reason():
    reasons = set()
    for f in sorted(p for p in PANDA.rglob("*") if p.is_file()):
        a = extract_article(read_html_file(f))
        if a.skip_reason:
            reasons.add(a.skip_reason)
        else:
            assert a.text and a.title, f
    assert "unparsable" not in reasons and {"empty", "listing-page"} <= reasons
