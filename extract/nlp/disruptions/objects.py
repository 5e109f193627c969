"""Triggers and what they cut: a trigger word (verb, noun or adjective) and the
service its arguments name, read from the dependency parse.

A trigger counts only when its object (active verbs), subject (passives, "X remained
inaccessible", "X faced disruption") or noun complement ("ban on X", "internet
shutdown") names a service: a platform mention, a network ("mobile internet",
"cellular service"), a website or an app. Anything else is not a disruption ("PTA
blocked 1,000 SIMs", "a road was blocked", "electricity cut off", "a suspended police
officer"). A bare noun ("the blockade", "the outage") or a word standing for a service
("it", "the platform", "services were restored") is anaphoric: it takes what was cut
from the statement before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..kinds import DisruptionKind, Network
from ..types import Mention
from . import words as w

_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "mark", "parataxis"}
_ARG_PREPS = {"of", "on", "to", "against", "in", "for", "over", "like", "including", "as"}
_LIST_WORDS = {",", "and", "or", "&", "/"}
_NOUNISH = {"NOUN", "PROPN", "NUM"}


class MentionIndex:
    """The doc's mentions by token: what a token is part of."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)

    def kind_at(self, i: int) -> str | None:
        m = self.by_token.get(i)
        return None if m is None else m.kind

    def in_span(self, tokens, kinds: tuple[str, ...]) -> list[Mention]:
        """Mentions of ``kinds`` touching ``tokens``, once each, in text order."""
        seen: dict[int, Mention] = {}
        for t in tokens:
            m = self.by_token.get(t.i)
            if m is not None and m.kind in kinds:
                seen.setdefault(m.start_char, m)
        return [seen[k] for k in sorted(seen)]


@dataclass
class Cut:
    """What a trigger's arguments name."""

    platforms: list[str] = field(default_factory=list)
    networks: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)  # social, website, app, mobile-operator, fixed-operator
    sites: set[str] = field(default_factory=set)  # platforms that are websites (a domain, a reference site)
    apps: set[str] = field(default_factory=set)  # platforms that are apps (games, dating)
    anaphoric: bool = False
    pronoun: bool = False  # the anaphor is a pronoun ("it", "them"): it reaches only a few sentences back
    consumed: set[int] = field(default_factory=set)  # inner trigger tokens ("lift the ban")
    nouns: bool = False  # some argument is a noun that is not a service

    @property
    def concrete(self) -> bool:
        return bool(self.platforms or self.networks or self.flags - {"app"})

    def add(self, other: Cut) -> None:
        self.platforms += [p for p in other.platforms if p not in self.platforms]
        self.networks += [n for n in other.networks if n not in self.networks]
        self.flags |= other.flags
        self.sites |= other.sites
        self.apps |= other.apps
        self.anaphoric |= other.anaphoric
        self.pronoun |= other.pronoun
        self.consumed |= other.consumed
        self.nouns |= other.nouns


# -- triggers ------------------------------------------------------------------------

def _particles(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "acomp", "oprd", "prep")}


def _idiom_object(tok: Token) -> Token | None:
    """The noun of the verb's idiom among its object and prepositions' objects ("pulled
    the plug", "put on hold"), or None."""
    noun, _ = w.IDIOMS[tok.lemma_.lower()]
    args = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    args += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return next((a for a in args if a.lemma_.lower() == noun), None)


