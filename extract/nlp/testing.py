"""One pipeline per process, for the tests' session fixture (tests/conftest.py)
and for anything else that wants the default pipeline built once."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from .pipeline import build_nlp


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    return build_nlp()
