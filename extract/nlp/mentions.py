"""Candidate merging (before the NER) and the final mention list (after it).

pk_mentions owns ``doc._.mentions``: later components add to it only through
:func:`add_person` (which keeps the list free of overlaps and in text order).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..constants import WEEKDAY_NAMES
from .common import CANDIDATES, add_candidate, ensure_extensions, span_info
from .kinds import LABEL_KIND, EntityKind
from .types import Mention

_TITLES = {"late", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof.", "professor", "sir",
           "justice", "senator", "minister", "president", "chief", "caretaker", "premier", "advocate",
           "barrister", "sheikh", "syed", "maulana", "general", "gen", "gen.", "lt", "major", "col", "colonel"}
_ORG_STOP = {"ISP", "ISPs", "SIM", "SIMs", "SMS", "IT", "AI", "CEO", "GDP", "Photo", "Share", "Web Desk", "Desk",
             "4G", "3G", "5G", "VPN", "VPNs", "URL", "URLs", "IP"}
_LAW_WORDS = {"Act", "Ordinance", "Bill", "Rules", "Code", "Constitution", "Amendment", "Regulations", "Law"}
_ACRONYM_DEF = re.compile(
    r"\b((?:[A-Z][\w&’'.-]*|of|for|and|the|on|in|&)(?:\s+(?:[A-Z][\w&’'.-]*|of|for|and|the|on|in|&))*)\s+\(([A-Z][A-Za-z&@-]{1,9})\)"
)


_HYPHEN_NAME = re.compile(
    r"\b[A-Z][a-z]+-(?:ul|ur|un|ud|uz|us|ut|e|i|al|el|ad|ash)-[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
)
_ROLE_NOUNS = {"chairperson", "chairman", "chairwoman", "president", "director", "minister", "spokesperson",
               "spokesman", "spokeswoman", "founder", "co-founder", "chief", "lawyer", "advocate", "activist",
               "journalist", "secretary", "leader", "head", "ceo", "senator", "adviser", "advisor", "analyst",
               "researcher", "commissioner", "justice", "judge", "captain", "coordinator", "officer", "member",
               "manager", "editor", "reporter", "professor", "expert", "executive", "premier",
               # occupations written before a name ("Singer Ali Azmat", "Ambassador Maleeha Lodhi")
               "singer", "actor", "actress", "ambassador", "envoy", "coach", "cricketer", "skipper", "governor",
               "mayor", "anchor", "producer", "poet", "artist", "musician", "diplomat"}
_ORG_WORDS = {"Authority", "Ministry", "Association", "Council", "Foundation", "Commission", "Party", "Court",
              "Bank", "Agency", "Institute", "Department", "Company", "Limited", "Ltd", "Group", "Network",
              "Union", "Committee", "Board", "Center", "Centre", "University", "Club", "Forum", "Society",
              "League", "Movement", "Office", "Organisation", "Organization", "Bureau", "Corporation", "Trust",
              "Federation", "Assembly", "Senate", "Police", "Army", "Government", "International", "Watch"}
_ROLE_WORDS = _ROLE_NOUNS | {"rights", "digital", "former", "interior", "federal", "provincial", "caretaker",
                             "prime", "local", "senior", "deputy", "state", "information", "law", "it",
                             "attorney", "additional", "general", "inspector", "assistant", "vice", "acting",
                             "petitioner", "plaintiff", "respondent", "counsel", "complainant", "trader", "shopkeeper"}


@Language.factory("pk_name_rules", default_config={}, assigns=["doc.spans", "doc._.pk_info"])
def make_name_rules(nlp: Language, name: str) -> "NameRules":
    return NameRules(name)


class NameRules:
    """Hyphenated South Asian names ("Anwaar-ul-Haq Kakar") the small model splits."""

    def __init__(self, name: str) -> None:
        ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for m in _HYPHEN_NAME.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="PERSON", alignment_mode="contract")
            if span is not None and len(span):
                add_candidate(doc, span, None, {}, priority=0)
        return doc


@Language.factory("pk_merge_candidates", default_config={}, requires=["doc.spans", "doc._.pk_info"],
                  assigns=["doc.ents", "token.ent_iob", "token.ent_type"])
def make_merge(nlp: Language, name: str) -> "MergeCandidates":
    return MergeCandidates(name)


class MergeCandidates:
    """Pick non-overlapping rule candidates (longest first, then priority) and set
    them as doc.ents, so the statistical NER only labels what is left."""

    def __init__(self, name: str) -> None:
        ensure_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(CANDIDATES)
        if not group:
            return doc
        cands = list(group)

        def key(s: Span):
            inf = span_info(doc, s) or {}
            return (-(s.end_char - s.start_char), -inf.get("priority", 0), s.start)

        taken: set[int] = set()
        chosen = []
        for s in sorted(cands, key=key):
            if any(i in taken for i in range(s.start, s.end)):
                continue
            chosen.append(s)
            taken.update(range(s.start, s.end))
        existing = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(existing + chosen, key=lambda s: s.start)
        return doc


@Language.factory("pk_mentions", default_config={"keep_model_orgs": True, "keep_persons": True},
                  requires=["doc.ents", "doc._.pk_info"], assigns=["doc._.mentions"])
def make_mentions(nlp: Language, name: str, keep_model_orgs: bool, keep_persons: bool) -> "MentionCollector":
    return MentionCollector(nlp, name, keep_model_orgs, keep_persons)


def clean_name(text: str) -> str:
    t = re.sub(r"\s+", " ", text.strip())
    t = re.sub(r"^(?:the|The)\s+", "", t)
    t = re.sub(r"['’]s?$", "", t).strip()
    return t



def add_person(doc: Doc, start_char: int, end_char: int) -> None:
    """A person a later component found (a speaker's name the model missed) joins the
    mentions as written, unless it overlaps a mention already there: the list stays free
    of overlaps and in text order."""
    mentions = doc._.mentions
    if mentions is None or any(m.start_char < end_char and start_char < m.end_char for m in mentions):
        return
    name = doc.text[start_char:end_char]
    mentions.append(Mention(EntityKind.PERSON, name, name, start_char, end_char, {}))
    mentions.sort(key=lambda m: m.start_char)


class MentionCollector:
    def __init__(self, nlp: Language, name: str, keep_model_orgs: bool = True, keep_persons: bool = True) -> None:
        ensure_extensions()
        self.name = name
        self.keep_model_orgs = keep_model_orgs
        self.keep_persons = keep_persons
        self.orgs = nlp.get_pipe("pk_orgs").table if "pk_orgs" in nlp.pipe_names else None
        self.places = nlp.get_pipe("pk_places").gaz if "pk_places" in nlp.pipe_names else None
        self.platform_words = set()
        if "pk_platforms" in nlp.pipe_names:
            self.platform_words = {k.lower() for k in nlp.get_pipe("pk_platforms").meta}
            self.platform_words |= {"twitter", "whatsapp", "youtube", "tiktok", "vpn", "gmail"}

    def _acronyms(self, doc: Doc) -> dict[str, str]:
        """Acronyms defined in the text: "Pakistan Federal Union of Journalists (PFUJ)"."""
        found = {}
        for m in _ACRONYM_DEF.finditer(doc.text):
            toks, acr = m.group(1).split(), m.group(2)
            letters = re.sub(r"[^A-Za-z]", "", acr).upper()
            best = None
            for i in range(len(toks)):
                if not toks[i][0].isupper() or toks[i] in {"The"}:
                    continue
                initials = "".join(w[0] for w in toks[i:] if w[0].isupper()).upper()
                if initials == letters or (len(initials) >= 2 and initials[0] == letters[0] and len(toks) - i >= 2):
                    best = " ".join(toks[i:])
                    break
            if best:
                found[acr] = clean_name(best)
        return found

    def __call__(self, doc: Doc) -> Doc:
        """The final mentions, in text order: the resolved rule spans (an unresolved date
        span is vague, not a mention), and the model's people (titles stripped; a surname
        or first name alone gets the full name the article used) and organisations (names
        ending in an organisation word, acronyms the text defines linked to full names)."""
        mentions: list[Mention] = []
        pub = doc._.published_at
        acr = self._acronyms(doc)
        persons: list[Mention] = []
        for ent in doc.ents:
            label = ent.label_
            if label in LABEL_KIND:
                inf = span_info(doc, ent)
                if inf is None:
                    continue
                if label == EntityKind.DATE.label and "granularity" not in inf["attrs"]:
                    continue  # unresolved rule span (vague)
                if label == EntityKind.DATE.label and inf["value"] is None and pub is not None:
                    continue
                attrs = dict(inf["attrs"])
                value = inf["value"]
                if label == EntityKind.ORG.label and ent.text in acr and attrs.get("acronym") is None:
                    attrs["acronym"] = ent.text
                mentions.append(Mention(LABEL_KIND[label], ent.text, value, ent.start_char, ent.end_char, attrs))
            elif label == "PERSON" and ent[-1].text in _ORG_WORDS and self.keep_model_orgs:
                m = self._org(ent, acr)  # "Punjab IT Board": the model's PERSON ending in an org word
                if m is not None:
                    mentions.append(m)
            elif label == "PERSON" and self.keep_persons:
                m = self._person(self._extend_left(ent))
                if m is not None:
                    mentions.append(m)
                    persons.append(m)
            elif label == "ORG" and self._org_is_person(ent):
                m = self._person(ent)
                if m is not None:
                    mentions.append(m)
                    persons.append(m)
            elif label == "ORG" and self.keep_model_orgs:
                m = self._org(ent, acr)
                if m is not None:
                    mentions.append(m)
        # surname-only and first-name-only person mentions -> the full name used in the article
        fulls = [p for p in persons if " " in p.value]
        for p in persons:
            if " " not in p.value:
                for f in fulls:
                    parts = f.value.split()
                    if p.value == parts[-1] or p.value == parts[0]:
                        p.value = f.value
                        break
        # model orgs named by a defined acronym
        mentions.sort(key=lambda m: m.start_char)
        doc._.mentions = mentions
        return doc

    @staticmethod
    def _org_is_person(ent: Span) -> bool:
        """The model often labels a name after a role noun as ORG:
        "... chairperson Asad Iqbal Butt said"."""
        if ent.start == 0 or not (2 <= len(ent) <= 4):
            return False
        prev = ent.doc[ent.start - 1]
        if prev.lower_ not in _ROLE_NOUNS:
            return False
        return all(t.is_title and t.pos_ == "PROPN" and t.text not in _ORG_WORDS for t in ent)

    @staticmethod
    def _extend_left(ent: Span) -> Span:
        """"Minister of State for IT Shaza Fatima Khawaja": the model may keep only
        the last part; take the title-case proper nouns just before it."""
        doc = ent.doc
        s = ent.start
        while s > 0 and not doc[s].is_sent_start:
            t = doc[s - 1]
            if t.ent_type_ or not t.is_title or t.pos_ != "PROPN" or t.lower_ in _ROLE_WORDS:
                break
            s -= 1
        return ent if s == ent.start else Span(doc, s, ent.end, label=ent.label_)

    def _person(self, ent: Span) -> Mention | None:
        text = ent.text
        if any(c.isdigit() for c in text) or "@" in text or "#" in text or "\n" in text:
            return None
        if any(t.is_sent_start for t in ent[1:]):
            return None
        toks = [t for t in ent if not t.is_punct or t.text in {"-", "."}]
        words = [t.text for t in toks]
        while words and (words[0].lower() in _TITLES or words[0].lower() in _ROLE_WORDS
                         or words[0].lower() in WEEKDAY_NAMES):  # the model takes "Sunday" into "Sunday Ghani"
            words = words[1:]
        value = clean_name(" ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-"))
        if not value or not value[0].isupper():
            return None
        if value.lower() in self.platform_words:
            return None
        if self.orgs is not None and self.orgs.lookup(value):
            return None
        if self.places is not None and value in self.places.pk:
            return None
        return Mention(EntityKind.PERSON, text, value, ent.start_char, ent.end_char, {})

    def _org(self, ent: Span, acr: dict[str, str]) -> Mention | None:
        text = clean_name(ent.text)
        if not text or not text[0].isupper() or len(text) < 2 or "\n" in text:
            return None
        if self.orgs is not None and text in self.orgs.not_orgs:
            return None
        if ent[-1].text in _LAW_WORDS:
            return None  # laws ("Prevention of Electronic Crimes Act") are not organisations
        if any(t.is_sent_start for t in ent[1:]):
            return None
        if text.lower() in self.platform_words or text == "X" or text in _ORG_STOP:
            return None
        if len(ent) == 1 and ent[0].is_sent_start and not ent[0].is_upper:
            return None
        if len(ent) == 1 and ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in _ROLE_NOUNS:
            return None  # "Finance Minister ...", "Information Secretary ...": a role, not an org
        if self.places is not None and (text in self.places.pk):
            return None
        if self.orgs is not None:
            rec = self.orgs.lookup(text)
            if rec is not None:
                return Mention(EntityKind.ORG, ent.text, rec["value"], ent.start_char, ent.end_char, dict(rec["attrs"]))
        attrs = {"full_name": None, "acronym": None, "org_type": None}
        if text in acr:
            attrs["full_name"] = acr[text]
            attrs["acronym"] = text
            return Mention(EntityKind.ORG, ent.text, acr[text], ent.start_char, ent.end_char, attrs)
        return Mention(EntityKind.ORG, ent.text, text, ent.start_char, ent.end_char, attrs)
