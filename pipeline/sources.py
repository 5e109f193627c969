"""Reading pages back from storage: WARC files (ours or third-party) and HTML files.

Everything streams: one record in memory at a time, whatever the file size.
A record that cannot be read becomes a ``BadRecord`` with its cause, and the
walk goes on with the next one.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from extract.page import Page

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


class InputError(ValueError):
    """A path given on the command line cannot be used."""


@dataclass(frozen=True)
class BadRecord:
    source: str
    reason: str
    detail: str


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to read: WARC and HTML files as given, folders walked, in a stable order."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and _has_suffix(p, WARC_SUFFIXES + HTML_SUFFIXES)
            )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"no such file or folder: {path}")
    return list(dict.fromkeys(files))


def _warc_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


def _parse_fields(payload: bytes) -> dict[str, str]:
    fields = {}
    for line in payload.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


class RecordFilter:
    """Which response records of a WARC file to read, decided from headers only.

    ``domains``: keep URLs whose host is one of them or a subdomain (None keeps
    every URL). ``html_only``: pass over records whose Content-Type says they
    are not HTML (a third-party archive's images, PDFs, feeds). A passed-over
    record's payload is never read, let alone parsed; it is only counted.
    """

    def __init__(self, domains: Iterable[str] | None = None, html_only: bool = True):
        self.domains = tuple(sorted({d.lower().strip(".") for d in domains})) if domains is not None else None
        self.html_only = html_only
        self.passed_over = {"foreign-domain": 0, "not-html": 0}

    def keep_url(self, url: str) -> bool:
        if self.domains is None:
            return True
        host = _host(url)
        if host is None:
            keep = False
        else:
            keep = any(host == d or host.endswith("." + d) for d in self.domains)
        if not keep:
            self.passed_over["foreign-domain"] += 1
        return keep

    def keep_type(self, content_type: str | None) -> bool:
        if not self.html_only or not content_type:
            return True
        mime = content_type.split(";", 1)[0].strip().lower()
        keep = not mime or mime in HTML_TYPES
        if not keep:
            self.passed_over["not-html"] += 1
        return keep


HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _host(url: str) -> str | None:
    # cheaper than urlsplit for the millions of foreign URLs of a CC-NEWS file
    _, sep, rest = url.partition("://")
    if not sep:
        return None
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1]
    if host.startswith("["):
        return host.lower()
    return host.split(":", 1)[0].lower().rstrip(".") or None


def warc_info(path: Path) -> dict[str, str]:
    """Fields of a WARC file's leading warcinfo record (plus its ``WARC-Filename``);
    empty when the file does not start with one."""
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "warcinfo":
                    return {}
                fields = _parse_fields(record.content_stream().read())
                fields["WARC-Filename"] = record.rec_headers.get_header("WARC-Filename") or ""
                return fields
    except Exception:
        return {}
    return {}


def warc_software(path: Path) -> str | None:
    """The ``software`` field of a WARC file's leading warcinfo record, if any."""
    return warc_info(path).get("software")


def is_own_warc(path: Path) -> bool:
    """True for WARC files pknews's crawler wrote: the warcinfo names pknews as the
    software (the crawler's User-Agent) or the file by the crawler's ``pknews-`` prefix."""
    info = warc_info(path)
    return (info.get("software") or "").lower().startswith("pknews") or (
        info.get("WARC-Filename") or "").startswith("pknews-")


_GZIP_MAGIC = b"\x1f\x8b\x08"


def _is_record_start(fh, pos: int) -> bool:
    """Does a gzip member holding a WARC record start at ``pos``?"""
    fh.seek(pos)
    head = fh.read(4096)
    if not head.startswith(_GZIP_MAGIC):
        return False
    try:
        out = zlib.decompressobj(31).decompress(head, 16)
    except zlib.error:
        return False
    return out.startswith(b"WARC/")


def next_record_start(fh, pos: int, size: int) -> int:
    """Offset of the first gzip-member WARC record starting at or after ``pos``
    (``size`` when there is none). Slices of a ``.warc.gz`` file are cut there:
    every record belongs to exactly one slice, whoever computes the cut."""
    if pos <= 0:
        return 0
    chunk = 1 << 16
    while pos < size:
        fh.seek(pos)
        data = fh.read(chunk + 2)
        i = data.find(_GZIP_MAGIC)
        while i != -1:
            if _is_record_start(fh, pos + i):
                return pos + i
            i = data.find(_GZIP_MAGIC, i + 1)
        if len(data) <= 2:
            break
        pos += chunk
    return size


def can_slice(path: Path) -> bool:
    return path.name.lower().endswith(".warc.gz")


def iter_warc(
    path: Path,
    label: str | None = None,
    keep_url=None,
    keep_type=None,
    start: int = 0,
    end: int | None = None,
) -> Iterator[Page | BadRecord]:
    """Response records of a WARC file as Pages, with our metadata record's site attached.

    ``keep_url`` (url -> bool) lets third-party archives skip foreign records
    before their payload is read; ``keep_type`` (Content-Type -> bool) does the
    same on the HTTP Content-Type. ``start``/``end`` (byte offsets, gzip WARC
    only) read one slice: the records that start in ``[start, end)``; a cut
    falling inside a record moves to the next record start, so consecutive
    slices cover every record once.
    """
    label = label or str(path)
    pending: tuple[Page, str] | None = None
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            sliced = start > 0 or (end is not None and end < size)
            if sliced:
                start = next_record_start(fh, start, size)
                end = size if end is None or end >= size else next_record_start(fh, end, size)
                if start >= end:
                    return
                fh.seek(start)
            records = ArchiveIterator(fh)
            for record in records:
                rtype = record.rec_type
                if rtype == "metadata" and pending is not None:
                    page, record_id = pending
                    if record.rec_headers.get_header("WARC-Concurrent-To") == record_id:
                        fields = _parse_fields(record.content_stream().read())
                        pending = None
                        yield Page(
                            url=page.url, body=page.body, fetched_at=page.fetched_at, source=page.source,
                            site=fields.get("pknews-site") or None, content_type=page.content_type,
                            headers=page.headers, role=fields.get("pknews-role") or None,
                        )
                        continue
                if pending is not None:
                    yield pending[0]
                    pending = None
                # before the record is read, ``records.offset`` is where it starts
                if sliced and records.offset >= end:
                    return
                if rtype != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if keep_url is not None and not keep_url(url):
                    continue
                http = record.http_headers
                status = int(http.get_statuscode() or 0) if http else 0
                if http is not None and status != 200:
                    continue
                if keep_type is not None and http is not None and not keep_type(http.get_header("Content-Type")):
                    continue
                try:
                    body = record.content_stream().read()
                except Exception as err:  # a broken gzip member or chunking
                    yield BadRecord(f"{label}@{records.get_record_offset()}", "unreadable-record",
                                    f"{type(err).__name__}: {err}")
                    continue
                # only after the payload is read: warcio's offset call skips to the record's end
                offset = records.get_record_offset()
                headers = {k.lower(): v for k, v in http.headers} if http else {}
                page = Page(
                    url=url, body=body,
                    fetched_at=_warc_datetime(record.rec_headers.get_header("WARC-Date")),
                    source=f"{label}@{offset}", content_type=headers.get("content-type"), headers=headers,
                )
                pending = (page, record.rec_headers.get_header("WARC-Record-ID"))
            if pending is not None:
                yield pending[0]
                pending = None
            if sliced and end < size:
                return
            # warcio ends quietly on a cut-off gzip member: compare where the last
            # complete record ended with the file's size
            last = (records.get_record_offset() or 0) + (records.get_record_length() or 0)
            if last < size:
                yield BadRecord(f"{label}@{last}", "truncated-warc", f"{size - last} bytes after the last complete record")
    except ArchiveLoadFailed as err:
        yield BadRecord(label, "not-a-warc", str(err))
    except (OSError, EOFError, ValueError) as err:
        if pending is not None:
            yield pending[0]
        yield BadRecord(label, "truncated-warc", f"{type(err).__name__}: {err}")


def read_html_file(path: Path) -> Page:
    raw = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        raw = gzip.decompress(raw)
    return Page(url=path.resolve().as_uri(), body=raw, fetched_at=None, source=str(path))


def iter_pages(files: Iterable[Path], label_of=str, keep_url=None, keep_type=None) -> Iterator[Page | BadRecord]:
    for path in files:
        if _has_suffix(path, WARC_SUFFIXES):
            yield from iter_warc(path, label_of(path), keep_url, keep_type)
        else:
            try:
                yield read_html_file(path)
            except (OSError, EOFError, gzip.BadGzipFile) as err:
                yield BadRecord(str(path), "unreadable-file", f"{type(err).__name__}: {err}")
