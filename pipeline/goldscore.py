"""Scoring extracted bodies against gold text: the article-extraction-benchmark
metric, and aeb-dev (../shared/benchmarks/aeb-dev, half of the Zyte
article-extraction-benchmark) loading and scoring.

The metric is the benchmark's own: ``\\w+`` tokens, 4-token shingles, per-page
tp/fp/fn normalised so each page weighs the same, precision and recall averaged
over pages, F1 the harmonic mean of the averages. Used by
``benchmarks/extraction.py`` and ``tests/test_extract_aeb.py``.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AEB_DIR = ROOT.parent / "shared" / "benchmarks" / "aeb-dev"
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


# ---------------------------------------------------------------- metric
def _shingles(text: str, n: int = 4) -> Counter:
    toks = _TOKEN_RE.findall(text or "")
    return Counter(" ".join(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    a, b = _shingles(true), _shingles(pred)
    tp = fp = fn = 0
    for k in set(a) | set(b):
        x, y = a.get(k, 0), b.get(k, 0)
        tp += min(x, y)
        fp += max(0, y - x)
        fn += max(0, x - y)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(tp_fp_fns: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p = statistics.mean([_precision(*x) for x in tp_fp_fns if x[0] + x[1] > 0] or [0.0])
    r = statistics.mean([_recall(*x) for x in tp_fp_fns if x[0] + x[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- aeb-dev
def load_aeb(directory: Path = AEB_DIR) -> list[tuple[str, str, bytes, str]]:
    gt = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(gt):
        raw = gzip.decompress((directory / "html" / f"{key}.html.gz").read_bytes())
        out.append((key, gt[key].get("url", ""), raw, gt[key].get("articleBody", "")))
    return out


def pknews_body(url: str, raw: bytes) -> str:
    from extract.article import extract_body_only
    return extract_body_only(url, raw)


def run_aeb(extractor, pages) -> dict:
    scores, t0 = [], time.perf_counter()
    for _, url, raw, truth in pages:
        scores.append(shingle_match(truth, extractor(url, raw)))
    elapsed = time.perf_counter() - t0
    res = {"pages": len(pages), "seconds_per_page": elapsed / max(1, len(pages))}
    for name, part in (("all", scores), ("even", scores[0::2]), ("odd", scores[1::2])):
        p, r, f = prf(part)
        res[name] = {"precision": p, "recall": r, "f1": f}
    res["per_page"] = scores
    return res
