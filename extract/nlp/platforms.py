"""Platforms and services with canonical names (X, Facebook, VPN, mobile internet ...).

"X" is a platform only in a platform context: never after "Section", "Article",
"Mr", never in "X-ray", never as a list label ("X." / "(x)" at a line start).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .common import add_candidate, ensure_extensions, load_json
from .kinds import EntityKind

_X_REJECT_PREV = {
    "section", "article", "clause", "chapter", "schedule", "annex", "annexure", "appendix", "part",
    "phase", "figure", "fig", "fig.", "table", "box", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.",
    "model", "type", "level", "class", "grade", "generation", "gen", "project", "operation", "malcolm",
    "factor", "sub-section", "subsection", "paragraph", "para", "item", "point", "option", "team",
    "person", "company", "day", "country", "brand", "variable", "axis", "sector", "zone",
    "road", "street", "plot", "house", "ward", "unit", "camp", "stage", "round", "version", "series",
    "chart", "exhibit", "rule", "regulation", "form", "road", "madam", "professor", "prof", "prof.",
    "generation", "sir", "mister", "user", "suspect", "witness", "accused", "agent", "gate",
}
_X_ACCEPT_PREV = {
    "on", "to", "via", "platform", "platforms", "site", "app", "network", "blocked", "block",
    "ban", "banned", "banning", "restore", "restored", "restoring", "access", "accessing", "using",
    "unblock", "unblocked", "like", "including", "and", "or", "as", "suspend", "suspended",
    "throttled", "throttling", "off", "onto", "against", "reinstate", "reinstated", "joined", "quit", "left",
}
_X_ACCEPT_NEXT = {
    "'s", "’s", "account", "accounts", "post", "posts", "handle", "handles", "users", "user", "ceo",
    "owner", "feed", "timeline", "profile", "ban", "blockade", "outage", "shutdown", "platform",
    "corp", "corp.", "app", "premium", "spaces", "remained", "remains", "was", "has", "had", "is",
    "and", "or", "/", "(", "restored", "blocked", "outages", "disruption", "disruptions", "services", "service",
}
_CONTEXT_WORDS = {
    "social", "media", "platform", "platforms", "blocked", "block", "blocking", "ban", "banned", "outage", "outages",
    "tweet", "tweets", "tweeted", "account", "accounts", "users", "access", "vpn", "vpns", "restored",
    "suspended", "internet", "pta", "musk", "post", "posted", "posts", "app", "apps", "disrupted", "disruption",
    "online", "followers", "unblocked", "shutdown", "throttled", "throttling", "connectivity", "netblocks",
    "messaging", "encrypted", "download", "downloads", "inaccessible", "accessible", "working", "loading",
    "restriction", "restrictions", "restricted", "lifted", "lift", "restore", "restoration", "reinstated",
    "unblocking", "banning", "tweeting", "website", "websites", "shared", "share", "sharing", "video",
    "videos", "viral", "posting", "trending", "trend", "hashtag", "hashtags", "follower", "space", "spaces",
}


@Language.factory("pk_platforms", default_config={}, requires=["token.pos", "token.is_sent_start"],
                  assigns=["doc.spans", "doc._.pk_info"])
def make_platforms(nlp: Language, name: str) -> "PlatformsComponent":
    return PlatformsComponent(nlp, name)


class PlatformsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name
        data = load_json("platforms.json")["platforms"]
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.meta: dict[str, dict] = {}
        self.context_required: set[str] = set()
        for p in data:
            key = p["name"]
            self.meta[key] = {"category": p["category"]}
            if p.get("context_required"):
                self.context_required.add(key)
            if p["aliases"]:
                self.lower.add(key, list(nlp.tokenizer.pipe(p["aliases"])))
            if p.get("aliases_cased"):
                self.cased.add(key, list(nlp.tokenizer.pipe(p["aliases_cased"])))

    @staticmethod
    def _near_platform(spans: list[tuple[int, int, str]], start: int, end: int, doc: Doc) -> bool:
        """Another platform within a list around this one (e.g. "Facebook, X and YouTube")."""
        for s, e, _ in spans:
            if (s, e) == (start, end):
                continue
            if 0 < start - e <= 2 and all(t.text in {",", "and", "or", "/", "&"} for t in doc[e:start]):
                return True
            if 0 < s - end <= 2 and all(t.text in {",", "and", "or", "/", "&"} for t in doc[end:s]):
                return True
        return False

    @staticmethod
    def _sentence_context(doc: Doc, tok_i: int) -> bool:
        sent = doc[tok_i].sent if doc.has_annotation("SENT_START") else doc[max(0, tok_i - 25): tok_i + 25]
        return any(t.lower_ in _CONTEXT_WORDS for t in sent if t.i != tok_i)

    def _x_ok(self, doc: Doc, i: int, spans) -> bool:
        tok = doc[i]
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if prev is not None and prev.lower_.rstrip(".") in {p.rstrip(".") for p in _X_REJECT_PREV}:
            return False
        if prev is not None and prev.text == "Block":  # an address: "Block X"
            return False
        if nxt is not None and (nxt.text in {"-", "–"} or nxt.text.startswith("-") or nxt.lower_ in {"ray", "rays"}):
            return False
        if tok.text.upper() == "X" and nxt is not None and nxt.text in {".", ")", ":"} and (
            prev is None or "\n" in prev.text or prev.text in {"(", "\n"} or prev.is_space
        ):
            return False
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
            return False
        if nxt is not None and nxt.text in {"Æ", "AE"}:
            return False
        if self._near_platform(spans, i, i + 1, doc):
            return True
        if prev is not None and prev.lower_ in _X_ACCEPT_PREV and self._sentence_context(doc, i):
            return True
        if prev is not None and prev.lower_ in {"on", "via"} and (nxt is None or nxt.is_punct or nxt.lower_ in {"and", "or"}):
            return True  # "Writing on X, ...", "posted on X."
        if nxt is not None and nxt.lower_ in _X_ACCEPT_NEXT and self._sentence_context(doc, i):
            return True
        if prev is not None and prev.is_title and prev.pos_ in {"PROPN", "NOUN"} and not prev.is_sent_start:
            return False
        return self._sentence_context(doc, i)

    def _ctx_ok(self, doc: Doc, start: int, end: int, spans) -> bool:
        if self._near_platform(spans, start, end, doc):
            return True
        prev = doc[start - 1].lower_ if start > 0 else ""
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in {"app", "apps", "messenger", "messaging", "platform", "users", "account", "accounts"}:
            return True
        if prev in {"on", "via", "app", "apps", "platform", "platforms", "like", "including", "using"} and self._sentence_context(doc, start):
            return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        found = [(s, e, doc.vocab.strings[m]) for m, s, e in self.lower(doc)]
        found += [(s, e, doc.vocab.strings[m]) for m, s, e in self.cased(doc)]
        # bare "X" tokens
        xs = [(t.i, t.i + 1, "X") for t in doc if t.text == "X"]
        all_spans = found + xs
        keep: list[tuple[int, int, str]] = []
        for s, e, key in found:
            if key in self.context_required and not self._ctx_ok(doc, s, e, all_spans):
                continue
            keep.append((s, e, key))
        covered = {i for s, e, _ in keep for i in range(s, e)}
        for s, e, key in xs:
            if s in covered:
                continue
            if self._x_ok(doc, s, all_spans):
                keep.append((s, e, key))
        for s, e, key in keep:
            add_candidate(doc, Span(doc, s, e, label=EntityKind.PLATFORM.label), key, self.meta[key], priority=2)
        return doc
