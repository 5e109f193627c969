"""Bytes to text: the right character encoding even when the server lies.

Order of evidence: a byte-order mark; then whether the bytes are valid UTF-8
(text in a single-byte encoding with non-ASCII characters is almost never
valid UTF-8, so valid UTF-8 wins over a header that says latin-1 or
windows-1252); then the charset declared in the HTTP header or in a
``<meta>`` tag; then windows-1252, the WHATWG default for pages that declare
nothing. ``latin-1``/``iso-8859-1``/``ascii`` labels are decoded as windows-1252,
as browsers do.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_WINDOWS_1252_ALIASES = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
                         "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252", "cp819"}
_UTF8 = {"utf-8", "utf8"}


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("'\"").lower()
    if label in _WINDOWS_1252_ALIASES:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return normalise_charset(m.group(1)) if m else None


def meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:8192])
    return normalise_charset(m.group(1).decode("ascii", "ignore")) if m else None


def detect_encoding(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(codec name, evidence) for ``body``."""
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "bom"
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "bom"
    declared = header_charset(content_type)
    source = "http-header"
    if declared is None:
        declared, source = meta_charset(body), "meta"
    # multi-byte legacy encodings (Shift_JIS, GBK, ...) are trusted as declared
    if declared and declared not in ("cp1252", "utf-8") and not declared.startswith(("iso8859", "cp125")):
        try:
            body.decode(declared)
            return declared, source
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        body.decode("utf-8")
        return "utf-8", (source if declared == "utf-8" else "valid-utf8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            body.decode(declared)
            return declared, source
        except (UnicodeDecodeError, LookupError):
            pass
    return "cp1252", "fallback-cp1252"


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """The page as text (never raises; undecodable bytes become U+FFFD)."""
    codec, _ = detect_encoding(body, content_type)
    return body.decode(codec, errors="replace")
