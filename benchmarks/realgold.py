"""The real-page gold of benchmarks/gold/real: loading it and its fixed split."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "gold" / "real"
PANDA_DIR = ROOT.parent / "shared" / "benchmarks" / "panda-dev"


def part_of(path: str) -> str:
    """"dev" or "validation", fixed by the page's path alone (half and half)."""
    return "validation" if int(hashlib.sha1(path.encode("utf-8")).hexdigest(), 16) % 2 else "dev"


def load_articles(parts: tuple[str, ...] = ("dev", "validation")) -> list[dict]:
    out = []
    for f in sorted(GOLD_DIR.glob("articles-*.json")):
        out.extend(r for r in json.loads(f.read_text(encoding="utf-8"))["articles"] if r["part"] in parts)
    return out


def load_nonarticles(parts: tuple[str, ...] = ("dev", "validation")) -> list[dict]:
    f = GOLD_DIR / "nonarticles.json"
    if not f.exists():
        return []
    return [r for r in json.loads(f.read_text(encoding="utf-8"))["pages"] if r["part"] in parts]


# ---------------------------------------------------------------- reading the pages
def page_of(path: str):
    """The page as ``pknews extract`` reads a loose file (file URL, no fetch time)."""
    from pipeline.sources import read_html_file
    return read_html_file(PANDA_DIR / path)


def raw_html(path: str, page=None) -> str:
    from extract.decode import decode_body
    return decode_body((page or page_of(path)).body, None)


def norm(s: str | None) -> str:
    """Whitespace folded, no-break spaces and typographic quotes made plain: the gold
    snippets were copied from rendered text, the extractions keep the page's characters."""
    s = (s or "").replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.split())


# ---------------------------------------------------------------- systems
def pknews_fields(path: str) -> dict:
    from extract.article import extract_article
    a = extract_article(page_of(path))
    return {"title": a.title, "authors": list(a.authors), "published": a.published.isoformat() if a.published else None,
            "text": a.text, "skip_reason": a.skip_reason, "published_at": _reference(a), "article": a}


def _reference(a):
    from pipeline.extractor import reference_datetime
    return reference_datetime(a) if a.published else None


def stock_fields(path: str) -> dict:
    """trafilatura 2.3 with metadata (its dates come from htmldate): the stock recipe."""
    import trafilatura
    page = page_of(path)
    html = raw_html(path, page)
    doc = trafilatura.bare_extraction(html, url=page.url, include_comments=False, with_metadata=True) \
        if html.strip() else None
    if doc is None:
        return {"title": None, "authors": [], "published": None, "text": "", "skip_reason": "none", "published_at": None}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "published": doc.date, "text": doc.text or "",
            "skip_reason": None if (doc.text or "").strip() else "no-text", "published_at": None}


# ---------------------------------------------------------------- extraction scores
FIELDS = ("title", "authors", "date", "first", "last", "boilerplate")


def field_checks(rec: dict, got: dict) -> dict[str, bool]:
    text = norm(got["text"]) if not got["skip_reason"] else ""
    return {
        "title": norm(got["title"]) == norm(rec["title"]),
        "authors": sorted(norm(a).lower() for a in got["authors"]) == sorted(norm(a).lower() for a in rec["authors"]),
        "date": got["published"] == rec["published"],
        "first": bool(text) and norm(rec["first"]) in text,
        "last": bool(text) and norm(rec["last"]) in text,
        "boilerplate": bool(text) and not any(norm(b) in text for b in rec["boilerplate"]),
    }


def score_extraction(records: list[dict], system) -> dict:
    """Share of records right per field; wrong dates (a date other than the page's) apart
    from missing ones; failures listed per record."""
    ok = {k: 0 for k in FIELDS}
    wrong_dates, failures, by_pub = [], [], {}
    for rec in records:
        got = system(rec["path"])
        checks = field_checks(rec, got)
        pub = by_pub.setdefault(rec["publisher"], {k: 0 for k in FIELDS} | {"n": 0})
        pub["n"] += 1
        for k, v in checks.items():
            ok[k] += v
            pub[k] += v
        if got["published"] and got["published"] != rec["published"]:
            wrong_dates.append(f"{rec['path']}: got {got['published']} want {rec['published']}")
        if not all(checks.values()):
            failures.append((rec, got, checks))
    n = len(records) or 1
    return {"n": len(records), "share": {k: v / n for k, v in ok.items()}, "wrong_dates": wrong_dates,
            "failures": failures, "by_publisher": by_pub}


