"""The offline HTML report (pipeline/report/): the chart builders over small tables, the page
over a synthetic data folder, `pknews report`, and the demo's report opened in headless
Chromium (no console error, no request, every chart drawn, the events listed)."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.config import DataDir
from pipeline.report import charts, write_report
from pipeline.report.browser import CHROMIUM
from pipeline.report.build import period_end, refresh_report, report_line
from pipeline.report.load import load, read_table
from pipeline.report.synthetic import write_synthetic_data
from tests.conftest import pknews

BROWSER_MISSING = (not CHROMIUM.exists() and f"{CHROMIUM} is not installed (apt-get install chromium)") or (
    importlib.util.find_spec("playwright") is None and "playwright is not installed (pip install -e .[test])")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> DataDir:
    return DataDir(write_synthetic_data(tmp_path_factory.mktemp("data"), articles=40, events=7))


def frame(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns)


# -- loading -------------------------------------------------------------------

def test_missing_tables_read_as_empty_frames(tmp_path):
    report = load(DataDir(tmp_path))
    assert report.articles.empty and report.events.empty and report.runs == []
    assert not report.has_events_table
    assert "event_id" in report.events.columns and "published" in report.articles.columns


def test_only_latest_versions_count(tmp_path):
    folder = tmp_path / "parquet" / "articles"
    folder.mkdir(parents=True)
    frame(article_id=["a", "a"], published=[date(2024, 1, 1), date(2024, 1, 2)], title=["old", "new"],
          is_latest=[False, True]).to_parquet(folder / "part-x-0.parquet")
    assert read_table(tmp_path / "parquet", "articles")["title"].tolist() == ["new"]


def test_period_keeps_overlapping_events(synthetic):
    everything = load(synthetic)
    late = load(synthetic, since=date(2024, 3, 1))
    assert len(late.articles) < len(everything.articles)
    assert (pd.to_datetime(late.articles["published"]) >= "2024-03-01").all()
    ends = pd.to_datetime(late.events["end_date"])
    assert (ends.isna() | (ends >= "2024-03-01")).all()
    assert set(late.event_reports["event_id"]) <= set(late.events["event_id"])


# -- chart builders ------------------------------------------------------------

def events_frame() -> pd.DataFrame:
    area = {"name": "Quetta", "scope": "city", "province": "Balochistan", "latitude": 30.2, "longitude": 67.0}
    return frame(event_id=["e1", "e2", "e3"], kind=["mobile-data", "platform-block", "throttling"],
                 platforms=[[], ["X"], []], networks=[["mobile-data"], [], []], areas=[[area], [], []],
                 start_date=[date(2024, 2, 8), date(2024, 2, 17), None], end_date=[date(2024, 2, 9), None, None],
                 first_reported_at=[pd.Timestamp("2024-02-08T10:00Z"), pd.Timestamp("2024-02-17T08:00Z"),
                                    pd.Timestamp("2024-03-02T09:30Z")],
                 status=["ended", "ongoing", "denied"], reports=[2, 1, 1], sites=[["dawn"], ["geo"], ["drm"]])


def test_event_rows_draw_open_ends_to_the_period_end():
    reports = frame(event_id=["e1"], url=["http://x.example/1"])
    rows = charts.event_rows(events_frame(), reports, date(2024, 3, 31)).set_index("event_id")
    assert rows.loc["e1", ["start", "bar_end", "end", "span"]].tolist() == [
        "2024-02-08", "2024-02-10", "2024-02-09", "ended"]  # the end day is drawn whole
    assert rows.loc["e2", ["bar_end", "end", "span"]].tolist() == ["2024-04-01", "open (ongoing)", "open (ongoing)"]
    assert rows.loc["e1", "label"] == "mobile-data · Quetta" and rows.loc["e1", "sources"] == "http://x.example/1"
    # no date in the reports: one day at the first report, not an open bar
    assert rows.loc["e3", ["start", "bar_end", "span"]].tolist() == ["2024-03-02", "2024-03-03", charts.UNDATED]


def test_event_periods_merge_overlaps_of_a_kind():
    spans = frame(kind=["mobile-data", "mobile-data", "mobile-data", "throttling"],
                  start=["2024-01-03", "2024-01-05", "2024-02-01", "2023-12-01"],
                  bar_end=["2024-01-08", "2024-01-10", "2024-02-02", "2024-01-02"])
    periods = charts.event_periods(spans, "2024-01-01", "2024-03-01")
    assert periods.values.tolist() == [["mobile-data", "2024-01-03", "2024-01-10", 2],
                                       ["mobile-data", "2024-02-01", "2024-02-02", 1],
                                       ["throttling", "2024-01-01", "2024-01-02", 1]]  # cut to the chart's weeks


def test_event_areas_count_events_per_area():
    areas = charts.event_areas(events_frame())
    assert areas[["area", "events", "kinds"]].values.tolist() == [["Quetta", 1, "mobile-data"]]


def test_weekly_attention_leaves_weeks_without_articles_empty():
    articles = frame(article_id=["a", "b", "c"], published=[date(2024, 1, 1), date(2024, 1, 9), date(2024, 1, 24)])
    mentions = frame(article_id=["a", "c"], kind=["platform", "platform"], value=["X", "X"])
    weekly = charts.weekly_platform_attention(articles, mentions)
    # weeks of 1, 8, 15 and 22 January: the 15th had no article at all, the 8th one without X
    assert weekly["week"].tolist() == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]
    assert weekly["articles"].tolist()[:2] == [1, 0] and pd.isna(weekly["articles"].iat[2])


def test_who_speaks_falls_back_to_platform_stories_with_disruption_words():
    articles = frame(article_id=["a", "b", "c"], text=["X was blocked in Quetta.", "X launched a feature.",
                                                      "The market was shut down."])
    mentions = frame(article_id=["a", "b"], kind=["platform", "platform"], value=["X", "X"])
    stories = charts.disruption_articles(articles, mentions, frame(article_id=[]), has_disruptions_table=False)
    assert stories == {"a"}
    quotes = frame(article_id=["a", "a", "a", "b"], speaker=["PTA", "PTA", "Residents", "PTA"],
                   speaker_kind=["org", "org", "unnamed", "org"], speaker_role_or_org=[None, "regulator", None, None],
                   quote=["short", "a longer statement", "we had no signal", "elsewhere"])
    speakers = charts.top_speakers(quotes, stories)
    assert speakers[["speaker", "role", "quotes", "sample"]].values.tolist() == [
        ["PTA", "regulator", 2, "a longer statement"]]


def test_run_health_from_run_reports():
    runs = [{"run_id": "r1", "started_at": "2024-03-01T02:17:00+00:00",
             "sites": {"dawn": {"new_articles": 3, "errors": {"http-500": 2}, "failed": False},
                       "geo": {"new_articles": 0, "errors": {}, "failed": True}}}]
    nights = charts.site_nights(runs)
    assert nights[["night", "site", "new_articles", "failed"]].values.tolist() == [
        ["2024-03-01", "dawn", 3, False], ["2024-03-01", "geo", 0, True]]
    assert charts.errors_by_kind(nights).values.tolist() == [["http-500", "dawn", 2]]


def test_every_chart_has_titles_and_an_empty_state():
    empty = charts.message_chart("Disruption events", "No events.")
    assert charts.to_spec(empty)["title"] == "Disruption events"
    spec = charts.to_spec(charts.speakers_chart(frame(speaker=["PTA"], speaker_kind=["org"], role=[""], quotes=[2],
                                                     articles=[1], sample=["q"])))
    assert spec["title"] and spec["encoding"]["x"]["title"] and spec["encoding"]["y"]["title"]
    assert spec["encoding"]["color"]["title"]


# -- the page ------------------------------------------------------------------

def test_report_page_is_self_contained(synthetic, tmp_path):
    out = write_report(synthetic, tmp_path / "out" / "report.html")
    html = out.read_text()
    assert html.count("window.vegaEmbed=") == 1  # one copy of the JavaScript for every chart
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", markup)  # nothing loaded from elsewhere
    events = read_table(synthetic.parquet, "events")
    assert all(f'id="event-{e}"' in html for e in events["event_id"])
    # sources link the original URL and the WARC file, relative to the page
    assert 'href="http://dawn.example/story-0"' in html
    assert re.search(r'href="\.\./\.\./[^"]+/warc/synthetic-000\.warc\.gz"', html)
    for fact in ("Data range", "Extractor version", "Built from run", "20240301T021700Z-synt"):
        assert fact in html


def test_report_of_an_empty_data_folder_says_so(tmp_path):
    html = write_report(DataDir(tmp_path)).read_text()
    assert "no events table in this data folder" in html
    assert "No events in this data folder for this period." in html


def test_open_events_run_to_the_period_end(synthetic):
    assert period_end(load(synthetic, until=date(2024, 2, 1))) == date(2024, 2, 1)


def test_cli_report(synthetic, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--data", str(synthetic.root), "--since", "2024-02-01", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"report: {out}"
    assert "2024-02-01 to the end" in out.read_text()
    assert main(["report", "--data", str(tmp_path / "none")]) == 2
    assert main(["report", "--data", str(synthetic.root), "--until", "soon"]) == 2
    assert "--until wants a date" in capsys.readouterr().err


def test_a_failing_report_is_an_error_not_a_crash(tmp_path):
    blocked = tmp_path / "data"
    blocked.mkdir()
    (blocked / "report").write_text("a file where the report folder should be")
    result = refresh_report(DataDir(blocked), "run-1")
    assert result["path"] is None and result["error"]
    assert report_line(result).startswith("report failed: ")


# -- in the browser ------------------------------------------------------------

def drawn_marks(page) -> dict[str, int]:
    """Per chart container: how many SVG shapes and texts it holds."""
    return page.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('.chart')).map(div => "
                         "[div.id, div.querySelectorAll('svg path, svg rect, svg text, svg line').length]))")


def listed_events(page) -> list[str]:
    return page.evaluate("Array.from(document.querySelectorAll('#events-table tbody tr')).map(tr => tr.id)")


def charted_events(page) -> set[str]:
    """The event ids in the timeline's data (one bar each)."""
    return set(page.evaluate("Object.values(PKNEWS_SPECS.timeline.datasets || {}).flat()"
                             ".filter(row => row.event_id).map(row => row.event_id)"))


