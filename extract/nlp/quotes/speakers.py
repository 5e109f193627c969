"""Speaker resolution: who a noun phrase names as the speaker of a quote.

Every rule that finds a quote hands the subject of its reporting verb (or the object
of "according to") to :class:`SpeakerResolver`, which gives (speaker, kind,
role_or_org). Pronouns ("he", "it") and definite descriptions ("the regulator") resolve
to earlier speakers or entities; indefinite speakers ("a senior ISP executive") stay
unnamed. A name the model missed ("Bilqees Bibi") joins the mentions through their owner
(mentions.add_person).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..common import span_info
from ..kinds import EntityKind, SpeakerKind
from ..mentions import add_person, clean_name
from ..orgs import OrgTable
from .state import QuoteState
from .words import (
    BROKEN_ENDS,
    CALENDAR_WORDS,
    DOC_NOUNS,
    HONORIFICS,
    NOT_NAMES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS_ALL,
    PRONOUNS_ANY,
    PRONOUNS_AUTHOR,
    PRONOUNS_ORG,
    PRONOUNS_PERSON,
    ROLE_ONLY,
    TITLE_WORDS,
    VAGUE_DETS,
    VAGUE_HEADS,
    VAGUE_NOUNS,
)

# (speaker, kind, role_or_org); all None for nobody in particular ("some said")
Speaker = tuple[str | None, str | None, str | None]


def _vague_speaker(head: Token) -> bool:
    """"Some said", "many people believe", "experts say": nobody in particular."""
    if head.lower_ in VAGUE_HEADS and head.pos_ in {"PRON", "DET", "NOUN", "ADJ", "NUM"}:
        return True
    if head.lower_ in VAGUE_NOUNS and head.pos_ == "NOUN":
        dets = {t.lower_ for t in head.lefts}
        return not dets or bool(dets & VAGUE_DETS)
    return False


def _title_before(lead: str, noun: str) -> str | None:
    """"PCB Chairman" from "... said PCB Chairman" (the words of the title ending in ``noun``)."""
    m = re.search(r"((?:[A-Z][\w.-]*\s+){0,3}" + re.escape(noun) + r")\s*$", lead, re.I)
    return m[1].strip() if m else None


def _title_of(doc: Doc, m) -> str | None:
    """The words of the mention's noun phrase before the name: "PPP chief and former
    president" of "PPP chief and former president Asif Ali Zardari"."""
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in doc[span.root.left_edge.i:span.start]
             if (t.dep_ not in ("det", "punct", "poss", "case", "advmod", "prep") and (t.is_alpha or t.text == "&"))
             or (t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_)]  # "JUI-F"
    glued = {t.i for t in words if t.text == "-"} | {t.i - 1 for t in words if t.text == "-"}
    return "".join(t.text + ("" if t.i in glued else " ") for t in words).strip() or None


def _names_same_person(word: str, name: str) -> bool:
    """"Misbah" for "Misbah-ul-Haq", "Kugelman" for "Michael Kugelman"."""
    parts = re.split(r"[\s-]+", name)
    # a short form of the first name too: "Wajih" for "Wajihuddin Ahmed", "Misbah" for "Misbahul Haq"
    return len(parts) > 1 and (word == parts[-1] or word == parts[0] or (len(word) > 3 and parts[0].startswith(word)))


def _phrase_end_char(head: Token) -> int:
    return head.right_edge.idx + len(head.right_edge)


def _apposition(doc: Doc, after_tok: int, limit_char: int) -> str | None:
    """", a local resident," right after a name: the role it gives."""
    if after_tok >= len(doc) or doc[after_tok].text != ",":
        return None
    m = re.match(r",\s*((?:the|a|an)\s+[^,;\n]{2,80}?)\s*(?:,|$)", doc.text[doc[after_tok].idx:limit_char + 1])
    return re.sub(r"^(?:the|a|an)\s+", "", m[1]).strip() if m else None


