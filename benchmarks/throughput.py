"""Throughput of ``pknews extract``: articles per second, seconds per stage, peak RSS,
for N articles with 1 and 2 worker processes, against the limit (trafilatura
alone plus spaCy alone over the same corpus, with the same components).

    python benchmarks/throughput.py corpus --n 500 --out /tmp/pkbench/500
    python benchmarks/throughput.py run --n 500 --workers 1 2     # corpus + pipeline + limits
    python benchmarks/throughput.py run --n 5000 --workers 1 2 --skip-limits
    python benchmarks/throughput.py ccnews --records 10000          # after the N=500 run
    python benchmarks/throughput.py run --n 200 --only-disruptions  # the statement step's share

The corpus: N article pages rendered with the snapshot site templates
(``render_article_page``: menus, related posts, footers and the rest of each
template's boilerplate), bodies of 400-1,200 words drawn deterministically
from the snapshot articles' sentences, written as gzip WARC files by the
crawler's own ``RollingWarcWriter`` (request, response, metadata records).

The disruption statements (pk_disruptions) are timed on their own too: the pipeline
up to them over the corpus texts, then the component alone over those docs; the summary
gives its share of spaCy time and of extraction time (trafilatura + spaCy) per article.

Results go to ``benchmarks/results/throughput-N<n>.json`` (git-ignored);
benchmarks/README.md "## Throughput" has the figures of this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results"


# -- corpus --------------------------------------------------------------------
# the pages: pipeline.snapshots.synthetic.corpus_pages (seed 7, 400-1,200 words)

def build_corpus(n: int, folder: Path, max_bytes: int = 512 * 1024 * 1024) -> dict:
    """N pages in gzip WARC files under ``folder`` (reused when already complete)."""
    from crawlers.warc import RollingWarcWriter
    from pipeline.snapshots.archives import FETCHED_AT
    from pipeline.snapshots.synthetic import corpus_pages

    folder = Path(folder)
    stamp = folder / "corpus.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("n") == n:
            return info
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.warc.gz*"):
        old.unlink()
    writer = RollingWarcWriter(folder, prefix=f"bench-{n}", max_bytes=max_bytes)
    words = html_bytes = 0
    by_template: dict[str, int] = {}
    for template, url, html, w in corpus_pages(n):
        body = html.encode("utf-8")
        writer.write_page(
            url, 200, "OK", [("Content-Type", "text/html; charset=utf-8")], body,
            [("User-Agent", "pknews-bench")], FETCHED_AT,
            {"pknews-site": f"snapshot-{template}", "pknews-role": "article"},
        )
        words += w
        html_bytes += len(body)
        by_template[template] = by_template.get(template, 0) + 1
    writer.close()
    info = {
        "n": n, "body_words_mean": round(words / n, 1), "html_kb_mean": round(html_bytes / n / 1024, 1),
        "templates": by_template, "warc_files": sorted(writer.closed_files),
        "warc_bytes": sum((folder / f).stat().st_size for f in writer.closed_files),
    }
    stamp.write_text(json.dumps(info, indent=2))
    return info


# -- measuring a child process ---------------------------------------------------

class TreeMemory:
    """Peak memory of a process and its children, sampled every ``interval`` s.

    ``rss_sum`` adds every process's RSS (pages shared after fork counted once
    per process: an upper bound); ``pss_sum`` shares them out (the honest total);
    ``rss_max`` is the largest single process."""

    def __init__(self, pid: int, interval: float = 0.25):
        import psutil

        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = {"rss_sum": 0, "pss_sum": 0, "rss_max": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        import psutil

        n = 0
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                rss = []
                pss = []
                for p in procs:
                    try:
                        if n % 4 == 0:
                            full = p.memory_full_info()
                            rss.append(full.rss)
                            pss.append(full.pss)
                        else:
                            rss.append(p.memory_info().rss)
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
                self.peak["rss_sum"] = max(self.peak["rss_sum"], sum(rss))
                self.peak["rss_max"] = max(self.peak["rss_max"], max(rss, default=0))
                if pss:
                    self.peak["pss_sum"] = max(self.peak["pss_sum"], sum(pss))
            except psutil.NoSuchProcess:
                break
            n += 1
            self._stop.wait(self.interval)

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {k: round(v / 2**20, 1) for k, v in self.peak.items()}


def _busy_cpu_seconds() -> float:
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def measure(cmd: list[str], log: Path) -> dict:
    """Wall seconds, CPU seconds (the child and every process it reaped, e.g. pool
    workers), peak memory, and how busy the rest of the machine was meanwhile:
    this machine is shared, so other processes' CPU seconds are recorded too."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy0 = _busy_cpu_seconds()
    load0 = os.getloadavg()[0]
    started = time.perf_counter()
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT)
        mem = TreeMemory(proc.pid)
        code = proc.wait()
    wall = time.perf_counter() - started
    peak = mem.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    busy = _busy_cpu_seconds() - busy0
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}; see {log}")
    return {"wall_seconds": round(wall, 2), "cpu_seconds": round(cpu, 2), "peak_mb": peak,
            "other_processes_cpu_seconds": round(max(0.0, busy - cpu), 1),
            "loadavg_1min": [round(load0, 2), round(os.getloadavg()[0], 2)]}


