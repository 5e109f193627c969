"""The Extractor: the loaded NLP pipeline plus the registry, turning a batch of
pages into table rows. A page that fails becomes a ``skipped`` row with its cause."""

from __future__ import annotations

import time
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as clock
from zoneinfo import ZoneInfo

from crawlers.registry import Site, load_registry, site_for_url
from extract.article import EXTRACTOR_VERSION, Article, extract_article
from extract.nlp import DEFAULT_MODEL, analyze_texts, build_nlp
from extract.page import Page
from pipeline.tables import ARTICLE_CHILDREN, ARTICLES, SKIPPED, Analysis
from pipeline.tables.analysis import NOTHING

KARACHI = ZoneInfo("Asia/Karachi")

# Docs per nlp.pipe batch. Measured on 96 benchmark pages (~1,000 tokens each): 8 is as
# fast as 16 or 32 (17.8-18.3 CPU-s against 18.1 and 18.9) and keeps the peak at the
# model-loading peak (621 MB), where 32 adds ~160 MB of transient tensors.
NLP_BATCH_SIZE = 8


def reference_datetime(article: Article) -> datetime | None:
    """What relative dates in the text are resolved against."""
    if article.published_at is not None:
        return article.published_at
    if article.published is not None:
        return datetime.combine(article.published, clock(12, 0), tzinfo=KARACHI)
    return None


@dataclass
class ArticleRows:
    article: dict
    children: dict[str, list[dict]]  # rows of each table hanging off the article, by table name


@dataclass
class BatchRows:
    articles: list[ArticleRows] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


def skipped_row(page: Page, site: str | None, reason: str, detail: str | None = None) -> dict:
    return SKIPPED.build(page, site, reason, detail, EXTRACTOR_VERSION)


class Extractor:
    def __init__(self, model: str = DEFAULT_MODEL, registry: dict[str, Site] | None = None):
        self.nlp = build_nlp(model)
        self.registry = registry if registry is not None else load_registry()
        # seconds spent per stage since this extractor was built (trafilatura, spacy, rows)
        self.seconds: Counter = Counter()

    def site_of(self, page: Page) -> tuple[str | None, str | None]:
        site = self.registry.get(page.site) if page.site else site_for_url(page.url, self.registry)
        if site is not None:
            return site.name, site.label
        return page.site, None

    def run_batch(self, pages: list[Page]) -> BatchRows:
        out = BatchRows()
        kept = []
        seconds = getattr(self, "seconds", None)
        if seconds is None:
            seconds = self.seconds = Counter()
        t0 = time.perf_counter()
        for page in pages:
            name, label = self.site_of(page)
            if page.role == "source":
                out.skipped.append(skipped_row(page, name, "discovery-page"))
                continue
            try:
                article = extract_article(page, site_label=name)
            except Exception as err:  # one bad page must not stop the batch
                out.skipped.append(skipped_row(page, name, "extract-error", f"{type(err).__name__}: {err}"))
                continue
            if article.skip_reason:
                out.skipped.append(skipped_row(page, name, article.skip_reason, article.skip_detail))
                continue
            kept.append((page, article, label))
        items = [(a.text, reference_datetime(a)) for _, a, _ in kept]
        t1 = time.perf_counter()
        seconds["trafilatura"] += t1 - t0
        # strings a batch adds to the vocabulary are dropped after it (spaCy >= 3.8):
        # without this, the StringStore grows with every new name and number of an archive
        zone = getattr(self.nlp, "memory_zone", None)
        with zone() if zone is not None else nullcontext():
            try:
                analyses = list(analyze_texts(self.nlp, items, batch_size=NLP_BATCH_SIZE))
            except Exception:
                analyses = [self._analyze_one(item) for item in items]
        t2 = time.perf_counter()
        seconds["spacy"] += t2 - t1
        for (page, article, label), analysis in zip(kept, analyses):
            row = ARTICLES.build(article, page, label, EXTRACTOR_VERSION)
            if isinstance(analysis, Exception):
                # the article is kept; only its entities are missing, and that is recorded
                out.skipped.append(skipped_row(page, article.site, "nlp-error",
                                               f"{type(analysis).__name__}: {analysis}"))
                analysis = NOTHING
            analysis = Analysis(*analysis)
            out.articles.append(ArticleRows(
                row, {t.name: t.build(row["article_id"], analysis) for t in ARTICLE_CHILDREN}))
        seconds["rows"] += time.perf_counter() - t2
        return out

    def _analyze_one(self, item):
        try:
            return next(analyze_texts(self.nlp, [item]))
        except Exception as err:
            return err
