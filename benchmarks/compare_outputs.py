"""Compare two pknews outputs table by table: did a change keep the rows identical?

    .venv/bin/python benchmarks/compare_outputs.py /work/baseline/panda /tmp/after-panda \\
        --log-before /work/baseline/panda.log --log-after /tmp/after-panda.log
    .venv/bin/python benchmarks/compare_outputs.py /work/baseline/demo /tmp/after-demo \\
        --ignore fetched_at --ignore content_sha256 --ignore source \\
        --log-before /work/baseline/demo.log --log-after /tmp/after-demo.log

A folder is a data folder (tables under parquet/, run reports under runs/) or
a Parquet root (tables directly under it). Every table is read whole with
pandas, rows sorted on all their columns, and compared with DataFrame.equals.
Run ids (``20261203T073425Z-2c5c``), the snapshot server's port and the two
folders' own paths are replaced by placeholders in every string first: they
name the run, not its content. Prints one line per table and per report;
exit code 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{4}")
SNAPSHOT_PORT = re.compile(r"(\.snapshot\.test|127\.0\.0\.1):\d+")
# run report keys whose values are clocks or where the run put things
RUN_SPECIFIC_KEYS = {"run_id", "started_at", "finished_at", "seconds", "crawl_seconds", "log", "duration", "output"}
# run report lists filled in the order concurrent answers arrive: compared as multisets
ARRIVAL_ORDER_KEYS = {"sources", "events"}


def normaliser(*roots: Path):
    paths = sorted({str(p) for r in roots for p in (r, r.resolve())}, key=len, reverse=True)

    def norm(text: str) -> str:
        for p in paths:
            text = text.replace(p, "<root>")
        return SNAPSHOT_PORT.sub(r"\1:<port>", RUN_ID.sub("<run>", text))
    return norm


def parquet_root(folder: Path) -> Path:
    return folder / "parquet" if (folder / "parquet").is_dir() else folder


def read_table(folder: Path, ignore: set[str], norm) -> pd.DataFrame:
    df = pd.read_parquet(folder).drop(columns=sorted(ignore), errors="ignore")
    for col in df.columns:
        if df[col].dtype == object or pd.api.types.is_string_dtype(df[col]):
            df[col] = df[col].map(lambda v: tuple(v) if isinstance(v, (list, np.ndarray))
                                  else norm(v) if isinstance(v, str) else v)
    key = df.astype(str)
    order = key.sort_values(list(key.columns), kind="stable").index
    return df.loc[order].reset_index(drop=True)


def compare_report(before: dict, after: dict, path: str = "") -> list[str]:
    """Where two run reports differ: keys everywhere; values except clocks and seconds."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        if set(before) != set(after):  # not their order: a crawl meets sites in any order
            out.append(f"{path or '.'}: keys {sorted(before)} != {sorted(after)}")
        for k in before.keys() & after.keys():
            if k in RUN_SPECIFIC_KEYS or path.endswith("stages"):
                continue
            a, b = before[k], after[k]
            if k in ARRIVAL_ORDER_KEYS and isinstance(a, list) and isinstance(b, list):
                a, b = (sorted(v, key=lambda x: json.dumps(x, sort_keys=True)) for v in (a, b))
            out += compare_report(a, b, f"{path}.{k}")
        return out
    return [] if before == after else [f"{path}: {before!r} != {after!r}"]


def log_facts(path: Path, norm) -> tuple[str | None, list[str]]:
    """The exit code a log's last line reports (``... rc=N``) and its lines without clock times."""
    lines = path.read_text().splitlines()
    rc = re.search(r"rc=(\d+)", lines[-1]) if lines else None
    seconds = re.compile(r"\d+(\.\d+)?s\b")
    return (rc.group(1) if rc else None), [seconds.sub("<s>", norm(ln)) for ln in lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("before", type=Path, help="data folder or Parquet root of the reference run")
    parser.add_argument("after", type=Path, help="data folder or Parquet root of the run to check")
    parser.add_argument("--ignore", action="append", default=[], metavar="COLUMN",
                        help="leave this column out of every table (repeatable). For two crawls (demo): "
                             "fetched_at (the crawl's clock), content_sha256 (pages carry the snapshot "
                             "server's port), source (WARC offsets follow the crawl's order)")
    parser.add_argument("--log-before", type=Path, help="stdout log of the reference run (last line: rc=N)")
    parser.add_argument("--log-after", type=Path, help="stdout log of the run to check")
    args = parser.parse_args(argv)
    norm = normaliser(args.before, args.after)
    ignore = set(args.ignore)
    same = True
    a_root, b_root = parquet_root(args.before), parquet_root(args.after)
    tables = sorted({p.name for r in (a_root, b_root) for p in r.iterdir() if p.is_dir() and not p.name.startswith(".")})
    for table in tables:
        if not (a_root / table).is_dir() or not (b_root / table).is_dir():
            print(f"{table}: only in {'before' if (a_root / table).is_dir() else 'after'}  identical: no")
            same = False
            continue
        a, b = read_table(a_root / table, ignore, norm), read_table(b_root / table, ignore, norm)
        equal = list(a.columns) == list(b.columns) and a.equals(b)
        same &= equal
        print(f"{table}: rows {len(a)} before, {len(b)} after  identical: {'yes' if equal else 'no'}")
    reports = [sorted((f / "runs").glob("*.json")) if (f / "runs").is_dir() else [] for f in (args.before, args.after)]
    if reports[0] or reports[1]:
        if len(reports[0]) != len(reports[1]):
            print(f"run reports: {len(reports[0])} before, {len(reports[1])} after  identical: no")
            same = False
        for x, y in zip(*reports):
            diffs = compare_report(json.loads(norm(x.read_text())), json.loads(norm(y.read_text())))
            same &= not diffs
            print(f"run report {x.name} / {y.name}: identical keys and counts: {'yes' if not diffs else 'no'}")
            for d in diffs[:20]:
                print("    " + d)
    if args.log_before and args.log_after:
        (rc_a, lines_a), (rc_b, lines_b) = log_facts(args.log_before, norm), log_facts(args.log_after, norm)
        print(f"exit code: {rc_a} before, {rc_b} after  identical: {'yes' if rc_a == rc_b else 'no'}")
        same &= rc_a == rc_b
        counts = [ln for ln in lines_a if ln not in lines_b], [ln for ln in lines_b if ln not in lines_a]
        print(f"log lines (times left out): identical: {'yes' if counts == ([], []) else 'no'}")
        for ln in counts[0][:10]:
            print("    before: " + ln)
        for ln in counts[1][:10]:
            print("    after:  " + ln)
        same &= counts == ([], [])
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