# -- the runs ----------------------------------------------------------------------

def python() -> str:
    return sys.executable


def run_pipeline(corpus: Path, work: Path, workers: int, executor: str = "local") -> dict:
    out = work / f"parquet-w{workers}-{executor}"
    report = work / f"report-w{workers}-{executor}.json"
    cmd = [python(), "-m", "pipeline.cli", "extract", str(corpus), "--output", str(out),
           "--workers", str(workers), "--executor", executor, "--report", str(report)]
    m = measure(cmd, work / f"log-w{workers}-{executor}.txt")
    rep = json.loads(report.read_text())
    m.update({
        "workers": workers, "executor": executor, "command": " ".join(cmd[1:]),
        "articles": rep["articles"], "mentions": rep["mentions"], "tasks": rep["tasks"],
        "articles_per_second": round(rep["articles"] / m["wall_seconds"], 2),
        "stage_seconds_summed_over_workers": rep["stages"],
        "inner_seconds": rep["seconds"],
    })
    return m


def limit_child(kind: str, corpus: Path, texts: Path, model: str) -> None:
    """Run in a fresh process: one component alone over the corpus, timed in the process."""
    from extract.nlp import analyze_texts, build_nlp

    result: dict = {"kind": kind}
    if kind == "trafilatura":
        from crawlers.registry import load_registry, site_for_url
        from extract.article import extract_article
        from pipeline.extractor import reference_datetime
        from pipeline.sources import expand_paths, iter_pages

        registry = load_registry()
        pages = [p for p in iter_pages(expand_paths([corpus])) if hasattr(p, "url")]  # untimed: in memory first
        t = time.perf_counter()
        c = time.process_time()
        out = []
        for page in pages:
            site = registry.get(page.site) if page.site else site_for_url(page.url, registry)
            article = extract_article(page, site_label=site.name if site else page.site)
            if not article.skip_reason:
                out.append((article.text, reference_datetime(article)))
        result["seconds"] = time.perf_counter() - t
        result["cpu_seconds"] = time.process_time() - c
        result["pages"] = len(pages)
        result["articles"] = len(out)
        with open(texts, "w") as fh:
            for text, ref in out:
                fh.write(json.dumps({"text": text, "ref": ref.isoformat() if ref else None}) + "\n")
    elif kind == "disruptions":
        result.update(time_disruptions(read_texts(texts), model))
    else:
        items = read_texts(texts)
        t = time.perf_counter()
        nlp = build_nlp(model)
        result["load_seconds"] = time.perf_counter() - t
        result["components"] = list(nlp.pipe_names)
        t = time.perf_counter()
        c = time.process_time()
        # the pipeline's own batching: analyze_texts per batch of 64 pages
        n = 0
        from pipeline.extractor import NLP_BATCH_SIZE

        result["nlp_batch_size"] = NLP_BATCH_SIZE
        for k in range(0, len(items), 64):
            for _ in analyze_texts(nlp, items[k:k + 64], batch_size=NLP_BATCH_SIZE):
                n += 1
        result["seconds"] = time.perf_counter() - t
        result["cpu_seconds"] = time.process_time() - c
        result["articles"] = n
        result["tokens"] = sum(len(nlp.tokenizer(text)) for text, _ in items)
    print(json.dumps(result))