def access_failed(tok: Token) -> bool:
    """"unable to access X", "failed to load", "X was not working", "could not open"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "difficulties in loading X"
    return tok.dep_ in ("xcomp", "acl", "pcomp", "advcl") and head.lemma_.lower() in w.ACCESS_FAILURE


def available_again(tok: Token) -> bool:
    """"became accessible", "was available again", "came back online": a change back."""
    if tok.dep_ not in ("acomp", "oprd", "xcomp", "advmod", "attr"):
        return False
    near = (*tok.children, *tok.head.children)
    if any(c.lower_ in w.AGAIN and c.i != tok.i for c in near):
        return True
    return tok.lower_ in w.AVAILABLE and tok.head.lemma_.lower() in w.BECOME


def trigger_role(tok: Token) -> str | None:
    """CUT, SLOW or BACK when ``tok`` is a trigger word, else None."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP"):
        if lemma in w.VERB_TRIGGERS:
            need = w.NEEDS_PARTICLE.get(lemma)
            if need and not (need & _particles(tok)):
                return w.BACK if w.BACK_PARTICLES.get(lemma) in _particles(tok) else None
            return w.VERB_TRIGGERS[lemma]
        if lemma in w.IDIOMS and _idiom_object(tok) is not None:
            return w.IDIOMS[lemma][1]
        if lemma in w.ACCESS_VERBS and access_failed(tok):
            return w.CUT
        if lemma in w.SPEED_VERBS and any(c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in w.SPEED_HEADS
                                          or c.dep_ == "prep" and any(g.lemma_.lower() in w.SPEED_HEADS
                                                                     for g in c.children if g.dep_ == "pobj")
                                          for c in tok.children):
            return w.SLOW  # "speeds had fallen", "crawling internet speeds", "crawling at 2G speeds"
    if tok.pos_ in ("NOUN", "PROPN"):
        key = w.NOUN_SPELLINGS.get(low, lemma)
        if key in w.NOUN_TRIGGERS:
            return w.NOUN_TRIGGERS[key]
        if low in w.NOUN_TRIGGERS:
            return w.NOUN_TRIGGERS[low]
    if (low in w.AVAILABLE or low in w.AVAILABLE_AGAIN_ONLY) and available_again(tok):
        return w.BACK
    predicate = any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "cop") for c in tok.children)
    if low in w.ADJ_TRIGGERS and (predicate or tok.dep_ in ("acomp", "oprd", "amod", "attr", "advmod", "xcomp",
                                                            "conj")):
        if tok.dep_ == "advmod" and tok.head.lemma_ not in w.MANNER_HEADS or tok.dep_ == "amod" and low in w.PREDICATIVE_ONLY:
            return None
        return w.ADJ_TRIGGERS[low]
    return None


# -- arguments ---------------------------------------------------------------------------

def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "conj", "advcl")
        and not any(c.dep_ == "nsubj" for c in tok.children))


def subject_of(tok: Token, depth: int = 0) -> list[Token]:
    """The subject of ``tok``'s clause: its own, a (mis-attached) auxiliary's, or, for a
    complement of a copula or of "remain", "continue" ("X remained blocked"), the head's;
    a conjoined verb shares its head's ("X was blocked and later restored")."""
    for t in [tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))]:
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs:
            return subs
    if depth < 3 and tok.head.i != tok.i and (
        tok.dep_ in ("acomp", "oprd", "attr", "advmod", "prt", "conj")
        or (tok.dep_ == "xcomp" and tok.head.lemma_ in (*w.ONGOING, *w.ACCESS_FAILURE, "be", "become", "get", "go"))
    ):
        return subject_of(tok.head, depth + 1)
    return []


