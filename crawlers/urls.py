"""URL identity: when two URLs name the same page.

Shared by the crawl catalog (have we fetched this already?) and the article id
of the Parquet rows, so both agree on what "the same article" is.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "ref", "amp")


def url_key(url: str) -> str:
    """Scheme-less and port-less, lower-cased host without www., no fragment,
    no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
               if not k.lower().startswith(_TRACKING_PREFIXES))
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, "")).lstrip("/")