def read_texts(texts: Path) -> list[tuple[str, datetime | None]]:
    items = []
    with open(texts) as fh:
        for line in fh:
            d = json.loads(line)
            items.append((d["text"], datetime.fromisoformat(d["ref"]) if d["ref"] else None))
    return items


def time_disruptions(items: list[tuple[str, datetime | None]], model: str, component: str = "pk_disruptions") -> dict:
    """The statement component's own time: the pipeline without it (and without
    pk_output, which clears what it reads) over each batch of 64 texts, then the
    component alone over those docs, both in process CPU seconds and wall seconds."""
    from extract.nlp import build_nlp
    from pipeline.extractor import NLP_BATCH_SIZE

    nlp = build_nlp(model)
    proc = nlp.get_pipe(component)
    before = {"wall": 0.0, "cpu": 0.0}
    alone = {"wall": 0.0, "cpu": 0.0}
    statements = 0
    for k in range(0, len(items), 64):
        batch = items[k:k + 64]
        docs = []
        for text, ref in batch:
            doc = nlp.make_doc(text or "")
            doc._.published_at = ref.isoformat() if ref is not None else None
            docs.append(doc)
        t, c = time.perf_counter(), time.process_time()
        with nlp.select_pipes(disable=[component, "pk_output"]):
            docs = list(nlp.pipe(docs, batch_size=NLP_BATCH_SIZE))
        before["wall"] += time.perf_counter() - t
        before["cpu"] += time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        for doc in docs:
            statements += len(proc(doc)._.disruptions or [])
        alone["wall"] += time.perf_counter() - t
        alone["cpu"] += time.process_time() - c
    n = max(len(items), 1)
    return {
        "articles": len(items), "statements": statements,
        "pipeline_without_seconds": round(before["wall"], 2), "pipeline_without_cpu_seconds": round(before["cpu"], 2),
        "component_seconds": round(alone["wall"], 3), "component_cpu_seconds": round(alone["cpu"], 3),
        "component_ms_per_article_cpu": round(1000 * alone["cpu"] / n, 2),
        "share_of_spacy_cpu": round(alone["cpu"] / max(before["cpu"] + alone["cpu"], 1e-9), 4),
        # placeholders so the result keeps the "seconds" fields every limit has
        "seconds": before["wall"] + alone["wall"], "cpu_seconds": before["cpu"] + alone["cpu"],
    }


def run_limit(kind: str, corpus: Path, work: Path, model: str) -> dict:
    log = work / f"log-limit-{kind}.txt"
    cmd = [python(), str(Path(__file__).resolve()), "limit-child", kind, str(corpus),
           "--texts", str(work / "texts.jsonl"), "--model", model]
    m = measure(cmd, log)
    lines = [ln for ln in log.read_text().splitlines() if ln.startswith("{")]
    m.update(json.loads(lines[-1]))
    m["seconds"] = round(m["seconds"], 2)
    m["cpu_seconds"] = round(m["cpu_seconds"], 2)
    return m


