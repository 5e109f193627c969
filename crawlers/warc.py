"""Writing fetched pages to WARC files with warcio.

Each page becomes a ``request`` record, a ``response`` record and a
``metadata`` record (site, role, crawl time), the shape Common Crawl uses, so
any WARC tool reads ours and our reader reads theirs. A file is written under
a ``.open`` name and renamed when closed: readers never see a half-written file.

Every page is flushed and fsynced before ``write_page`` returns, so the
catalog (written after it) never points at bytes that are not on disk. A crawl
killed mid-file leaves a ``.open`` file; ``salvage`` cuts it after the last
complete page the catalog knows and gives it its final name.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawlers import killpoints

OPEN_SUFFIX = ".open"
# Headers that describe the transfer, not the stored body: Scrapy hands us the
# body already decompressed and de-chunked, so keeping them would make readers
# decode it a second time.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


# A page ``pknews backfill`` took from a web archive is stored with two headers beside
# the archived ones: the capture time (``Memento-Datetime``, RFC 7089, as the archives
# send it) and the archive's name. They ride in the response record because that is what
# extraction hands on to the article row (its metadata record says the same, for people).
CAPTURED_AT_HEADER = "Memento-Datetime"
ARCHIVE_HEADER = "X-Pknews-Archive"
LIVE = "site"  # ``fetched_from`` of a page fetched from its own site


def capture_headers(archive: str, captured_at: datetime) -> list[tuple[str, str]]:
    return [(CAPTURED_AT_HEADER, format_datetime(captured_at.astimezone(timezone.utc), usegmt=True)),
            (ARCHIVE_HEADER, archive)]


def capture_origin(headers: Mapping[str, str]) -> tuple[str, datetime | None]:
    """``(fetched_from, captured_at)`` of a stored response from its headers (names
    lower case): an archive's name and the capture time, or ``("site", None)``."""
    archive = headers.get(ARCHIVE_HEADER.lower())
    if not archive:
        return LIVE, None
    try:
        when = parsedate_to_datetime(headers.get(CAPTURED_AT_HEADER.lower(), ""))
    except (TypeError, ValueError, IndexError):
        return archive, None
    return archive, (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


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
        if killpoints.active():  # tests: freeze with a page cut after its request record
            self._fh.flush()
            killpoints.reached("warc-mid-page")
        offset = self._fh.tell()
        self._writer.write_record(resp)
        self._writer.write_record(meta)
        self.flush()
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


def _gzip_member_complete(path: Path, offset: int, length: int) -> bool:
    """Does the gzip member at ``offset`` end, with its trailer, within ``length`` bytes?"""
    with open(path, "rb") as fh:
        fh.seek(offset)
        raw = fh.read(length)
    inflater = zlib.decompressobj(wbits=31)
    try:
        for start in range(0, len(raw), 1 << 20):
            inflater.decompress(raw[start:start + (1 << 20)], 1 << 20)
            while inflater.unconsumed_tail:
                inflater.decompress(inflater.unconsumed_tail, 1 << 20)
    except zlib.error:
        return False
    return inflater.eof


@dataclass(frozen=True)
class Salvaged:
    name: str | None  # final file name, None when nothing worth keeping was left
    kept_offsets: set[int]  # response record offsets kept
    cut_bytes: int  # bytes dropped after the last complete page


def salvage(open_path: Path, cataloged: set[int]) -> Salvaged:
    """Finish a WARC file a killed crawl left under its ``.open`` name.

    Keeps the file up to the end of the last complete page (request, response,
    metadata) whose response offset the catalog recorded (``cataloged``);
    anything after it (a page cut mid-write, or written but not yet
    cataloged) is dropped, so WARC and catalog agree. The file is then renamed
    to its final name; with no page kept it is deleted.
    """
    open_path = Path(open_path)
    size = open_path.stat().st_size
    good_end = 0
    kept: set[int] = set()
    pending: tuple[int, str] | None = None  # a cataloged response waiting for its metadata
    try:
        with open(open_path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                rtype = record.rec_type
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
                record.content_stream().read()  # reading it all proves the record complete
                offset = records.get_record_offset()
                end = offset + records.get_record_length()
                # warcio ends a cut gzip member quietly: check the member's end marker
                if end > size or not _gzip_member_complete(open_path, offset, end - offset):
                    break
                if rtype == "warcinfo" and good_end == 0:
                    good_end = end
                elif rtype == "response":
                    pending = (offset, record_id) if offset in cataloged else None
                elif rtype == "metadata" and pending is not None and concurrent == pending[1]:
                    kept.add(pending[0])
                    good_end = end
                    pending = None
    except Exception:  # a cut gzip member or record: stop at the last complete page
        pass
    final = open_path.with_name(open_path.name.removesuffix(OPEN_SUFFIX))
    if not kept:
        open_path.unlink()
        return Salvaged(None, set(), size)
    with open(open_path, "r+b") as fh:
        fh.truncate(good_end)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(open_path, final)
    return Salvaged(final.name, kept, size - good_end)
