"""``pknews events`` output: the events as a terminal table, CSV, JSON or Parquet,
the STOP-compatible columns, and one event's timeline of reports.

Rows are the ``events`` table's rows as Python values (``pyarrow`` ``to_pylist``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date, datetime

from pipeline.events.merge import KIND_FAMILY

# Access Now's STOP dataset columns (../shared/BRIEF.md), in its order
STOP_COLUMNS = ("start_date", "end_date", "shutdown_status", "duration", "region", "geo_scope", "area_name",
                "shutdown_type", "affected_network", "facebook_affected", "twitter_affected",
                "whatsapp_affected", "instagram_affected", "telegram_affected", "other_affected", "ordered_by",
                "gov_justification", "actual_cause", "election", "violence", "info_source", "info_source_link")
# STOP's platform columns and the canonical platform each one means
STOP_PLATFORMS = {"facebook_affected": "Facebook", "twitter_affected": "X", "whatsapp_affected": "WhatsApp",
                  "instagram_affected": "Instagram", "telegram_affected": "Telegram"}
STOP_TYPE = {"network": "full shutdown", "platform": "service-based", "website": "service-based"}
STOP_NETWORK = {"mobile-data": "mobile", "mobile-voice": "mobile", "sms": "mobile",
                "broadband": "broadband", "fixed-line": "broadband", "internet": "mobile; broadband"}
LIST_SEPARATOR = "; "


# -- choosing ------------------------------------------------------------------

def _folded(values: Iterable[str] | None) -> set[str]:
    return {v.casefold() for v in values or ()}


def _last_day(event: dict, reported: dict[str, date]) -> date | None:
    """The latest day the event is known by: a date of its own or a report's."""
    days = [event.get(k) for k in ("start_date", "end_date", "announced_start", "announced_end")]
    days.append(reported.get(event["event_id"]))
    return max((d for d in days if d), default=None)


def select(events: list[dict], reports: list[dict] = (), *, since: date | None = None,
           kinds: list[str] | None = None, platforms: list[str] | None = None,
           areas: list[str] | None = None) -> list[dict]:
    """Events with a date or a report on or after ``since``, of one of ``kinds`` (a kind
    or a family: network, platform, website), cutting one of ``platforms`` (a platform or
    a network), in one of ``areas`` (by name, or a province for its cities)."""
    kinds, platforms, areas = _folded(kinds), _folded(platforms), _folded(areas)
    reported: dict[str, date] = {}
    for r in reports:
        if r["published"]:
            reported[r["event_id"]] = max(r["published"], reported.get(r["event_id"], r["published"]))
    chosen = []
    for event in events:
        if since and (_last_day(event, reported) or date.min) < since:
            continue
        if kinds and not kinds & {event["kind"], KIND_FAMILY.get(event["kind"], "")}:
            continue
        if platforms and not platforms & _folded([*event["platforms"], *event["networks"]]):
            continue
        if areas and not areas & _folded([v for a in event["areas"] for v in (a["name"], a["province"]) if v]):
            continue
        chosen.append(event)
    return chosen


# -- cells ---------------------------------------------------------------------

def day_text(day: date | None, precision: str | None = "day") -> str:
    if day is None:
        return ""
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(precision or "day", day.isoformat())


def when_text(event: dict) -> str:
    start = day_text(event["start_date"], event["start_precision"])
    end = day_text(event["end_date"], event["end_precision"])
    if not start and not end and event["announced_start"]:
        return f"announced for {day_text(event['announced_start'])}"
    if event["status"] == "ongoing":
        return f"{start} - open"
    if event["status"] == "ended" and start and not end:
        return f"{start} - ?"  # over, no one said when
    return f"{start} - {end}" if end and end != start else start or end


def what_text(event: dict) -> str:
    return ", ".join([*event["platforms"], *event["networks"]])


def where_text(event: dict) -> str:
    return ", ".join(a["name"] for a in event["areas"])


