"""``pknews backfill``: history from web archives, through the crawl's own archive and
extraction. ``run`` orchestrates one backfill, ``options`` holds its command-line options
(kept light: building the parser imports nothing heavy), ``sitemaps`` reads a site's own
sitemaps for a period, ``report`` counts per site and month."""
