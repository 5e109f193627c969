"""Language of the article text: the script first (Urdu, Arabic, Persian, Hindi ...),
then the page's declared language, then an English stop-word test."""

from __future__ import annotations

import re

from extract.dom import article_ld, meta_content

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+")
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C3\u06D2\u06D3]")  # ٹ ڈ ڑ ں ھ ہ ۃ ے ۓ
_PERSIAN_HINT = re.compile(r"[\u067E\u0686\u0698\u06AF\u06CC]")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]+")
_GURMUKHI = re.compile(r"[\u0A00-\u0A7F]+")
_LETTER = re.compile(r"[^\W\d_]+")
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


_KANA = re.compile(r"[\u3040-\u30FF]+")
_HAN = re.compile(r"[\u4E00-\u9FFF]+")
_HANGUL = re.compile(r"[\uAC00-\uD7AF]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_STOPWORDS = {
    "en": set("the and of to in is that for on was with said it as by at from he she they are be has have this an".split()),
    "de": set("der die das und ist nicht mit sich auf für den von zu ein eine im dem wir sie es auch".split()),
    "fr": set("le la les et des est une un du que pour dans pas sur au avec il qui".split()),
    "es": set("el la los las y de que en es por con para una un se del".split()),
    "pt": set("o a os as e de que em é do da para com uma um não no na".split()),
    "it": set("il lo la gli le e di che in un una per non con del della".split()),
    "id": set("yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga".split()),
}


def _count(rx: re.Pattern, text: str) -> int:
    """Characters of ``text`` matched by ``rx`` (a run pattern)."""
    return sum(map(len, rx.findall(text)))


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``: by script (Urdu vs Arabic vs Persian by their own
    letters), then for Latin script by stop-word shares; the page's declared language
    breaks ties and covers what the text cannot decide."""
    sample = text[:5000]
    n = _count(_LETTER, sample)
    if not n:
        return declared
    arabic = _count(_ARABIC, sample)
    if arabic / n > 0.3:
        if declared in ("ur", "ar", "fa", "ps", "sd", "pa", "bal", "skr"):
            return declared
        if _URDU_ONLY.search(sample):
            return "ur"
        return "fa" if _PERSIAN_HINT.search(sample) else "ar"
    if _count(_DEVANAGARI, sample) / n > 0.3:
        return "hi"
    if _count(_GURMUKHI, sample) / n > 0.3:
        return "pa"
    if _count(_KANA, sample) / n > 0.05:
        return "ja"
    if _count(_HAN, sample) / n > 0.3:
        return declared if declared in ("zh", "ja") else "zh"
    if _count(_HANGUL, sample) / n > 0.3:
        return "ko"
    if _count(_CYRILLIC, sample) / n > 0.3:
        return declared if declared in ("ru", "uk", "bg", "sr", "mk", "be", "kk") else "ru"
    if _count(_LATIN, sample) / n < 0.5:
        return declared
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if not words:
        return declared
    shares = {lang: sum(w in sw for w in words) / len(words) for lang, sw in _STOPWORDS.items()}
    best = max(sorted(shares), key=lambda k: shares[k])
    if shares[best] < 0.08:
        return declared
    if declared in shares and shares[declared] >= 0.8 * shares[best]:
        return declared
    return best
