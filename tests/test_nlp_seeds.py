"""The two seed articles in ../shared/seeds (skipped when the folder is absent).

The text is read from there (never copied into the project); the annotations are
benchmarks/gold/entities/seeds.json (character offsets)."""

import json
from datetime import datetime
from pathlib import Path

import pytest

from extract.nlp import analyze_texts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = json.loads((ROOT / "benchmarks" / "gold" / "entities" / "seeds.json").read_text(encoding="utf-8"))["seeds"]

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds absent")


@pytest.mark.parametrize("seed", GOLD, ids=[s["id"] for s in GOLD])
def test_seed_article(nlp, seed):
    f = SEEDS / seed["file"]
    if not f.exists():
        pytest.skip(f"{f.name} absent")
    raw = f.read_text(encoding="utf-8")
    b, e = seed["body"]
    text = raw[b:e]
    (mentions, quotes, _), = analyze_texts(nlp, [(text, datetime.fromisoformat(seed["published_at"]))])
    for kind in ("city", "region", "platform", "org", "person"):
        got = {m.value for m in mentions if m.kind == kind}
        assert got == set(seed["entities"][kind]), kind
    dates = {(m.start_char + b, m.value) for m in mentions if m.kind == "date"}
    for d in seed["dates"]:
        assert any(s == d["span"][0] and v == d["value"] for s, v in dates), d
    assert not any(m.kind == "org" and m.text in {"Karachi", "Quetta", "Lahore"} for m in mentions)
    speakers = [(q.speaker, q.speaker_kind) for q in quotes]
    assert speakers == [(q["speaker"], q["speaker_kind"]) for q in seed["quotes"]]
