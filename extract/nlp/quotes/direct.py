"""Direct quotes: text inside double quotation marks, and who said it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..kinds import SpeakerKind
from ..types import Quote
from .speakers import SpeakerResolver
from .state import QuoteState
from .verbs import is_reporting_verb, subjects, trim, verb_text
from .words import SUBJECT_DEPS, WORDS_OF


def direct_spans(text: str, min_tokens: int) -> list[tuple[int, int]]:
    """Character spans of the words inside double quotation marks, paragraph by
    paragraph; an opening mark without its closing one runs to the paragraph end.
    Fewer than ``min_tokens`` words are scare quotes, unless they make a whole sentence
    ("“Why now?”")."""
    out = []
    for para_m in re.finditer(r"[^\n]+", text):
        ps = para_m.start()
        para = para_m.group(0)
        i = 0
        while i < len(para):
            ch = para[i]
            if ch == "“" or (ch == '"' and (i == 0 or not para[i - 1].isalnum())):
                close = "”" if ch == "“" else '"'
                j = para.find(close, i + 1)
                if ch == "“" and j < 0:
                    j2 = para.find('"', i + 1)
                    j = j2
                if j < 0:
                    j = len(para)  # open quote running to the paragraph end
                inner_s, inner_e = i + 1, j
                while inner_e > inner_s and para[inner_e - 1] in ",;: ":
                    inner_e -= 1
                inner = para[inner_s:inner_e].strip()
                if len(inner.split()) >= min_tokens or (
                        len(inner.split()) >= 2 and inner[-1] in ".?!" and inner[0].isupper()):
                    lead = len(para[inner_s:inner_e]) - len(para[inner_s:inner_e].lstrip())
                    s = ps + inner_s + lead
                    out.append((s, s + len(inner)))
                i = j + 1
            else:
                i += 1
    return out


def _sentences_holding(doc: Doc, qs: int, qe: int) -> list[Span]:
    """The sentences the quote touches, and a lower-case sentence right after it: in
    '"... disappear?" the judge asked.' the parser ends the sentence at the question mark,
    and the lower-case sentence is the quote's attribution."""
    sents = []
    for s in doc.sents:
        if s.end_char > qs - 1 and s.start_char < qe + 1:
            sents.append(s)
        elif qe < s.start_char <= qe + 3 and s.text[:1].islower():
            sents.append(s)
    return sents


def _verb_candidates(state: QuoteState, sents: list[Span], qs: int, qe: int):
    """(distance to the quote, verb, subject) for every reporting verb outside the quote
    in ``sents`` that has a subject outside it, and every "according to X" next to it."""
    doc = state.doc
    cands = []
    for s in sents:
        for t in s:
            if qs <= t.idx < qe:
                continue
            if (is_reporting_verb(t) or t.lemma_ in {"call", "describe", "term"}) and t.i not in state.used_verbs:
                subj = [c for c in t.children if c.dep_ in SUBJECT_DEPS and not (qs <= c.idx < qe)]
                if not subj and t.dep_ == "conj":
                    subj = [c for c in t.head.children if c.dep_ in SUBJECT_DEPS and not (qs <= c.idx < qe)]
                if subj:
                    dist = min(abs(t.idx - qs), abs(t.idx - qe))
                    cands.append((dist, t, subjects(subj)))
        for t in s:
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and not (qs <= t.idx < qe):
                pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if pobj:
                    cands.append((abs(t.idx - qe), t, pobj[0]))
    return cands


