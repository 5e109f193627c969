"""The report page: one self-contained HTML file (styles, Vega JavaScript, chart data and map
data inline; nothing is fetched when it opens), readable on a laptop and printable.

The Vega, Vega-Lite and Vega-Embed JavaScript is inlined once and draws every chart.
vl-convert builds that bundle in a few seconds, so it is kept in a cache file per
vl-convert and Vega-Lite version.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

import altair as alt

VEGA_LITE_VERSION = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # "6.4", the schema Altair writes


@dataclass
class Section:
    """One part of the page: a chart (a Vega-Lite spec) and/or some HTML, with its caption."""
    key: str
    title: str
    caption: str
    spec: dict | None = None
    html: str = ""


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pknews"


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    """The Vega, Vega-Lite and Vega-Embed JavaScript as one script (defines ``vegaEmbed``)."""
    import vl_convert

    known = vl_convert.get_vegalite_versions()
    version = VEGA_LITE_VERSION if VEGA_LITE_VERSION in known else known[-1]  # an Altair newer than vl-convert
    cached = _cache_dir() / f"vega-bundle-{vl_convert.__version__}-vl{version}.js"
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle = vl_convert.javascript_bundle(vl_version=version)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f".{cached.name}.{os.getpid()}")
        tmp.write_text(bundle, encoding="utf-8")
        tmp.replace(cached)
    except OSError:  # a read-only home: build it again next time
        pass
    return bundle


def script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, separators=(",", ":"), default=str).replace("</", "<\\/")


def html_table(header: list[str], rows: list[list[str]], *, table_id: str = "", sortable: bool = False,
               row_ids: list[str] | None = None, empty: str = "Nothing to list.") -> str:
    """A table of already-escaped cells; ``sortable``: a click on a header sorts by that column."""
    if not rows:
        return f'<p class="empty">{escape(empty)}</p>'
    attrs = (f' id="{table_id}"' if table_id else "") + (' class="sortable"' if sortable else "")
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = "".join(
        (f'<tr id="{escape(row_ids[i])}">' if row_ids else "<tr>") + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
        for i, row in enumerate(rows))
    return f"<table{attrs}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #222; }
body { margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .8rem 0; }
.facts dt { color: #555; } .facts dd { margin: 0; }
nav a { margin-right: 1rem; } .caption { color: #444; margin: .2rem 0 .8rem; font-size: .95rem; }
.empty { color: #666; font-style: italic; }
.chart { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .6rem 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f6f6f3; } table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " \\2195"; color: #999; }
td.num { text-align: right; } tr:target { background: #fff4c2; }
.ref { color: #666; font-size: .8rem; } blockquote { margin: 0; }
@media print {
  nav, .vega-embed .vega-actions { display: none; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-inside: avoid; } h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

# sorts a table.sortable by the clicked column: numbers as numbers, the rest as text
SORT_JS = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0], rows = Array.from(body.rows);
      var up = th.dataset.order !== "asc"; th.dataset.order = up ? "asc" : "desc";
      var key = function (row) { var t = row.cells[col].dataset.sort || row.cells[col].textContent.trim();
        return t !== "" && !isNaN(t) ? Number(t) : t.toLowerCase(); };
      rows.sort(function (a, b) { var x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * (up ? 1 : -1); });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""

EMBED_JS = """
Object.entries(PKNEWS_SPECS).forEach(function (entry) {
  vegaEmbed("#chart-" + entry[0], entry[1], {actions: false, renderer: "svg", loader: {target: "_self"}})
    .catch(function (err) { console.error("chart " + entry[0] + ": " + err); });
});
"""


def render(title: str, facts: list[tuple[str, str]], sections: list[Section]) -> str:
    """The whole page; ``facts`` are (label, escaped HTML) pairs shown under the title."""
    specs = {s.key: s.spec for s in sections if s.spec is not None}
    nav = "".join(f'<a href="#{s.key}">{escape(s.title)}</a>' for s in sections)
    facts_html = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in facts)
    body = "".join(
        f'<section id="{s.key}"><h2>{escape(s.title)}</h2><p class="caption">{escape(s.caption)}</p>'
        + (f'<div class="chart" id="chart-{s.key}" role="img" aria-label="{escape(s.title)}"></div>'
           if s.spec is not None else "")
        + s.html + "</section>"
        for s in sections)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1><dl class=\"facts\">{facts_html}</dl><nav>{nav}</nav></header>"
        f"<main>{body}</main>"
        f"<script>{vega_bundle()}</script>"
        f"<script>var PKNEWS_SPECS = {script_json(specs)};{EMBED_JS}{SORT_JS}</script>"
        "</body></html>\n"
    )
