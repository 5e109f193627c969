"""The report's charts: one small function per chart, each turning the loaded tables into
an Altair (Vega-Lite) chart with its title, axis titles with units and legends.

The frames handed to Vega-Lite are aggregated here (a few hundred rows at most), so the
page stays small however many articles there are. Dates go in as ISO strings on UTC
scales: a day is the same day in every browser's time zone.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from extract.nlp.kinds import DisruptionKind

MAP_FILE = Path(__file__).parent / "data" / "pakistan-provinces.topo.json"
MAP_DATASET = "pakistan-provinces"  # named, and added to the spec after Altair: it copies inline data often
WIDTH = 760
TOP_PLATFORMS = 8
TOP_CITIES = 15
TOP_SPEAKERS = 15
SAMPLE_QUOTE_CHARS = 220
LABEL_CHARS = 48  # a timeline row's label; the tooltip has the rest
# until the disruptions table exists: a story about a platform with one of these words is a disruption story
DISRUPTION_WORDS = re.compile(
    r"\b(?:block\w*|ban(?:s|ned|ning)?|shut\s?down\w*|suspen\w+|outage\w*|throttl\w+|disrupt\w*|restor\w+|"
    r"internet (?:was|is|remains) (?:down|off)|cut off|switched off)\b", re.IGNORECASE)
UTC = alt.Scale(type="utc")
OPEN = "open (ongoing)"
UNDATED = "no date reported (at first report)"


def iso(value) -> str | None:
    """``YYYY-MM-DD`` of a date-like value, None for a missing one."""
    if isinstance(value, date):  # datetime and Timestamp included; the common case, kept cheap
        return value.strftime("%Y-%m-%d")
    stamp = pd.to_datetime(value, errors="coerce")
    return None if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def joined(values) -> str:
    """A list column's value as text: ``X, Facebook`` (empty for null or empty)."""
    if values is None or (not isinstance(values, (list, tuple)) and not hasattr(values, "__len__")):
        return ""
    return ", ".join(str(v) for v in values if v is not None and str(v))


def short(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",·") + " …"


def area_names(areas) -> str:
    return joined([a.get("name") for a in (areas if areas is not None else []) if isinstance(a, dict)])


def to_spec(chart, datasets: dict | None = None) -> dict:
    """The chart's Vega-Lite spec, with named ``datasets`` added."""
    with alt.data_transformers.disable_max_rows():
        spec = chart.to_dict()
    if datasets:
        spec.setdefault("datasets", {}).update(datasets)
    return spec


def message_chart(title: str, message: str, width: int = WIDTH) -> alt.Chart:
    """An honest empty state drawn as a chart: its title and what is missing."""
    return alt.Chart(pd.DataFrame({"message": [message]}), title=title).mark_text(
        fontSize=14, color="#555").encode(text="message:N").properties(width=width, height=60)


def kind_colour(kinds) -> alt.Scale:
    """One colour per event kind, the same in every chart and every report (the vocabulary's
    kinds first, in its order; any other kind the data has after them)."""
    known = [k.value for k in DisruptionKind]
    return alt.Scale(domain=known + sorted({str(k) for k in kinds if k} - set(known)), scheme="tableau10")


def count_legend(counts: pd.Series) -> alt.Legend:
    """A size legend of whole numbers (articles, events), never 0.5."""
    top = int(counts.max()) if len(counts) else 1
    return alt.Legend(values=sorted({1, max(1, round(top / 2)), max(1, top)}), format="d")


def ranked_bars(data: pd.DataFrame, title: str, *, count: str, count_title: str, label: str, label_title: str,
                colour: alt.Color, tooltip: list, width: int) -> alt.Chart:
    """Horizontal bars, longest first: a count per label."""
    return alt.Chart(data, title=title).mark_bar().encode(
        x=alt.X(f"{count}:Q", title=count_title, axis=alt.Axis(tickMinStep=1)),
        y=alt.Y(f"{label}:N", sort="-x", title=label_title, axis=alt.Axis(labelLimit=260)),
        color=colour, tooltip=tooltip,
    ).properties(width=width, height=max(60, 22 * data[label].nunique()))


