"""Arrow schemas of the Parquet datasets; docs/schema.md documents each column.

Every fragment of a dataset is written with the same schema, so pandas,
pyarrow and DuckDB read a folder of fragments as one table.
"""

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")
STRINGS = pa.list_(pa.string())

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("canonical_url", pa.string()),
    ("site", pa.string()),
    ("site_label", pa.string()),
    ("title", pa.string()),
    ("author", pa.string()),
    ("authors", STRINGS),
    ("published", pa.date32()),
    ("published_at", UTC_TS),
    ("date_source", pa.string()),
    ("modified_at", UTC_TS),
    ("text", pa.string()),
    ("captions", STRINGS),
    ("language", pa.string()),
    ("word_count", pa.int32()),
    ("fetched_at", UTC_TS),
    ("source", pa.string()),
    ("content_sha256", pa.string()),
    ("extractor_version", pa.string()),
    # 1 for the first stored version of an article, 2 for the next change ...;
    # kept right across fragments by pipeline.versions.reconcile_versions
    ("version", pa.int32()),
    ("is_latest", pa.bool_()),
])

MENTIONS = pa.schema([
    ("article_id", pa.string()),
    ("kind", pa.string()),
    ("text", pa.string()),
    ("value", pa.string()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("province", pa.string()),
    ("country", pa.string()),
    ("latitude", pa.float64()),
    ("longitude", pa.float64()),
    ("geonames_id", pa.int64()),
    ("granularity", pa.string()),
    ("full_name", pa.string()),
    ("attrs", pa.string()),
    # false for mentions of an article version that a later version replaced
    ("is_latest", pa.bool_()),
])

QUOTES = pa.schema([
    ("article_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_kind", pa.string()),
    ("speaker_role_or_org", pa.string()),
    ("verb", pa.string()),
    ("quote", pa.string()),
    ("direct", pa.bool_()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    # false for quotes of an article version that a later version replaced
    ("is_latest", pa.bool_()),
])

SKIPPED = pa.schema([
    ("url", pa.string()),
    ("site", pa.string()),
    ("source", pa.string()),
    ("reason", pa.string()),
    ("detail", pa.string()),
    ("fetched_at", UTC_TS),
    ("extractor_version", pa.string()),
])

TABLES = {"articles": ARTICLES, "mentions": MENTIONS, "quotes": QUOTES, "skipped": SKIPPED}
