"""A statement's status, from the frames over its trigger in the parse.

Walking from the trigger up to the sentence root, the verbs met and their
markers decide, strongest first: a denial ("the PTA denied blocking X"), a
ruling-out or calling-off ("ruled out an internet shutdown", "the suspension was
called off"), a demand ("users demanded that X be restored"; an order by a body of
the state is an announcement instead), a hypothesis ("if the ban continues", "could
be blocked"), an announcement or plan ("will remain suspended", "decided to suspend",
"ordered the PTA to block"). Without one: a negated cut is a denial ("X was not
blocked") and a negated restoration leaves the cut ongoing; "remained", "continued",
"still", "since", "for the third day" and the present tense make it ongoing;
otherwise a cut occurred and a restoration restored. Reporting verbs ("said",
"according to") are transparent.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..kinds import DisruptionStatus as S
from . import words as w


def _keys(tok: Token) -> set[str]:
    """The frame names a verb gives: its lemma, with its particle or preposition
    ("rule out", "call off", "call for")."""
    lemma = tok.lemma_.lower()
    keys = {lemma}
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "advmod"):
            keys.add(f"{lemma} {c.lower_}")
    return keys


def _path(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the root of its sentence."""
    out = [trigger]
    t = trigger
    while t.head.i != t.i and len(out) < 12:
        t = t.head
        out.append(t)
    return out


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("det", "neg", "advmod")
               for c in tok.children)


def _clause_head(trigger: Token) -> Token:
    """The verb a noun or adjective trigger belongs to ("the ban continues" -> continues)."""
    t = trigger
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _aux(tok: Token) -> set[str]:
    """The auxiliaries of a verb, with those the parser hangs on an auxiliary ("will"
    under "remain" in "will remain suspended")."""
    out = set()
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            out.add(c.lower_)
            out |= {g.lower_ for g in c.children if g.dep_ in ("aux", "auxpass")}
    return out