# -- timeline ------------------------------------------------------------------

def event_rows(events: pd.DataFrame, event_reports: pd.DataFrame, period_end: date) -> pd.DataFrame:
    """One row per event for the timeline and the map: its span (an open end runs to
    ``period_end``; an event whose reports give no date, such as an announcement or a
    denial, stands as one day at its first report), its label and what the tooltip shows."""
    sources = event_reports.groupby("event_id")["url"].agg(lambda urls: "; ".join(sorted(set(map(str, urls)))))
    rows = []
    for e in events.itertuples():
        start, end, span = iso(e.start_date), iso(e.end_date), "ended" if pd.notna(e.end_date) else OPEN
        if start is None:
            start, end, span = iso(e.first_reported_at), None, UNDATED
            if start is None:
                continue
        label = short(" · ".join(p for p in (joined(e.platforms) or joined(e.networks) or str(e.kind),
                                             area_names(e.areas)) if p), LABEL_CHARS)
        stop = end or (start if span == UNDATED else max(period_end.isoformat(), start))
        rows.append({
            "event_id": e.event_id, "kind": e.kind, "status": e.status, "label": label,
            "start": start, "bar_end": iso(pd.Timestamp(stop) + timedelta(days=1)),  # a day is drawn a day wide
            "end": end or span, "span": span,
            "platforms": joined(e.platforms), "areas": area_names(e.areas), "sites": joined(e.sites),
            "reports": int(e.reports) if pd.notna(e.reports) else 0, "sources": sources.get(e.event_id, ""),
        })
    return pd.DataFrame(rows, columns=["event_id", "kind", "status", "label", "start", "bar_end", "end", "span",
                                       "platforms", "areas", "sites", "reports", "sources"])


def timeline_chart(rows: pd.DataFrame, colours: alt.Scale) -> alt.Chart:
    title = "Disruption events"
    if rows.empty:
        return message_chart(title, "No events in this data folder for this period.")
    rows = rows.sort_values(["start", "event_id"]).assign(row=lambda d: [f"{i + 1}. {label}" for i, label in
                                                                           enumerate(d["label"])])
    # the axis title above the labels, not beside them: long labels would run into it
    y = alt.Y("row:N", sort=None, title="Event (platforms · areas)", axis=alt.Axis(
        labelLimit=340, titleAngle=0, titleAlign="right", titleBaseline="bottom", titleX=-6, titleY=-6))
    bars = alt.Chart(rows).mark_bar(height=12, strokeWidth=1.5, stroke="#333").encode(
        x=alt.X("start:T", scale=alt.Scale(type="utc", padding=70), title="Date (day)"),  # room for "ongoing"
        x2="bar_end:T",
        y=y,
        color=alt.Color("kind:N", scale=colours, title="Kind of disruption"),
        strokeDash=alt.StrokeDash("span:N", title="Dates", scale=alt.Scale(
            domain=["ended", OPEN, UNDATED], range=[[1, 0], [4, 3], [1, 2]])),
        href=alt.Href("anchor:N"),
        tooltip=[alt.Tooltip(c, title=c.replace("_", " ")) for c in
                 ("kind", "status", "start", "end", "platforms", "areas", "sites", "reports", "sources")],
    ).transform_calculate(anchor="'#event-' + datum.event_id")
    ongoing = alt.Chart(rows[rows["span"] == OPEN]).mark_text(align="left", dx=4, text="→ ongoing").encode(
        x=alt.X("bar_end:T", scale=UTC), y=y)
    return alt.layer(bars, ongoing, title=title).properties(width=WIDTH - 300, height=max(60, 22 * len(rows)))