def introduced_by(doc: Doc, qs: int, qe: int, prev_text: str) -> tuple[Token, Token | list[Token], bool] | None:
    """(verb or noun, speaker head, explicit) for a quotation that has no reporting verb in
    its own sentences, from the words that lead into it (``explicit`` is false for the
    sentence before, which yields to the continuation of an earlier quote):

    - "in the words of Stolte, “...”", "comes a reply from X", "quoted X as saying, “...”";
    - a clause ending in a colon ("Zinoviev invited the guests to a holy war: “...”"): the
      subject of its last verb (a reporting verb first);
    - a clause ending in a comma, or the sentence just before in the same paragraph
      ("She explained how she started. “...”"): the subject of a reporting verb there."""
    lead = doc.char_span(max(0, qs - 300), qs, alignment_mode="contract")
    after = doc.char_span(qe, min(len(doc.text), qe + 120), alignment_mode="contract")
    for span in (lead, after):
        for t in span or []:
            if t.lower_ in {"of", "from"} and t.head.lemma_.lower() in WORDS_OF:
                pobj = [c for c in t.children if c.dep_ == "pobj"]
                if pobj:
                    return t.head, pobj[0], True
            if t.lemma_ == "quote" and any(c.lower_ == "as" for c in t.children):
                dobj = [c for c in t.children if c.dep_ == "dobj"]
                if dobj:
                    return t, dobj[0], True
    if lead is None:
        return None
    tail = prev_text[-1:]
    cut = max(0, qs - 300) + len(prev_text)  # where the lead-in ends, before the opening mark
    if tail.isalnum() and "\n" in doc.text[cut:qs]:
        tail = ","  # "described the game as a\n“...”": the line break cut the sentence, not the text
    toks = [t for t in lead if t.idx < cut and "\n" not in doc.text[t.idx:cut]]
    if tail not in ":," and not re.search(r"[.!?]$", prev_text):
        return None
    verbs = [t for t in reversed(toks) if t.pos_ in {"VERB", "AUX"}]
    if tail == ":":
        ordered = [t for t in verbs if is_reporting_verb(t)] + verbs
    else:
        # a comma or a full stop: only a reporting verb of the last sentence before the quote
        last = toks[-1].sent if toks else None
        ordered = [t for t in verbs if is_reporting_verb(t) and t.sent == last]
    for t in ordered:
        v = t
        for _ in range(3):  # "he is quick to point out ...", "went on ... saying": the clause it hangs on
            subj = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
            if subj or v.dep_ not in {"xcomp", "acomp", "conj", "advcl"} or v.head is v:
                break
            v = v.head
        if subj:
            return t, subjects(subj), tail in ":,"
    return None


class DirectQuotes:
    """Finds direct quotes and attributes each to its speaker."""

    def __init__(self, speakers: SpeakerResolver, min_tokens: int) -> None:
        self.speakers = speakers
        self.min_tokens = min_tokens

    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        return direct_spans(doc.text, self.min_tokens)

    def attribute(self, state: QuoteState, qs: int, qe: int) -> Quote | None:
        """The quote at [qs, qe) with its speaker, or None when the span is no run of tokens.

        The nearest reporting verb outside the marks, in the sentences holding the quote,
        gives the speaker (its subject), because that is how news prose attributes a
        quotation; when that verb's reported clause holds the quotation and starts before
        it (said the shutdown was "a blatant attempt ..."), the whole clause is the quote,
        as reported speech. Without such a verb, the lead-in decides (see
        :func:`introduced_by`), unless the quote continues the direct quote just before
        (within 400 characters): then it has that quote's speaker. Else it is unnamed.
        """
        doc = state.doc
        if doc.char_span(qs, qe, alignment_mode="expand") is None:
            return None
        cands = _verb_candidates(state, _sentences_holding(doc, qs, qe), qs, qe)
        verb_txt = None
        if cands:
            _, verb, subj = min(cands, key=lambda x: x[0])
            state.use_verb(verb)
            speaker, kind, role = self.speakers.from_np(state, subj, qs)
            verb_txt = verb_text(doc, verb)
            clause = self._reported_clause(doc, verb, qs, qe)
            if clause is not None:
                c_s, c_e = clause
                return Quote(speaker, kind, role, verb_txt, doc.text[c_s:c_e], False, c_s, c_e)
        else:
            prev_text = doc.text[max(0, qs - 300):qs].rstrip(" “\"\n")
            speaker = kind = role = None
            prior = [h for h in state.quotes if h.end_char <= qs]
            continues = bool(prior) and qs - prior[-1].end_char < 400 and prior[-1].direct and prior[-1].speaker
            found = introduced_by(doc, qs, qe, prev_text)
            if found is not None and (found[2] or not continues):
                # a lead-in of its own wins over continuing the quote before
                verb, subj, _ = found
                speaker, kind, role = self.speakers.from_np(state, subj, qs)
                verb_txt = verb_text(doc, verb) if verb.pos_ in {"VERB", "AUX"} else None
                state.use_verb(verb)
            elif continues:
                speaker, kind, role, verb_txt = (prior[-1].speaker, prior[-1].speaker_kind,
                                                 prior[-1].speaker_role_or_org, prior[-1].verb)
            if speaker is None:
                return Quote(None, SpeakerKind.UNNAMED, None, None, doc.text[qs:qe], True, qs, qe)
        return Quote(speaker, kind, role, verb_txt, doc.text[qs:qe], True, qs, qe)

    @staticmethod
    def _reported_clause(doc: Doc, verb: Token, qs: int, qe: int) -> tuple[int, int] | None:
        """The character span of the verb's reported clause when it holds the quotation and
        starts well before it: a partial quotation inside reported speech."""
        for c in verb.children:
            if c.dep_ != "ccomp" or c.i < verb.i:
                continue
            sub = list(c.subtree)
            cs, ce = trim(doc, sub[0].i, sub[-1].i + 1)
            if ce <= cs:
                continue
            c_s, c_e = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
            if c_s < qs - 3 and qs >= c_s and qe <= c_e + 2:
                return c_s, c_e
        return None
