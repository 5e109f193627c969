"""Deterministic synthetic articles for benchmarks and tests.

Recombines the paragraphs of the bundled English articles under generated
titles, authors and dates, so a benchmark can render thousands of realistic
pages with any template::

    from pipeline.snapshots.synthetic import synthetic_pages
    for template, record, html in synthetic_pages(3000, seed=7):
        ...

``words=(400, 1200)`` gives long pages instead: snapshot articles with bodies
of that many words of snapshot sentences (the corpus of
``benchmarks/throughput.py``; ``corpus_pages`` yields it with URLs and word
counts). Same arguments give byte-identical pages.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from typing import Iterator

from .base import DATE_STYLES, PKT, ArticleRecord, Block, slugify, split_sentences
from .sites import all_sites, get_site

CITIES = ["Karachi", "Lahore", "Islamabad", "Rawalpindi", "Peshawar", "Quetta", "Gilgit", "Hyderabad",
          "Multan", "Muzaffarabad", "Mingora", "D.I. Khan", "Faisalabad", "Sialkot", "Turbat"]
PLATFORMS = ["X", "Facebook", "YouTube", "WhatsApp", "TikTok", "Instagram", "mobile data", "VPN services"]
BODIES = ["PTA", "FIA", "Islamabad High Court", "Sindh High Court", "Supreme Court", "Lahore High Court",
          "interior ministry", "Senate committee", "PFUJ", "Digital Rights Foundation", "Bolo Bhi", "ISPAK"]
PATTERNS = [
    "{platform} disrupted in {city} for {hours} hours",
    "{body} seeks reply on {platform} restrictions",
    "{body} says {platform} outage cost {city} businesses millions",
    "Users in {city} report {platform} slowdown for {days} days",
    "{body} questions suspension of {platform} in {city}",
    "{city} journalists protest {body} notices over {platform} posts",
]
AUTHORS = [("Web Desk",), ("Staff Reporter",), ("Our Correspondent",), ("Reuters",), ("DRM",),
           ("Sana Mirza",), ("Arsalan Haider",), ("Nida Raza", "Omer Saleem")]
CATEGORIES = {"photonews": ["Pakistan", "Technology", "Sindh", "Punjab"],
              "drm": ["News", "Court Updates", "Features"],
              "dawn": ["Pakistan", "Business", "Tech"]}


def _pool() -> list[Block]:
    blocks = []
    for site in all_sites().values():
        for r in site.articles():
            if r.language == "en":
                blocks.extend(b for b in r.blocks if b.kind in ("p", "h", "tweet", "figure", "quote"))
    return blocks


def _body(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if b.kind == "p":
            out.append(b.text)
        elif b.kind == "h":
            out.append("## " + b.text)
        elif b.kind == "tweet":
            out.append(f"[tweet {b.text} | {b.extra}]")
        elif b.kind == "figure":
            out.append(f"[img {b.extra} | {b.text}]")
        elif b.kind == "quote":
            out.append("> " + b.text)
    return "\n\n".join(out)


def synthetic_records(n: int, *, seed: int = 0, template: str = "photonews") -> list[ArticleRecord]:
    """``n`` article records (English, 4-9 blocks, paragraphs first and last)."""
    rng = random.Random(seed)
    pool = _pool()
    paras = [b for b in pool if b.kind == "p"]
    others = [b for b in pool if b.kind != "p"]
    start = datetime(2023, 1, 1, 8, 0, tzinfo=PKT)
    span_minutes = int((datetime(2025, 9, 10, tzinfo=PKT) - start).total_seconds() // 60)
    out = []
    for i in range(n):
        title = rng.choice(PATTERNS).format(
            platform=rng.choice(PLATFORMS), city=rng.choice(CITIES), body=rng.choice(BODIES),
            hours=rng.randint(2, 48), days=rng.randint(2, 9))
        title = title[0].upper() + title[1:]
        k = rng.randint(4, 9)
        blocks = rng.sample(paras, k)
        if rng.random() < 0.4:
            blocks.insert(rng.randint(1, k - 1), rng.choice(others))
        published = start + timedelta(minutes=rng.randrange(span_minutes))
        out.append(ArticleRecord(
            slug=f"{slugify(title)}-{i}",
            title=title,
            authors=rng.choice(AUTHORS),
            published=published,
            modified=published + timedelta(minutes=rng.choice([0, 0, 35, 240])),
            body=_body(blocks),
            category=rng.choice(CATEGORIES.get(template, ["Pakistan"])),
            tags=tuple(rng.sample(["Internet", "PTA", "Courts", "VPN", "Privacy", "Elections"], 2)),
            date_style=rng.choice(DATE_STYLES),
            post_id=2_000_000 + i,
        ))
    return out


def synthetic_pages(n: int, *, seed: int = 0, templates: tuple[str, ...] | None = None,
                    words: tuple[int, int] | None = None) -> Iterator[tuple[str, ArticleRecord, str]]:
    """``(template, record, html)`` for ``n`` synthetic pages, templates in rotation
    (default: every snapshot site).

    Without ``words``: generated stories (``synthetic_records``, one seeded stream
    per template). With ``words=(lo, hi)``: long pages, each built on one of its
    template's English snapshot articles (authors and category kept, date moved
    back ``i % 5000`` hours), with a title and a body of ``lo``-``hi`` words drawn
    from those articles' sentences; page ``i`` depends only on ``seed`` and ``i``."""
    from .gold import render_article_page
    names = templates or tuple(all_sites())
    if words is not None:
        for t, rec in _long_records(n, seed, tuple(names), words):
            yield t, rec, render_article_page(t, rec)
        return
    per = {t: synthetic_records((n + len(names) - 1) // len(names), seed=seed + j, template=t)
           for j, t in enumerate(names)}
    for i in range(n):
        t = names[i % len(names)]
        rec = per[t][i // len(names)]
        yield t, rec, render_article_page(t, rec)


def _long_records(n: int, seed: int, names: tuple[str, ...], words: tuple[int, int]
                  ) -> Iterator[tuple[str, ArticleRecord]]:
    """The records of ``synthetic_pages(..., words=...)``."""
    from .gold import article_records

    records: dict[str, list[ArticleRecord]] = {}
    sentences: list[str] = []
    for t in names:
        recs = [r for r in article_records(t) if r.kind == "article" and r.language == "en"]
        records[t] = recs
        for r in recs:
            for p in r.paragraphs:
                sentences.extend(s for s in split_sentences(p) if len(s.split()) >= 4)
    sentences = sorted(set(sentences))
    lo, hi = words
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        template = names[i % len(names)]
        base = rng.choice(records[template])
        target = rng.randint(lo, hi)
        paras, count = [], 0
        while count < target:
            para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            paras.append(para)
            count += len(para.split())
        title = f"{rng.choice(sentences).rstrip('.')[:80]} {i}"
        yield template, dataclasses.replace(
            base, slug=f"{slugify(title)[:70]}-{i}", title=title, body="\n\n".join(paras),
            post_id=500_000 + i, path=None, kind="article", encoding="utf-8", modified=None,
            published=base.published - timedelta(hours=i % 5000), excerpt=None,
        )


def page_url(template: str, record: ArticleRecord) -> str:
    """The URL of ``record``'s article page on the snapshot site ``template``."""
    site = get_site(template)
    return f"http://{site.hostname}{site.article_path(record)}"


# the corpus of benchmarks/throughput.py (keep these: its published figures depend on them)
CORPUS_TEMPLATES = ("photonews", "drm", "dawn")
CORPUS_WORDS = (400, 1200)


def corpus_pages(n: int, seed: int = 7) -> Iterator[tuple[str, str, str, int]]:
    """``(template, url, html, body_words)`` for ``n`` long synthetic article pages:
    the throughput benchmark's corpus, also written to WARC files by the scale tests."""
    for template, rec, html in synthetic_pages(n, seed=seed, templates=CORPUS_TEMPLATES, words=CORPUS_WORDS):
        yield template, page_url(template, rec), html, len(rec.body.split())