def describe_failure(rec, got, checks) -> str:
    parts = [f"{rec['path']} [{rec['part']}]" + (f" skip={got['skip_reason']}" if got["skip_reason"] else "")]
    if not checks["title"]:
        parts.append(f"title={got['title']!r} want {rec['title']!r}")
    if not checks["authors"]:
        parts.append(f"authors={got['authors']} want {rec['authors']}")
    if not checks["date"]:
        parts.append(f"date={got['published']} want {rec['published']}")
    for k in ("first", "last"):
        if not checks[k]:
            parts.append(f"{k} missing: {rec[k][:50]!r}")
    if not checks["boilerplate"]:
        parts.append(f"boilerplate: {[b for b in rec['boilerplate'] if norm(b) in norm(got['text'])]}")
    return "\n      ".join(parts)


def score_nonarticles(pages: list[dict], system) -> dict:
    kept = [p["path"] for p in pages if not system(p["path"])["skip_reason"]]
    return {"n": len(pages), "skipped": len(pages) - len(kept), "kept": kept}


def folder_coverage(directory: Path = PANDA_DIR, progress=None) -> dict:
    """Every file of the folder through ``extract_article``: per publisher, articles,
    share with a date, share with authors, skips by reason, crashes."""
    from collections import Counter

    from extract.article import extract_article
    from pipeline.sources import read_html_file
    out: dict[str, dict] = {}
    files = sorted(p for p in directory.rglob("*") if p.is_file())
    for i, f in enumerate(files):
        pub = f.relative_to(directory).parts[0]
        row = out.setdefault(pub, {"files": 0, "articles": 0, "dated": 0, "authored": 0, "skipped": Counter(),
                                   "crashed": []})
        row["files"] += 1
        try:
            a = extract_article(read_html_file(f))
        except Exception as err:  # a crash is what this is here to find
            row["crashed"].append(f"{f.relative_to(directory)}: {type(err).__name__}: {err}")
            continue
        if a.skip_reason:
            row["skipped"][a.skip_reason] += 1
        else:
            row["articles"] += 1
            row["dated"] += a.published is not None
            row["authored"] += bool(a.authors)
        if progress and i % 100 == 0:
            progress(i, len(files))
    return out


# ---------------------------------------------------------------- entity scores
def _date_spans(text: str, snippet: str) -> list[tuple[int, int]]:
    low, want = text.lower(), snippet.lower()
    out, i = [], low.find(want)
    while i >= 0:
        out.append((i, i + len(want)))
        i = low.find(want, i + 1)
    return out


def _role_match(gold: str | None, got: str | None) -> bool:
    """Either contains the other, articles aside ("a strategic affairs analyst" and
    "strategic affairs analyst in Islamabad")."""
    def bare(s):
        return re.sub(r"^(?:the|a|an)\s+", "", norm(s).lower().strip(" ,."))
    g, p = bare(gold), bare(got)
    if not g:
        return not p
    return bool(p) and (g in p or p in g)