def arguments(tok: Token) -> list[Token]:
    """The tokens that say what the trigger ``tok`` cuts."""
    if tok.pos_ in ("NOUN", "PROPN") and trigger_role(tok) is not None:
        if tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in w.GENERIC_VERBS:
            return []  # "tracks internet outages around the world"
        if tok.dep_ == "compound":
            return []  # "shutdown orders", "suspension notification": about the papers
        args = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod", "poss", "npadvmod")]
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in _ARG_PREPS]
        if tok.dep_ in ("dobj", "attr") and tok.right_edge.i + 1 < len(tok.doc):
            # a preposition right after the noun that the parser hung on its verb: "show a
            # nation-scale disruption to internet connectivity"
            nxt = tok.doc[tok.right_edge.i + 1]
            if nxt.dep_ == "prep" and nxt.head.i == tok.head.i and nxt.lower_ in ("to", "of", "on"):
                preps.append(nxt)
        for prep in preps:
            args += [c for c in prep.children if c.dep_ == "pobj"]
        head = tok.head
        if tok.dep_ in ("dobj", "attr", "pobj") and head.lemma_.lower() in w.SUFFER:
            args += subject_of(head)  # "X faced disruption", "users experienced outages"
        elif tok.dep_ == "pobj" and head.head.lemma_.lower() in w.SUFFER:
            args += subject_of(head.head)  # "X came under a blockade"
        elif tok.dep_ == "nsubj" and head.lemma_.lower() in w.SUFFER:
            args += [c for c in head.children if c.dep_ == "dobj"]  # "the outage hit X"
        return args
    if (tok.dep_ == "amod" or tok.dep_ == "acl" and tok.tag_ == "VBN") and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]  # "the suspended service", "services suspended in Quetta"
    idiom_noun = w.IDIOMS.get(tok.lemma_.lower(), (None,))[0]
    if idiom_noun and tok.pos_ in ("VERB", "AUX"):
        idiom = _idiom_object(tok)
        if idiom is not None and idiom.dep_ in ("dobj", "obj"):
            # "pulled the plug on X": what was cut is the object of "on"
            return [g for h in (tok, idiom) for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                    for g in c.children if g.dep_ == "pobj"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() != idiom_noun]
    if objs and not _is_passive(tok):
        return objs
    if not objs and not _is_passive(tok) and tok.lemma_.lower() in w.TRANSITIVE_ONLY and any(
            c.dep_ == "nsubj" for c in tok.children):
        return []  # its subject did the cutting
    return subject_of(tok) or objs


