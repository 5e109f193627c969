"""``pknews report``: the data folder's tables turned into one offline HTML page
(``DATA/report/index.html`` unless told otherwise)."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from crawlers.atomic import atomic_write
from pipeline.config import DataDir
from pipeline.report import charts
from pipeline.report.load import ReportData, load
from pipeline.report.page import Section, html_table, render

REPORT_FILE = Path("report") / "index.html"


def default_out(data: DataDir) -> Path:
    return data.root / REPORT_FILE


def period_end(report: ReportData) -> date:
    """Where an open (ongoing) event's bar stops: the end of the period, else the newest
    article or event start, else today."""
    if report.until:
        return report.until
    latest = pd.concat([pd.to_datetime(report.articles["published"], errors="coerce"),
                        pd.to_datetime(report.events["start_date"], errors="coerce")]).max()
    return datetime.now(timezone.utc).date() if pd.isna(latest) else latest.date()


def link(url, text) -> str:
    return f'<a href="{escape(str(url), quote=True)}">{escape(str(text))}</a>'


def warc_link(source, data_from_page: str) -> str:
    """The archived copy's reference (``warc/<file>@<offset>``, relative to the data folder),
    linked to the WARC file; ``data_from_page``: the data folder relative to the page."""
    if not isinstance(source, str) or not source:
        return ""
    file = source.partition("@")[0]
    return f'<span class="ref">archived: {link(quote(f"{data_from_page}/{file}"), source)}</span>'


def event_sources(article_ids: list[str], articles: dict[str, dict], report_urls: dict[str, str],
                  data_from_page: str) -> str:
    """Each source article of an event: its original URL and its WARC reference (an article
    not in the articles table: the URL its report gave)."""
    items = []
    for article_id in article_ids:
        a = articles.get(article_id)
        if a is not None:
            items.append(f"{link(a['url'], a['title'] or a['url'])} ({escape(str(a['site']))}) "
                         f"{warc_link(a['source'], data_from_page)}")
        else:
            url = report_urls.get(article_id)
            items.append(link(url, url) if url else escape(str(article_id)))
    return "<br>".join(items)


def events_table(report: ReportData, data: DataDir, out: Path) -> str:
    events = report.events.assign(_start=report.events["start_date"].map(charts.iso)).sort_values(
        ["_start", "event_id"], na_position="last")
    articles = {a["article_id"]: a for a in report.articles.to_dict("records")}
    report_urls = dict(zip(report.event_reports["article_id"], report.event_reports["url"]))
    reported = report.event_reports.groupby("event_id")["article_id"].agg(list).to_dict()
    sources = {e.event_id: list(dict.fromkeys([*reported.get(e.event_id, []),
                                               *(e.articles if e.articles is not None else [])]))
               for e in events.itertuples()}
    data_from_page = Path(os.path.relpath(data.root.resolve(), out.parent.resolve())).as_posix()
    rows = [[escape(charts.iso(e.start_date) or "unknown"), escape(charts.iso(e.end_date) or (charts.OPEN if pd.notna(e.start_date) else "unknown")),
             escape(str(e.kind)), escape(str(e.status)),
             escape(charts.joined(e.platforms) or charts.joined(e.networks)), escape(charts.area_names(e.areas)),
             escape(charts.joined(e.ordered_by)), str(int(e.reports) if pd.notna(e.reports) else 0),
             event_sources(sources[e.event_id], articles, report_urls, data_from_page)]
            for e in events.itertuples()]
    empty = ("No events in this period." if report.has_events_table
             else "No events yet: this data folder has no events table (the events step has not run on it).")
    return html_table(["Start", "End", "Kind", "Status", "Platforms / networks", "Areas", "Ordered by", "Reports",
                       "Sources (original URL; archived copy)"], rows, table_id="events-table", sortable=True,
                      row_ids=[f"event-{e}" for e in events["event_id"]], empty=empty)


def speakers_table(speakers: pd.DataFrame) -> str:
    rows = [[escape(s.speaker), escape(s.speaker_kind), escape(s.role or ""), str(s.quotes),
             f"<blockquote>{escape(s.sample)}</blockquote>"] for s in speakers.itertuples()]
    return html_table(["Speaker", "Is", "Role or organisation", "Quotes", "Sample quote"], rows, sortable=True,
                      empty="No named speaker quoted.")


def failed_sites_table(nights: pd.DataFrame) -> str:
    failed = nights[nights["failed"]]
    rows = [[escape(n.night), escape(str(n.run_id)), escape(n.site),
             escape(", ".join(f"{k} x{v}" for k, v in sorted(n.errors.items())) or "unreachable")]
            for n in failed.itertuples()]
    return html_table(["Night", "Run", "Site", "Errors"], rows, sortable=True,
                      empty="No site failed in the runs of this period.")


def sections(report: ReportData, data: DataDir, out: Path) -> list[Section]:
    colours = charts.kind_colour(report.events["kind"])
    spans = charts.event_rows(report.events, report.event_reports, period_end(report))
    stories = charts.disruption_articles(report.articles, report.mentions, report.disruptions,
                                         report.has_disruptions_table)
    speakers = charts.top_speakers(report.quotes, stories)
    nights = charts.site_nights(report.runs)
    story_rule = ("articles with at least one disruption statement" if report.has_disruptions_table else
                  "until the disruptions table exists: articles that name a platform and use a disruption word "
                  "(blocked, ban, shutdown, suspended, outage, throttled, disrupted, restored ...)")
    return [
        Section("timeline", "Timeline of disruption events",
                "One bar per event from its reported start to its end (dashed with an arrow: no end reported yet, "
                "drawn to the end of the period; dotted: no date reported, one day at its first report); colour: "
                "kind of disruption. Hover for sources, click for the event's row.",
                charts.to_spec(charts.timeline_chart(spans, colours))),
        Section("map", "Map",
                "Red diamonds: provinces, districts and cities named by events, sized by the number of events "
                f"({charts.national_events(report.events)} events covering all Pakistan are not drawn as a point); "
                f"blue circles: the {charts.TOP_CITIES} Pakistani cities named in the most articles, sized by articles.",
                charts.map_spec(charts.event_areas(report.events), charts.reported_cities(report.mentions))),
        Section("attention", "Platform attention over time",
                f"Articles per week (by publication date) that mention each of the {charts.TOP_PLATFORMS} most "
                "mentioned platforms; shaded: event periods. A gap is a week without any collected article.",
                charts.to_spec(charts.attention_chart(charts.weekly_platform_attention(report.articles, report.mentions),
                                            spans, colours))),
        Section("speakers", "Who speaks in disruption stories",
                f"Quotes and reported statements of named people and organisations in disruption stories: {story_rule}.",
                charts.to_spec(charts.speakers_chart(speakers)), speakers_table(speakers)),
        Section("events", "Events", "Every event of the period (click a column header to sort), with the source "
                "articles that report it: the original URL and the archived copy in the WARC files.",
                html=events_table(report, data, out)),
        Section("health-articles", "Run health: new articles",
                "New articles stored per site per nightly run (date of the run's start, UTC); nights without "
                "a run have no bar.", charts.to_spec(charts.articles_per_night_chart(nights))),
        Section("health-errors", "Run health: errors and failed sites",
                "Crawl errors per kind summed over the runs of the period, by site; below, the sites that failed "
                "in a run.", charts.to_spec(charts.errors_chart(charts.errors_by_kind(nights))), failed_sites_table(nights)),
    ]


def facts(report: ReportData, run_id: str | None) -> list[tuple[str, str]]:
    published = [d for d in map(charts.iso, report.articles["published"]) if d]
    versions = report.articles["extractor_version"].value_counts()
    run = run_id or (report.runs[-1].get("run_id") if report.runs else None)
    period = (f"{report.since or 'the start'} to {report.until or 'the end'}" if report.since or report.until
              else "all data")
    events = (f"{len(report.events)}" if report.has_events_table else "none yet (no events table in this data folder)")
    return [
        ("Data range", escape(f"articles published {min(published)} to {max(published)}" if published
                              else "no dated article")),
        ("Period shown", escape(period)),
        ("Articles", escape(f"{len(report.articles)} (latest versions) from {report.articles['site'].nunique()} sites")),
        ("Events", escape(events)),
        ("Extractor version", escape(", ".join(f"{v} ({n} articles)" for v, n in versions.items()) or "none")),
        ("Built from run", escape(run or "no run report")),
        ("Written", escape(datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))),
    ]


def write_report(data: DataDir, out: Path | None = None, *, since: date | None = None, until: date | None = None,
                 run_id: str | None = None) -> Path:
    """Write the report page and return its path."""
    out = Path(out) if out else default_out(data)
    report = load(data, since, until)
    html = render("pknews: internet disruptions in Pakistan", facts(report, run_id), sections(report, data, out))
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, lambda tmp: tmp.write_text(html, encoding="utf-8"))
    return out


def refresh_report(data: DataDir, run_id: str) -> dict:
    """The end of a nightly run: the report rewritten. Never raises: a failure comes back as
    ``{"error": ...}`` for the run report, the run's data stays as it is."""
    try:
        return {"path": str(write_report(data, run_id=run_id)), "error": None}
    except Exception as err:  # noqa: BLE001 - whatever breaks the page must not fail the night
        return {"path": None, "error": f"{type(err).__name__}: {err}"}


def report_line(result: dict) -> str:
    return f"report: {result['path']}" if result["path"] else f"report failed: {result['error']}"
