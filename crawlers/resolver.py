"""A DNS resolver with fixed answers for some hostnames, like curl's --resolve.

Used to crawl the snapshot sites under their own hostnames on 127.0.0.1, and
by operators to pin a host to a mirror. Every other name goes to the normal
caching resolver.
"""

from __future__ import annotations

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer


class StaticHostsResolver(CachingThreadedResolver):
    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.static_hosts = {
            k.lower(): v for k, v in (crawler.settings.getdict("PKNEWS_RESOLVE") or {}).items()
        }
        return resolver

    def getHostByName(self, name, timeout=()):
        address = getattr(self, "static_hosts", {}).get(name.lower())
        if address is not None:
            return defer.succeed(address)
        return super().getHostByName(name, timeout)
