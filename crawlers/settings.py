"""Scrapy settings: polite by default. The pknews command line fills the PKNEWS_* ones."""

import os

BOT_NAME = "pknews"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# Who we are and how to reach us: site operators see this in their logs.
PKNEWS_CONTACT = os.environ.get("PKNEWS_CONTACT", "https://github.com/pknews/pknews")
USER_AGENT = f"pknews/0.1 (research crawler for digital-rights studies; +{PKNEWS_CONTACT})"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
# News pages are well under 2 MB; anything past 10 MB is not an article. Scrapy
# applies the limit to the decompressed size too (HttpCompressionMiddleware),
# which stops gzip and brotli bombs.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
# a body cut short (fewer bytes than Content-Length) is an error, not a page
DOWNLOAD_FAIL_ON_DATALOSS = True
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

TWISTED_DNS_RESOLVER = "crawlers.resolver.StaticHostsResolver"
SPIDER_MIDDLEWARES = {"crawlers.middlewares.KnownArticleFilter": 900}
DOWNLOADER_MIDDLEWARES = {
    # engine side of everything: sees each request once and each final outcome
    "crawlers.middlewares.CrawlObserver": 10,
    # before the stock RetryMiddleware (550) sees a 429/503
    "crawlers.middlewares.RetryAfterMiddleware": 560,
}
# Longest Retry-After we wait for; a server asking for more is not retried tonight.
PKNEWS_RETRY_AFTER_MAX = 120
ITEM_PIPELINES = {"crawlers.pipelines.ArchivePipeline": 300}

# Filled by `pknews crawl` / `pknews nightly`.
PKNEWS_DATA = os.environ.get("PKNEWS_DATA", "output")
PKNEWS_RUN_ID = "manual"
PKNEWS_RESOLVE = {}
PKNEWS_WARC_MAX_BYTES = 512 * 1024 * 1024