def _phrase(doc: Doc, head: Token | list[Token]) -> tuple[Token, int, int]:
    """(head, start, end) of the speaker's noun phrase. A list of subject tokens is one
    phrase: the one nearest the verb is the head, and a subject right before it joined by
    a possessive mark widens the phrase ("NetBlocks' Alp Toker"). A relative clause is not
    part of the phrase, and a name the parse cut in two ("Access" + "Now") is whole."""
    if isinstance(head, list):
        heads = head
        head = heads[-1]
        s, e = head.left_edge.i, head.right_edge.i + 1
        for h in reversed(heads[:-1]):
            gap = doc[h.right_edge.i + 1: s]
            if len(gap) <= 1 and all(t.text in {"'", "’", "'s", "’s"} for t in gap):
                s = h.left_edge.i
    else:
        s, e = head.left_edge.i, head.right_edge.i + 1
    # "The lawyer, who said ...": the relative clause is not part of the speaker's name
    for c in head.rights:
        if c.dep_ == "relcl" and s < c.left_edge.i < e:
            e = c.left_edge.i
            while e - s > 1 and doc[e - 1].is_punct:
                e -= 1
    s_char, e_char = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
    for m in doc._.mentions or []:
        if m.kind in (EntityKind.ORG, EntityKind.PERSON) and m.start_char < e_char and s_char < m.end_char:
            sp = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if sp is not None:
                s, e = min(s, sp.start), max(e, sp.end)
    return head, s, e


