"""`pknews sites check NAME`: does a registry entry still work?

Fetches the site's robots.txt and each configured source (following sitemap
indexes, robots Sitemap lines and announced feeds one level, a few children at
most), and reports what answers and how many article URLs each yields. Plain
blocking HTTP: this is a quick look by an operator, not a crawl.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from crawlers import discovery
from crawlers.registry import Site
from crawlers.source_kinds import Source, source_kind

MAX_CHILDREN = 3
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class SourceCheck:
    kind: str
    url: str
    status: int | None = None
    outcome: str = ""
    article_urls: int = 0
    children: list["SourceCheck"] = field(default_factory=list)

    @property
    def total_articles(self) -> int:
        return self.article_urls + sum(c.total_articles for c in self.children)


class Fetcher:
    def __init__(self, user_agent: str, resolve: dict[str, str] | None = None, timeout: float = 15):
        self.user_agent = user_agent
        self.resolve = {k.lower(): v for k, v in (resolve or {}).items()}
        self.timeout = timeout

    def get(self, url: str) -> tuple[int, bytes]:
        parts = urlsplit(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        host = (parts.hostname or "").lower()
        if host in self.resolve:
            # connect to the pinned address, name the host in the header (curl --resolve)
            headers["Host"] = parts.netloc
            netloc = self.resolve[host] + (f":{parts.port}" if parts.port else "")
            url = urlunsplit(parts._replace(netloc=netloc))
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return resp.status, resp.read(MAX_BYTES)
        except urllib.error.HTTPError as err:
            return err.code, b""


def fetch_into(check: SourceCheck, fetcher: Fetcher, not_found: str = "") -> bytes | None:
    """The body of ``check.url``; None (with the outcome recorded) when it did not answer 200."""
    try:
        check.status, body = fetcher.get(check.url)
    except (OSError, ValueError) as err:
        check.outcome = f"unreachable: {getattr(err, 'reason', err)}"
        return None
    if check.status != 200:
        check.outcome = f"HTTP {check.status}{not_found}"
        return None
    return body


def check_source(site: Site, source: Source, url: str, fetcher: Fetcher, depth: int = 0) -> SourceCheck:
    kind = source_kind(source.kind)
    url = kind.check_url(url)
    check = SourceCheck(source.kind, url)
    body = fetch_into(check, fetcher)
    if body is None:
        return check
    try:
        reading = kind.read(body, url)
    except discovery.NotXml as err:
        check.outcome = f"unreadable: {err}"
        return check
    check.outcome = reading.summary
    check.article_urls = sum(1 for e in reading.entries if site.is_article_url(e.url))
    children = list(reading.children)
    if reading.is_index:
        # an index of many: the newest parts say most about whether it is kept up
        children.sort(key=lambda c: c.lastmod.timestamp() if c.lastmod else 0, reverse=True)
        check.outcome += f" (checking the newest {MAX_CHILDREN})"
    if depth < 2:
        for child in children[:MAX_CHILDREN]:
            check.children.append(check_source(site, child.source, child.source.url, fetcher, depth + 1))
    return check


def check_robots(site: Site, fetcher: Fetcher) -> SourceCheck:
    """robots.txt itself: does it answer, and may we fetch the sources?"""
    from protego import Protego

    url = urlunsplit(urlsplit(site.home)._replace(path="/robots.txt", query="", fragment=""))
    check = SourceCheck("robots.txt", url)
    body = fetch_into(check, fetcher, not_found=" (everything allowed)")
    if body is None:
        return check
    rules = Protego.parse(body.decode("utf-8", "replace"))
    blocked = [u for _, u in site.source_urls() if not rules.can_fetch(u, fetcher.user_agent)]
    check.outcome = "sources allowed" if not blocked else f"disallows {', '.join(blocked)}"
    return check


def check_site(site: Site, fetcher: Fetcher) -> list[SourceCheck]:
    checks = [check_robots(site, fetcher)]
    for source, url in site.source_urls():
        checks.append(check_source(site, source, url, fetcher))
    return checks


def format_checks(site: Site, checks: list[SourceCheck]) -> str:
    lines = [f"{site.name} ({site.label}) {site.home}"]

    def emit(check: SourceCheck, indent: int) -> None:
        status = str(check.status) if check.status is not None else "---"
        articles = f" -> {check.article_urls} article URLs" if check.article_urls else ""
        lines.append(f"{'  ' * indent}{check.kind:<20} {status:>3}  {check.url}  {check.outcome}{articles}")
        for child in check.children:
            emit(child, indent + 1)

    for check in checks:
        emit(check, 1)
    working = [c for c in checks[1:] if c.total_articles]
    lines.append(
        f"  {len(working)} of {len(checks) - 1} configured sources yield article URLs"
        + (f" (first working: {working[0].kind} {working[0].url})" if working else "")
    )
    return "\n".join(lines)