def summarize(res: dict) -> dict:
    """The limit is trafilatura alone plus spaCy alone (timed sections only: no
    interpreter start, imports or model load), the pipeline is ``pknews extract``
    end to end (all of those included). Fractions by wall clock and by CPU
    seconds: on a shared machine the CPU figure is the one other users' load
    does not move."""
    s: dict = {}
    runs = {r["workers"]: r for r in res.get("pipeline", [])}
    lim = res.get("limits", {})
    if "trafilatura" in lim and "spacy" in lim:
        parts = lim["trafilatura"]["seconds"] + lim["spacy"]["seconds"]
        s["sum_of_parts_seconds"] = round(parts, 2)
        s["limit_articles_per_second"] = round(lim["spacy"]["articles"] / parts, 2)
        if "cpu_seconds" in lim["trafilatura"] and "cpu_seconds" in lim["spacy"]:
            s["sum_of_parts_cpu_seconds"] = round(lim["trafilatura"]["cpu_seconds"] + lim["spacy"]["cpu_seconds"], 2)
        if 1 in runs:
            s["single_process_fraction_of_limit_wall"] = round(parts / runs[1]["wall_seconds"], 3)
            if "sum_of_parts_cpu_seconds" in s and runs[1].get("cpu_seconds"):
                s["single_process_fraction_of_limit_cpu"] = round(
                    s["sum_of_parts_cpu_seconds"] / runs[1]["cpu_seconds"], 3)
    if 1 in runs and 2 in runs:
        s["speedup_2_workers"] = round(runs[2]["articles_per_second"] / runs[1]["articles_per_second"], 3)
    if "disruptions" in lim and "trafilatura" in lim:
        d, traf = lim["disruptions"], lim["trafilatura"]
        extraction_cpu = traf["cpu_seconds"] + d["pipeline_without_cpu_seconds"] + d["component_cpu_seconds"]
        s["disruptions_ms_per_article_cpu"] = d["component_ms_per_article_cpu"]
        s["disruptions_share_of_spacy_cpu"] = d["share_of_spacy_cpu"]
        # the issue-13 bar: the statement step adds at most 10% to extraction time per article
        s["disruptions_share_of_extraction_cpu"] = round(d["component_cpu_seconds"] / extraction_cpu, 4)
        s["disruptions_added_to_extraction_cpu"] = round(
            d["component_cpu_seconds"] / (extraction_cpu - d["component_cpu_seconds"]), 4)
    for w, r in sorted(runs.items()):
        s[f"articles_per_second_w{w}"] = r["articles_per_second"]
        s[f"peak_rss_sum_mb_w{w}"] = r["peak_mb"]["rss_sum"]
    return s


