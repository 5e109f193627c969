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
from .objects import Cut, CutReader, MentionIndex, kind_of, trigger_role
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
                if not self._resolve(c, resolved, last, n):
                    continue
                c.status = status_of(c.trigger, c.role, sent.text,
                                     lambda v: any(agents.is_state(s) for s in v.children if s.dep_ == "nsubj"))
                if any(r is c.source and r.status == c.status for r in resolved):
                    continue  # the same cut named again in its sentence ("... who ordered the disruption")
                resolved.append(c)
            heads = [c.head for c in resolved]
            single = len(resolved) == 1
            kept: list[tuple[_Candidate, Disruption]] = []
            for c in resolved:
                d = self._statement(doc, sent, c, heads, single, index, agents, quotes, published)
                if c.bare and not self._bare_says_something(c, d):
                    continue  # "the disruption comes weeks after ...": says nothing new
                if not self._merge(kept, c, d):
                    kept.append((c, d))
            for c, d in kept:
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
            cands.append(_Candidate(tok, role, cut, head=attach.clause_head(tok)))
        consumed = set().union(*(c.cut.consumed for c in cands)) if cands else set()
        return [c for c in cands if c.trigger.i not in consumed]

    @staticmethod
    def _resolve(c: _Candidate, earlier: list[_Candidate], last, n: int) -> bool:
        """Sets the candidate's kind; False when it names no service."""
        cut = c.cut
        if cut.concrete:
            c.kind = kind_of(cut, c.role)
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
    def _bare_says_something(c: _Candidate, d: Disruption) -> bool:
        """A bare trigger noun ("the blockade") makes a statement when it begins, ends,
        continues or strikes ("the blockage began Saturday", "areas experienced
        outages"), is undone or framed ("the suspension was called off", "if the ban
        continues"), or is a restoration."""
        if c.role == w.BACK:
            return d.status == DisruptionStatus.RESTORED
        if d.status == DisruptionStatus.RULED_OUT:
            return True
        return c.head.lemma_.lower() in w.BARE_VERBS

    # -- the statement ------------------------------------------------------------------

    @staticmethod
    def _statement(doc, sent, c: _Candidate, heads, single, index, agents, quotes, published) -> Disruption:
        clause = attach.clause_tokens(c.head, heads)
        clause_text = " ".join(t.text for t in clause)
        places = attach.areas(index, clause, clause_text)
        if not places and single:
            places = attach.areas(index, list(sent), sent.text)
        default = "end" if c.role == w.BACK else "start"
        found = attach.dates(doc, index, clause, default)
        if not found and single:
            found = attach.dates(doc, index, list(sent), default)
        if "start" not in found and c.role != w.BACK:
            nth = attach.nth_day_start(sent.text, published)
            if nth is not None:
                found["start"] = nth
        orgs = agents.ordered_by(c.trigger, clause)
        start, end = attach.sentence_bounds(sent)
        return Disruption(
            start_char=start, end_char=end, text=doc.text[start:end], trigger=_trigger_text(c.trigger),
            kind=str(c.kind), status=str(c.status),
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
        in common are one statement ("X was blocked and remained inaccessible")."""
        for _, k in kept:
            if k.kind != d.kind or k.status != d.status:
                continue
            if k.platforms and d.platforms and not set(k.platforms) & set(d.platforms):
                continue
            k.platforms += [p for p in d.platforms if p not in k.platforms]
            k.networks += [x for x in d.networks if x not in k.networks]
            k.areas += [a for a in d.areas if all(a["name"] != b["name"] for b in k.areas)]
            k.ordered_by += [o for o in d.ordered_by if o not in k.ordered_by]
            if k.start_date is None:
                k.start_date, k.start_precision = d.start_date, d.start_precision
            if k.end_date is None:
                k.end_date, k.end_precision = d.end_date, d.end_precision
            return True
        return False


def _plain(value) -> str | None:
    return None if value is None else str(value)
