"""Time and size of the HTML report for a large data folder: N synthetic articles (with a
platform and a city mention each and a quote every other one), M synthetic events with
their reports and one run report, written to a temporary folder by
``pipeline.report.synthetic``; then ``write_report`` is timed (the Vega JavaScript bundle
cache warm, as after the first night; the cold bundle build is timed apart).

    .venv/bin/python benchmarks/report.py                      # 5,000 articles, 200 events
    .venv/bin/python benchmarks/report.py --articles 20000 --events 500

Targets (issue 14): under 10 s and under 5 MB for 5,000 articles and 200 events.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.config import DataDir  # noqa: E402
from pipeline.report import write_report  # noqa: E402
from pipeline.report.page import vega_bundle  # noqa: E402
from pipeline.report.synthetic import write_synthetic_data  # noqa: E402

LIMIT_SECONDS = 10
LIMIT_BYTES = 5 * 1024 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--days", type=int, default=730, help="days the articles and events spread over")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    vega_bundle()
    bundle_seconds = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="pknews-report-bench-") as tmp:
        data = DataDir(write_synthetic_data(Path(tmp), articles=args.articles, events=args.events, days=args.days))
        t0, cpu0 = time.perf_counter(), time.process_time()
        path = write_report(data)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        size = path.stat().st_size
    print(f"{args.articles} articles, {args.events} events over {args.days} days")
    print(f"JavaScript bundle (cache or build): {bundle_seconds:.2f} s")
    print(f"report written in {seconds:.2f} s wall, {cpu:.2f} s CPU (limit {LIMIT_SECONDS} s), {size / 1024 / 1024:.2f} MB "
          f"(limit {LIMIT_BYTES / 1024 / 1024:.0f} MB)")
    return 0 if seconds < LIMIT_SECONDS and size < LIMIT_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
