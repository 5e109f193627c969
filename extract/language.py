"""Language of the article text: the script first (Urdu, Arabic, Persian, Hindi ...),
then the page's declared language, then an English stop-word test."""

from __future__ import annotations

import re

from extract.dom import article_ld, meta_content

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C3\u06D2\u06D3]")  # ٹ ڈ ڑ ں ھ ہ ۃ ے ۓ
_PERSIAN_HINT = re.compile(r"[\u067E\u0686\u0698\u06AF\u06CC]")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_GURMUKHI = re.compile(r"[\u0A00-\u0A7F]")
_LETTER = re.compile(r"[^\W\d_]")
_EN_STOP = {"the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "it", "as", "by", "at", "from"}


def declared_language(tree) -> str | None:
    el = tree if tree.tag == "html" else tree.find(".//html")
    cand = el.get("lang") if el is not None else None
    if not cand:
        cand = meta_content(tree, "og:locale", "content-language", "language", "dc.language")
    if not cand:
        for obj in article_ld(tree):
            v = obj.get("inLanguage")
            if isinstance(v, str):
                cand = v
                break
    if not cand:
        return None
    code = re.split(r"[-_]", cand.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def detect_language(text: str, declared: str | None = None) -> str | None:
    sample = text[:5000]
    letters = _LETTER.findall(sample)
    if not letters:
        return declared
    n = len(letters)
    arabic = len(_ARABIC.findall(sample))
    if arabic / n > 0.3:
        if declared in ("ur", "ar", "fa", "ps", "sd", "pa", "bal", "skr"):
            return declared
        if _URDU_ONLY.search(sample):
            return "ur"
        return "fa" if _PERSIAN_HINT.search(sample) else "ar"
    if len(_DEVANAGARI.findall(sample)) / n > 0.3:
        return "hi"
    if len(_GURMUKHI.findall(sample)) / n > 0.3:
        return "pa"
    words = re.findall(r"[a-z]+", sample.lower())
    if words:
        share = sum(w in _EN_STOP for w in words) / len(words)
        if share > 0.15:
            return "en"
    if declared and declared not in ("ur", "ar", "fa", "hi"):
        return declared
    return None
