"""A synthetic data folder for the report's tests and benchmark: articles, platform and
city mentions, quotes, events with their reports (the columns of docs/schema.md and the
events contract) and one run report, all made up from a seed.

Only the columns the report reads are written; the text is a fixed sentence or two.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.nlp.kinds import DisruptionKind
from pipeline.events.schema import EVENT_REPORTS, EVENTS

SITES = ["dawn", "tribune", "geo", "drm", "bolobhi"]
PLATFORMS = ["X", "Facebook", "YouTube", "WhatsApp", "TikTok", "Instagram", "VPN", "mobile internet"]
CITIES = [("Karachi", "Sindh", 24.86, 67.01), ("Lahore", "Punjab", 31.56, 74.35),
          ("Islamabad", "Islamabad Capital Territory", 33.72, 73.04), ("Quetta", "Balochistan", 30.19, 67.01),
          ("Peshawar", "Khyber Pakhtunkhwa", 34.01, 71.58), ("Gwadar", "Balochistan", 25.12, 62.33)]
KINDS = [k.value for k in DisruptionKind]
SPEAKERS = [("NetBlocks", "org", None), ("Pakistan Telecommunication Authority", "org", None),
            ("Farieha Aziz", "person", "Bolo Bhi"), ("Usama Khilji", "person", "Bolo Bhi"),
            ("Nighat Dad", "person", "Digital Rights Foundation")]

def _write(root: Path, name: str, rows: list[dict], schema: pa.Schema | None = None) -> None:
    folder = root / "parquet" / name
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema) if schema else pa.Table.from_pylist(rows)
    pq.write_table(table, folder / "part-synthetic-0.parquet")


def synthetic_articles(n: int, first: date, days: int, rng: random.Random) -> list[dict]:
    rows = []
    for i in range(n):
        site = SITES[i % len(SITES)]
        published = first + timedelta(days=rng.randrange(days))
        platform = PLATFORMS[i % len(PLATFORMS)]
        rows.append({
            "article_id": f"a{i:05d}", "site": site, "site_label": site.title(),
            "title": f"Synthetic story {i} about {platform}", "url": f"http://{site}.example/story-{i}",
            "published": published, "source": f"warc/synthetic-{i // 500:03d}.warc.gz@{1000 * (i % 500)}",
            "text": f"Users said {platform} was blocked in {CITIES[i % len(CITIES)][0]} on {published}.",
            "extractor_version": "synthetic", "is_latest": True,
        })
    return rows


def synthetic_mentions(articles: list[dict]) -> list[dict]:
    rows = []
    for i, a in enumerate(articles):
        city, province, lat, lon = CITIES[i % len(CITIES)]
        rows.append({"article_id": a["article_id"], "kind": "platform", "value": PLATFORMS[i % len(PLATFORMS)],
                     "province": None, "country": None, "latitude": None, "longitude": None, "is_latest": True})
        rows.append({"article_id": a["article_id"], "kind": "city", "value": city, "province": province,
                     "country": "PK", "latitude": lat, "longitude": lon, "is_latest": True})
    return rows


def synthetic_quotes(articles: list[dict]) -> list[dict]:
    return [{"article_id": a["article_id"], "speaker": SPEAKERS[i % len(SPEAKERS)][0],
             "speaker_kind": SPEAKERS[i % len(SPEAKERS)][1], "speaker_role_or_org": SPEAKERS[i % len(SPEAKERS)][2],
             "quote": f"The service was cut without notice, statement {i}.", "is_latest": True}
            for i, a in enumerate(articles) if i % 2 == 0]


def synthetic_events(n: int, articles: list[dict], first: date, days: int,
                     rng: random.Random) -> tuple[list[dict], list[dict]]:
    events, reports = [], []
    for i in range(n):
        start = first + timedelta(days=rng.randrange(days))
        ended = i % 7 != 0  # every seventh event is still open
        city, province, lat, lon = CITIES[i % len(CITIES)]
        sources = [articles[(i * 3 + k) % len(articles)] for k in range(1 + i % 3)]
        event_id = f"ev{i:04d}"
        events.append({
            "event_id": event_id, "kind": KINDS[i % len(KINDS)], "platforms": [PLATFORMS[i % len(PLATFORMS)]],
            "networks": [], "areas": [{"name": city, "scope": "city", "province": province, "latitude": lat,
                                       "longitude": lon}],
            "start_date": start, "start_precision": "day",
            "end_date": start + timedelta(days=1 + i % 5) if ended else None, "end_precision": "day" if ended else None,
            "announced_start": None, "announced_end": None, "status": "ended" if ended else "ongoing",
            "ordered_by": ["PTA"] if i % 2 else [], "reasons": ["protest"],
            "first_reported_at": datetime.combine(start, datetime.min.time(), tzinfo=timezone.utc),
            "reports": len(sources), "sites": sorted({a["site"] for a in sources}),
            "articles": [a["article_id"] for a in sources], "confidence": 0.8,
        })
        reports += [{"event_id": event_id, "article_id": a["article_id"], "statement_index": 0, "site": a["site"],
                     "url": a["url"], "published": a["published"], "text": a["text"], "kind": KINDS[i % len(KINDS)],
                     "status": "occurred"} for a in sources]
    return events, reports


def synthetic_run(articles: list[dict]) -> dict:
    sites = {site: {"new_articles": sum(a["site"] == site for a in articles),
                    "errors": {"http-500": 2} if site == "geo" else {}, "failed": site == "bolobhi"}
             for site in SITES}
    return {"run_id": "20240301T021700Z-synt", "started_at": "2024-03-01T02:17:00+00:00", "sites": sites}


def write_synthetic_data(root: Path, *, articles: int = 40, events: int = 6, first: date = date(2024, 1, 1),
                         days: int = 120, seed: int = 1) -> Path:
    """A data folder at ``root`` with ``articles`` articles and ``events`` events spread over ``days`` days."""
    rng = random.Random(seed)
    article_rows = synthetic_articles(articles, first, days, rng)
    _write(root, "articles", article_rows)
    _write(root, "mentions", synthetic_mentions(article_rows))
    _write(root, "quotes", synthetic_quotes(article_rows))
    if events:
        event_rows, report_rows = synthetic_events(events, article_rows, first, days, rng)
        _write(root, "events", event_rows, EVENTS)
        _write(root, "event_reports", report_rows, EVENT_REPORTS)
    warc = root / "warc"  # the files the articles' `source` names (empty: the report only links them)
    warc.mkdir(parents=True, exist_ok=True)
    for name in {a["source"].partition("@")[0] for a in article_rows}:
        (root / name).touch()
    runs = root / "runs"
    runs.mkdir(parents=True, exist_ok=True)
    (runs / "20240301T021700Z-synt.json").write_text(json.dumps(synthetic_run(article_rows)))
    return root
