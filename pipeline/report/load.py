"""The report's inputs, read from a data folder: the Parquet tables (latest article versions
only), the events tables when they exist, and the run reports.

A table that is not there yet (no run wrote it: ``events`` before the events step ran)
reads as an empty frame with the columns the charts use, so every chart can say
"nothing yet" instead of failing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

from pipeline.config import DataDir

# the columns each chart reads, per table (a missing table reads as these columns, empty)
COLUMNS = {
    "articles": ["article_id", "site", "site_label", "title", "url", "published", "source", "text",
                 "extractor_version"],
    "mentions": ["article_id", "kind", "value", "province", "country", "latitude", "longitude"],
    "quotes": ["article_id", "speaker", "speaker_kind", "speaker_role_or_org", "quote"],
    "disruptions": ["article_id"],
    "events": ["event_id", "kind", "platforms", "networks", "areas", "start_date", "start_precision", "end_date",
               "end_precision", "status", "ordered_by", "reasons", "first_reported_at", "reports", "sites", "articles",
               "confidence"],
    "event_reports": ["event_id", "article_id", "statement_index", "site", "url", "published", "text", "kind",
                      "status"],
}
# tables with a version per article: only the latest counts
VERSIONED = {"articles", "mentions", "quotes", "disruptions"}


def read_table(parquet: Path, name: str) -> pd.DataFrame:
    """Table ``name`` (its report columns; latest versions only) or an empty frame when absent."""
    folder = parquet / name
    wanted = COLUMNS[name]
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in wanted})
    dataset = ds.dataset(folder, format="parquet")
    names = dataset.schema.names
    where = ds.field("is_latest") == True if name in VERSIONED and "is_latest" in names else None  # noqa: E712
    df = dataset.to_table(columns=[c for c in wanted if c in names], filter=where).to_pandas()
    for column in wanted:
        if column not in df:
            df[column] = None
    return df[wanted]


def read_runs(runs: Path) -> list[dict]:
    """The nightly run reports (``runs/<run>.json``), oldest first; unreadable ones left out."""
    reports = []
    for path in sorted(runs.glob("*.json")) if runs.is_dir() else []:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("sites"), dict):
            reports.append(record)
    return reports


@dataclass
class ReportData:
    articles: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    disruptions: pd.DataFrame
    events: pd.DataFrame
    event_reports: pd.DataFrame
    runs: list[dict] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    has_events_table: bool = False
    has_disruptions_table: bool = False


def _in_period(dates: pd.Series, since: date | None, until: date | None) -> pd.Series:
    keep = pd.Series(True, index=dates.index)
    values = pd.to_datetime(dates, errors="coerce")
    if since:
        keep &= values >= pd.Timestamp(since)
    if until:
        keep &= values <= pd.Timestamp(until)
    return keep


def events_in_period(events: pd.DataFrame, since: date | None, until: date | None) -> pd.DataFrame:
    """Events overlapping [since, until]; an open end overlaps everything after its start."""
    start = pd.to_datetime(events["start_date"], errors="coerce")
    end = pd.to_datetime(events["end_date"], errors="coerce")
    keep = pd.Series(True, index=events.index)
    if since:
        keep &= end.isna() | (end >= pd.Timestamp(since))
    if until:
        keep &= start.isna() | (start <= pd.Timestamp(until))
    return events[keep]


def load(data: DataDir, since: date | None = None, until: date | None = None) -> ReportData:
    tables = {name: read_table(data.parquet, name) for name in COLUMNS}
    articles = tables["articles"]
    articles = articles[_in_period(articles["published"], since, until)] if since or until else articles
    kept = set(articles["article_id"])
    hanging = {name: tables[name][tables[name]["article_id"].isin(kept)]
               for name in ("mentions", "quotes", "disruptions")}
    events = events_in_period(tables["events"], since, until)
    runs = read_runs(data.runs)
    if since or until:
        runs = [r for r in runs if _in_period(pd.Series([str(r.get("started_at", ""))[:10]]), since, until).all()]
    return ReportData(
        articles=articles.reset_index(drop=True),
        mentions=hanging["mentions"], quotes=hanging["quotes"], disruptions=hanging["disruptions"],
        events=events.reset_index(drop=True),
        event_reports=tables["event_reports"][tables["event_reports"]["event_id"].isin(set(events["event_id"]))],
        runs=runs, since=since, until=until,
        has_events_table=(data.parquet / "events").is_dir(),
        has_disruptions_table=(data.parquet / "disruptions").is_dir(),
    )