# -- map -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def province_outlines() -> dict:
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def event_areas(events: pd.DataFrame) -> pd.DataFrame:
    """Per area with coordinates: how many events name it and their kinds. Pakistan as a whole
    (scope ``national``) is no point on its own map: the caption counts those events."""
    rows = [{"area": a.get("name"), "scope": a.get("scope"), "latitude": a.get("latitude"),
             "longitude": a.get("longitude"), "kind": e.kind, "event_id": e.event_id}
            for e in events.itertuples() for a in (e.areas if e.areas is not None else [])
            if isinstance(a, dict) and a.get("scope") != "national"]
    df = pd.DataFrame(rows, columns=["area", "scope", "latitude", "longitude", "kind", "event_id"]).dropna(
        subset=["latitude", "longitude"])
    if df.empty:
        return df.assign(events=pd.Series(dtype=int), kinds=pd.Series(dtype=str))
    return df.groupby(["area", "scope", "latitude", "longitude"], as_index=False, dropna=False).agg(
        events=("event_id", "nunique"), kinds=("kind", lambda k: ", ".join(sorted(set(map(str, k))))))


def national_events(events: pd.DataFrame) -> int:
    return sum(any(isinstance(a, dict) and a.get("scope") == "national" for a in (e.areas if e.areas is not None else []))
               for e in events.itertuples())


def reported_cities(mentions: pd.DataFrame, top: int = TOP_CITIES) -> pd.DataFrame:
    """The Pakistani cities named in the most articles, with their coordinates."""
    cities = mentions[(mentions["kind"] == "city") & (mentions["country"] == "PK")].dropna(
        subset=["latitude", "longitude"])
    if cities.empty:
        return pd.DataFrame(columns=["city", "province", "latitude", "longitude", "articles"])
    counts = cities.groupby("value", as_index=False).agg(
        province=("province", "first"), latitude=("latitude", "first"), longitude=("longitude", "first"),
        articles=("article_id", "nunique"))
    return counts.rename(columns={"value": "city"}).sort_values(["articles", "city"], ascending=[False, True]).head(top)


def map_spec(areas: pd.DataFrame, cities: pd.DataFrame) -> dict:
    return to_spec(map_chart(areas, cities), {MAP_DATASET: province_outlines()})


def map_chart(areas: pd.DataFrame, cities: pd.DataFrame) -> alt.LayerChart:
    """Province outlines (the named dataset MAP_DATASET: see ``map_spec``), event areas and cities."""
    outlines = alt.Chart(alt.NamedData(name=MAP_DATASET,
                                       format=alt.DataFormat(type="topojson", feature="provinces"))).mark_geoshape(
        fill="#f1efe8", stroke="#8a8a8a", strokeWidth=0.8).encode(tooltip=alt.Tooltip("properties.name:N",
                                                                                       title="province"))
    layer_colour = alt.Scale(domain=["City named in articles", "Area of an event"], range=["#4c78a8", "#d62728"])
    city_points = alt.Chart(cities).mark_circle(opacity=0.55, stroke="white").encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("articles:Q", title="Articles naming the city", scale=alt.Scale(range=[30, 900]),
                      legend=count_legend(cities["articles"])),
        color=alt.Color("marker:N", scale=layer_colour, title="Marker"),
        tooltip=["city:N", "province:N", alt.Tooltip("articles:Q", title="articles")],
    ).transform_calculate(marker="'City named in articles'")
    city_labels = alt.Chart(cities.head(8)).mark_text(dy=-10, fontSize=10, color="#333").encode(
        longitude="longitude:Q", latitude="latitude:Q", text="city:N")
    area_points = alt.Chart(areas).mark_point(shape="diamond", filled=True, opacity=0.8).encode(
        longitude="longitude:Q", latitude="latitude:Q",
        size=alt.Size("events:Q", title="Events in the area", scale=alt.Scale(range=[60, 1200]),
                      legend=count_legend(areas["events"])),
        color=alt.Color("marker:N", scale=layer_colour, title="Marker"),
        tooltip=["area:N", "scope:N", alt.Tooltip("events:Q", title="events"), "kinds:N"],
    ).transform_calculate(marker="'Area of an event'")
    return alt.layer(outlines, city_points, city_labels, area_points,
                     title="Where: event areas and the most reported cities").resolve_scale(
        size="independent").project(type="mercator").properties(width=520, height=500)


# -- platform attention --------------------------------------------------------

