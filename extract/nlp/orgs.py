"""Organisations: a curated list for Pakistani internet-governance reporting,
with acronyms linked to full names. The statistical NER adds the rest later
(see mentions.py); acronyms defined in the text ("Full Name (ACR)") are linked there.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .common import add_candidate, ensure_extensions, load_json
from .kinds import EntityKind


class OrgTable:
    def __init__(self) -> None:
        self.orgs = load_json("orgs.json")["orgs"]
        self.by_form: dict[str, dict] = {}
        for o in self.orgs:
            rec = {"value": o["name"], "attrs": {"full_name": o["name"], "acronym": o.get("acronym"),
                                                 "org_type": o.get("type")},
                   "not_followed_by": o.get("not_followed_by", [])}
            for f in [o["name"], *([o["acronym"]] if o.get("acronym") else []), *o.get("aliases", [])]:
                self.by_form.setdefault(f, rec)
        self.by_lower = {k.lower(): v for k, v in self.by_form.items() if len(k) > 4}
        self.not_orgs = set(load_json("orgs.json").get("not_orgs", []))

    def lookup(self, text: str) -> dict | None:
        t = text.strip()
        for pre in ("the ", "The "):
            if t.startswith(pre):
                t = t[len(pre):]
        for suf in ("'s", "’s", "'", "’"):
            if t.endswith(suf):
                t = t[: -len(suf)]
        return self.by_form.get(t) or self.by_lower.get(t.lower())


@Language.factory("pk_orgs", default_config={}, assigns=["doc.spans", "doc._.pk_info"])
def make_orgs(nlp: Language, name: str) -> "OrgsComponent":
    return OrgsComponent(nlp, name)


class OrgsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()
        self.name = name
        self.table = OrgTable()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("ORG", list(nlp.tokenizer.pipe(sorted(self.table.by_form))))

    def __call__(self, doc: Doc) -> Doc:
        for _, s, e in self.matcher(doc):
            span = doc[s:e]
            rec = self.table.by_form.get(span.text)
            if rec is None:
                continue
            if e < len(doc) and doc[e].lower_ in rec["not_followed_by"]:
                continue  # "Article 19 of the Constitution" is not the NGO
            # "Senate", "Supreme Court" alone are fine; lower-case aliases need no check.
            add_candidate(doc, Span(doc, s, e, label=EntityKind.ORG.label), rec["value"], rec["attrs"], priority=1)
        return doc
