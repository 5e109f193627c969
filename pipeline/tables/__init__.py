"""The Parquet tables, each declared once: the registry.

Writing (``pipeline.parquet``), recovery, version marking
(``pipeline.versions``), cross-task de-duplication (``pipeline.dedupe``),
counting and summaries (``pipeline.counts``, ``pipeline.summary``) iterate
over ``TABLES``; none of them lists the tables by hand. A table is a module of this
package (Arrow schema plus row builder) and one ``Table`` line below;
docs/schema.md documents each column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from . import articles, disruptions, mentions, quotes, skipped
from .analysis import Analysis


@dataclass(frozen=True)
class Table:
    name: str
    schema: pa.Schema
    # rows carry an article_id and an is_latest that follows their article's version;
    # they are written, de-duplicated and versioned together with the article row
    hangs_off_article: bool
    # articles: (Article, Page, site label, extractor version) -> row;
    # tables hanging off an article: (article_id, Analysis) -> rows;
    # skipped: (Page, site, reason, detail, extractor version) -> row
    build: Callable


ARTICLES = Table("articles", articles.SCHEMA, False, articles.article_row)
SKIPPED = Table("skipped", skipped.SCHEMA, False, skipped.skipped_row)

# order is the order of the report's counts and of the summary line
TABLES: dict[str, Table] = {t.name: t for t in (
    ARTICLES,
    Table("mentions", mentions.SCHEMA, True, mentions.mention_rows),
    Table("quotes", quotes.SCHEMA, True, quotes.quote_rows),
    Table("disruptions", disruptions.SCHEMA, True, disruptions.disruption_rows),
    SKIPPED,
)}

# the tables whose rows hang off an article row
ARTICLE_CHILDREN: tuple[Table, ...] = tuple(t for t in TABLES.values() if t.hangs_off_article)
# tables counted in rows written (skipped rows are counted by reason instead)
COUNTED: tuple[str, ...] = (ARTICLES.name, *(t.name for t in ARTICLE_CHILDREN))

__all__ = ["ARTICLES", "ARTICLE_CHILDREN", "COUNTED", "SKIPPED", "TABLES", "Analysis", "Table"]
