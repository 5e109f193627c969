"""The pk_disruptions component: disruption statements, sentence by sentence, in
text order."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..common import ensure_extensions
from ..dates import base_date
from ..kinds import DisruptionStatus
from ..types import Disruption
from . import attach
from . import words as w
from .objects import Cut, CutReader, MentionIndex, kind_of, subject_of, trigger_role
from .status import status_of

# a pronoun ("it", "them") takes what was cut from a statement at most this many sentences back
PRONOUN_REACH = 2


def ensure_disruption_extension() -> None:
    ensure_extensions()
    if not Doc.has_extension("disruptions"):
        Doc.set_extension("disruptions", default=None)


ensure_disruption_extension()


@Language.factory("pk_disruptions", default_config={},
                  requires=["doc._.mentions", "token.dep", "token.lemma"], assigns=["doc._.disruptions"])
def make_disruptions(nlp: Language, name: str) -> "DisruptionStatements":
    return DisruptionStatements(nlp, name)


@dataclass(eq=False)
class _Candidate:
    trigger: Token
    role: str
    cut: Cut
    head: Token = None  # the clause's verb
    kind: str | None = None
    status: str | None = None
    bare: bool = False  # a noun trigger without any argument ("the blockade")
    inherited: bool = False
    source: "_Candidate | None" = None  # the candidate it took what was cut from


def _trigger_text(tok: Token) -> str:
    """The trigger as written, with its particle when it follows ("shut down")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.dep_ == "prt" and nxt.head.i == tok.i:
        return tok.doc[tok.i:tok.i + 2].text
    return tok.text


def _generic_plural(tok: Token, index: MentionIndex) -> bool:
    """A plural trigger noun that speaks of such cuts in general, not of one: no
    determiner, number or date of its own, and a habit ("suspensions had often
    extended"), a past in general ("users affected in past suspensions") or a topic
    ("communication about internet restrictions", "protests against shutdowns")."""
    if tok.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    if any(index.kind_at(t.i) in ("date", "city", "region") for t in tok.subtree):
        return False  # "outages in Karachi", "suspensions on 9th and 10th Muharram"
    if any(c.dep_ == "amod" and c.lower_ in w.IN_GENERAL for c in tok.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in w.HABITUAL for c in tok.head.children):
        return True
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() not in (*w.BARE_VERBS, *w.ONGOING, "be") and (
            head.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in ("do", "does", "can") for c in head.children)):
        return True  # a truth about such cuts: "internet shutdowns do not stop violence", "outages cost millions"
    return tok.dep_ == "pobj" and tok.head.lower_ in w.TOPIC_PREPS and tok.head.head.pos_ in ("NOUN", "PROPN")


def _describes_subject(cut: Token, back: Token) -> bool:
    """Is the cut a participle describing what the restoration's clause restores
    ("Mobile phone calls, cut since the attack, were restored")?"""
    return cut.dep_ in ("acl", "amod", "relcl") and cut.head.i in {t.i for t in subject_of(back)}


def _open_question(tok: Token) -> bool:
    """A trigger in a question left open: "officials did not say when mobile internet
    would return", "it is unclear when services will be restored" report no cut or end."""
    head = attach.clause_head(tok)
    if head.dep_ not in ("ccomp", "xcomp", "advcl", "pcomp") or not any(
            c.dep_ in ("advmod", "mark") and c.lower_ in w.OPEN_QUESTION_WORDS and c.i < tok.i for c in head.children):
        return False
    above = head.head
    return any(c.dep_ == "neg" for c in above.children) or above.lower_ in w.NOT_KNOWN


