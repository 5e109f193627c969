"""Helpers for tests: one pipeline per test session (process), shared by all
test modules' fixtures (tests may only add test_nlp_*.py files, no conftest)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    from .pipeline import build_nlp

    return build_nlp()
