"""Arrow types shared by the table schemas."""

import pyarrow as pa

UTC_TS = pa.timestamp("us", tz="UTC")
STRINGS = pa.list_(pa.string())