def _phrase(tok: Token) -> list[Token]:
    """``tok`` and its noun-phrase dependents (conjuncts included), without clauses."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in _CLAUSE_DEPS:
            out += _phrase(c)
    return out


def _blank(text: str, pattern) -> tuple[str, bool]:
    new = pattern.sub(lambda m: " " * len(m.group()), text)
    return new, new != text


class CutReader:
    """Reads what the arguments of a trigger name."""

    def __init__(self, index: MentionIndex, platform_categories: dict[str, str]) -> None:
        self.index = index
        self.categories = platform_categories

    def of_trigger(self, tok: Token, seen: frozenset[int] = frozenset()) -> Cut:
        cut = Cut()
        if tok.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("compound", "nmod", "amod") and c.lemma_.lower() in w.NOT_SERVICES for c in tok.children):
            cut.nouns = True  # "power outage", "traffic disruption"
            return cut
        seen = seen | {tok.i}
        for arg in arguments(tok):
            for t in [arg, *arg.conjuncts]:
                if t.i not in seen:
                    cut.add(self._of_token(t, seen))
        return cut

    def _of_token(self, t: Token, seen: frozenset[int]) -> Cut:
        cut = Cut()
        lemma = t.lemma_.lower()
        if len(seen) < 4 and t.pos_ in ("NOUN", "PROPN") and trigger_role(t) is not None:
            inner = self.of_trigger(t, seen)  # "lifted the ban on X"
            inner.consumed.add(t.i)
            if not inner.concrete and not inner.nouns:
                inner.anaphoric = True
            return inner
        if t.pos_ == "PRON" or (t.dep_ == "poss" and self.index.kind_at(t.i) in ("org", "person")):
            cut.anaphoric = cut.pronoun = t.lower_ in w.ANAPHORS
            return cut
        neutral = lemma in w.NEUTRAL_NOUNS or t.lower_ in w.NEUTRAL_NOUNS
        is_service = (self.index.kind_at(t.i) == "platform" or lemma in w.SERVICE_HEADS or t.lower_ in w.SERVICE_HEADS
                      or bool(w.DOMAIN.fullmatch(t.lower_)))  # a site by its address: "block DawaiGhar.pk"
        if not (is_service or neutral):
            if t.pos_ in _NOUNISH and self.index.kind_at(t.i) not in ("city", "region", "date"):
                cut.nouns = True
            return cut
        names = self._app_names(t)
        phrase = sorted(set(_phrase(t)) | set(self._platform_list(t)) | {n for g in names for n in g},
                        key=lambda x: x.i)
        cut = self.read(phrase)
        for group in names:
            unknown = [n for n in group if self.index.kind_at(n.i) != "platform"]
            if unknown:  # an app the platform list does not know, by its name as written
                name = " ".join(n.text for n in unknown)
                cut.platforms.append(name)
                cut.apps.add(name)
        if lemma in w.SPEED_HEADS:
            cut.flags.add("speed")
            if not (cut.platforms or cut.networks):
                cut.networks.append(Network.INTERNET)  # "speeds had fallen": of the internet
        if not cut.concrete and self._other_service(t):
            cut.nouns = True  # "metro bus service", "internet banking services", "train services"
            return cut
        indefinite = any(c.lower_ in w.INDEFINITE for c in t.children if c.dep_ in ("det", "amod", "predet")) or (
            t.tag_ == "NNS" and lemma in w.GENERIC_PLURALS and not any(c.dep_ in ("det", "poss") for c in t.children))
        if not cut.concrete and any(p.pos_ in _NOUNISH and p.lemma_.lower() not in w.SERVICE_HEADS
                                    and self.index.kind_at(p.i) is None
                                    for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "of")
                                    for p in c.children if p.dep_ == "pobj"):
            cut.nouns = True  # "access to information"
            return cut
        if not cut.concrete and (lemma in w.ANAPHORS or t.lower_ in w.ANAPHORS) and not indefinite:
            cut.anaphoric = True
        elif not (cut.platforms or cut.networks) and lemma in w.ANAPHORS and any(
                c.dep_ == "det" and c.lower_ in w.DEFINITE for c in t.children):
            cut.anaphoric = True  # "the site", "the app": a kind, and the one named before
        if not cut.concrete and not cut.anaphoric and not neutral and not indefinite:
            cut.nouns = True
        return cut

    def _other_service(self, t: Token) -> bool:
        """A service of another kind: a noun modifier that is no telecom word ("metro bus
        service"; a "video app" or "dating site" stays an app or a site)."""
        if t.lemma_.lower() not in ("service", "facility", "line", "network", "system", "connection"):
            return False
        for c in t.children:
            if c.dep_ in ("compound", "nmod") and c.pos_ in _NOUNISH and self.index.kind_at(c.i) is None:
                word = c.lemma_.lower()
                if word not in w.SERVICE_HEADS and word not in w.NEUTRAL_NOUNS and c.lower_ not in w.SERVICE_HEADS:
                    return True
        return False

    @staticmethod
    def _app_names(t: Token) -> list[list[Token]]:
        """The proper nouns that name apps or games beside their noun, however it parsed
        ("the online game Free Fire", "the Bigo Live app"), or listed after it ("apps,
        including Tinder, Grindr and Skout"), one token group per name."""
        if t.lemma_.lower() not in w.APP_NOUNS:
            return []
        doc, run = t.doc, []
        i = t.i + 1
        while i < t.sent.end and doc[i].pos_ == "PROPN":
            run.append(doc[i])
            i += 1
        if not run:
            i = t.i - 1
            while i >= t.sent.start and doc[i].pos_ == "PROPN" and doc[i].head.i in (t.i, i + 1):
                run.insert(0, doc[i])
                i -= 1
        out = [run] if run else []
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("including", "like", "as")):
            for item in (p for o in prep.children if o.dep_ == "pobj" for p in (o, *o.conjuncts)):
                if item.pos_ == "PROPN":
                    out.append(sorted([item, *(c for c in item.children if c.dep_ == "compound")], key=lambda x: x.i))
        return out

    def _platform_list(self, t: Token) -> list[Token]:
        """The list a platform stands in, when the parse split it: "platforms such as X
        (formerly Twitter), Facebook, Instagram, and YouTube faced ..." with only
        "YouTube" as the subject."""
        if self.index.kind_at(t.i) != "platform":
            return []
        doc, out = t.doc, []
        i = t.i - 1
        while i >= t.sent.start:
            tok = doc[i]
            if tok.text == ")":  # "(formerly Twitter)"
                while i > t.sent.start and doc[i].text != "(":
                    i -= 1
            elif not (tok.text in _LIST_WORDS or self.index.kind_at(i) == "platform"):
                break
            out.append(doc[i])
            i -= 1
        return out

    def read(self, tokens: list[Token]) -> Cut:
        """Platforms and networks named by ``tokens`` (one phrase)."""
        cut = Cut()
        for m in self.index.in_span(tokens, ("platform",)):
            category = (m.attrs or {}).get("category") or self.categories.get(m.value, "")
            if category == "operator":
                cut.flags.add("mobile-operator" if m.value in w.MOBILE_OPERATORS else "fixed-operator")
            elif category == "network":
                continue  # "mobile internet", "broadband": read from the words below
            else:
                if m.value not in cut.platforms:
                    cut.platforms.append(m.value)
                if category in w.WEBSITE_CATEGORIES:
                    cut.sites.add(m.value)
                elif category in w.APP_CATEGORIES or m.value in w.APP_PLATFORMS:
                    cut.apps.add(m.value)
        text = "".join(t.lower_ + (t.whitespace_ if i + 1 < len(tokens) and tokens[i + 1].i == t.i + 1 else " ")
                       for i, t in enumerate(tokens))
        text, _ = _blank(text, w.OTHER_SERVICES)
        for pattern, networks in w.NETWORK_PATTERNS:
            text, hit = _blank(text, pattern)
            if hit:
                cut.networks += [n for n in networks if n not in cut.networks]
        if w.ALL_INTERNET.search(text):
            cut.networks.insert(0, Network.INTERNET)
        if w.SOCIAL_MEDIA.search(text):
            cut.flags.add("social")
        for d in w.DOMAIN.findall(text):
            cut.sites.add(d)
            if d not in cut.platforms:
                cut.platforms.append(d)
        if w.WEBSITE.search(text):
            cut.flags.add("website")
        if w.APP.search(text):
            cut.flags.add("app")
        return cut


