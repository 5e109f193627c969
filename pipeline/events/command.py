"""``pknews events``: list the events of a data folder, or show one event's reports."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.config import DataDir
from pipeline.events import present
from pipeline.events.schema import EVENTS
from pipeline.events.store import read_events

EXIT_NOT_FOUND = 1  # `events show` of an id the data folder does not hold
FORMATS = ("table", "csv", "json", "parquet", "stop-csv")


class UsageError(Exception):
    """Bad input for `pknews events` (the command line reports it as its usage error)."""


def load(data: DataDir) -> tuple[list[dict], list[dict]]:
    if not data.root.is_dir():
        raise UsageError(f"no data folder at {data.root} (pass --data DIR or set PKNEWS_DATA)")
    tables = read_events(data.parquet)
    if tables is None:
        raise UsageError(f"no events table in {data.parquet}: run `pknews nightly`, `pknews demo` "
                         f"or `pknews extract` into this data folder first")
    events, reports = tables
    return events.to_pylist(), reports.to_pylist()


def run_events(args, since: date | None = None, out=None, err=None) -> int:
    """``args``: the parsed `pknews events` options; ``since`` the parsed --since."""
    out, err = out or sys.stdout, err or sys.stderr
    events, reports = load(DataDir(args.data))
    if args.action == "show":
        if not args.event_id:
            raise UsageError("events show wants an EVENT_ID (see `pknews events`)")
        event = next((e for e in events if e["event_id"] == args.event_id), None)
        if event is None:
            print(f"pknews events: no event {args.event_id!r} in {DataDir(args.data).parquet}", file=err)
            return EXIT_NOT_FOUND
        print(present.timeline_text(event, [r for r in reports if r["event_id"] == event["event_id"]]), file=out)
        return 0
    if args.event_id:
        raise UsageError(f"unexpected argument {args.event_id!r}; use `pknews events show EVENT_ID`")
    chosen = present.select(events, reports, since=since, kinds=args.kind,
                            platforms=args.platform, areas=args.area)
    fmt = "stop-csv" if args.stop_columns and args.format in ("table", "csv") else args.format
    stop = args.stop_columns or fmt == "stop-csv"
    if fmt == "parquet":
        if not args.out:
            raise UsageError("--format parquet wants --out FILE")
        table = (pa.Table.from_pylist(present.stop_rows(chosen, reports)) if stop
                 else pa.Table.from_pylist(chosen, schema=EVENTS))
        pq.write_table(table, args.out, compression="zstd")
        print(f"{len(chosen)} event(s) -> {args.out}", file=err)
        return 0
    if fmt == "table":
        text = present.table_text(chosen) + "\n"
    else:
        rows = present.stop_rows(chosen, reports) if stop else [present.flat_row(e) for e in chosen]
        if fmt == "json":
            text = present.json_text(rows if stop else chosen)
        else:
            text = present.csv_text(rows) or ",".join(present.STOP_COLUMNS if stop else EVENTS.names) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{len(chosen)} event(s) -> {args.out}", file=err)
    else:
        out.write(text)
    return 0