class SpeakerResolver:
    def __init__(self, orgs: OrgTable | None) -> None:
        self.orgs = orgs

    # ------------------------------------------------------------------ entities
    @staticmethod
    def _ents_in(doc: Doc, start: int, end: int) -> list[Span]:
        kept = {(m.start_char, m.end_char) for m in (doc._.mentions or [])}
        return [e for e in doc.ents if e.start >= start and e.end <= end
                and (e.start_char, e.end_char) in kept]

    @staticmethod
    def _kind(e: Span) -> str | None:
        for m in e.doc._.mentions or []:
            if m.start_char == e.start_char and m.end_char == e.end_char:
                return m.kind
        return None

    def _is_person(self, e: Span) -> bool:
        return self._kind(e) == EntityKind.PERSON

    def _is_org(self, e: Span) -> bool:
        k = self._kind(e)
        if k == EntityKind.PLATFORM:  # operators speak as organisations ("PTCL said")
            return any(m.start_char == e.start_char and m.attrs.get("category") == "operator"
                       for m in e.doc._.mentions or [])
        return k == EntityKind.ORG

    @staticmethod
    def _kind_curated(doc: Doc, e: Span) -> bool:
        """Is ``e`` an organisation of the curated list (it has an org_type)?"""
        return any(m.start_char == e.start_char and m.kind == EntityKind.ORG and (m.attrs or {}).get("org_type")
                   for m in doc._.mentions or [])

    def _org_value(self, doc: Doc, e: Span) -> str:
        inf = span_info(doc, e)
        if inf and inf.get("value"):
            return inf["value"]
        if self.orgs is not None:
            rec = self.orgs.lookup(e.text)
            if rec:
                return rec["value"]
        return clean_name(e.text)

    @staticmethod
    def _mentions_before(doc: Doc, char: int):
        return [m for m in (doc._.mentions or []) if m.end_char <= char]

    def _person_named_before(self, doc: Doc, word: str, char: int) -> str | None:
        """The nearest person named before ``char`` that ``word`` is a name of (a surname, a
        first name or its short form)."""
        for m in reversed(self._mentions_before(doc, char)):
            if m.kind == EntityKind.PERSON and m.value and _names_same_person(word, m.value):
                return m.value
        return None

    # ------------------------------------------------------------------ speakers
    def from_np(self, state: QuoteState, head: Token | list[Token], at_char: int) -> Speaker:
        """:meth:`_read_np`, and nobody when what it read is no name: a phrase cut in the
        middle ("Rehmanabad and", "Federation of") or a bare demonstrative ("That said")."""
        speaker, kind, role = self._read_np(state, head, at_char)
        speaker = (speaker or "").strip().rstrip(",").strip()
        words = speaker.split()
        if not words or not any(c.isalpha() for c in speaker) or words[-1].lower() in BROKEN_ENDS:
            return None, None, None
        return speaker, kind, role

    def _read_np(self, state: QuoteState, head: Token | list[Token], at_char: int) -> Speaker:
        """-> (speaker, kind, role_or_org) for the noun phrase headed by ``head`` (or a list
        of subject tokens, see :func:`_phrase`), for a quote at ``at_char``.

        The first reading that fits wins, most specific first, because a phrase often
        holds several names ("a spokesperson for the PTA", "Freedom House and RSF"):
        nobody in particular ("some said") -> None; a person named in the phrase, with an
        organisation or the words around the name as the role; a pronoun or a definite
        description ("he", "the regulator") -> an earlier speaker or entity; a report or
        data of one organisation -> that organisation; a common noun tied to an
        organisation -> unnamed, with that organisation; a surname named earlier -> that
        person; a name the model missed -> a person (added to the mentions); organisations
        speaking together or alone; a capitalised phrase -> a person, an organisation or a
        role; anything else -> unnamed, as written.
        """
        doc = state.doc
        head, s, e = _phrase(doc, head)
        toks = list(doc[s:e])
        if _vague_speaker(head) or (head.lower_ in PRONOUNS_AUTHOR and head.pos_ == "PRON"):
            return None, None, None
        ents = self._ents_in(doc, s, e)
        persons = [x for x in ents if self._is_person(x)]
        orgs = [x for x in ents if self._is_org(x)]
        low = head.lower_
        if persons:
            return self._person_in_phrase(doc, head, persons, orgs, s, e)
        if low in PRONOUNS_PERSON | PRONOUNS_ORG | PRONOUNS_ANY or (
            head.pos_ == "NOUN" and toks[0].lower_ in {"the", "this"} and (low in ORG_NOUNS or low in PERSON_NOUNS)
            and not any(x.start <= head.i < x.end for x in orgs)
            and all(c.dep_ in {"det", "amod", "compound"} for c in head.lefts)
            and all(c.dep_ in {"relcl", "punct"} for c in head.rights)  # "the PCB chairman, who appeared ...,"
        ):
            return self._resolve_reference(state, head, at_char)
        head_in_org = any(x.start <= head.i < x.end for x in orgs)
        if orgs and not head_in_org and (low in DOC_NOUNS or head.lemma_.lower() in DOC_NOUNS) and len(orgs) == 1 and not any(
                t.dep_ == "poss" for t in head.lefts):
            # "according to a report by Top10VPN", "data from ISPAK": the organisation speaks
            return clean_name(orgs[0].text), SpeakerKind.ORG, None
        if orgs and not head_in_org and head.pos_ in {"NOUN", "PRON"}:
            # "a spokesperson for the PTA", "the FIA's cybercrime wing"
            text = doc[s:e].text if e - s <= 12 else doc[s:head.i + 1].text
            return text.strip(), SpeakerKind.UNNAMED, self._org_value(doc, orgs[0])
        if head.pos_ == "PROPN" and not head_in_org and len(head.text) > 1:
            # a surname or first name already named in the article: "Kugelman also pointed out",
            # "Misbah said" after "Misbah-ul-Haq"
            named = self._person_named_before(doc, head.text, at_char)
            if named:
                return named, SpeakerKind.PERSON, None
        in_ent = {i for x in ents for i in range(x.start, x.end)}
        if head.pos_ == "PROPN" and head.i not in in_ent and head.text[:1].isupper() and head.text not in NOT_NAMES:
            found = self._name_the_model_missed(doc, head, orgs, s, in_ent)
            if found is not None:
                return found
        if len(orgs) >= 2 and any(c.dep_ == "conj" for c in head.children) and e - s <= 14:
            # "Freedom House and Reporters Without Borders (RSF) said": they speak together
            return clean_name(doc[s:e].text), SpeakerKind.ORG, None
        if orgs:
            return self._organisation(doc, head, orgs, at_char)
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            return self._capitalised_phrase(doc, head, s, e)
        text = doc[s:e].text
        if len(text) > 80:
            text = " ".join(t.text for t in head.lefts) + " " + head.text
        return text.strip(), SpeakerKind.UNNAMED, None

    def _person_in_phrase(self, doc: Doc, head: Token, persons: list[Span], orgs: list[Span], s: int, e: int) -> Speaker:
        """The person named nearest the head; the role is an organisation named beside the
        person, else the words before the name ("Digital rights advocate"), else those after
        it ("a hotel owner in Skardu")."""
        values = {(m.start_char, m.end_char): m.value for m in (doc._.mentions or [])}
        p = min(persons, key=lambda x: abs(x.root.i - head.i))
        name = values.get((p.start_char, p.end_char)) or clean_name(p.text)
        if " " not in name:  # "Su, 28, told reporters" after "Su Bingtian": the name given in full
            name = self._person_named_before(doc, name, p.start_char) or name
        role = None
        other_orgs = [o for o in orgs if not (o.start >= p.start and o.end <= p.end)]
        if other_orgs:
            role = self._org_value(doc, other_orgs[0])
        else:
            pre = [t for t in doc[s:p.start] if t.dep_ not in {"det", "punct"} and not t.is_punct]
            lead = p.text[:p.text.find(name)].strip(" ,") if name in p.text else ""
            if pre or lead:
                role = " ".join([t.text for t in pre] + ([lead] if lead else []))
            else:
                post = doc[p.end:e]
                txt = post.text.strip(" ,")
                if txt:
                    role = re.sub(r"^(?:,\s*)?(?:the|a|an)\s+", "", txt).strip(" ,") or None
        if role and re.fullmatch(r"\d{1,3}", role):
            role = None  # an age ("Su, 28,") is no role
        return name, SpeakerKind.PERSON, role

    def _name_the_model_missed(self, doc: Doc, head: Token, orgs: list[Span], s: int,
                               in_ent: set[int]) -> Speaker | None:
        """Two or more proper nouns in a row that no entity holds ("Bilqees Bibi said"): a
        person, who joins the mentions so that a later "Bibi" resolves to her. Days and
        months before the name and titles are not part of it. None for a single word."""
        chain = [head]
        for t in reversed(list(head.lefts)):
            if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == chain[0].i - 1 and t.i not in in_ent \
                    and t.lower_ not in CALENDAR_WORDS:
                chain.insert(0, t)
        while len(chain) > 2 and chain[0].lower_ in TITLE_WORDS:
            chain = chain[1:]
        if len(chain) < 2:
            return None
        name = " ".join(t.text for t in chain)
        add_person(doc, chain[0].idx, chain[-1].idx + len(chain[-1]))
        role = self._org_value(doc, orgs[0]) if orgs else None
        if role is None:
            pre = [t for t in doc[s:chain[0].i] if t.dep_ not in {"det", "punct"} and not t.is_punct]
            role = " ".join(t.text for t in pre) or None
        return name, SpeakerKind.PERSON, role

    def _organisation(self, doc: Doc, head: Token, orgs: list[Span], at_char: int) -> Speaker:
        """The organisation nearest the head speaks, unless it is the model's one-word
        "organisation" that is really a person: part of a name used before ("Babar said"
        after "Farhatullah Babar") or a name an apposition describes ("Bilqees, a local
        resident,")."""
        o = min(orgs, key=lambda x: abs(x.root.i - head.i))
        if len(o) == 1 and not o[0].is_upper and not self._kind_curated(doc, o):
            named = self._person_named_before(doc, o.text, at_char)
            if named:
                return named, SpeakerKind.PERSON, None
            role = _apposition(doc, o.end, _phrase_end_char(o.root))
            if role and role.split()[-1].lower() not in ORG_NOUNS:
                return clean_name(o.text), SpeakerKind.PERSON, role
        return clean_name(o.text), SpeakerKind.ORG, None

    @staticmethod
    def _capitalised_phrase(doc: Doc, head: Token, s: int, e: int) -> Speaker:
        """A capitalised phrase no entity covers: a name with its apposition as the role
        ("Bilqees, a local Muslim resident,"), a title alone ("the President": unnamed, with
        that role), one word (a person when not in capitals, else an organisation), or a
        longer name (a person)."""
        while s < head.i and (doc[s].lower_ in CALENDAR_WORDS or doc[s].ent_type_ in {"DATE", "TIME"}):
            s += 1
        comma = next((t.i for t in doc[head.i + 1:e] if t.text == ","), None)
        if comma is not None:
            role = _apposition(doc, comma, doc[e - 1].idx + len(doc[e - 1]))
            name = clean_name(doc[s:comma].text)
            if name and name[0].isupper():
                return name, SpeakerKind.PERSON, role
        span = doc[s:e]
        if len(span) == 1 and head.lower_ in HONORIFICS:
            # "Maulana said" after "Maulana Fazlur Rehman": the person the honorific was given to
            named = [m for m in (doc._.mentions or []) if m.kind == EntityKind.PERSON and m.end_char <= head.idx
                     and head.text in doc.text[max(0, m.start_char - len(head.text) - 1):m.end_char].split()]
            if named:
                return named[-1].value, SpeakerKind.PERSON, _title_of(doc, named[-1])
            return span.text, SpeakerKind.UNNAMED, head.text
        words = [t for t in span if not t.is_punct and t.dep_ != "det"]
        if words and all(t.lower_ in ROLE_ONLY for t in words):
            return span.text.strip(), SpeakerKind.UNNAMED, " ".join(t.text for t in words)
        name = clean_name(span.text)
        if len(span) == 1 and not head.is_upper:
            # one capitalised word that no list knows as an organisation: a person ("Bilqees")
            return name, SpeakerKind.PERSON, _apposition(doc, span.end, _phrase_end_char(head))
        return name, (SpeakerKind.PERSON if len(span) > 1 else SpeakerKind.ORG), None

    def _resolve_reference(self, state: QuoteState, head: Token, at_char: int) -> Speaker:
        """Who a pronoun or a definite description stands for.

        A description ("the ministry", "the regulator", "the company", "the PCB chairman")
        names an entity of the article: the nearest earlier one it describes, by name,
        org_type, operator or title; else it stays unnamed. A pronoun ("he", "it", "they")
        continues the speaker of the quote just before (within 250 characters, of a kind
        the pronoun allows), else the nearest earlier named speaker, else the nearest
        earlier person or organisation mentioned: news prose introduces a speaker by name
        and then refers back.
        """
        doc = state.doc
        low = head.lower_
        want = SpeakerKind.PERSON if (low in PRONOUNS_PERSON or low in PERSON_NOUNS) else (
            SpeakerKind.ORG if (low in PRONOUNS_ORG or low in ORG_NOUNS) else None)
        pronoun = low in PRONOUNS_PERSON | PRONOUNS_ORG | PRONOUNS_ANY
        kinds = {SpeakerKind.PERSON: {EntityKind.PERSON}, SpeakerKind.ORG: {EntityKind.ORG},
                 None: {EntityKind.PERSON, EntityKind.ORG}}[want]
        if not pronoun:
            return self._described(doc, head, low, want)
        prior = sorted((q for q in state.quotes if q.start_char < at_char), key=lambda q: q.start_char, reverse=True)
        if prior and low in PRONOUNS_PERSON:
            # a person named after the last quote is nearer than its speaker: "... PPP chief
            # Asif Ali Zardari. He had stated that ..."
            named = [m for m in self._mentions_before(doc, at_char)
                     if m.kind == EntityKind.PERSON and m.value and m.start_char > prior[0].end_char]
            if named and all(named[-1].value != q.speaker for q in prior[:1]):
                return named[-1].value, SpeakerKind.PERSON, _title_of(doc, named[-1])
        if prior and prior[0].speaker and at_char - prior[0].end_char < 250 and (
                want is None or prior[0].speaker_kind in {want, SpeakerKind.UNNAMED}) and prior[0].speaker.lower() not in PRONOUNS_ALL:
            # the speaker of the sentence just before ("..., a researcher noted. ..., she added")
            return prior[0].speaker, prior[0].speaker_kind, prior[0].speaker_role_or_org
        for q in prior:
            if q.speaker and q.speaker_kind != SpeakerKind.UNNAMED and (want is None or q.speaker_kind == want):
                return q.speaker, q.speaker_kind, q.speaker_role_or_org
        for m in reversed(self._mentions_before(doc, at_char)):
            if m.kind in kinds:
                return m.value, m.kind, None
        return doc[head.left_edge.i: head.i + 1].text, SpeakerKind.UNNAMED, None

    def _described(self, doc: Doc, head: Token, low: str, want: str | None) -> Speaker:
        """The nearest earlier entity a definite description describes ("the ministry" ->
        a Ministry; "the regulator" -> a regulator; "the company" -> an operator; "the PCB
        chairman" -> the person that title named), else the description, unnamed."""
        before = self._mentions_before(doc, head.idx)
        for m in reversed(before):
            if m.kind == EntityKind.ORG and m.value and (low in m.value.lower() or (m.attrs.get("org_type") or "") == low):
                return m.value, SpeakerKind.ORG, None
        if low in {"company", "operator", "firm"}:
            for m in reversed(before):
                if m.kind == EntityKind.PLATFORM and m.attrs.get("category") == "operator":
                    return m.value, SpeakerKind.ORG, None
                if m.kind == EntityKind.ORG and (m.attrs.get("org_type") in {"company", "operator"}):
                    return m.value, SpeakerKind.ORG, None
        if want == SpeakerKind.ORG:
            for m in reversed(before):
                if m.kind == EntityKind.ORG:
                    return m.value, SpeakerKind.ORG, None
        if want == SpeakerKind.PERSON:
            for m in reversed(before):
                if m.kind != EntityKind.PERSON or not m.value:
                    continue
                lead = doc.text[max(0, m.start_char - 40):m.start_char]
                if low in lead.lower():
                    return m.value, SpeakerKind.PERSON, _title_before(lead, low)
                # the title in an apposition after the name: "Najam Sethi, the PCB chairman,"
                role = _apposition(doc, doc.char_span(m.start_char, m.end_char, alignment_mode="expand").end,
                                   min(len(doc.text) - 1, m.end_char + 90))
                if role and low in role.lower().split():
                    return m.value, SpeakerKind.PERSON, role
        return doc[head.left_edge.i: head.i + 1].text, SpeakerKind.UNNAMED, None