def check_opened(path: Path, data: DataDir, screenshot: Path) -> dict[str, int]:
    """Open the report: no console error, no request but the page, every chart drawn,
    the events table lists exactly the data folder's events; saves a screenshot."""
    from pipeline.report.browser import report_page

    with report_page(path) as (page, errors, requests):
        assert errors == []
        assert requests == [path.resolve().as_uri()]
        marks = drawn_marks(page)
        assert set(marks) >= {"chart-timeline", "chart-map", "chart-attention", "chart-speakers"}
        assert all(n > 3 for n in marks.values()), marks
        events = read_table(data.parquet, "events")  # empty while no events table exists
        assert sorted(listed_events(page)) == sorted(f"event-{e}" for e in events["event_id"])
        dated = events["start_date"].notna() | events["first_reported_at"].notna()
        assert charted_events(page) == set(events.loc[dated, "event_id"])
        links = page.evaluate("Array.from(document.querySelectorAll('#events-table a')).map(a => a.href)")
        page.screenshot(path=str(screenshot), full_page=True)
    articles = read_table(data.parquet, "articles")
    assert {u for u in links if u.startswith("http")} <= set(articles["url"])
    assert all(Path(unquote(urlsplit(u).path)).is_file() for u in links if u.startswith("file:"))  # WARC files
    assert screenshot.stat().st_size > 10_000
    return marks


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.skipif(bool(BROWSER_MISSING), reason=f"no headless browser: {BROWSER_MISSING}")
def test_synthetic_report_in_chromium(synthetic, tmp_path):
    path = write_report(synthetic, tmp_path / "index.html")
    marks = check_opened(path, synthetic, tmp_path / "report.png")
    assert marks["chart-timeline"] > 7 * 2  # a bar and a label per event at least


