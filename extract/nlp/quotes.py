"""Quotes: who said what, from the dependency parse and a few text rules.

- direct quotes: text inside double quotation marks (at least 4 tokens; shorter
  ones are scare quotes), spanning sentences and paragraphs when the marks do;
  the speaker is the subject of the nearest reporting verb outside the marks in the
  sentences holding the quote, else the speaker of the previous quote when the
  quote continues it, else the speaker introduced by a sentence ending in ":";
- reported speech: a reporting verb (said, noted, pointed out, warned ...) whose
  clausal complement or object is the content; "according to X" gives X and the
  rest of the sentence;
- statements and posts introduced by a heading ("Statement of ...") or signed
  "— Name (@handle) date" (embedded tweets);
- pronouns (he, she, it, they) and definite descriptions ("the tracker", "the
  regulator") resolve to the nearest preceding named speaker or entity of the
  right kind; indefinite speakers ("a senior ISP executive") stay unnamed.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .common import ensure_extensions, span_info
from .dates import MONTH_NAMES, WEEKDAY_NAMES
from .mentions import clean_name
from .types import Quote

REPORTING_VERBS = {
    "say", "note", "observe", "warn", "demand", "tweet", "add", "state", "tell", "claim", "argue",
    "urge", "maintain", "allege", "announce", "confirm", "deny", "highlight", "stress", "emphasise",
    "emphasize", "explain", "insist", "write", "post", "remark", "comment", "assert", "condemn",
    "ask", "suggest", "report", "reveal", "acknowledge", "admit", "recall", "declare", "mention",
    "predict", "caution", "lament", "complain", "reiterate", "contend", "clarify", "inform",
    "respond", "reply", "underscore", "believe", "criticise", "criticize", "question", "estimate",
    "describe", "termed", "term", "accuse", "point", "call", "share", "vow", "pledge", "agree",
    "disclose", "recommend", "opine", "stat", "observe",
    "announce", "testify", "assure", "promise", "threaten", "order", "direct", "rule", "hold", "blame",
}
# verbs whose NP object is the content ("noted a partial restoration")
_NP_CONTENT = {"note", "observe", "highlight", "demand", "stress", "emphasise", "emphasize", "point",
               "warn", "call", "condemn", "deny", "confirm", "criticise", "criticize", "acknowledge",
               "announce", "reveal", "question", "urge", "lament", "predict", "recommend", "underscore",
               "reiterate", "blame", "accuse", "term", "describe"}
_CLAUSE_VERBS = {"say", "add", "state", "claim", "argue", "maintain", "allege", "insist", "contend",
                 "explain", "assert"}
# verbs that report only with a that-clause ("the court held that ..."); "held what
# it described as a rally" or "ruled the ban unlawful" report nothing
_THAT_CLAUSE_ONLY = {"hold", "rule"}
# verbs whose object is the person spoken to ("..., he told Dawn"), not what was said
_RECIPIENT_VERBS = {"tell", "inform", "assure", "warn", "ask", "urge", "remind", "caution", "advise"}
_PARTICLES = {"out", "for", "of", "on", "that", "to", "about", "up"}
_SUBJ = {"nsubj"}  # a passive subject is not the speaker ("the order was issued by ...")
_PERSON_NOUNS = {"minister", "lawyer", "advocate", "activist", "spokesperson", "spokesman", "spokeswoman",
                 "analyst", "expert", "researcher", "journalist", "executive", "founder", "director",
                 "chairman", "chairperson", "senator", "premier", "official", "officer", "chief", "head",
                 "leader", "president", "secretary", "adviser", "advisor", "lawmaker", "judge", "justice",
                 "professor", "economist", "commentator", "editor", "reporter", "politician", "ceo", "owner"}
_ORG_NOUNS = {"tracker", "watchdog", "organisation", "organization", "regulator", "authority", "ministry",
              "party", "group", "body", "company", "operator", "union", "court", "monitor", "observatory",
              "foundation", "association", "commission", "government", "department", "agency", "firm",
              "network", "forum", "platform", "office", "bench", "committee", "council", "centre", "center",
              "university", "institute", "board", "bank", "newspaper", "channel", "institution", "coalition"}
_TITLE_WORDS = {"late", "chief", "justice", "mr", "ms", "mrs", "dr", "prof", "senator", "minister", "president",
                "chairman", "chairperson", "advocate", "barrister", "general", "judge", "secretary", "prime"}
_DOC_NOUNS = {"report", "data", "study", "survey", "analysis", "figures", "statement", "notification",
              "letter", "document", "filing", "estimate", "estimates", "research"}
_NOT_NAMES = {"Pakistan", "Government", "Ministry", "Court", "Authority"}
_PRONOUNS_PERSON = {"he", "she"}
_PRONOUNS_ORG = {"it"}
_PRONOUNS_ANY = {"they", "we", "i"}
_PRONOUNS_ALL = {"he", "she", "it", "they", "we", "i"}
_QUOTE_PAIRS = [("“", "”"), ('"', '"')]
_SIGNATURE = re.compile(r"^[ \t]*[—–-]{1,2}\s*([^\n(]{2,80}?)\s*\((@\w{1,30})\)\s*([^\n]*)$", re.M)
_HEADING = re.compile(
    r"^[ \t]*(?:(?:full text of |read |text of )?(?:the )?(?:statement|press release|message|remarks|tweet|post|address)s?\s+(?:of|by|from)\s+([^\n]{3,120}?)"
    r"|(?-i:([A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|the|and|on)){0,8}?))(?:['’]s)?\s+(?:statement|press release|message))\s*:?\s*$",
    re.I | re.M,
)


# words that only name a role: "the President", "the Singer" alone are unnamed speakers
_ROLE_ONLY = {"president", "prime", "minister", "chief", "justice", "senator", "governor", "mayor",
              "ambassador", "chairman", "chairperson", "spokesman", "spokesperson", "spokeswoman", "secretary",
              "general", "producer", "director", "singer", "actor", "actress", "coach", "captain", "skipper",
              "judge", "commissioner", "inspector", "premier", "emperor", "king", "queen", "prince", "pope",
              "speaker", "deputy", "vice", "federal", "interior", "foreign", "finance", "information"}
# heads of a vague group ("Some said", "Many people believe", "others claim"): no attribution
_VAGUE_HEADS = {"some", "many", "others", "few", "several", "most", "all", "both", "anyone", "anybody",
                "everyone", "everybody", "someone", "somebody", "nobody", "none", "us", "him", "her", "them",
                "me", "you", "one", "who", "those", "these"}
_VAGUE_DETS = {"many", "some", "several", "most", "few", "all", "other"}
_VAGUE_NOUNS = {"people", "others", "experts"}


# "On Sunday Ghani rejected ...": a day or month before a name is not part of it
_CALENDAR_WORDS = WEEKDAY_NAMES | MONTH_NAMES
# nouns whose "of"/"from" object is a speaker: "in the words of X", "a reply from X"
_WORDS_OF = {"word", "words", "reply", "response", "answer", "remark", "remarks", "comment", "comments"}


def _vague_speaker(head: Token) -> bool:
    """"Some said", "many people believe", "experts say": nobody in particular."""
    if head.lower_ in _VAGUE_HEADS and head.pos_ in {"PRON", "DET", "NOUN", "ADJ", "NUM"}:
        return True
    if head.lower_ in _VAGUE_NOUNS and head.pos_ == "NOUN":
        dets = {t.lower_ for t in head.lefts}
        return not dets or bool(dets & _VAGUE_DETS)
    return False


def _title_before(lead: str, noun: str) -> str | None:
    """"PCB Chairman" from "... said PCB Chairman" (the words of the title ending in ``noun``)."""
    m = re.search(r"((?:[A-Z][\w.-]*\s+){0,3}" + re.escape(noun) + r")\s*$", lead, re.I)
    return m[1].strip() if m else None


def _not_a_statement(verb: Token) -> bool:
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


def _names_same_person(word: str, name: str) -> bool:
    """"Misbah" for "Misbah-ul-Haq", "Kugelman" for "Michael Kugelman"."""
    parts = re.split(r"[\s-]+", name)
    # a short form of the first name too: "Wajih" for "Wajihuddin Ahmed", "Misbah" for "Misbahul Haq"
    return len(parts) > 1 and (word == parts[-1] or word == parts[0] or (len(word) > 3 and parts[0].startswith(word)))


def _phrase_end_char(head: Token) -> int:
    return head.right_edge.idx + len(head.right_edge)


def _subjects(subj: list[Token]) -> list[Token]:
    """Subjects in text order; the parser gives "NetBlocks' Alp Toker" two. A second
    "subject" inside a place name ("correspondent in Dera Ghazi Khan reported") is a
    parse slip and is dropped."""
    # "NetBlocks, which said ...": a relative pronoun speaks for the noun its clause hangs on
    subj = [t.head.head if t.tag_ in {"WDT", "WP"} and t.head.dep_ == "relcl" else t for t in subj]
    subj = sorted(subj, key=lambda t: t.i)
    if len(subj) > 1:
        places = [(m.start_char, m.end_char) for m in subj[0].doc._.mentions or [] if m.kind in {"city", "region"}]
        kept = [t for t in subj if not any(a <= t.idx < b for a, b in places)]
        if kept:
            subj = kept
    return subj


@Language.factory("pk_quotes", default_config={"min_direct_tokens": 4})
def make_quotes(nlp: Language, name: str, min_direct_tokens: int) -> "QuoteExtractor":
    return QuoteExtractor(nlp, name, min_direct_tokens)


class QuoteExtractor:
    def __init__(self, nlp: Language, name: str, min_direct_tokens: int = 4) -> None:
        ensure_extensions()
        self.name = name
        self.min_direct_tokens = min_direct_tokens
        self.orgs = nlp.get_pipe("pk_orgs").table if "pk_orgs" in nlp.pipe_names else None

    # ------------------------------------------------------------------ entities
    def _ents_in(self, doc: Doc, start: int, end: int) -> list[Span]:
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
        return self._kind(e) == "person"

    def _is_org(self, e: Span) -> bool:
        k = self._kind(e)
        if k == "platform":  # operators speak as organisations ("PTCL said")
            return any(m.start_char == e.start_char and m.attrs.get("category") == "operator"
                       for m in e.doc._.mentions or [])
        return k == "org"

    @staticmethod
    def _kind_curated(doc: Doc, e: Span) -> bool:
        """Is ``e`` an organisation of the curated list (it has an org_type)?"""
        return any(m.start_char == e.start_char and m.kind == "org" and (m.attrs or {}).get("org_type")
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

    def _mentions_before(self, doc: Doc, char: int):
        return [m for m in (doc._.mentions or []) if m.end_char <= char]

    def _person_named_before(self, doc: Doc, word: str, char: int) -> str | None:
        """The nearest person named before ``char`` that ``word`` is a name of (a surname, a
        first name or its short form)."""
        for m in reversed(self._mentions_before(doc, char)):
            if m.kind == "person" and m.value and _names_same_person(word, m.value):
                return m.value
        return None

    # ------------------------------------------------------------------ speakers
    def _speaker_from_np(self, doc: Doc, head, history: list[Quote], at_char: int):
        """-> (speaker, kind, role_or_org) for the noun phrase headed by ``head``
        (or a list of subject tokens: the one nearest the verb is the head, the
        others widen the phrase, as in "NetBlocks' Alp Toker")."""
        if isinstance(head, list):
            heads = head
            head = heads[-1]
            s, e = head.left_edge.i, head.right_edge.i + 1
            for h in reversed(heads[:-1]):
                # only "NetBlocks' Alp Toker": a subject right before this one, joined by a possessive mark
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
            # names the parse cuts ("Access" + "Now") belong to the phrase whole
            if m.kind in {"org", "person"} and m.start_char < e_char and s_char < m.end_char:
                sp = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if sp is not None:
                    s, e = min(s, sp.start), max(e, sp.end)
        toks = list(doc[s:e])
        if _vague_speaker(head):
            return None, None, None
        # cut relative clauses / long appositions' tails at a comma after the head for ents search
        ents = self._ents_in(doc, s, e)
        persons = [x for x in ents if self._is_person(x)]
        orgs = [x for x in ents if self._is_org(x)]
        values = {(m.start_char, m.end_char): m.value for m in (doc._.mentions or [])}
        low = head.lower_
        if persons:
            p = min(persons, key=lambda x: abs(x.root.i - head.i))
            name = values.get((p.start_char, p.end_char)) or clean_name(p.text)
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
            return name, "person", role
        if low in _PRONOUNS_PERSON | _PRONOUNS_ORG | _PRONOUNS_ANY or (
            head.pos_ == "NOUN" and toks[0].lower_ in {"the", "this"} and (low in _ORG_NOUNS or low in _PERSON_NOUNS)
            and not any(x.start <= head.i < x.end for x in orgs)
            and all(c.dep_ in {"det", "amod", "compound"} for c in head.lefts) and not list(head.rights)
        ):
            return self._resolve(doc, head, history, at_char)
        head_in_org = any(x.start <= head.i < x.end for x in orgs)
        if orgs and not head_in_org and (low in _DOC_NOUNS or head.lemma_.lower() in _DOC_NOUNS) and len(orgs) == 1 and not any(
                t.dep_ == "poss" for t in head.lefts):
            # "according to a report by Top10VPN", "data from ISPAK": the organisation speaks
            return clean_name(orgs[0].text), "org", None
        if orgs and not head_in_org and head.pos_ in {"NOUN", "PRON"}:
            # "a spokesperson for the PTA", "the FIA's cybercrime wing"
            text = doc[s:e].text if e - s <= 12 else doc[s:head.i + 1].text
            return text.strip(), "unnamed", self._org_value(doc, orgs[0])
        if head.pos_ == "PROPN" and not head_in_org and len(head.text) > 2:
            # a surname or first name already named in the article: "Kugelman also pointed out",
            # "Misbah said" after "Misbah-ul-Haq"
            named = self._person_named_before(doc, head.text, at_char)
            if named:
                return named, "person", None
        in_ent = {i for x in ents for i in range(x.start, x.end)}
        if head.pos_ == "PROPN" and head.i not in in_ent and head.text[:1].isupper() and head.text not in _NOT_NAMES:
            chain = [head]
            for t in reversed(list(head.lefts)):
                if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == chain[0].i - 1 and t.i not in in_ent \
                        and t.lower_ not in _CALENDAR_WORDS:
                    chain.insert(0, t)
            while len(chain) > 2 and chain[0].lower_ in _TITLE_WORDS:
                chain = chain[1:]
            if len(chain) >= 2:
                name = " ".join(t.text for t in chain)
                self._add_person_mention(doc, chain)
                role = self._org_value(doc, orgs[0]) if orgs else None
                if role is None:
                    pre = [t for t in doc[s:chain[0].i] if t.dep_ not in {"det", "punct"} and not t.is_punct]
                    role = " ".join(t.text for t in pre) or None
                return name, "person", role
        if len(orgs) >= 2 and any(c.dep_ == "conj" for c in head.children) and e - s <= 14:
            # "Freedom House and Reporters Without Borders (RSF) said": they speak together
            return clean_name(doc[s:e].text), "org", None
        if orgs:
            o = min(orgs, key=lambda x: abs(x.root.i - head.i))
            if len(o) == 1 and not o[0].is_upper and not self._kind_curated(doc, o):
                # the model's one-word "organisation" that is a part of a person's name
                # used before ("Babar said" after "Farhatullah Babar")
                named = self._person_named_before(doc, o.text, at_char)
                if named:
                    return named, "person", None
                # ... or a person the apposition describes ("Bilqees, a local resident,")
                role = self._apposition(doc, o.end, _phrase_end_char(o.root))
                if role and role.split()[-1].lower() not in _ORG_NOUNS:
                    return clean_name(o.text), "person", role
            return clean_name(o.text), "org", None
        if head.pos_ == "PROPN" and head.text[:1].isupper():
            while s < head.i and (doc[s].lower_ in _CALENDAR_WORDS or doc[s].ent_type_ in {"DATE", "TIME"}):
                s += 1
            comma = next((t.i for t in doc[head.i + 1:e] if t.text == ","), None)
            if comma is not None:
                # "Bilqees, a local Muslim resident,": the name, then its apposition as the role
                role = self._apposition(doc, comma, doc[e - 1].idx + len(doc[e - 1]))
                name = clean_name(doc[s:comma].text)
                if name and name[0].isupper():
                    return name, "person", role
            span = doc[s:e]
            words = [t for t in span if not t.is_punct and t.dep_ != "det"]
            if words and all(t.lower_ in _ROLE_ONLY for t in words):
                # "the President said": a title alone is an unnamed speaker with that role
                return span.text.strip(), "unnamed", " ".join(t.text for t in words)
            name = clean_name(span.text)
            if len(span) == 1 and not head.is_upper:
                # one capitalised word that no list knows as an organisation: a person ("Bilqees")
                return name, "person", self._apposition(doc, span.end, _phrase_end_char(head))
            return name, ("person" if len(span) > 1 else "org"), None
        text = doc[s:e].text
        if len(text) > 80:
            text = " ".join(t.text for t in head.lefts) + " " + head.text
        return text.strip(), "unnamed", None

    @staticmethod
    def _apposition(doc: Doc, after_tok: int, limit_char: int) -> str | None:
        """", a local resident," right after a name: the role it gives."""
        if after_tok >= len(doc) or doc[after_tok].text != ",":
            return None
        m = re.match(r",\s*((?:the|a|an)\s+[^,;\n]{2,80}?)\s*(?:,|$)", doc.text[doc[after_tok].idx:limit_char + 1])
        return re.sub(r"^(?:the|a|an)\s+", "", m[1]).strip() if m else None

    @staticmethod
    def _named_just_before(doc: Doc, verb: Token) -> list[Token]:
        """Parser slips ("Speaking at the club, union president Afzal Butt said ..."):
        a person or organisation named right before the verb is its subject."""
        if verb.i == 0:
            return []
        j = verb.i - 1
        if doc[j].text == ")" and j > 0:  # "Reporters Without Borders (RSF) said"
            j -= 1
        prev_end = doc[j].idx + len(doc[j])
        for m in doc._.mentions or []:
            if m.end_char == prev_end and m.kind in {"person", "org"}:
                span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
                if span is not None:
                    tok = span.root
                    # "a researcher at the Institute noted": climb to the noun the name hangs on
                    while tok.dep_ in {"pobj", "prep"} and tok.head.i < verb.i and tok.head is not tok:
                        tok = tok.head
                    return [tok]
        return []

    @staticmethod
    def _add_person_mention(doc: Doc, chain: list[Token]) -> None:
        from .types import Mention

        sc, ec = chain[0].idx, chain[-1].idx + len(chain[-1])
        ms = doc._.mentions
        if ms is None or any(m.start_char < ec and sc < m.end_char for m in ms):
            return
        ms.append(Mention("person", doc.text[sc:ec], doc.text[sc:ec], sc, ec, {}))
        ms.sort(key=lambda m: m.start_char)

    def _resolve(self, doc: Doc, head: Token, history: list[Quote], at_char: int):
        low = head.lower_
        want = "person" if (low in _PRONOUNS_PERSON or low in _PERSON_NOUNS) else (
            "org" if (low in _PRONOUNS_ORG or low in _ORG_NOUNS) else None)
        pronoun = low in _PRONOUNS_PERSON | _PRONOUNS_ORG | _PRONOUNS_ANY
        kinds = {"person": {"person"}, "org": {"org"}, None: {"person", "org"}}[want]
        if not pronoun:
            # a definite description: the nearest entity it describes ("the ministry" ->
            # a Ministry; "the regulator" -> a regulator; "the company" -> an operator)
            before = self._mentions_before(doc, head.idx)
            for m in reversed(before):
                if m.kind == "org" and m.value and (low in m.value.lower() or (m.attrs.get("org_type") or "") == low):
                    return m.value, "org", None
            if low in {"company", "operator", "firm"}:
                for m in reversed(before):
                    if m.kind == "platform" and m.attrs.get("category") == "operator":
                        return m.value, "org", None
                    if m.kind == "org" and (m.attrs.get("org_type") in {"company", "operator"}):
                        return m.value, "org", None
            if want == "org":
                for m in reversed(before):
                    if m.kind == "org":
                        return m.value, "org", None
            if want == "person":
                # "the PCB chairman" after "PCB Chairman Shahryar Khan": the person that title named
                for m in reversed(before):
                    lead = doc.text[max(0, m.start_char - 40):m.start_char]
                    if m.kind == "person" and m.value and low in lead.lower():
                        return m.value, "person", _title_before(lead, low)
            return doc[head.left_edge.i: head.i + 1].text, "unnamed", None
        prior = sorted((q for q in history if q.start_char < at_char), key=lambda q: q.start_char, reverse=True)
        if prior and prior[0].speaker and at_char - prior[0].end_char < 250 and (
                want is None or prior[0].speaker_kind in {want, "unnamed"}) and prior[0].speaker.lower() not in _PRONOUNS_ALL:
            # the speaker of the sentence just before ("..., a researcher noted. ..., she added")
            return prior[0].speaker, prior[0].speaker_kind, prior[0].speaker_role_or_org
        for q in prior:
            if q.speaker and q.speaker_kind != "unnamed" and (want is None or q.speaker_kind == want):
                return q.speaker, q.speaker_kind, q.speaker_role_or_org
        for m in reversed(self._mentions_before(doc, at_char)):
            if m.kind in kinds:
                return m.value, m.kind, None
        return doc[head.left_edge.i: head.i + 1].text, "unnamed", None

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = []
        used_verbs: set[int] = set()
        covered: list[tuple[int, int]] = []
        direct = self._direct_spans(doc)
        events = []  # (char, kind, data) processed in text order so pronouns see history
        for qs, qe in direct:
            events.append((qs, "direct", (qs, qe)))
        for sent in doc.sents:
            events.append((sent.start_char, "sent", sent))
        for m in _SIGNATURE.finditer(doc.text):
            events.append((m.start(), "sig", m))
        for m in _HEADING.finditer(doc.text):
            events.append((m.start(), "heading", m))
        # direct quotes, posts and statements first (in text order), then reported speech
        events.sort(key=lambda x: (x[1] == "sent", x[0], {"heading": 0, "direct": 1, "sig": 2, "sent": 3}[x[1]]))
        sig_blocks = self._signature_blocks(doc)
        for _, kind, data in events:
            if kind == "direct":
                q = self._attribute_direct(doc, data, quotes, used_verbs)
                if q is not None:
                    quotes.append(q)
                    covered.append((q.start_char, q.end_char))
            elif kind == "sent":
                if any(self._overlaps(data.start_char, data.end_char, s, e) for s, e in sig_blocks):
                    continue
                for q in self._indirect(doc, data, quotes, used_verbs, covered):
                    quotes.append(q)
            elif kind == "sig":
                q = self._signed_post(doc, data, quotes)
                if q is not None and not any(self._overlaps(q.start_char, q.end_char, s, e) for s, e in covered):
                    quotes.append(q)
                    covered.append((q.start_char, q.end_char))
            elif kind == "heading":
                q = self._heading_statement(doc, data, quotes)
                if q is not None and not any(self._overlaps(q.start_char, q.end_char, s, e) for s, e in covered):
                    quotes.append(q)
                    covered.append((q.start_char, q.end_char))
        quotes.sort(key=lambda q: q.start_char)
        doc._.quotes = quotes
        return doc

    @staticmethod
    def _overlaps(a: int, b: int, c: int, d: int) -> bool:
        return a < d and c < b

    # ------------------------------------------------------------------ direct
    def _direct_spans(self, doc: Doc) -> list[tuple[int, int]]:
        text = doc.text
        out = []
        for para_m in re.finditer(r"[^\n]+", text):
            ps, pe = para_m.start(), para_m.end()
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
                    if len(inner.split()) >= self.min_direct_tokens or (
                            len(inner.split()) >= 2 and inner[-1] in ".?!" and inner[0].isupper()):
                        lead = len(para[inner_s:inner_e]) - len(para[inner_s:inner_e].lstrip())
                        s = ps + inner_s + lead
                        out.append((s, s + len(inner)))
                    i = j + 1
                else:
                    i += 1
        return out

    def _reporting_verb(self, t: Token) -> bool:
        if t.lemma_.lower() in REPORTING_VERBS or t.lower_ in {"said", "says", "tweeted", "noted", "added", "told", "stated", "wrote", "warned", "observed"}:
            if t.lower_ == "point" or t.lemma_ == "point":
                return any(c.lower_ == "out" for c in t.children)
            if t.lemma_ == "call":
                return any(c.lower_ == "for" for c in t.children)
            if any(c.dep_ == "neg" for c in t.children):
                return False  # "did not say", "declined to comment" are not statements
            if any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in t.children):
                return False  # "what it described as a rally": a relative clause, not a statement
            if t.lemma_.lower() in _THAT_CLAUSE_ONLY and not any(
                    c.dep_ == "ccomp" and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
                    for c in t.children):
                return False
            if t.tag_ == "VBG" and not any(c.dep_ == "aux" for c in t.children):
                # participles speak only for the clause they hang on:
                # "the court dismissed the petition, saying ..." (advcl of a verb)
                return t.dep_ == "advcl" and t.head.pos_ in {"VERB", "AUX"} and t.i > t.head.i
            return t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")
        return False

    def _attribute_direct(self, doc: Doc, span_chars, history, used_verbs):
        qs, qe = span_chars
        qspan = doc.char_span(qs, qe, alignment_mode="expand")
        if qspan is None:
            return None
        sents = []
        for s in doc.sents:
            if s.end_char > qs - 1 and s.start_char < qe + 1:
                sents.append(s)
            elif qe < s.start_char <= qe + 3 and s.text[:1].islower():
                # '"... disappear?" the judge asked.': the parser ends the sentence at the
                # question mark; a lower-case sentence right after the quote is its attribution
                sents.append(s)
        # look at tokens outside the quote in the sentences holding its start and end
        cands = []
        for s in sents:
            for t in s:
                if qs <= t.idx < qe:
                    continue
                if (self._reporting_verb(t) or t.lemma_ in {"call", "describe", "term"}) and t.i not in used_verbs:
                    subj = [c for c in t.children if c.dep_ in _SUBJ and not (qs <= c.idx < qe)]
                    if not subj and t.dep_ == "conj":
                        subj = [c for c in t.head.children if c.dep_ in _SUBJ and not (qs <= c.idx < qe)]
                    if subj:
                        dist = min(abs(t.idx - qs), abs(t.idx - qe))
                        cands.append((dist, t, _subjects(subj)))
            # "according to X" next to a quote
            for t in s:
                if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and not (qs <= t.idx < qe):
                    pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                    if pobj:
                        cands.append((abs(t.idx - qe), t, pobj[0]))
        verb_txt = None
        if cands:
            _, verb, subj = min(cands, key=lambda x: x[0])
            used_verbs.add(verb.i)
            speaker, kind, role = self._speaker_from_np(doc, subj, history, qs)
            verb_txt = self._verb_text(doc, verb)
            # a partial quotation inside a reported clause ("said the shutdown was
            # "a blatant attempt ...""): the quote is the whole reported clause
            for c in verb.children:
                if c.dep_ != "ccomp" or c.i < verb.i:
                    continue
                sub = list(c.subtree)
                cs, ce = self._trim(doc, sub[0].i, sub[-1].i + 1)
                if ce <= cs:
                    continue
                c_s, c_e = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
                if c_s < qs - 3 and qs >= c_s and qe <= c_e + 2:
                    return Quote(speaker, kind, role, verb_txt, doc.text[c_s:c_e], False, c_s, c_e)
        else:
            # colon intro in the previous sentence, or continuation of the previous quote
            prev_text = doc.text[max(0, qs - 300):qs].rstrip(" “\"\n")
            speaker = kind = role = None
            prior = [h for h in history if h.end_char <= qs]
            continues = bool(prior) and qs - prior[-1].end_char < 400 and prior[-1].direct and prior[-1].speaker
            found = self._introduced_by(doc, qs, qe, prev_text)
            if found is not None and (found[2] or not continues):
                # a lead-in of its own wins over continuing the quote before
                verb, subj, _ = found
                speaker, kind, role = self._speaker_from_np(doc, subj, history, qs)
                verb_txt = self._verb_text(doc, verb) if verb.pos_ in {"VERB", "AUX"} else None
                used_verbs.add(verb.i)
            elif continues:
                speaker, kind, role, verb_txt = (prior[-1].speaker, prior[-1].speaker_kind,
                                                 prior[-1].speaker_role_or_org, prior[-1].verb)
            if speaker is None:
                return Quote(None, "unnamed", None, None, doc.text[qs:qe], True, qs, qe)
        return Quote(speaker, kind, role, verb_txt, doc.text[qs:qe], True, qs, qe)

    def _introduced_by(self, doc: Doc, qs: int, qe: int, prev_text: str):
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
                if t.lower_ in {"of", "from"} and t.head.lemma_.lower() in _WORDS_OF:
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
            ordered = [t for t in verbs if self._reporting_verb(t)] + verbs
        else:
            # a comma or a full stop: only a reporting verb of the last sentence before the quote
            last = toks[-1].sent if toks else None
            ordered = [t for t in verbs if self._reporting_verb(t) and t.sent == last]
        for t in ordered:
            v = t
            for _ in range(3):  # "he is quick to point out ...", "went on ... saying": the clause it hangs on
                subj = [c for c in v.children if c.dep_ in _SUBJ]
                if subj or v.dep_ not in {"xcomp", "acomp", "conj", "advcl"} or v.head is v:
                    break
                v = v.head
            if subj:
                return t, _subjects(subj), tail in ":,"
        return None

    @staticmethod
    def _verb_text(doc: Doc, verb: Token) -> str:
        if verb.lower_ == "according":
            return "according to"
        parts = [verb.text.lower()]
        for c in verb.children:
            if c.dep_ in {"prt"} or (c.lower_ == "out" and c.i == verb.i + 1):
                parts.append(c.lower_)
        if verb.lemma_ == "call" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "for":
            parts.append("for")
        return " ".join(parts)

    # ------------------------------------------------------------------ indirect
    def _indirect(self, doc: Doc, sent: Span, history, used_verbs, covered):
        out = []
        if any(self._overlaps(sent.start_char, sent.end_char, s, e) and (e - s) > 0.5 * (sent.end_char - sent.start_char)
               for s, e in covered):
            return out
        end_tok = sent.end
        while end_tok > sent.start and (doc[end_tok - 1].is_punct or doc[end_tok - 1].is_space):
            end_tok -= 1
        # according to X
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "to" and t.i not in used_verbs:
                pobj = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                np_end = max(x.i for x in pobj[0].subtree) + 1
                speaker, kind, role = self._speaker_from_np(doc, pobj[0], history, t.idx)
                if speaker is None:
                    continue  # "according to some": no one to attribute it to
                # content: the sentence without the "according to X" phrase
                if t.i - sent.start <= 1:
                    cs, ce = np_end, end_tok
                else:
                    cs, ce = sent.start, t.i
                cs, ce = self._trim(doc, cs, ce)
                if ce > cs:
                    used_verbs.add(t.i)
                    qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
                    out.append(Quote(speaker, kind, role, "according to", doc.text[qs:qe], False, qs, qe))
        for t in sent:
            if t.i in used_verbs or not self._reporting_verb(t) or _not_a_statement(t):
                continue
            subj = [c for c in t.children if c.dep_ in _SUBJ]
            if not subj and (t.dep_ == "conj" or (t.dep_ == "advcl" and t.tag_ == "VBG")) and t.head.pos_ in {"VERB", "AUX"}:
                subj = [c for c in t.head.children if c.dep_ in _SUBJ]
            if not subj and t.tag_ != "VBG":
                subj = self._named_just_before(doc, t)
            if subj and t.tag_ == "VBG" and any(
                    m.kind in {"city", "region"} and m.start_char <= subj[-1].idx < m.end_char
                    for m in doc._.mentions or []):
                continue  # "with users in Lahore, Faisalabad and Multan reporting ...": a parse slip
            if not subj:
                continue
            has_object = any(c.dep_ in {"ccomp", "dobj"} and c.i > t.i for c in t.children)
            if not has_object and (t.dep_ == "parataxis" or (
                    t.dep_ in {"ROOT", "conj"} and subj[0].i > t.i and t.i > sent.start + 2)):
                # "..., residents of Mingora say, but ..." / "..., the district police said."
                cs, ce = self._trim(doc, sent.start, subj[0].left_edge.i)
                after = [x for x in doc[t.right_edge.i + 1:end_tok] if not x.is_punct]
                if len(after) >= 3 and subj[0].pos_ == "PRON":
                    # "Under Section X, he said, the authority must ...": the whole sentence
                    cs, ce = self._trim(doc, sent.start, end_tok)
                if ce - cs >= 3:
                    qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
                    if not any(self._overlaps(qs, qe, a, b) for a, b in covered):
                        speaker, kind, role = self._speaker_from_np(doc, _subjects(subj), history, t.idx)
                        used_verbs.add(t.i)
                        if speaker is None:
                            continue  # "some said ...": reported speech of nobody in particular
                        q = Quote(speaker, kind, role, self._verb_text(doc, t), doc.text[qs:qe], False, qs, qe)
                        out.append(q)
                        covered.append((qs, qe))
                        history.append(q)
                continue
            if t.dep_ in {"amod", "acl", "relcl"} and t.lower_ != "said":
                continue
            lemma = t.lemma_.lower()
            comp = [c for c in t.children if c.dep_ == "ccomp" and c.i != subj[0].i]
            cs = ce = None
            if comp and lemma not in {"call"}:
                c = comp[0]
                sub = list(c.subtree)
                cs, ce = sub[0].i, sub[-1].i + 1
                if ce <= t.i and lemma not in _RECIPIENT_VERBS and any(
                        x.dep_ == "dobj" and x.i > t.i for x in t.children):
                    continue  # "Replies called her a traitor, some shared her address": the verb has its own object
                if cs > t.i and t.dep_ != "relcl":  # a relative clause ends where its noun's clause goes on
                    ce = max(ce, end_tok) if all(not self._reporting_verb(x) for x in doc[ce:end_tok]) else ce
            elif lemma in _NP_CONTENT or (lemma in _CLAUSE_VERBS and any(
                    c.dep_ in {"dobj", "attr", "oprd"} and c.i > t.i and not any(n.dep_ == "nummod" for n in c.children)
                    for c in t.children)):
                # (an object counted in numbers is not something said: "added 133 runs")
                cs = t.i + 1
                while cs < end_tok and (doc[cs].lower_ in _PARTICLES or doc[cs].dep_ == "prt"):
                    cs += 1
                ce = end_tok
                if subj[0].i > t.i:
                    continue
            else:
                continue
            if cs is None or ce is None:
                continue
            sl = subj[0].left_edge.i
            if cs < sl < ce:
                ce = sl
            cs, ce = self._trim(doc, cs, ce)
            if ce - cs < 3:
                continue
            qs, qe = doc[cs].idx, doc[ce - 1].idx + len(doc[ce - 1])
            clash = [(a, b) for a, b in covered if self._overlaps(qs, qe, a, b)]
            if clash:
                # a short direct quote inside the reported clause ("... told Dawn that the
                # premier had directed ... "as soon as possible"") is part of this quote
                inner = [q for q in history if q.direct and qs <= q.start_char and q.end_char <= qe
                         and (q.end_char - q.start_char) < 0.8 * (qe - qs)]
                if len(inner) != len(clash):
                    continue
                for q in inner:
                    history.remove(q)
                    covered.remove((q.start_char, q.end_char))
            speaker, kind, role = self._speaker_from_np(doc, _subjects(subj), history, t.idx)
            used_verbs.add(t.i)
            if speaker is None:
                continue
            q = Quote(speaker, kind, role, self._verb_text(doc, t), doc.text[qs:qe], False, qs, qe)
            out.append(q)
            covered.append((qs, qe))
            history.append(q)  # lets pronouns in the next sentences resolve
        for q in out:
            if q in history:
                history.remove(q)
        return out

    @staticmethod
    def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
        while s < e and (doc[s].is_punct or doc[s].is_space or doc[s].lower_ in {"that"} and doc[s].dep_ == "mark"):
            s += 1
        # "said it supported X but warned ...": the clause ends before the conjunction
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"):
            e -= 1
        return s, e

    # ------------------------------------------------------------------ posts and statements
    def _signature_blocks(self, doc: Doc) -> list[tuple[int, int]]:
        out = []
        for m in _SIGNATURE.finditer(doc.text):
            s, _ = self._block_before(doc.text, m.start())
            out.append((s, m.end()))
        return out

    @staticmethod
    def _block_before(text: str, pos: int) -> tuple[int, int]:
        """The paragraph just before ``pos`` (skipping blank lines)."""
        e = pos
        while e > 0 and text[e - 1] in "\n \t":
            e -= 1
        s = text.rfind("\n", 0, e)
        s = 0 if s < 0 else s + 1
        return s, e

    def _signed_post(self, doc: Doc, m: re.Match, history):
        text = doc.text
        qs, qe = self._block_before(text, m.start())
        if qe <= qs:
            return None
        name = m.group(1).strip()
        speaker, kind, role = name, "person", None
        if self.orgs is not None and self.orgs.lookup(name):
            kind = "org"
        else:
            span = doc.char_span(m.start(1), m.start(1) + len(m.group(1).rstrip()), alignment_mode="expand")
            if span is not None and not any(e.label_ == "PERSON" for e in span.ents) and any(
                    e.label_ in {"ORG", "PK_ORG"} for e in span.ents):
                kind = "org"
        # a heading line just above the post names whose statement it is
        hs, he = self._block_before(text, qs)
        heading = text[hs:he]
        hm = _HEADING.match(heading)
        if hm:
            g = 1 if hm.group(1) else 2
            hspan = doc.char_span(hs + hm.start(g), hs + hm.end(g), alignment_mode="expand")
            if hspan is not None:
                pers = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= hspan.start and e.end <= hspan.end]
                if pers:
                    p = pers[-1]
                    role_txt = doc[hspan.start:p.start].text.strip() or None
                    speaker, kind, role = clean_name(p.text), "person", role_txt
                else:
                    speaker, kind, role = hm.group(g).strip(), kind, None
        return Quote(speaker, kind, role, "tweeted", text[qs:qe].rstrip("…. "), True, qs, qs + len(text[qs:qe].rstrip("…. ")))

    def _heading_statement(self, doc: Doc, m: re.Match, history):
        text = doc.text
        # the paragraph after the heading, unless a signature follows (handled there)
        s = m.end()
        while s < len(text) and text[s] in "\n \t":
            s += 1
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        if s >= e:
            return None
        if _SIGNATURE.match(text, e + 1) or _SIGNATURE.search(text[e: e + 300]):
            return None
        g = 1 if m.group(1) else 2
        hspan = doc.char_span(m.start(g), m.end(g), alignment_mode="expand")
        speaker, kind, role = m.group(g).strip(), "person", None
        if hspan is not None:
            pers = [x for x in doc.ents if x.label_ == "PERSON" and x.start >= hspan.start and x.end <= hspan.end]
            orgs = [x for x in doc.ents if x.label_ in {"ORG", "PK_ORG"} and x.start >= hspan.start and x.end <= hspan.end]
            if pers:
                p = pers[-1]
                speaker, kind, role = clean_name(p.text), "person", doc[hspan.start:p.start].text.strip() or None
            elif orgs:
                speaker, kind = clean_name(orgs[0].text), "org"
        quote = text[s:e].strip()
        return Quote(speaker, kind, role, "statement", quote, True, s, s + len(quote))