def week_start(dates: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(dates, errors="coerce")
    return (stamps - pd.to_timedelta(stamps.dt.day_of_week, unit="D")).dt.normalize()


def weekly_platform_attention(articles: pd.DataFrame, mentions: pd.DataFrame,
                              top: int = TOP_PLATFORMS) -> pd.DataFrame:
    """Articles per week mentioning each of the most mentioned platforms. A week with
    articles but none naming a platform counts 0; a week without any article is null
    (nothing was collected: drawn as a gap, not as 0)."""
    dated = articles.assign(week=week_start(articles["published"])).dropna(subset=["week"])
    platform = mentions[mentions["kind"] == "platform"][["article_id", "value"]].drop_duplicates()
    hits = platform.merge(dated[["article_id", "week"]], on="article_id")
    names = hits["value"].value_counts().head(top).index.tolist()
    if dated.empty or not names:
        return pd.DataFrame(columns=["week", "platform", "articles"])
    weeks = pd.date_range(dated["week"].min(), dated["week"].max(), freq="7D")
    counts = hits[hits["value"].isin(names)].groupby(["week", "value"])["article_id"].nunique()
    collected = set(dated["week"])
    rows = [{"week": w.strftime("%Y-%m-%d"), "platform": name,
             "articles": int(counts.get((w, name), 0)) if w in collected else None}
            for w in weeks for name in names]
    return pd.DataFrame(rows)


def event_periods(event_spans: pd.DataFrame, first: str, last: str) -> pd.DataFrame:
    """The days under at least one event of each kind, as merged periods within [first, last)
    (overlapping events of a kind shade once, not darker and darker)."""
    rows = []
    for kind, spans in event_spans.sort_values("start").groupby("kind"):
        for e in spans.itertuples():
            start, end = max(e.start, first), min(e.bar_end, last)
            if start >= end:
                continue
            if rows and rows[-1]["kind"] == kind and start <= rows[-1]["end"]:
                rows[-1]["end"] = max(rows[-1]["end"], end)
                rows[-1]["events"] += 1
            else:
                rows.append({"kind": kind, "start": start, "end": end, "events": 1})
    return pd.DataFrame(rows, columns=["kind", "start", "end", "events"])


def attention_chart(weekly: pd.DataFrame, event_spans: pd.DataFrame, colours: alt.Scale) -> alt.Chart:
    title = "Platform attention per week"
    if weekly.empty:
        return message_chart(title, "No article in this period mentions a platform.")
    x = alt.X("week:T", scale=UTC, title="Week (starting Monday)")
    lines = alt.Chart(weekly).mark_line(point=True, invalid="break-paths-show-path-domains").encode(
        x=x, y=alt.Y("articles:Q", title="Articles mentioning the platform (per week)", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("platform:N", title="Platform", sort=list(dict.fromkeys(weekly["platform"]))),
        tooltip=[alt.Tooltip("week:N", title="week of"), "platform:N",
                 alt.Tooltip("articles:Q", title="articles")])
    first, last = weekly["week"].min(), iso(pd.Timestamp(weekly["week"].max()) + timedelta(days=7))
    spans = event_periods(event_spans, first, last)
    if spans.empty:
        return lines.properties(title=title, width=WIDTH - 160, height=280)
    shading = alt.Chart(spans).mark_rect(opacity=0.15).encode(
        x=alt.X("start:T", scale=UTC), x2="end:T",
        color=alt.Color("kind:N", scale=colours, title="Event period (kind)"),
        tooltip=["kind:N", "start:N", "end:N", alt.Tooltip("events:Q", title="events")])
    return alt.layer(shading, lines, title=title).resolve_scale(color="independent").properties(
        width=WIDTH - 160, height=280)


# -- who speaks ----------------------------------------------------------------

def disruption_articles(articles: pd.DataFrame, mentions: pd.DataFrame, disruptions: pd.DataFrame,
                        has_disruptions_table: bool) -> set[str]:
    """The disruption stories: articles with a disruption statement; before that table exists,
    articles naming a platform whose text has a disruption word."""
    if has_disruptions_table:
        return set(disruptions["article_id"])
    with_platform = set(mentions.loc[mentions["kind"] == "platform", "article_id"])
    texts = articles[articles["article_id"].isin(with_platform)]
    return set(texts.loc[texts["text"].fillna("").str.contains(DISRUPTION_WORDS), "article_id"])


def sample_quote(quotes: pd.Series) -> str:
    """The longest of a speaker's quotes, cut to a readable length."""
    return short(max((str(q) for q in quotes if isinstance(q, str)), key=len, default=""), SAMPLE_QUOTE_CHARS)


def top_speakers(quotes: pd.DataFrame, story_ids: set[str], top: int = TOP_SPEAKERS) -> pd.DataFrame:
    """The named people and organisations quoted most in the given stories, with their most
    given role or organisation and a sample quote."""
    named = quotes[quotes["article_id"].isin(story_ids) & quotes["speaker_kind"].isin(["person", "org"])
                   & quotes["speaker"].notna()]
    if named.empty:
        return pd.DataFrame(columns=["speaker", "speaker_kind", "role", "quotes", "articles", "sample"])
    grouped = named.groupby("speaker").agg(
        speaker_kind=("speaker_kind", lambda k: k.mode().iat[0]),
        role=("speaker_role_or_org", lambda r: r.dropna().mode().iat[0] if r.notna().any() else ""),
        quotes=("quote", "size"), articles=("article_id", "nunique"), sample=("quote", sample_quote))
    return grouped.reset_index().sort_values(["quotes", "articles", "speaker"],
                                             ascending=[False, False, True]).head(top)


def speakers_chart(speakers: pd.DataFrame) -> alt.Chart:
    title = "Who speaks in disruption stories"
    if speakers.empty:
        return message_chart(title, "No named speaker is quoted in a disruption story of this period.")
    return ranked_bars(speakers, title, count="quotes", count_title="Quotes and reported statements (count)",
                       label="speaker", label_title="Speaker",
                       colour=alt.Color("speaker_kind:N", title="Speaker is", scale=alt.Scale(domain=["person", "org"])),
                       tooltip=["speaker:N", "role:N", "quotes:Q", "articles:Q", "sample:N"], width=WIDTH - 320)


# -- run health ----------------------------------------------------------------

def site_nights(runs: list[dict]) -> pd.DataFrame:
    """Per run and site: the night (the run's start date, UTC), new articles, errors, failure."""
    rows = [{"run_id": r.get("run_id"), "night": str(r.get("started_at", ""))[:10], "site": site,
             "new_articles": int(row.get("new_articles") or 0), "errors": row.get("errors") or {},
             "failed": bool(row.get("failed"))}
            for r in runs for site, row in r.get("sites", {}).items()]
    return pd.DataFrame(rows, columns=["run_id", "night", "site", "new_articles", "errors", "failed"])


def articles_per_night_chart(nights: pd.DataFrame) -> alt.Chart:
    title = "New articles per site per night"
    if nights.empty:
        return message_chart(title, "No nightly run report in this data folder.")
    per_night = nights.groupby(["night", "site"], as_index=False)["new_articles"].sum()
    return alt.Chart(per_night, title=title).mark_bar().encode(
        x=alt.X("night:O", title="Night (run start date, UTC)"),
        y=alt.Y("new_articles:Q", title="New articles (count)", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("site:N", title="Site"),
        tooltip=["night:N", "site:N", alt.Tooltip("new_articles:Q", title="new articles")],
    ).properties(width=min(WIDTH - 200, 60 + 40 * per_night["night"].nunique()), height=220)


def errors_by_kind(nights: pd.DataFrame) -> pd.DataFrame:
    rows = [{"kind": kind, "site": n.site, "count": int(count)}
            for n in nights.itertuples() for kind, count in n.errors.items() if count]
    df = pd.DataFrame(rows, columns=["kind", "site", "count"])
    return df.groupby(["kind", "site"], as_index=False)["count"].sum()


def errors_chart(errors: pd.DataFrame) -> alt.Chart:
    title = "Crawl errors by kind"
    if errors.empty:
        return message_chart(title, "No crawl error in the run reports of this period.")
    return ranked_bars(errors, title, count="count", count_title="Errors (count, all runs)", label="kind",
                       label_title="Error kind", colour=alt.Color("site:N", title="Site"),
                       tooltip=["kind:N", "site:N", "count:Q"], width=WIDTH - 360)