class DisruptionStatements:
    """Finds triggers, reads what they cut (objects.py), their status (status.py) and
    what their clause says around them (attach.py), and writes ``doc._.disruptions``."""

    def __init__(self, nlp: Language, name: str) -> None:
        ensure_disruption_extension()
        self.name = name
        meta = nlp.get_pipe("pk_platforms").meta if "pk_platforms" in nlp.pipe_names else {}
        self.categories = {k: v.get("category", "") for k, v in meta.items()}

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc, doc._.mentions or [])
        reader = CutReader(index, self.categories)
        agents = attach.Agents(index)
        published = base_date(doc._.published_at)
        quotes = doc._.quotes or []
        out: list[Disruption] = []
        last: tuple[int, _Candidate] | None = None  # (sentence number, candidate) with a concrete cut
        for n, sent in enumerate(doc.sents):
            cands = self._candidates(sent, reader)
            if not cands:
                continue
            resolved = []
            for c in cands:
                if not self._resolve(c, resolved, last, n, reader):
                    continue
                c.status = status_of(c.trigger, c.role, sent.text,
                                     lambda v: any(agents.is_state(s) for s in v.children if s.dep_ == "nsubj"))
                if any(r is c.source and r.status == c.status for r in resolved):
                    continue  # the same cut named again in its sentence ("... who ordered the disruption")
                resolved.append(c)
            # "the disruption comes weeks after ...": a bare noun that says nothing new
            resolved = [c for c in resolved if not c.bare or self._bare_says_something(c)]
            resolved = [c for c in resolved if not self._history_of(c, resolved)]
            heads = [c.head for c in resolved]
            single = len(resolved) == 1
            kept: list[tuple[_Candidate, Disruption]] = []
            for c in resolved:
                d = self._statement(doc, sent, c, heads, single, index, agents, quotes, published)
                if not self._merge(kept, c, d):
                    kept.append((c, d))
            for c, d in kept:
                if d.status == DisruptionStatus.OCCURRED and d.end_date and published is not None \
                        and d.end_date < published.isoformat():
                    d.status = str(DisruptionStatus.RESTORED)  # told with its end, over before it was written
                out.append(d)
                if not c.inherited:
                    last = (n, c)
        doc._.disruptions = out
        return doc

    # -- finding and resolving -------------------------------------------------------

    @staticmethod
    def _candidates(sent: Span, reader: CutReader) -> list[_Candidate]:
        cands = []
        for tok in sent:
            role = trigger_role(tok)
            if role is None or tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "csubjpass"):
                continue  # "blocking the whole site makes no sense": blocking in general
            cut = reader.of_trigger(tok)
            if tok.lemma_.lower() in w.UNDO_VERBS and not cut.consumed:
                continue  # "lifted" undoes a ban, a suspension ...; alone it is no trigger
            if _generic_plural(tok, reader.index) or _open_question(tok):
                continue
            cands.append(_Candidate(tok, role, cut, head=attach.clause_head(tok)))
        consumed = set().union(*(c.cut.consumed for c in cands)) if cands else set()
        return [c for c in cands if c.trigger.i not in consumed]

    @staticmethod
    def _resolve(c: _Candidate, earlier: list[_Candidate], last, n: int, reader: CutReader) -> bool:
        """Sets the candidate's kind; False when it names no service."""
        cut = c.cut
        if cut.concrete:
            if (cut.anaphoric or "social" in cut.flags) and not (cut.platforms or cut.networks):
                DisruptionStatements._name_from(c, earlier, last, n, reader)
            c.kind = kind_of(c.cut, c.role)
            return c.kind is not None
        is_noun = c.trigger.pos_ in ("NOUN", "PROPN")
        c.bare = is_noun and not cut.nouns and not cut.anaphoric
        if c.bare and any(d.lower_ in w.QUANTIFIERS for d in c.trigger.children if d.dep_ in ("det", "amod")):
            return False  # "any suspension", "all suspensions": none in particular
        if not (cut.anaphoric or c.bare):
            return False
        if c.trigger.lemma_.lower() in w.ACCESS_VERBS and c.trigger.pos_ != "NOUN" and not cut.pronoun:
            return False  # "unable to use banking apps": a failed access names what failed (or "it")
        source = earlier[-1] if earlier else None
        if source is None and last is not None and (not cut.pronoun or n - last[0] <= PRONOUN_REACH):
            source = last[1]
        if source is None and c.bare:
            in_sentence = reader.read(list(c.trigger.sent))
            # a VPN beside a bare "block" is how users got round it ("VPN downloads rose after the block")
            around = [p for p in in_sentence.platforms if reader.categories.get(p) not in w.CIRCUMVENTION_CATEGORIES]
            named = Cut(platforms=around, sites=in_sentence.sites, apps=in_sentence.apps)
            if named.platforms:  # "those who rely on X ... if the ban continues": the ban of X
                c.cut = named
                c.kind = kind_of(named, c.role)
                return c.kind is not None
        if source is None:
            if not cut.flags:
                return False  # "the services were slow" with nothing named before
            c.kind = kind_of(cut, c.role)
            return c.kind is not None
        inherited = Cut()
        inherited.add(source.cut)
        c.cut = inherited
        c.source = source
        c.kind = kind_of(inherited, c.role)
        if c.role != w.SLOW and c.kind == "throttling" and source.kind:
            c.kind = source.kind
        c.inherited = True
        return c.kind is not None

    @staticmethod
    def _name_from(c: _Candidate, earlier: list[_Candidate], last, n: int, reader: CutReader) -> None:
        """Names for a service noun that names none: "the site" takes the platforms of
        the statement before it (in its sentence, else a sentence or two back); generic
        "social media apps" takes those its own sentence names ("..., with Facebook and
        Instagram pictures taking minutes to load")."""
        cut = c.cut
        source = earlier[-1] if earlier else last[1] if last is not None and n - last[0] <= PRONOUN_REACH else None
        if cut.anaphoric and cut.flags & {"website", "app"} and source is not None and source.cut.platforms:
            cut.platforms = list(source.cut.platforms)
            cut.sites |= source.cut.sites
            cut.apps |= source.cut.apps
            c.source, c.inherited = source, True
        elif "social" in cut.flags:
            taken = {p for e in earlier for p in e.cut.platforms}
            named = reader.read(list(c.head.subtree))  # not "in a post on Facebook, the party recalled ..."
            cut.platforms = [p for p in named.platforms if p not in taken and p not in named.sites | named.apps]

    @staticmethod
    def _bare_says_something(c: _Candidate) -> bool:
        """A bare trigger noun ("the blockade") makes a statement when it begins, ends,
        continues or strikes ("the blockage began Saturday", "areas experienced
        outages"; also in a verb conjoined to its own: "was nationwide and began ..."),
        when its extent is told ("the disruption was nationwide"), when it is undone or
        framed ("the suspension was called off", "if the ban continues"), or when it is
        a restoration."""
        if c.role == w.BACK:
            return c.status == DisruptionStatus.RESTORED
        if c.status == DisruptionStatus.RULED_OUT:
            return True
        head = c.head
        if any(v.lemma_.lower() in w.BARE_VERBS for v in (head, *head.conjuncts)):
            return True
        return head.lemma_ == "be" and c.trigger.dep_ == "nsubj" and any(
            a.dep_ in ("acomp", "attr", "advmod") and a.lower_ in w.BARE_EXTENT for a in head.children)

    @staticmethod
    def _history_of(c: _Candidate, resolved: list[_Candidate]) -> bool:
        """A cut told inside the time clause of a restoration is that disruption's start,
        not a statement of its own ("restored on Wednesday, three days after it was
        switched off"; "lifted its ban ten days after blocking the app")."""
        if c.role == w.BACK:
            return False
        clause = c.trigger
        while clause.dep_ not in ("advcl", "pcomp", "ccomp", "relcl", "ROOT"):
            clause = clause.head
        if not any(x.lower_ in ("after", "since") for x in (clause.head, *clause.children)):
            return False
        return any(r.role == w.BACK and (c.source is r or r.head.is_ancestor(c.trigger)) for r in resolved)
        return False

    # -- the statement ------------------------------------------------------------------

    @staticmethod
    def _statement(doc, sent, c: _Candidate, heads, single, index, agents, quotes, published) -> Disruption:
        clause = attach.clause_tokens(c.head, heads)
        # as written where the tokens follow each other ("the country's", not "the country 's")
        clause_text = "".join(t.text_with_ws if n + 1 < len(clause) and clause[n + 1].i == t.i + 1 else t.text + " "
                              for n, t in enumerate(clause))
        places = attach.areas(index, clause, clause_text)
        if not places and single:
            places = attach.areas(index, list(sent), sent.text)
        default = "end" if c.role == w.BACK else "start"
        found = attach.dates(doc, index, clause, default, published)
        # a plan's dates are in its own clause: "decided on Saturday to suspend ..." was decided then
        if not found and single and c.status != DisruptionStatus.ANNOUNCED:
            found = attach.dates(doc, index, list(sent), default, published)
        attach.counted_back(found, sent.text, c.role == w.BACK, c.status == DisruptionStatus.ANNOUNCED)
        if "start" not in found and c.role != w.BACK:
            nth = attach.nth_day_start(sent.text, published)
            if nth is not None:
                found["start"] = nth
        orgs = agents.ordered_by(c.trigger, clause)
        status = c.status
        if c.role == w.BACK and status == DisruptionStatus.ANNOUNCED and any(
                kind == w.COURT_ORG_TYPE for _, kind in orgs):
            status = DisruptionStatus.DEMANDED  # a court ordering a restoration asks for it (it cannot restore)
        if c.role == w.BACK and status == DisruptionStatus.DEMANDED:
            orgs = []  # who is asked to restore, or asks it, ordered nothing of the disruption
        start, end = attach.sentence_bounds(sent)
        return Disruption(
            start_char=start, end_char=end, text=doc.text[start:end], trigger=_trigger_text(c.trigger),
            kind=str(c.kind), status=str(status),
            platforms=list(c.cut.platforms), networks=[str(x) for x in c.cut.networks],
            areas=[{**a, "scope": str(a["scope"])} for a in places],
            start_date=found.get("start", (None, None))[0], start_precision=_plain(found.get("start", (None, None))[1]),
            end_date=found.get("end", (None, None))[0], end_precision=_plain(found.get("end", (None, None))[1]),
            ordered_by=[name for name, _ in orgs],
            reasons=[str(r) for r in attach.reasons(sent.text, orgs)],
            quote=attach.quote_of(quotes, c.trigger),
        )

    @staticmethod
    def _merge(kept: list[tuple[_Candidate, Disruption]], c: _Candidate, d: Disruption) -> bool:
        """Two triggers of one sentence with the same kind and status and what they cut
        in common are one statement ("X was blocked and remained inaccessible"); a cut
        and the report that it goes on are one that goes on ("mobile internet was cut on
        Friday and had still not returned by Saturday")."""
        going_on = {DisruptionStatus.OCCURRED, DisruptionStatus.ONGOING}
        for kc, k in kept:
            if d.status == DisruptionStatus.RESTORED and kc.role == w.CUT and k.kind == d.kind \
                    and _describes_subject(kc.trigger, c.trigger):
                # "service, suspended since 6am, was turned on again at 10:45pm": one life, restored
                k.status, k.trigger = d.status, d.trigger
                _take_end(k, d)
                k.areas += [a for a in d.areas if all(a["name"] != b["name"] for b in k.areas)]
                return True
        for _, k in kept:
            if k.kind != d.kind or k.status != d.status and {k.status, d.status} != going_on:
                continue
            if k.platforms and d.platforms and not set(k.platforms) & set(d.platforms):
                continue
            k.status = max(k.status, d.status, key=lambda s: s == DisruptionStatus.ONGOING)
            k.platforms += [p for p in d.platforms if p not in k.platforms]
            k.networks += [x for x in d.networks if x not in k.networks]
            k.areas += [a for a in d.areas if all(a["name"] != b["name"] for b in k.areas)]
            k.ordered_by += [o for o in d.ordered_by if o not in k.ordered_by]
            if k.start_date is None:
                k.start_date, k.start_precision = d.start_date, d.start_precision
            if k.end_date is None:
                _take_end(k, d)
            return True
        return False


def _take_end(k: Disruption, d: Disruption) -> None:
    """``k`` ends when ``d`` does; a start after that end was a clock time alone ("since
    6am"), of that day."""
    k.end_date, k.end_precision = d.end_date, d.end_precision
    if k.start_date and d.end_date and k.start_date > d.end_date:
        k.start_date, k.start_precision = d.end_date, d.end_precision


def _plain(value) -> str | None:
    return None if value is None else str(value)