@pytest.mark.e2e
@pytest.mark.slow
@pytest.mark.skipif(bool(BROWSER_MISSING), reason=f"no headless browser: {BROWSER_MISSING}")
def test_demo_report_in_chromium(tmp_path):
    data = DataDir(tmp_path / "data")
    result = pknews("demo", "--data", str(data.root), check=True)
    path = data.root / "report" / "index.html"
    assert f"report: {path}" in result.stdout
    check_opened(path, data, tmp_path / "demo-report.png")
    snapshot_events = read_table(data.parquet, "events")
    # every event of the snapshot history is one row of the data, so one bar and one table row
    from benchmarks.events import GOLD, load_predicted, score_events

    history = json.loads((GOLD / "history.json").read_text(encoding="utf-8"))
    details: list = []
    found = score_events(*load_predicted(data.parquet), history, details)
    assert found["found exactly once"] == len(history["events"]), found["outcome"]
    drawn = set(snapshot_events.loc[snapshot_events["start_date"].notna()
                                    | snapshot_events["first_reported_at"].notna(), "event_id"])
    assert {held[0][0] for *_, held in details} <= drawn
    html = path.read_text()
    for area in {a["name"] for areas in snapshot_events["areas"] for a in areas if a.get("latitude") is not None}:
        assert area in html  # every event area with coordinates is on the map