def score_entities(records: list[dict], preds: list[dict], speaker_match) -> dict:
    """``preds``: per record {"text", "mentions": [(kind, value, start, end)], "quotes": [{speaker,
    speaker_kind, speaker_role_or_org}]}. Cities and platforms: micro set P/R/F1 over articles.
    Resolved dates: share of gold expressions found in the text with a date mention over them
    carrying exactly the gold value. Quoted speakers: distinct speakers per article matched
    one-to-one (the entities benchmark's speaker rule); roles compared on matched speakers."""
    counts = {k: [0, 0, 0] for k in ("city", "platform", "speaker")}
    date_ok = date_n = role_ok = role_n = 0
    errors: list[tuple[str, str, str]] = []
    for rec, pr in zip(records, preds):
        for kind, gold_key in (("city", "cities"), ("platform", "platforms")):
            gold = {norm(v).lower() for v in rec[gold_key]}
            got = {norm(v).lower() for k, v, _, _ in pr["mentions"] if k == kind and v}
            counts[kind][0] += len(gold & got)
            counts[kind][1] += len(got)
            counts[kind][2] += len(gold)
            errors += [(rec["path"], kind, f"FP {v}") for v in sorted(got - gold)]
            errors += [(rec["path"], kind, f"FN {v}") for v in sorted(gold - got)]
        dates = [(s, e, v) for k, v, s, e in pr["mentions"] if k == "date"]
        for d in rec["dates"]:
            date_n += 1
            spans = _date_spans(pr["text"], d["text"])
            ok = any(s < ge and gs < e and v == d["value"] for gs, ge in spans for s, e, v in dates)
            date_ok += ok
            if not ok:
                got = sorted({(pr["text"][s:e], v) for gs, ge in spans for s, e, v in dates if s < ge and gs < e})
                errors.append((rec["path"], "date", f"{d['text']!r} want {d['value']} got {got or 'nothing'}"
                               + ("" if spans else " (text not in the extraction)")))
        gold_sp = rec["quotes"]
        got_sp, seen = [], set()
        for q in pr["quotes"]:
            key = (norm(q.get("speaker")).lower(), q.get("speaker_kind"))
            if q.get("speaker") and key not in seen:
                seen.add(key)
                got_sp.append(q)
        used: set[int] = set()
        for g in gold_sp:
            hit = next((i for i, q in enumerate(got_sp) if i not in used and speaker_match(g, q)), None)
            if hit is None:
                errors.append((rec["path"], "speaker", f"FN {g['speaker']} ({g['speaker_kind']})"))
                continue
            used.add(hit)
            if g.get("speaker_role_or_org"):
                role_n += 1
                rm = _role_match(g["speaker_role_or_org"], got_sp[hit].get("speaker_role_or_org"))
                role_ok += rm
                if not rm:
                    errors.append((rec["path"], "role", f"{g['speaker']}: want {g['speaker_role_or_org']!r} "
                                   f"got {got_sp[hit].get('speaker_role_or_org')!r}"))
        errors += [(rec["path"], "speaker", f"FP {q['speaker']} ({q.get('speaker_kind')})")
                   for i, q in enumerate(got_sp) if i not in used]
        counts["speaker"][0] += len(used)
        counts["speaker"][1] += len(got_sp)
        counts["speaker"][2] += len(gold_sp)
    res = {}
    for k, (tp, n_pred, n_gold) in counts.items():
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        res[k] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold}
    res["date_accuracy"] = {"accuracy": date_ok / date_n if date_n else 0.0, "gold": date_n}
    res["role_accuracy"] = {"accuracy": role_ok / role_n if role_n else 0.0, "gold": role_n}
    res["errors"] = errors
    return res


def pknews_entity_preds(records: list[dict], model: str) -> list[dict]:
    from extract.nlp import analyze_texts, build_nlp
    nlp = build_nlp(model)
    fields = [pknews_fields(r["path"]) for r in records]
    out = []
    for f, (mentions, quotes, *_) in zip(fields, analyze_texts(nlp, [(f["text"], f["published_at"]) for f in fields])):
        out.append({"text": f["text"],
                    "mentions": [(m.kind, m.value, m.start_char, m.end_char) for m in mentions],
                    "quotes": [{"speaker": q.speaker, "speaker_kind": q.speaker_kind,
                                "speaker_role_or_org": q.speaker_role_or_org} for q in quotes]})
    return out


def stock_entity_preds(records: list[dict], model: str, run_baseline) -> list[dict]:
    """trafilatura's text and htmldate's date, en_core_web_sm alone (the entities
    benchmark's stock recipe); it has no quotes."""
    from datetime import datetime
    from datetime import time as dtime
    from zoneinfo import ZoneInfo
    items = []
    for r in records:
        f = stock_fields(r["path"])
        day = f["published"]
        base = datetime.combine(datetime.fromisoformat(day).date(), dtime(12), tzinfo=ZoneInfo("Asia/Karachi")) \
            if day else datetime(2018, 8, 28, 12, tzinfo=ZoneInfo("Asia/Karachi"))
        items.append({"text": f["text"], "published_at": base})
    preds, _ = run_baseline(items, model)
    return [{"text": it["text"], "mentions": p["mentions"], "quotes": []} for it, p in zip(items, preds)]


def main(argv=None) -> int:
    """Nothing to run: ``--help`` says what the module is for."""
    import argparse

    ap = argparse.ArgumentParser(
        description="The real-page gold of benchmarks/gold/real: loading it, its fixed dev/validation "
                    "split and its scoring. A library with nothing to run: benchmarks/extraction.py --real "
                    "and benchmarks/entities.py --real import it.")
    ap.parse_args(argv)
    ap.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
