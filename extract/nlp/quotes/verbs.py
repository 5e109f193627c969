"""Reporting verbs and the clauses around them: which verbs make a statement, their
subjects, how the verb is written, and where the reported clause ends."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..kinds import PLACE_KINDS, EntityKind
from .words import REPORTING_VERBS, SUBJECT_DEPS, THAT_CLAUSE_ONLY


def is_reporting_verb(t: Token) -> bool:
    """Does ``t`` report a statement ("said", "pointed out", "called for")? Not when
    negated, not as a relative clause's verb, not a bare participle that hangs on no verb."""
    if t.lemma_.lower() in REPORTING_VERBS or t.lower_ in {"said", "says", "tweeted", "noted", "added", "told", "stated", "wrote", "warned", "observed"}:
        if t.lower_ == "point" or t.lemma_ == "point":
            return any(c.lower_ == "out" for c in t.children)
        if t.lemma_ == "call":
            return any(c.lower_ == "for" for c in t.children)
        if any(c.dep_ == "neg" for c in t.children):
            return False  # "did not say", "declined to comment" are not statements
        if any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in t.children):
            return False  # "what it described as a rally": a relative clause, not a statement
        if t.lemma_.lower() in THAT_CLAUSE_ONLY and not any(
                c.dep_ == "ccomp" and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                for c in t.children):
            return False
        if t.tag_ == "VBG" and not any(c.dep_ == "aux" for c in t.children):
            # participles speak only for the clause they hang on:
            # "the court dismissed the petition, saying ..." (advcl of a verb)
            return t.dep_ == "advcl" and t.head.pos_ in {"VERB", "AUX"} and t.i > t.head.i
        return t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")
    return False


def not_a_statement(verb: Token) -> bool:
    """A reporting verb that states nothing: an infinitive of purpose or intent ("to help
    them win and confirm a berth", "wanted to announce"), or a modal of what someone
    would or could say ("any trader would tell you that ...")."""
    v = verb
    for _ in range(4):
        aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if aux & {"would", "could", "might", "may", "should", "can", "must"}:
            return True
        if "to" in aux:
            # "went on to say", "continued to insist": said all the same
            return v.head.lemma_.lower() not in {"go", "continue", "proceed", "keep"}
        if v.dep_ not in {"conj", "xcomp", "ccomp"} or v.head is v or v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING_VERBS:
            return False
        v = v.head
    return False


def verb_text(doc: Doc, verb: Token) -> str:
    """The verb as written, lower-cased, with its particle ("pointed out", "called for")."""
    if verb.lower_ == "according":
        return "according to"
    parts = [verb.text.lower()]
    for c in verb.children:
        if c.dep_ in {"prt"} or (c.lower_ == "out" and c.i == verb.i + 1):
            parts.append(c.lower_)
    if verb.lemma_ == "call" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "for":
        parts.append("for")
    return " ".join(parts)


def subjects(subj: list[Token]) -> list[Token]:
    """Subjects in text order; the parser gives "NetBlocks' Alp Toker" two. A second
    "subject" inside a place name ("correspondent in Dera Ghazi Khan reported") is a
    parse slip and is dropped."""
    # "NetBlocks, which said ...": a relative pronoun speaks for the noun its clause hangs on
    subj = [t.head.head if t.tag_ in {"WDT", "WP"} and t.head.dep_ == "relcl" else t for t in subj]
    subj = sorted(subj, key=lambda t: t.i)
    if len(subj) > 1:
        places = [(m.start_char, m.end_char) for m in subj[0].doc._.mentions or [] if m.kind in PLACE_KINDS]
        kept = [t for t in subj if not any(a <= t.idx < b for a, b in places)]
        if kept:
            subj = kept
    return subj


def subjects_of(verb: Token) -> list[Token]:
    """The verb's own subjects, not counting passive ones (the passive subject is what
    was said or done, not who said it)."""
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def named_just_before(doc: Doc, verb: Token) -> list[Token]:
    """Parser slips ("Speaking at the club, union president Afzal Butt said ..."):
    a person or organisation named right before the verb is its subject."""
    if verb.i == 0:
        return []
    j = verb.i - 1
    if doc[j].text == ")" and j > 0:  # "Reporters Without Borders (RSF) said"
        j -= 1
    prev_end = doc[j].idx + len(doc[j])
    for m in doc._.mentions or []:
        if m.end_char == prev_end and m.kind in (EntityKind.PERSON, EntityKind.ORG):
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is not None:
                tok = span.root
                # "a researcher at the Institute noted": climb to the noun the name hangs on
                while tok.dep_ in {"pobj", "prep"} and tok.head.i < verb.i and tok.head is not tok:
                    tok = tok.head
                return [tok]
    return []


def trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """A reported clause without the punctuation around it, its "that", and a trailing
    conjunction ("said it supported X but warned ...": the clause ends before "but")."""
    while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in {"that"} and doc[s].dep_ == "mark"):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
        e -= 1
    return s, e
