"""Embedded posts signed "— Name (@handle) date" and statements under a heading
("Statement of ...", "PTA's statement:")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..kinds import EntityKind, SpeakerKind
from ..mentions import clean_name
from ..orgs import OrgTable
from ..types import Quote

SIGNATURE = re.compile(r"^[ \t]*[—–-]{1,2}\s*([^\n(]{2,80}?)\s*\((@\w{1,30})\)\s*([^\n]*)$", re.M)
HEADING = re.compile(
    r"^[ \t]*(?:(?:full text of |read |text of )?(?:the )?(?:statement|press release|message|remarks|tweet|post|address)s?\s+(?:of|by|from)\s+([^\n]{3,120}?)"
    r"|(?-i:([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|the|and|on)){0,8}?))(?:['’]s)?\s+(?:statement|press release|message))\s*:?\s*$",
    re.I | re.M,
)
# organisations as the model labels them and as the rule components do
_ORG_LABELS = {"ORG", EntityKind.ORG.label}


def _block_before(text: str, pos: int) -> tuple[int, int]:
    """The paragraph just before ``pos`` (skipping blank lines)."""
    e = pos
    while e > 0 and text[e - 1] in "\n \t":
        e -= 1
    s = text.rfind("\n", 0, e)
    s = 0 if s < 0 else s + 1
    return s, e


def signature_blocks(doc: Doc) -> list[tuple[int, int]]:
    """Each signed post with its signature line: reported speech is not read there."""
    return [(_block_before(doc.text, m.start())[0], m.end()) for m in SIGNATURE.finditer(doc.text)]


class PostsAndStatements:
    def __init__(self, orgs: OrgTable | None) -> None:
        self.orgs = orgs

    def signed_post(self, doc: Doc, m: re.Match) -> Quote | None:
        """The paragraph above a "— Name (@handle) date" signature, "tweeted" by the signer
        (an organisation when the curated list or the model says so, else a person). A
        heading line just above the post names whose statement it is, and wins."""
        text = doc.text
        qs, qe = _block_before(text, m.start())
        if qe <= qs:
            return None
        name = m.group(1).strip()
        speaker, kind, role = name, SpeakerKind.PERSON, None
        if self.orgs is not None and self.orgs.lookup(name):
            kind = SpeakerKind.ORG
        else:
            span = doc.char_span(m.start(1), m.start(1) + len(m.group(1).rstrip()), alignment_mode="expand")
            if span is not None and not any(e.label_ == "PERSON" for e in span.ents) and any(
                    e.label_ in _ORG_LABELS for e in span.ents):
                kind = SpeakerKind.ORG
        hs, he = _block_before(text, qs)
        heading = text[hs:he]
        hm = HEADING.match(heading)
        if hm:
            g = 1 if hm.group(1) else 2
            hspan = doc.char_span(hs + hm.start(g), hs + hm.end(g), alignment_mode="expand")
            if hspan is not None:
                pers = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= hspan.start and e.end <= hspan.end]
                if pers:
                    p = pers[-1]
                    role_txt = doc[hspan.start:p.start].text.strip() or None
                    speaker, kind, role = clean_name(p.text), SpeakerKind.PERSON, role_txt
                else:
                    speaker, kind, role = hm.group(g).strip(), kind, None
        return Quote(speaker, kind, role, "tweeted", text[qs:qe].rstrip("…. "), True, qs, qs + len(text[qs:qe].rstrip("…. ")))

    @staticmethod
    def heading_statement(doc: Doc, m: re.Match) -> Quote | None:
        """The paragraph under a "Statement of X" heading, as X's statement (a person or an
        organisation the heading names, else the heading's words); none when a signature
        follows, since the signed post then carries it."""
        text = doc.text
        s = m.end()
        while s < len(text) and text[s] in "\n \t":
            s += 1
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        if s >= e:
            return None
        if SIGNATURE.match(text, e + 1) or SIGNATURE.search(text[e: e + 300]):
            return None
        g = 1 if m.group(1) else 2
        hspan = doc.char_span(m.start(g), m.end(g), alignment_mode="expand")
        speaker, kind, role = m.group(g).strip(), SpeakerKind.PERSON, None
        if hspan is not None:
            pers = [x for x in doc.ents if x.label_ == "PERSON" and x.start >= hspan.start and x.end <= hspan.end]
            orgs = [x for x in doc.ents if x.label_ in _ORG_LABELS and x.start >= hspan.start and x.end <= hspan.end]
            if pers:
                p = pers[-1]
                speaker, kind, role = clean_name(p.text), SpeakerKind.PERSON, doc[hspan.start:p.start].text.strip() or None
            elif orgs:
                speaker, kind = clean_name(orgs[0].text), SpeakerKind.ORG
        quote = text[s:e].strip()
        return Quote(speaker, kind, role, "statement", quote, True, s, s + len(quote))
