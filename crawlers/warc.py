"""Writing fetched pages to WARC files with warcio.

Each page becomes a ``request`` record, a ``response`` record and a
``metadata`` record (site, role, crawl time), the shape Common Crawl uses, so
any WARC tool reads ours and our reader reads theirs. A file is written under
a ``.open`` name and renamed when closed: readers never see a half-written file.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OPEN_SUFFIX = ".open"
# Headers that describe the transfer, not the stored body: Scrapy hands us the
# body already decompressed and de-chunked, so keeping them would make readers
# decode it a second time.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class StoredRecord:
    warc_file: str  # file name, relative to the WARC folder
    offset: int  # byte offset of the response record


def warc_date(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class RollingWarcWriter:
    """Appends records to gzip WARC files in a folder, starting a new file past a size."""

    def __init__(self, folder: Path, prefix: str, max_bytes: int = 512 * 1024 * 1024, software: str = "pknews"):
        self.folder = Path(folder)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.software = software
        self._seq = 0
        self._fh: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None
        self._name: str | None = None
        self.closed_files: list[str] = []

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._seq += 1
        self._name = f"{self.prefix}-{self._seq:05d}.warc.gz"
        self._fh = open(self.folder / (self._name + OPEN_SUFFIX), "wb")
        self._writer = WARCWriter(self._fh, gzip=True)
        info = self._writer.create_warcinfo_record(
            self._name, {"software": self.software, "format": "WARC File Format 1.1"}
        )
        self._writer.write_record(info)

    def write_page(
        self,
        url: str,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        request_headers: list[tuple[str, str]],
        fetched_at: datetime,
        metadata: dict[str, str],
    ) -> StoredRecord:
        if self._writer is None:
            self._open()
        assert self._writer is not None and self._fh is not None and self._name is not None
        date = warc_date(fetched_at)
        path = url.split("://", 1)[-1]
        path = "/" + path.split("/", 1)[1] if "/" in path else "/"
        req = self._writer.create_warc_record(
            url, "request",
            http_headers=StatusAndHeaders(f"GET {path} HTTP/1.1", request_headers, is_http_request=True),
            warc_headers_dict={"WARC-Date": date},
        )
        headers = [(k, v) for k, v in response_headers if k.lower() not in _TRANSFER_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        resp = self._writer.create_warc_record(
            url, "response",
            payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date},
        )
        meta_lines = "".join(f"{k}: {v}\r\n" for k, v in sorted(metadata.items()))
        meta = self._writer.create_warc_record(
            url, "metadata",
            payload=io.BytesIO(meta_lines.encode("utf-8")),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID"),
            },
        )
        self._writer.write_record(req)
        offset = self._fh.tell()
        self._writer.write_record(resp)
        self._writer.write_record(meta)
        stored = StoredRecord(self._name, offset)
        if self._fh.tell() >= self.max_bytes:
            self.close()
        return stored

    def flush(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())

    def close(self) -> None:
        """Finish the current file and give it its final name."""
        if self._fh is None or self._name is None:
            return
        self.flush()
        self._fh.close()
        os.replace(self.folder / (self._name + OPEN_SUFFIX), self.folder / self._name)
        self.closed_files.append(self._name)
        self._fh = self._writer = None
        self._name = None
