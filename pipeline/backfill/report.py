"""What a backfill did, per site and month: listed, already held, fetched, failed by
cause, articles extracted; and the captures refused or not reached, each with its cause.

The month is the capture's (for the sitemaps archive: the date the sitemap gives).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

UNDATED = "undated"


def month_of(when: datetime | None) -> str:
    return when.strftime("%Y-%m") if when is not None else UNDATED


@dataclass
class MonthCounts:
    listed: int = 0  # article URLs the archives listed (once per archive that listed them)
    held: int = 0  # of those, already in the catalog: not fetched
    fetched: int = 0  # stored in the WARC archive
    failed: Counter = field(default_factory=Counter)  # by cause: soft-404, truncated, unavailable ...
    articles: int = 0  # article rows extracted from what was fetched

    def as_dict(self) -> dict:
        return {"listed": self.listed, "held": self.held, "fetched": self.fetched,
                "failed": dict(sorted(self.failed.items())), "articles": self.articles}

    def absorb(self, other: "MonthCounts") -> None:
        self.listed += other.listed
        self.held += other.held
        self.fetched += other.fetched
        self.failed.update(other.failed)
        self.articles += other.articles


@dataclass
class BackfillReport:
    months: dict[str, dict[str, MonthCounts]] = field(default_factory=dict)  # site -> month -> counts
    refused: list[dict] = field(default_factory=list)  # bad captures: url, archive, captured_at, cause
    unreached: list[dict] = field(default_factory=list)  # fetches the archive kept failing (retried next run)
    listing_errors: list[dict] = field(default_factory=list)  # site, archive, error
    retries: Counter = field(default_factory=Counter)  # "<client>/<cause>" -> retries

    def at(self, site: str, when: datetime | None) -> MonthCounts:
        return self.months.setdefault(site, {}).setdefault(month_of(when), MonthCounts())

    def site_total(self, site: str) -> MonthCounts:
        total = MonthCounts()
        for counts in self.months.get(site, {}).values():
            total.absorb(counts)
        return total

    def total(self) -> MonthCounts:
        total = MonthCounts()
        for site in self.months:
            total.absorb(self.site_total(site))
        return total

    def as_dict(self) -> dict:
        return {
            "sites": {site: {"total": self.site_total(site).as_dict(),
                             "months": {m: c.as_dict() for m, c in sorted(months.items())}}
                      for site, months in sorted(self.months.items())},
            "total": self.total().as_dict(),
            "refused": self.refused,
            "unreached": self.unreached,
            "listing_errors": self.listing_errors,
            "retries": dict(sorted(self.retries.items())),
        }

    def lines(self) -> list[str]:
        """The summary: one line per site and month, then the totals and the problems."""
        out = [f"{'site':<22} {'month':<8} {'listed':>7} {'held':>6} {'fetched':>8} {'articles':>9}  failed"]
        for site, months in sorted(self.months.items()):
            for month, c in sorted(months.items()):
                out.append(f"{site:<22} {month:<8} {c.listed:>7} {c.held:>6} {c.fetched:>8} {c.articles:>9}  "
                           + (", ".join(f"{k} x{v}" for k, v in sorted(c.failed.items())) or "-"))
        t = self.total()
        out.append(f"total: {t.listed} listed, {t.held} already held, {t.fetched} fetched, {t.articles} articles, "
                   f"{sum(t.failed.values())} failed"
                   + (f" ({', '.join(f'{k} x{v}' for k, v in sorted(t.failed.items()))})" if t.failed else ""))
        if self.retries:
            out.append("retried: " + ", ".join(f"{k} x{v}" for k, v in sorted(self.retries.items())))
        out += [f"listing failed: {e['site']} from {e['archive']}: {e['error']}" for e in self.listing_errors]
        if self.unreached:
            out.append(f"{len(self.unreached)} capture(s) not reached (archive unavailable): tried again next run")
        return out