def kind_of(cut: Cut, role: str) -> str | None:
    """The kind of disruption: the widest thing cut wins (the whole internet over mobile
    service over mobile data over a platform)."""
    if role == w.SLOW or "speed" in cut.flags:
        return DisruptionKind.THROTTLING
    nets = set(cut.networks)
    if Network.INTERNET in nets:
        return DisruptionKind.NETWORK_SHUTDOWN
    if Network.MOBILE_DATA in nets and nets & {Network.BROADBAND, Network.FIXED_LINE}:
        return DisruptionKind.NETWORK_SHUTDOWN  # fixed and mobile: all of it
    if nets & {Network.MOBILE_VOICE, Network.SMS} or "mobile-operator" in cut.flags:
        return DisruptionKind.MOBILE_NETWORK
    if Network.MOBILE_DATA in nets:
        return DisruptionKind.MOBILE_DATA
    if nets & {Network.BROADBAND, Network.FIXED_LINE} or "fixed-operator" in cut.flags:
        return DisruptionKind.NETWORK_SHUTDOWN
    platforms = set(cut.platforms)
    if platforms and platforms <= cut.sites:
        return DisruptionKind.WEBSITE_BLOCK
    if platforms and platforms <= cut.apps or not platforms and "app" in cut.flags and "social" not in cut.flags:
        return DisruptionKind.APP_BAN
    if platforms or "social" in cut.flags:
        return DisruptionKind.PLATFORM_BLOCK
    if "website" in cut.flags:
        return DisruptionKind.WEBSITE_BLOCK
    return None