def cmd_run(args) -> int:
    from extract.nlp import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    work = Path(args.work or f"/tmp/pknews-bench/{args.n}")
    corpus = work / "corpus"
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_file = RESULTS / f"throughput-N{args.n}.json"
    res = json.loads(out_file.read_text()) if out_file.exists() and args.resume else {}
    res.update({"n": args.n, "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                         "platform": platform.platform()}, "model": model})
    t = time.perf_counter()
    res["corpus"] = build_corpus(args.n, corpus)
    res["corpus"]["build_seconds"] = round(time.perf_counter() - t, 1)

    def save():
        res["summary"] = summarize(res)
        res["finished_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        out_file.write_text(json.dumps(res, indent=2) + "\n")
        print(json.dumps(res["summary"]), flush=True)

    save()
    if args.only_disruptions:
        for kind in ("trafilatura", "disruptions"):  # the first writes the texts the second reads
            if kind not in res.get("limits", {}) or kind == "disruptions":
                print(f"limit N={args.n} {kind} ...", flush=True)
                res.setdefault("limits", {})[kind] = run_limit(kind, corpus, work, model)
                print(json.dumps(res["limits"][kind]), flush=True)
                save()
        return 0
    done = {(r["workers"], r["executor"]) for r in res.get("pipeline", [])}
    for w in args.workers:
        if (w, "local") in done:
            continue
        print(f"pipeline N={args.n} workers={w} ...", flush=True)
        r = run_pipeline(corpus, work, w)
        res.setdefault("pipeline", []).append(r)
        print(json.dumps(r), flush=True)
        save()
    if not args.skip_limits:
        for kind in ("trafilatura", "spacy", "disruptions"):
            if kind in res.get("limits", {}):
                continue
            print(f"limit N={args.n} {kind} alone ...", flush=True)
            r = run_limit(kind, corpus, work, model)
            res.setdefault("limits", {})[kind] = r
            print(json.dumps(r), flush=True)
            save()
    return 0


def cmd_ccnews(args) -> int:
    """Cost of a foreign record of a CC-NEWS-style WARC (99% other domains) against
    one full extraction: the pass-over walk alone (in this process, the same
    reader and filter ``pknews extract`` uses), then ``pknews extract`` on the file."""
    from crawlers.registry import load_registry
    from pipeline.snapshots.archives import build_ccnews_warc
    from pipeline.sources import RecordFilter, iter_warc

    work = Path(args.work or "/tmp/pknews-bench/ccnews")
    work.mkdir(parents=True, exist_ok=True)
    path = work / "CC-NEWS-20240217120000-00042.warc.gz"
    info = build_ccnews_warc(path, args.records, kept_every=100)
    domains = sorted({d for site in load_registry().values() for d in site.domains})
    walks = []
    for _ in range(3):
        f = RecordFilter(domains)
        t, c = time.perf_counter(), time.process_time()
        kept = sum(1 for _ in iter_warc(path, keep_url=f.keep_url, keep_type=f.keep_type))
        walks.append({"wall": time.perf_counter() - t, "cpu": time.process_time() - c, "kept": kept,
                      "passed_over": dict(f.passed_over)})
    best = min(walks, key=lambda w: w["cpu"])
    records = info["records"]
    res = {"warc": info, "walk_best_of_3": best,
           "walk_ms_per_record_wall": round(1000 * best["wall"] / records, 4),
           "walk_ms_per_record_cpu": round(1000 * best["cpu"] / records, 4)}
    res["extract_run"] = run_pipeline(path.parent, work, 1)
    run = res["extract_run"]
    res["extract_ms_per_record_wall"] = round(1000 * run["wall_seconds"] / records, 3)
    # one full extraction: the N=500 single-process run of this machine (end to end per article)
    ref = RESULTS / "throughput-N500.json"
    if ref.exists():
        r500 = {r["workers"]: r for r in json.loads(ref.read_text()).get("pipeline", [])}.get(1)
        if r500:
            full_wall = 1000 * r500["wall_seconds"] / r500["articles"]
            full_cpu = 1000 * r500["cpu_seconds"] / r500["articles"]
            res["full_extraction_ms_per_article"] = {"wall": round(full_wall, 1), "cpu": round(full_cpu, 1)}
            res["ratio_full_extraction_to_passed_over_record"] = {
                "wall": round(full_wall / res["walk_ms_per_record_wall"], 1),
                "cpu": round(full_cpu / res["walk_ms_per_record_cpu"], 1)}
            res["ratio_full_extraction_to_average_record_of_whole_run"] = round(
                full_wall / res["extract_ms_per_record_wall"], 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ccnews.json").write_text(json.dumps(res, indent=2) + "\n")
    print(json.dumps(res, indent=2))
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("corpus", help="only build the corpus")
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--out", type=Path, required=True)
    p = sub.add_parser("run", help="corpus, pipeline runs and limits; results to benchmarks/results/")
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--work", help="scratch folder (default /tmp/pknews-bench/N)")
    p.add_argument("--model")
    p.add_argument("--skip-limits", action="store_true")
    p.add_argument("--resume", action="store_true", help="keep the runs already in the result file")
    p.add_argument("--only-disruptions", action="store_true",
                   help="only the disruption statements' share of extraction time (trafilatura, then the component)")
    p = sub.add_parser("ccnews", help="per-record cost in a CC-NEWS-style WARC with 99%% foreign records")
    p.add_argument("--records", type=int, default=10000)
    p.add_argument("--work", help="scratch folder (default /tmp/pknews-bench/ccnews)")
    p = sub.add_parser("limit-child")
    p.add_argument("kind", choices=("trafilatura", "spacy", "disruptions"))
    p.add_argument("corpus", type=Path)
    p.add_argument("--texts", type=Path, required=True)
    p.add_argument("--model", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "corpus":
        print(json.dumps(build_corpus(args.n, args.out), indent=2))
        return 0
    if args.cmd == "ccnews":
        return cmd_ccnews(args)
    if args.cmd == "limit-child":
        limit_child(args.kind, args.corpus, args.texts, args.model)
        return 0
    return cmd_run(args)


if __name__ == "__main__":
    sys.exit(main())
