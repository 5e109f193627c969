"""Reported speech: a reporting verb and the clause or object it reports, and
"according to X"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..kinds import PLACE_KINDS
from ..types import Quote
from .speakers import SpeakerResolver
from .state import QuoteState, overlaps
from .verbs import is_reporting_verb, named_just_before, not_a_statement, subjects, subjects_of, trim, verb_text
from .words import CLAUSE_VERBS, NP_CONTENT, PARTICLES, RECIPIENT_VERBS


def _content_end(sent: Span) -> int:
    """The sentence's last token index (exclusive) before its closing punctuation."""
    doc = sent.doc
    end_tok = sent.end
    while end_tok > sent.start and (doc[end_tok - 1].is_punct or doc[end_tok - 1].is_space):
        end_tok -= 1
    return end_tok


def _subject(doc: Doc, t: Token) -> list[Token]:
    """The speakers of reporting verb ``t``: its subject, else that of the verb it is
    coordinated with ("... and added"), else a name right before it (a parse slip); none
    for a participle whose subject sits in a place name ("with users in Lahore, Faisalabad
    and Multan reporting ...")."""
    subj = subjects_of(t)
    if not subj and (t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG")) and t.head.pos_ in {"VERB", "AUX"}:
        subj = subjects_of(t.head)
    if not subj and t.tag_ != "VBG":
        subj = named_just_before(doc, t)
    if subj and t.tag_ == "VBG" and any(
            m.kind in PLACE_KINDS and m.start_char <= subj[-1].idx < m.end_char
            for m in doc._.mentions or []):
        return []
    return subj


def _content(doc: Doc, t: Token, subj: list[Token], end_tok: int) -> tuple[int, int] | None:
    """Token span of what verb ``t`` reports: its clausal complement (running to the end of
    the sentence when no other reporting verb follows), or, for verbs whose object is the
    content ("noted a partial restoration"), the rest of the sentence. None when it reports
    nothing: an object of its own besides a clause before it, or a subject after it."""
    lemma = t.lemma_.lower()
    comp = [c for c in t.children if c.dep_ == "ccomp" and c.i != subj[0].i]
    if comp and lemma not in {"call"}:
        c = comp[0]
        sub = list(c.subtree)
        cs, ce = sub[0].i, sub[-1].i + 1
        if ce <= t.i and lemma not in RECIPIENT_VERBS and any(
                x.dep_ == "dobj" and x.i > t.i for x in t.children):
            return None  # "Replies called her a traitor, some shared her address": the verb has its own object
        if cs > t.i and t.dep_ != "relcl":  # a relative clause ends where its noun's clause goes on
            ce = max(ce, end_tok) if all(not is_reporting_verb(x) for x in doc[ce:end_tok]) else ce
        return cs, ce
    if lemma in NP_CONTENT or (lemma in CLAUSE_VERBS and any(
            c.dep_ in {"dobj", "attr", "oprd"} and c.i > t.i and not any(n.dep_ == "nummod" for n in c.children)
            for c in t.children)):
        # (an object counted in numbers is not something said: "added 133 runs")
        cs = t.i + 1
        while cs < end_tok and (doc[cs].lower_ in PARTICLES or doc[cs].dep_ == "prt"):
            cs += 1
        if subj[0].i > t.i:
            return None
        return cs, end_tok
    return None


def _absorb_inner_quotes(state: QuoteState, qs: int, qe: int) -> bool:
    """May reported speech at [qs, qe) be kept? Only when every quote it overlaps is a short
    direct quote inside it ("... told Dawn that the premier had directed ... "as soon as
    possible""), which it then takes in; any other overlap keeps the earlier quote."""
    clash = [(a, b) for a, b in state.covered if overlaps(qs, qe, a, b)]
    if not clash:
        return True
    inner = [q for q in state.quotes if q.direct and qs <= q.start_char and q.end_char <= qe
             and (q.end_char - q.start_char) < 0.8 * (qe - qs)]
    if len(inner) != len(clash):
        return False
    for q in inner:
        state.drop(q)
    return True


class ReportedSpeech:
    """Finds the reported speech of one sentence at a time, after the direct quotes."""

    def __init__(self, speakers: SpeakerResolver) -> None:
        self.speakers = speakers

    def in_sentence(self, state: QuoteState, sent: Span) -> list[Quote]:
        """The sentence's reported speech, "according to" quotes first. A sentence that
        direct quotes already cover for more than half holds none."""
        if any(overlaps(sent.start_char, sent.end_char, s, e) and (e - s) > 0.5 * (sent.end_char - sent.start_char)
               for s, e in state.covered):
            return []
        end_tok = _content_end(sent)
        return self._according_to(state, sent, end_tok) + self._reporting_verbs(state, sent, end_tok)

    def _according_to(self, state: QuoteState, sent: Span, end_tok: int) -> list[Quote]:
        """"According to X, ..." / "..., according to X": X says the rest of the sentence.
        These quotes are not kept in the state until the sentence is done: pronouns of the
        same sentence do not refer to them."""
        doc = state.doc
        out = []
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to" and t.i not in state.used_verbs:
                pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                np_end = max(x.i for x in pobj[0].subtree) + 1
                speaker, kind, role = self.speakers.from_np(state, pobj[0], t.idx)
                if speaker is None:
                    continue  # "according to some": no one to attribute it to
                # content: the sentence without the "according to X" phrase
                if t.i - sent.start <= 1:
                    cs, ce = np_end, end_tok
                else:
                    cs, ce = sent.start, t.i
                cs, ce = trim(doc, cs, ce)
                if ce > cs:
                    state.use_verb(t)
                    qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
                    out.append(Quote(speaker, kind, role, "according to", doc.text[qs:qe], False, qs, qe))
        return out

    def _reporting_verbs(self, state: QuoteState, sent: Span, end_tok: int) -> list[Quote]:
        """Each reporting verb of the sentence that makes a statement, with a subject,
        reports either the sentence before it ("..., the district police said") or its own
        clause or object. Each quote is kept in the state at once, so that a pronoun later
        in the sentence resolves to its speaker."""
        doc = state.doc
        out = []
        for t in sent:
            if t.i in state.used_verbs or not is_reporting_verb(t) or not_a_statement(t):
                continue
            subj = _subject(doc, t)
            if not subj:
                continue
            has_object = any(c.dep_ in {"ccomp", "dobj"} and c.i > t.i for c in t.children)
            if not has_object and (t.dep_ == "parataxis" or (
                    t.dep_ in {"ROOT", "conj"} and subj[0].i > t.i and t.i > sent.start + 2)):
                q = self._said_after(state, sent, t, subj, end_tok)
            else:
                q = self._said_before(state, t, subj, end_tok)
            if q is not None:
                out.append(q)
                state.keep(q)
        return out

    def _said_after(self, state: QuoteState, sent: Span, t: Token, subj: list[Token], end_tok: int) -> Quote | None:
        """"..., residents of Mingora say, but ..." / "..., the district police said.": the
        words before the attribution; the whole sentence when a pronoun's attribution
        interrupts it ("Under Section X, he said, the authority must ...")."""
        doc = state.doc
        cs, ce = trim(doc, sent.start, subj[0].left_edge.i)
        after = [x for x in doc[t.right_edge.i + 1:end_tok] if not x.is_punct]
        if len(after) >= 3 and subj[0].pos_ == "PRON":
            cs, ce = trim(doc, sent.start, end_tok)
        if ce - cs < 3:
            return None
        qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
        if state.is_covered(qs, qe):
            return None
        speaker, kind, role = self.speakers.from_np(state, subjects(subj), t.idx)
        state.use_verb(t)
        if speaker is None:
            return None  # "some said ...": reported speech of nobody in particular
        return Quote(speaker, kind, role, verb_text(doc, t), doc.text[qs:qe], False, qs, qe)

    def _said_before(self, state: QuoteState, t: Token, subj: list[Token], end_tok: int) -> Quote | None:
        """"X said that ...", "X noted a partial restoration": the clause or object after the
        verb (see :func:`_content`), cut where the subject starts, at least three tokens, and
        not over an earlier quote (but over short direct quotes inside it)."""
        doc = state.doc
        if t.dep_ in {"amod", "acl", "relcl"} and t.lower_ != "said":
            return None
        span = _content(doc, t, subj, end_tok)
        if span is None:
            return None
        cs, ce = span
        sl = subj[0].left_edge.i
        if cs < sl < ce:
            ce = sl
        cs, ce = trim(doc, cs, ce)
        if ce - cs < 3:
            return None
        qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
        if not _absorb_inner_quotes(state, qs, qe):
            return None
        speaker, kind, role = self.speakers.from_np(state, subjects(subj), t.idx)
        state.use_verb(t)
        if speaker is None:
            return None
        return Quote(speaker, kind, role, verb_text(doc, t), doc.text[qs:qe], False, qs, qe)
