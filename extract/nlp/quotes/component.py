"""The pk_quotes component: runs the quote rules over a document in text order."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..common import ensure_extensions
from .direct import DirectQuotes
from .posts import HEADING, SIGNATURE, PostsAndStatements, signature_blocks
from .reported import ReportedSpeech
from .speakers import SpeakerResolver
from .state import QuoteState, overlaps

# what each kind of event is, in the order events at one position are read
_EVENT_ORDER = {"heading": 0, "direct": 1, "sig": 2, "sent": 3}


@Language.factory("pk_quotes", default_config={"min_direct_tokens": 4},
                  requires=["doc._.mentions", "token.dep", "token.lemma"],
                  assigns=["doc._.quotes", "doc._.mentions"])
def make_quotes(nlp: Language, name: str, min_direct_tokens: int) -> "QuoteExtractor":
    return QuoteExtractor(nlp, name, min_direct_tokens)


class QuoteExtractor:
    """Direct quotes, posts and statements first (in text order), then reported speech
    sentence by sentence, all sharing one :class:`QuoteState`, so that pronouns see the
    speakers found before them and no text is quoted twice. Speaker names the model
    missed join ``doc._.mentions`` through pk_mentions' add_person."""

    def __init__(self, nlp: Language, name: str, min_direct_tokens: int = 4) -> None:
        ensure_extensions()
        self.name = name
        self.min_direct_tokens = min_direct_tokens
        orgs = nlp.get_pipe("pk_orgs").table if "pk_orgs" in nlp.pipe_names else None
        speakers = SpeakerResolver(orgs)
        self.direct = DirectQuotes(speakers, min_direct_tokens)
        self.reported = ReportedSpeech(speakers)
        self.posts = PostsAndStatements(orgs)

    def _events(self, doc: Doc) -> list[tuple]:
        """(char, kind, data) for every quotation, sentence, signature and heading: all but
        the sentences in text order, then the sentences (reported speech yields to them)."""
        events = [(qs, "direct", (qs, qe)) for qs, qe in self.direct.spans(doc)]
        events += [(sent.start_char, "sent", sent) for sent in doc.sents]
        events += [(m.start(), "sig", m) for m in SIGNATURE.finditer(doc.text)]
        events += [(m.start(), "heading", m) for m in HEADING.finditer(doc.text)]
        events.sort(key=lambda x: (x[1] == "sent", x[0], _EVENT_ORDER[x[1]]))
        return events

    def __call__(self, doc: Doc) -> Doc:
        state = QuoteState(doc)
        sig_blocks = signature_blocks(doc)
        for _, kind, data in self._events(doc):
            if kind == "direct":
                q = self.direct.attribute(state, *data)
                if q is not None:
                    state.keep(q)
            elif kind == "sent":
                if any(overlaps(data.start_char, data.end_char, s, e) for s, e in sig_blocks):
                    continue  # a signed post's text is the post, not reported speech
                state.settle(self.reported.in_sentence(state, data))
            else:
                q = self.posts.signed_post(doc, data) if kind == "sig" else self.posts.heading_statement(doc, data)
                if q is not None and not state.is_covered(q.start_char, q.end_char):
                    state.keep(q)
        doc._.quotes = sorted(state.quotes, key=lambda q: q.start_char)
        return doc
