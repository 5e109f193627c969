"""WARC archives of synthetic pages, for the throughput benchmark and the scale tests.

``build_ccnews_warc`` writes a third-party archive in Common Crawl's CC-NEWS
record layout whose pages are ``synthetic.corpus_pages``; ``FETCHED_AT`` is the
capture time both use (``benchmarks/throughput.py`` also stamps its corpus with it).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .synthetic import corpus_pages

FETCHED_AT = datetime(2025, 9, 12, 4, 0, tzinfo=timezone.utc)

FOREIGN_DOMAINS = (
    "www.bbc.co.uk", "www.theguardian.com", "www.reuters.com", "www.hindustantimes.com",
    "www.aljazeera.com", "www.thehindu.com", "www.nytimes.com", "news.yahoo.com",
    "www.dailymail.co.uk", "timesofindia.indiatimes.com", "www.abc.net.au", "www.cbc.ca",
)


def build_ccnews_warc(path: Path, records: int, kept_every: int = 100, kept_domain: str = "www.dawn.com",
                      extra_non_html: bool = True) -> dict:
    """A WARC file laid out like Common Crawl's CC-NEWS: a warcinfo record, then per
    capture a request, a response and a metadata record (fetchTimeMs), HTTP headers
    with the X-Crawler- prefixes CC uses. One capture in ``kept_every`` is an article
    of ``kept_domain`` (a registered site), the rest are pages of foreign news
    sites; with ``extra_non_html`` one more capture of the kept domain is a PDF."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from crawlers.warc import warc_date

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = corpus_pages(records)
    kept = foreign = 0
    rng = random.Random(11)
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(path.name, {
            "software": "StormCrawler 2.10 https://stormcrawler.net/",
            "isPartOf": "CC-NEWS", "operator": "Common Crawl Admin (info@commoncrawl.org)",
            "description": "News crawl for Common Crawl", "format": "WARC File Format 1.1",
        })
        writer.write_record(info)

        def capture(url: str, body: bytes, ctype: str, when: datetime) -> None:
            date = warc_date(when)
            host = url.split("/")[2]
            req = writer.create_warc_record(url, "request", http_headers=StatusAndHeaders(
                "GET /" + url.split("/", 3)[-1] + " HTTP/1.1",
                [("User-Agent", "CCBot/2.0 (https://commoncrawl.org/faq/)"), ("Host", host),
                 ("Accept-Encoding", "gzip")], is_http_request=True),
                warc_headers_dict={"WARC-Date": date, "WARC-IP-Address": "192.0.2.1"})
            resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", ctype), ("X-Crawler-Content-Encoding", "gzip"),
                           ("X-Crawler-Transfer-Encoding", "chunked"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Date": date, "WARC-IP-Address": "192.0.2.1",
                                   "WARC-Concurrent-To": req.rec_headers.get_header("WARC-Record-ID"),
                                   "WARC-Identified-Payload-Type": ctype.split(";")[0]})
            meta = writer.create_warc_record(url, "metadata", payload=io.BytesIO(
                f"fetchTimeMs: {rng.randint(40, 900)}\r\n".encode()),
                warc_content_type="application/warc-fields",
                warc_headers_dict={"WARC-Date": date,
                                   "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID")})
            for r in (req, resp, meta):
                writer.write_record(r)

        for i, (template, url, html, _) in enumerate(pages):
            when = FETCHED_AT + timedelta(seconds=i)
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            if i % kept_every == kept_every // 2:
                url = f"https://{kept_domain}/news/{1_800_000 + i}/{slug}"
                kept += 1
            else:
                url = f"https://{FOREIGN_DOMAINS[i % len(FOREIGN_DOMAINS)]}/{2024}/{i}/{slug}"
                foreign += 1
            capture(url, html.encode(), "text/html; charset=UTF-8", when)
        if extra_non_html:
            capture(f"https://{kept_domain}/2024/report.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 64,
                    "application/pdf", FETCHED_AT)
    return {"records": records + int(extra_non_html), "kept": kept, "foreign": foreign,
            "non_html_kept_domain": int(extra_non_html), "bytes": path.stat().st_size}
