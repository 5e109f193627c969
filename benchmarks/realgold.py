"""The real-page gold of benchmarks/gold/real: loading it and its fixed split."""

from __future__ import annotations

import hashlib
import json
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


def raw_html(path: str) -> str:
    from extract.decode import decode_body
    return decode_body(page_of(path).body, None)


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
    from extract.rows import reference_datetime
    return reference_datetime(a) if a.published else None


def stock_fields(path: str) -> dict:
    """trafilatura 2.3 with metadata (its dates come from htmldate): the stock recipe."""
    import trafilatura
    html = raw_html(path)
    doc = trafilatura.bare_extraction(html, url=page_of(path).url, include_comments=False, with_metadata=True) \
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
