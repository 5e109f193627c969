"""Reading pages back from storage: WARC files (ours or third-party) and HTML files.

Everything streams: one record in memory at a time, whatever the file size.
A record that cannot be read becomes a ``BadRecord`` with its cause, and the
walk goes on with the next one.
"""

from __future__ import annotations

import gzip
import os
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


def iter_warc(path: Path, label: str | None = None, keep_url=None) -> Iterator[Page | BadRecord]:
    """Response records of a WARC file as Pages, with our metadata record's site attached.

    ``keep_url`` (url -> bool) lets third-party archives skip foreign records
    before their payload is read.
    """
    label = label or str(path)
    pending: tuple[Page, str] | None = None
    try:
        with open(path, "rb") as fh:
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
                if rtype != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if keep_url is not None and not keep_url(url):
                    continue
                http = record.http_headers
                status = int(http.get_statuscode() or 0) if http else 0
                if http is not None and status != 200:
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
            # warcio ends quietly on a cut-off gzip member: compare where the last
            # complete record ended with the file's size
            end = (records.get_record_offset() or 0) + (records.get_record_length() or 0)
            size = os.fstat(fh.fileno()).st_size
            if end < size:
                yield BadRecord(f"{label}@{end}", "truncated-warc", f"{size - end} bytes after the last complete record")
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


def iter_pages(files: Iterable[Path], label_of=str, keep_url=None) -> Iterator[Page | BadRecord]:
    for path in files:
        if _has_suffix(path, WARC_SUFFIXES):
            yield from iter_warc(path, label_of(path), keep_url)
        else:
            try:
                yield read_html_file(path)
            except (OSError, EOFError, gzip.BadGzipFile) as err:
                yield BadRecord(str(path), "unreadable-file", f"{type(err).__name__}: {err}")