def frame_status(trigger: Token, state_subject) -> str | None:
    """The status a frame over the trigger gives, or None. ``state_subject(verb)``
    tells whether a verb's subject is a body of the state (its demands are orders)."""
    found: set[str] = set()
    path = _path(trigger)
    # the trigger's own clause: itself when it has a subject or copula ("X was unblocked" as an adjective)
    own = trigger if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "cop") for c in trigger.children) \
        else _clause_head(trigger)
    plans_reach = True  # no noun in between ("the legal basis for blocking X" is no plan to block)
    for i, node in enumerate(path):
        keys = _keys(node)
        above = i > 0  # the trigger's own lemma is no frame ("the demand for ..." aside)
        if above and node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in w.PLAN_NOUNS:
            plans_reach = False
        direct_object = i == 1 and trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj")
        if above and keys & w.DENY and not _negated(node):
            found.add(S.DENIED)
        if above and keys & w.RULE_OUT and not _negated(node):
            found.add(S.RULED_OUT)
        if above and node.lemma_.lower() in w.PREVENT and not _negated(node) and any(
                c.dep_ == "prep" and c.lower_ == "from" and c.is_ancestor(trigger) for c in node.children):
            found.add(S.RULED_OUT)  # "barred the PTA from blocking X"
        if above and any(n.lemma_.lower() in w.NO_PLAN_NOUNS and _negated(n)
                         for n in (node, *(c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")))):
            found.add(S.RULED_OUT)  # "no plans to ban X", "no decision has been taken to suspend ..."
        if above and node.lemma_.lower() in w.NO_PLAN_NOUNS and node.dep_ == "nsubjpass" and \
                node.head.lemma_.lower() in w.TAKE_DECISION and _aux(node.head) & (w.FUTURE_AUX | w.HYPOTHETICAL_AUX):
            found.add(S.HYPOTHETICAL)  # "a decision on suspending ... would be taken": not taken yet
        if above and i >= 2 and _negated(node) and node.lemma_.lower() in w.ISSUE_VERBS \
                and path[i - 1].lemma_.lower() in w.PLAN_NOUNS and path[i - 1].dep_ in ("dobj", "nsubjpass"):
            # "had not issued any directive to block X": no order was given (denied), or
            # none will be ("will not issue any order to ...": ruled out)
            found.add(S.RULED_OUT if _aux(node) & w.FUTURE_AUX else S.DENIED)
        if above and plans_reach and keys & w.DEMAND:
            found.add(S.ANNOUNCED if state_subject(node) else S.DEMANDED)
        if above and plans_reach and keys & (w.ANNOUNCE_OBJECT if direct_object else w.ANNOUNCE):
            found.add(S.ANNOUNCED)
        if above and plans_reach and node.lemma_.lower() in w.HYPOTHESIS:
            found.add(S.HYPOTHETICAL)
        aux = _aux(node)
        if aux & w.HYPOTHETICAL_AUX and not (i == 0 and _negated(node)):
            found.add(S.HYPOTHETICAL)
        if aux & w.OBLIGATION_AUX and not _inverted_condition(node):
            found.add(S.DEMANDED)
        if _conditional(node) or node.i == own.i and any(c.dep_ == "mark" and c.lower_ == "whether"
                                                          for c in node.children):
            found.add(S.HYPOTHETICAL)  # "unclear whether X will be restored" (not "say whether ... before X was")
        if aux & w.FUTURE_AUX or _going_to(node) or _to_be(node, i) or (i == 0 and _infinitive(node)):
            found.add(S.ANNOUNCED)
        if node.dep_ in ("ccomp", "advcl", "ROOT", "conj") and i > 0 and node.lemma_.lower() in w.REPORTING:
            break  # "NetBlocks said that ...": what is above a reporting verb is about the report
        if any(c.lower_ in w.QUESTION_WORDS for c in node.children if c.dep_ in ("advmod", "mark")):
            break  # "asked the PTA to explain why mobile data was suspended": it was
        if node.dep_ == "advcl" and (any(c.dep_ == "mark" for c in node.children) or node.tag_ == "VBG"):
            # "..., though X remained slow", "..., ending a suspension": the main clause's
            # frame is not this clause's
            break
    for status in (S.DENIED, S.RULED_OUT, S.DEMANDED, S.HYPOTHETICAL, S.ANNOUNCED):
        if status in found:
            return status
    return None


def _inverted_condition(tok: Token) -> bool:
    """"Should the authorities throttle X, ...", "Were the PTA to block X": a condition
    written with its auxiliary before the subject, at the start of the clause."""
    subjects = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in w.INVERTED_CONDITION_AUX and c.i == tok.left_edge.i
               and subjects and c.i < min(subjects) for c in tok.children)


def _conditional(tok: Token) -> bool:
    """"if the ban continues", or a verb that a condition hangs on ("would be suspended
    ... only if the police asked for it"), or an inverted condition ("should X be ...")."""
    if any(c.dep_ == "mark" and c.lower_ in w.CONDITIONAL_MARKS for c in tok.children) or _inverted_condition(tok):
        return True
    return any(c.dep_ in ("advcl", "conj") and any(m.dep_ == "mark" and m.lower_ in w.CONDITIONAL_MARKS
                                                   for m in c.children)
               for c in tok.children)


def _infinitive(tok: Token) -> bool:
    """"(wrote to the PTA) to suspend ...": a purpose or plan, not yet done ("unable to
    access" is a cut of its own, see objects.access_failed)."""
    return (tok.lemma_.lower() not in w.ACCESS_VERBS and "to" in _aux(tok)
            and tok.dep_ in ("xcomp", "advcl", "ccomp", "acl", "relcl"))


def _going_to(tok: Token) -> bool:
    return tok.dep_ == "xcomp" and tok.head.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)


def _to_be(tok: Token, i: int) -> bool:
    """"is to be suspended" (a plan), not "expected to be restored" (ANNOUNCE covers it)."""
    return i == 0 and tok.dep_ in ("ROOT", "ccomp") and {"to", "be"} <= _aux(tok)


def _speed_now(trigger: Token) -> bool:
    """A fall of speeds in the perfect tells the speeds now: "speeds have dropped", and
    "ISPs said speeds had dropped" (the same, reported)."""
    if trigger.lemma_.lower() not in w.SPEED_VERBS:
        return False
    perfect = [c for c in trigger.children if c.dep_ == "aux" and c.lemma_ == "have"]
    reported = trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in w.REPORTING
    return any(c.tag_ in ("VBZ", "VBP") or c.tag_ == "VBD" and reported for c in perfect)


def trigger_negated(trigger: Token) -> bool:
    """"was not blocked", "has not been restored", "no ban"; a failed access ("could not
    access X") is a cut, not a negated one."""
    if trigger.lemma_.lower() in w.ACCESS_VERBS:
        return False
    head = _clause_head(trigger)
    nodes = [trigger] if head.i == trigger.i else [trigger, head]
    return any(_negated(n) or any(_negated(c) for c in n.children if c.dep_ in ("aux", "auxpass"))
               for n in nodes)


def status_of(trigger: Token, role: str, sentence_text: str, state_subject) -> str:
    """The frame's status, else the plain one. A refused restoration ("would not restore
    X") leaves the cut ongoing; a cut announced not to happen ("will not block") is ruled out."""
    framed = frame_status(trigger, state_subject)
    negated = trigger_negated(trigger)
    if framed is None:
        return plain_status(trigger, role, sentence_text, negated)
    if role == w.BACK and (negated and framed not in (S.DEMANDED, S.HYPOTHETICAL) or framed == S.RULED_OUT):
        return S.ONGOING  # "would not restore X", "refused to restore X"
    if negated and role != w.BACK and framed == S.ANNOUNCED:
        return S.RULED_OUT
    return framed


def plain_status(trigger: Token, role: str, sentence_text: str, negated: bool) -> str:
    """Without a frame: restored, ongoing or occurred (or denied for a negated cut)."""
    head = _clause_head(trigger)
    if role == w.BACK:
        return S.ONGOING if negated else S.RESTORED
    if negated:
        return S.DENIED
    if _ongoing(trigger, head, sentence_text):
        return S.ONGOING
    return S.OCCURRED


def _ongoing(trigger: Token, head: Token, sentence_text: str) -> bool:
    if w.NTH_DAY.search(sentence_text) or _speed_now(trigger):
        return True
    chain = [trigger, head]
    while chain[-1].dep_ in ("xcomp", "acomp", "oprd") and len(chain) < 5:
        chain.append(chain[-1].head)  # "were still unable to access X"
    for n in chain:
        lemma = n.lemma_.lower()
        if lemma in w.ONGOING:
            return True
        for c in n.children:
            if c.lower_ in w.ONGOING_ADVERBS or c.lemma_.lower() in w.ONGOING or (
                    c.dep_ in ("aux", "auxpass") and w.ONGOING_FORMS.match(c.lower_)):
                return True
            if c.dep_ == "prep" and c.lower_ == "since":
                return True
            if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") and (
                    c.lemma_ == "be" or any(a.lower_ == "been" for a in n.children)):
                return True  # "is blocked", "has been inaccessible", "are suspended"; not "has faced"
        if n.tag_ in ("VBZ", "VBP") and n.dep_ != "ROOT" or n.tag_ in ("VBZ", "VBP") and n.i == head.i:
            return n.lemma_.lower() not in w.REPORTING
    return False

