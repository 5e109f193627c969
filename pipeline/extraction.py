"""Extraction orchestration: pages in, Parquet rows out, in bounded batches.

The nightly job and ``pknews extract`` both come through ``run_extraction``,
so a re-extraction of saved WARC files gives the rows the crawl night gave.
A page that fails becomes a row of the ``skipped`` table with its cause.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from crawlers.registry import Site, load_registry, site_for_url
from extract import rows as rowlib
from extract.article import EXTRACTOR_VERSION, extract_article
from extract.nlp import DEFAULT_MODEL, analyze_texts, build_nlp
from extract.page import Page
from pipeline.parquet import DatasetWriter
from pipeline.sources import BadRecord, expand_paths, iter_pages


@dataclass
class ArticleRows:
    article: dict
    mentions: list[dict]
    quotes: list[dict]


@dataclass
class BatchRows:
    articles: list[ArticleRows] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


class Extractor:
    """The loaded NLP pipeline plus the registry: turns a batch of pages into rows."""

    def __init__(self, model: str = DEFAULT_MODEL, registry: dict[str, Site] | None = None):
        self.nlp = build_nlp(model)
        self.registry = registry if registry is not None else load_registry()

    def site_of(self, page: Page) -> tuple[str | None, str | None]:
        site = self.registry.get(page.site) if page.site else site_for_url(page.url, self.registry)
        if site is not None:
            return site.name, site.label
        return page.site, None

    def run_batch(self, pages: list[Page]) -> BatchRows:
        out = BatchRows()
        kept = []
        for page in pages:
            name, label = self.site_of(page)
            if page.role == "source":
                out.skipped.append(rowlib.skipped_row(page, name, "discovery-page", None, EXTRACTOR_VERSION))
                continue
            try:
                article = extract_article(page, site_label=name)
            except Exception as err:  # one bad page must not stop the batch
                out.skipped.append(rowlib.skipped_row(
                    page, name, "extract-error", f"{type(err).__name__}: {err}", EXTRACTOR_VERSION))
                continue
            if article.skip_reason:
                out.skipped.append(rowlib.skipped_row(page, name, article.skip_reason, None, EXTRACTOR_VERSION))
                continue
            kept.append((page, article, label))
        items = [(a.text, rowlib.reference_datetime(a)) for _, a, _ in kept]
        try:
            analyses = list(analyze_texts(self.nlp, items))
        except Exception:
            analyses = [self._analyze_one(item) for item in items]
        for (page, article, label), analysis in zip(kept, analyses):
            row = rowlib.article_row(article, page, label, EXTRACTOR_VERSION)
            if isinstance(analysis, Exception):
                # the article is kept; only its entities are missing, and that is recorded
                out.skipped.append(rowlib.skipped_row(
                    page, article.site, "nlp-error", f"{type(analysis).__name__}: {analysis}", EXTRACTOR_VERSION))
                analysis = ([], [])
            mentions, quotes = analysis
            out.articles.append(ArticleRows(
                row, rowlib.mention_rows(row["article_id"], mentions), rowlib.quote_rows(row["article_id"], quotes)
            ))
        return out

    def _analyze_one(self, item):
        try:
            return next(analyze_texts(self.nlp, [item]))
        except Exception as err:
            return err


@dataclass
class ExtractionReport:
    files: int = 0
    pages: int = 0
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    skipped: Counter = field(default_factory=Counter)
    articles_by_site: Counter = field(default_factory=Counter)
    skipped_by_site: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    output: str = ""

    def as_dict(self) -> dict:
        return {
            "files": self.files, "pages": self.pages, "articles": self.articles,
            "mentions": self.mentions, "quotes": self.quotes, "skipped": dict(self.skipped),
            "articles_by_site": dict(self.articles_by_site),
            "skipped_by_site": dict(self.skipped_by_site),
            "seconds": round(self.seconds, 2), "output": self.output,
        }


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Progress:
    """A one-line progress display on a terminal; silent otherwise."""

    def __init__(self, stream=sys.stderr, enabled: bool | None = None):
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.started = time.monotonic()

    def update(self, report: ExtractionReport) -> None:
        if not self.enabled:
            return
        rate = report.pages / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"\rextract: {report.pages} pages, {report.articles} articles, "
            f"{sum(report.skipped.values())} skipped ({rate:.1f} pages/s)"
        )
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def run_extraction(
    paths: list[Path],
    output: Path,
    run_id: str,
    *,
    replace: bool = False,
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    label_of=str,
) -> ExtractionReport:
    files = expand_paths(paths)
    report = ExtractionReport(files=len(files), output=str(output))
    extractor = extractor or Extractor(model)
    progress = progress or Progress()
    writer = DatasetWriter(output, run_id, replace=replace)
    seen: set[tuple[str, str]] = set()
    started = time.monotonic()
    try:
        for batch in batched(iter_pages(files, label_of=label_of), batch_size):
            pages = []
            for item in batch:
                if isinstance(item, BadRecord):
                    report.skipped[item.reason] += 1
                    writer.add("skipped", [{
                        "url": None, "site": None, "source": item.source, "reason": item.reason,
                        "detail": item.detail, "fetched_at": None, "extractor_version": EXTRACTOR_VERSION,
                    }])
                else:
                    pages.append(item)
            report.pages += len(pages)
            rows = extractor.run_batch(pages)
            for bundle in rows.articles:
                row = bundle.article
                # the same page stored twice (two crawls of unchanged content) is one row
                key = (row["article_id"], row["content_sha256"])
                if key in seen:
                    report.skipped["duplicate"] += 1
                    continue
                seen.add(key)
                writer.add("articles", [row])
                writer.add("mentions", bundle.mentions)
                writer.add("quotes", bundle.quotes)
                report.articles += 1
                report.mentions += len(bundle.mentions)
                report.quotes += len(bundle.quotes)
                report.articles_by_site[row["site"]] += 1
            writer.add("skipped", rows.skipped)
            for s in rows.skipped:
                report.skipped[s["reason"]] += 1
                report.skipped_by_site[s["site"]] += 1
            progress.update(report)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    finally:
        progress.done()
    report.seconds = time.monotonic() - started
    return report