def _cell(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "~"


TABLE_COLUMNS = (  # heading, width, cell
    ("event", 15, lambda e: e["event_id"]),
    ("kind", 16, lambda e: e["kind"]),
    ("what", 26, what_text),
    ("where", 24, where_text),
    ("when", 25, when_text),
    ("status", 10, lambda e: e["status"]),
    ("reports", 7, lambda e: str(e["reports"])),
    ("sites", 30, lambda e: ", ".join(e["sites"])),
)


def table_text(events: list[dict]) -> str:
    if not events:
        return "no events"
    lines = ["  ".join(f"{head:<{width}}" for head, width, _ in TABLE_COLUMNS).rstrip()]
    for event in events:
        lines.append("  ".join(f"{_cell(cell(event), width):<{width}}" for _, width, cell in TABLE_COLUMNS).rstrip())
    lines.append(f"{len(events)} event(s)")
    return "\n".join(lines)


# -- files ---------------------------------------------------------------------

def flat_row(event: dict) -> dict:
    """An event with lists joined by "; " and areas by name: one CSV row."""
    row = {}
    for key, value in event.items():
        if key == "areas":
            value = [a["name"] for a in value]
        row[key] = LIST_SEPARATOR.join(value) if isinstance(value, list) else _plain(value)
    return row


def stop_row(event: dict, reports: list[dict]) -> dict:
    """An event in STOP's columns. Reasons fill gov_justification (what the statements say
    the cut was for); actual_cause and violence are not known and stay empty."""
    start, end = event["start_date"], event["end_date"]
    scopes = {a["scope"] for a in event["areas"]}
    platforms = set(event["platforms"])
    return {
        "start_date": day_text(start), "end_date": day_text(end), "shutdown_status": event["status"],
        "duration": (end - start).days + 1 if start and end else "",
        "region": LIST_SEPARATOR.join(dict.fromkeys(
            a["name"] if a["scope"] == "province" else a["province"] for a in event["areas"]
            if a["scope"] != "national" and (a["scope"] == "province" or a["province"]))),
        "geo_scope": "national" if "national" in scopes else "city" if scopes == {"city"} else
                     "regional" if scopes else "",
        "area_name": where_text(event).replace(", ", LIST_SEPARATOR),
        "shutdown_type": "throttling" if event["kind"] == "throttling" else
                         STOP_TYPE.get(KIND_FAMILY.get(event["kind"], ""), ""),
        "affected_network": LIST_SEPARATOR.join(sorted({part for n in event["networks"]
                                                        for part in STOP_NETWORK.get(n, n).split(LIST_SEPARATOR)})),
        **{column: "yes" if name in platforms else "no" for column, name in STOP_PLATFORMS.items()},
        "other_affected": LIST_SEPARATOR.join(sorted(platforms - set(STOP_PLATFORMS.values()))),
        "ordered_by": LIST_SEPARATOR.join(event["ordered_by"]),
        "gov_justification": LIST_SEPARATOR.join(event["reasons"]),
        "actual_cause": "",
        "election": "yes" if "election" in event["reasons"] else "no",
        "violence": "",
        "info_source": LIST_SEPARATOR.join(event["sites"]),
        "info_source_link": LIST_SEPARATOR.join(dict.fromkeys(r["url"] for r in reports if r["url"])),
    }


def stop_rows(events: list[dict], reports: list[dict]) -> list[dict]:
    by_event: dict[str, list[dict]] = {}
    for report in reports:
        by_event.setdefault(report["event_id"], []).append(report)
    return [stop_row(e, by_event.get(e["event_id"], [])) for e in events]


def csv_text(rows: list[dict]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def _plain(value):
    """A value JSON and CSV can hold: dates and times in ISO 8601."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def json_text(rows: list[dict]) -> str:
    return json.dumps(rows, indent=2, default=_plain, ensure_ascii=False) + "\n"


# -- one event -----------------------------------------------------------------

def timeline_text(event: dict, reports: list[dict]) -> str:
    """An event's facts, then its reports in the order they came out."""
    facts = [f"{event['event_id']}  {event['kind']}  {what_text(event) or '(unnamed)'}  "
             f"in {where_text(event) or '(place not stated)'}",
             f"{when_text(event) or 'dates not stated'}  {event['status']}  confidence {event['confidence']:.2f}"]
    if event["announced_start"] or event["announced_end"]:
        facts.append(f"announced for {day_text(event['announced_start'])}"
                     + (f" to {day_text(event['announced_end'])}" if event["announced_end"] else ""))
    for label, key in (("ordered by", "ordered_by"), ("reasons", "reasons")):
        if event[key]:
            facts.append(f"{label}: {', '.join(event[key])}")
    facts.append(f"{event['reports']} report(s) from {len(event['sites'])} site(s):")
    width = max([len(r["site"] or "") for r in reports] + [4])
    for r in reports:
        facts.append(f"  {day_text(r['published']) or '(undated)':<10}  {r['site'] or '':<{width}}  "
                     f"{r['status']:<9}  {' '.join((r['text'] or '').split())}")
        if r["url"]:
            facts.append(f"  {'':<10}  {'':<{width}}  {'':<9}  {r['url']}")
    return "\n".join(facts)
