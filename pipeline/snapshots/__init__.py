"""The snapshot sites: the project's own bundled test world.

Three small sites modelled on real Pakistani publishers (a WordPress news theme,
a WordPress magazine theme, a custom news CMS), served on 127.0.0.1 by
:class:`SnapshotServer` under the host names ``<site>.snapshot.test``, with
gold data for tests and benchmarks in :mod:`pipeline.snapshots.gold`.
"""

from .base import ArticleRecord
from .gold import (
    ExpectedArticle,
    disallowed_paths,
    expected_articles,
    non_article_paths,
    render_article_page,
    render_path,
)
from .sites import all_sites, get_site

__all__ = [
    "ArticleRecord", "ExpectedArticle", "SnapshotServer", "all_sites", "disallowed_paths",
    "expected_articles", "get_site", "non_article_paths", "render_article_page", "render_path",
]


def __getattr__(name: str):
    # imported lazily so that ``python -m pipeline.snapshots.server`` runs cleanly
    if name == "SnapshotServer":
        from .server import SnapshotServer
        return SnapshotServer
    raise AttributeError(name)
