"""The ``pknews`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from crawlers.registry import RegistryError, Site, select_sites
from extract.nlp import DEFAULT_MODEL
from pipeline.config import DataDir, default_data_dir

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input on the command line: reported in one line, exit code 2."""


def default_workers() -> int:
    """The cores this process may run on: the default of ``pknews extract --workers``."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return max(1, count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def parse_since(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--since wants a date like 2024-02-17, not {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def parse_pairs(items: list[str] | None, option: str) -> dict[str, str]:
    pairs = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise UsageError(f"{option} wants KEY=VALUE, not {item!r}")
        pairs[key.strip()] = value.strip()
    return pairs


def parse_settings(items: list[str] | None) -> dict:
    """Scrapy setting overrides; values are read as JSON when they parse (numbers, booleans)."""
    import json

    settings = {}
    for key, value in parse_pairs(items, "--set").items():
        try:
            settings[key] = json.loads(value)
        except ValueError:
            settings[key] = value
    return settings


def chosen_sites(args, group: str | None = "real") -> list[Site]:
    try:
        sites = select_sites(args.site, group=None if args.site else group)
    except RegistryError as err:
        raise UsageError(str(err)) from None
    bases = parse_pairs(args.base_url, "--base-url")
    unknown = set(bases) - {s.name for s in sites}
    if unknown:
        raise UsageError(f"--base-url names site(s) not being crawled: {', '.join(sorted(unknown))}")
    return [s.rebased(bases[s.name]) if s.name in bases else s for s in sites]


# -- commands ----------------------------------------------------------------

def cmd_crawl(args) -> int:
    from pipeline.counts import ExtractionReport
    from pipeline.crawl import contact_note, run_crawl
    from pipeline.recovery import recover
    from pipeline.runs import Run, under_lock
    from pipeline.summary import exit_code, format_summary

    data = DataDir(args.data).ensure()
    sites = chosen_sites(args, group=args.group)

    def crawl(run: Run) -> int:
        recover(data, run.id)
        overrides = parse_settings(args.set)
        note = contact_note(sites, overrides)
        if note:
            print(note, flush=True)
        crawls = run_crawl(sites, data.root, run.id, since=parse_since(args.since),
                           resolve=parse_pairs(args.resolve, "--resolve"), overrides=overrides,
                           log_file=run.log_file)
        return run.finish(format_summary(crawls, ExtractionReport(), data, run.log_file), exit_code(crawls))

    return under_lock(Run(data, "crawl"), crawl)


def cmd_extract(args) -> int:
    from pipeline.events import update_events
    from pipeline.extraction import run_extraction
    from pipeline.options import ExtractionOptions
    from pipeline.runs import Run, under_lock
    from pipeline.sources import InputError
    from pipeline.summary import events_failure, events_part
    from pipeline.warc_extraction import after_live_reextraction

    data = DataDir(args.data)
    output = Path(args.output) if args.output else data.parquet
    if args.workers < 1:
        raise UsageError(f"--workers wants a number of at least 1, not {args.workers}")
    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler goes with --executor dask")
    options = ExtractionOptions(replace=not args.append, model=args.model, batch_size=args.batch_size,
                                workers=args.workers, executor=args.executor, scheduler=args.scheduler,
                                domains=args.domain)
    # writing into the data folder's own tables: one run at a time, catalog and versions kept right
    live = output.resolve() == data.parquet.resolve()
    paths = [Path(p) for p in args.paths]

    def extract(run: Run) -> int:
        try:
            report = run_extraction(paths, output, run.id, options)
            if live:
                after_live_reextraction(data, paths)
        except InputError as err:
            raise UsageError(str(err)) from None
        except (ImportError, OSError) as err:
            if args.executor == "dask":
                raise UsageError(f"cannot use the Dask cluster: {type(err).__name__}: {err}") from None
            raise
        events = update_events(output)  # the events follow every statement the output holds
        if args.report:
            import json

            Path(args.report).write_text(json.dumps(report.as_dict() | {"disruption_events": events}, indent=2) + "\n")
        skipped = ", ".join(f"{k} x{v}" for k, v in sorted(report.skipped.items())) or "none"
        lines = [f"{report.files} file(s), {report.pages} pages: {report.rows_line()}{events_part(events)}; "
                 f"skipped: {skipped}"]
        if events_failure(events):
            lines.append(events_failure(events))
        if report.passed_over:
            lines.append("passed over unread: " + ", ".join(f"{k} x{v}" for k, v in sorted(report.passed_over.items())))
        lines.append(f"written to {output} in {report.seconds:.1f}s "
                     f"({report.executor}, {report.workers} worker(s), {report.tasks} task(s))")
        return run.finish("\n".join(lines), 0, log=live)

    return under_lock(Run(data, "extract"), extract, lock=live)


def cmd_nightly(args) -> int:
    from pipeline.nightly import run_nightly

    sites = chosen_sites(args, group="real")
    return run_nightly(sites, DataDir(args.data), since=parse_since(args.since),
                       resolve=parse_pairs(args.resolve, "--resolve"), overrides=parse_settings(args.set),
                       model=args.model)


def cmd_backfill(args) -> int:
    from pipeline.backfill.options import options_from_args
    from pipeline.backfill.run import run_backfill

    sites = chosen_sites(args, group="real")
    try:
        options = options_from_args(args, parse_pairs(args.resolve, "--resolve"))
    except ValueError as err:
        raise UsageError(str(err)) from None
    return run_backfill(sites, DataDir(args.data), options)


def cmd_demo(args) -> int:
    from pipeline.demo import run_demo

    return run_demo(DataDir(args.data), model=args.model)


def cmd_report(args) -> int:
    from pipeline.report import write_report

    if not Path(args.data).is_dir():
        raise UsageError(f"no data folder at {args.data} (run `pknews nightly` or `pknews demo` first)")
    since = parse_since(args.since)
    try:
        until = parse_since(args.until)
    except UsageError:
        raise UsageError(f"--until wants a date like 2024-02-17, not {args.until!r}") from None
    path = write_report(DataDir(args.data), args.out, since=since.date() if since else None,
                        until=until.date() if until else None)
    print(f"report: {path}")
    if args.screenshot:
        from pipeline.report.browser import screenshot

        print(f"screenshot: {screenshot(path, Path(args.screenshot), height=args.screenshot_height)}")
    return 0


def cmd_events(args) -> int:
    from pipeline.events import command

    since = parse_since(args.since)
    try:
        return command.run_events(args, since=since.date() if since else None)
    except command.UsageError as err:
        raise UsageError(str(err)) from None


def cmd_sites(args) -> int:
    from crawlers.registry import load_registry

    if args.action == "check":
        return cmd_sites_check(args)
    if args.action:
        raise UsageError(f"unknown action {args.action!r}; use `pknews sites` or `pknews sites check NAME`")
    registry = load_registry()
    for site in registry.values():
        if args.all or site.group == "real":
            print(f"{site.name:<24} {site.label}  [{site.group}, {site.discovery}]  {site.home}")
            for source in site.sources:
                print(f"    {source.kind:<20} {source.absolute(site.home)}")
    return 0


def cmd_sites_check(args) -> int:
    from crawlers.settings import USER_AGENT
    from pipeline.sitecheck import Fetcher, check_site, format_checks

    if not args.names:
        raise UsageError("sites check wants a site NAME (see `pknews sites`)")
    try:
        sites = select_sites(args.names, group=None)
    except RegistryError as err:
        raise UsageError(str(err)) from None
    if args.base_url and len(sites) != 1:
        raise UsageError("--base-url goes with exactly one site NAME")
    fetcher = Fetcher(USER_AGENT, parse_pairs(args.resolve, "--resolve"))
    ok = True
    for site in sites:
        if args.base_url:
            site = site.rebased(args.base_url)
        checks = check_site(site, fetcher)
        print(format_checks(site, checks))
        ok = ok and any(c.total_articles for c in checks[1:])
    return 0 if ok else 1


# -- parser ------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pknews",
        description="Crawl Pakistani news and digital-rights sites, archive them as WARC, "
                    "extract articles and entities into Parquet.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--data", type=Path, default=default_data_dir(),
                       help="data folder (default: $PKNEWS_DATA or output/): warc/, parquet/, catalog, runs/")
        p.set_defaults(func=func)
        return p

    def add_site_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--site", action="append", metavar="NAME", help="crawl only this site (repeatable)")
        p.add_argument("--since", metavar="DATE", help="skip articles and sitemaps dated before DATE")
        p.add_argument("--base-url", action="append", metavar="NAME=URL",
                       help="fetch site NAME from another origin (a mirror or a snapshot server)")
        p.add_argument("--resolve", action="append", metavar="HOST=IP",
                       help="resolve HOST to IP without DNS, like curl --resolve")
        p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                       help="override a Scrapy setting, e.g. --set DOWNLOAD_DELAY=5")

    def add_model(p: argparse.ArgumentParser) -> None:
        default = os.environ.get("PKNEWS_MODEL") or DEFAULT_MODEL
        p.add_argument("--model", default=default,
                       help=f"spaCy model to load (default: $PKNEWS_MODEL or {DEFAULT_MODEL}; "
                            "any installed pipeline such as en_core_web_md)")

    p = add("crawl", "Fetch new articles of the registered sites into WARC files and the catalog "
                     "(no extraction).", cmd_crawl)
    add_site_options(p)
    p.add_argument("--group", default="real", help="registry group to crawl when no --site is given")

    p = add("extract", "Extract articles, entities and quotes from WARC or HTML files into Parquet. "
                       "PATH is a .warc/.warc.gz file, an .html/.html.gz file, or a folder walked for them.",
            cmd_extract)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--output", metavar="DIR",
                   help="Parquet root (default DATA/parquet); tables go to DIR/<table>/")
    p.add_argument("--append", action="store_true",
                   help="add fragments to the tables in DIR instead of replacing them when done")
    p.add_argument("--batch-size", type=int, default=64, help="pages per batch (default 64)")
    workers = default_workers()
    p.add_argument("--workers", type=int, default=workers, metavar="N",
                   help=f"worker processes, each loading the model once (default: this machine's "
                        f"cores, {workers} here; 1 extracts in this process)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local: this machine (a process pool when --workers > 1); dask: a Dask "
                        "distributed cluster, a task per WARC file or slice of one (default local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --executor dask; without it, "
                        "a local Dask cluster of --workers processes)")
    p.add_argument("--domain", action="append", metavar="D",
                   help="keep only this domain's records (repeatable; subdomains included). Without it, "
                        "third-party WARC files (Common Crawl, CC-NEWS) keep the registered domains")
    p.add_argument("--report", metavar="FILE", help="also write the run's counts and stage seconds as JSON")
    add_model(p)

    p = add("nightly", "The nightly job: crawl what is new on the real sites, extract it, "
                       "append to the Parquet tables and write a run report.", cmd_nightly)
    add_site_options(p)
    add_model(p)

    p = add("backfill", "Fetch the articles of a past period from web archives (Wayback Machine, Common "
                        "Crawl) or the sites' own sitemaps into the same WARC archive, catalog and "
                        "tables as the nightly job (README, Backfill).", cmd_backfill)
    from pipeline.backfill.options import add_backfill_options

    add_backfill_options(p)
    add_model(p)

    p = add("demo", "The nightly job over the bundled snapshot sites, served on 127.0.0.1 by this "
                    "command: the whole pipeline without internet.", cmd_demo)
    add_model(p)

    p = add("events", "List the disruption events merged from every statement held (a table, CSV, "
                      "JSON or Parquet); `events show EVENT_ID` prints one event's reports.", cmd_events)
    p.add_argument("action", nargs="?", choices=["show"], help="show: one event's timeline of reports")
    p.add_argument("event_id", nargs="?", metavar="EVENT_ID")
    p.add_argument("--format", choices=("table", "csv", "json", "parquet", "stop-csv"), default="table",
                   help="table (default), csv, json, parquet (with --out) or stop-csv (STOP's columns)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--since", metavar="DATE", help="only events with a date or a report on or after DATE")
    p.add_argument("--kind", action="append", metavar="KIND",
                   help="only this kind (mobile-data, platform-block ...) or family (network, platform, website)")
    p.add_argument("--platform", action="append", metavar="NAME", help="only events cutting this platform or network")
    p.add_argument("--area", action="append", metavar="NAME", help="only events in this place (a province takes its cities)")
    p.add_argument("--stop-columns", action="store_true",
                   help="use the column names of Access Now's STOP dataset (csv, json, parquet)")

    p = add("report", "Write the offline HTML report (timeline, map, platform attention, who speaks, events, "
                      "run health) from the data folder's tables.", cmd_report)
    p.add_argument("--since", metavar="DATE", help="only articles published and events running on or after DATE")
    p.add_argument("--until", metavar="DATE", help="only articles published and events starting on or before DATE")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE (default DATA/report/index.html)")
    p.add_argument("--screenshot", metavar="PNG", help="also save a full-page screenshot (headless Chromium)")
    p.add_argument("--screenshot-height", type=int, metavar="PX", help="only the top PX pixels in the screenshot")

    p = add("sites", "List the site registry with each site's discovery sources; "
                     "`sites check NAME` fetches a site's robots.txt, sitemaps and feeds and reports "
                     "what answers and how many article URLs each yields.", cmd_sites)
    p.add_argument("action", nargs="?", choices=["check"], help="check: test the sources of the named sites")
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--all", action="store_true", help="include the snapshot sites")
    p.add_argument("--base-url", metavar="URL", help="check against another origin (a mirror or snapshot)")
    p.add_argument("--resolve", action="append", metavar="HOST=IP", help="resolve HOST to IP, like curl --resolve")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as err:
        print(f"pknews {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as err:
        if "[E050]" not in str(err):  # spaCy's "Can't find model"
            raise
        model = getattr(args, "model", "?")
        print(f"pknews {args.command}: spaCy model {model!r} is not installed "
              f"(pip install it, or pass --model / set PKNEWS_MODEL to an installed one)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"pknews {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
