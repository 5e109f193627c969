"""Disruption statements: sentences or clauses that report a shutdown, a block, a
throttling or their end, with what was cut, where, when, who ordered it, why, and the
status the sentence gives it (occurred, ongoing, restored, announced, denied,
demanded, hypothetical, ruled out).

Read from the parse and the doc's mentions (platforms, places, dates, organisations)
and quotes. The vocabularies are the enums of ../kinds.py; docs/schema.md
("disruptions") gives the rules in short.

Modules: component.py (pk_disruptions, the order rules run in), objects.py (triggers
and what they cut), status.py (the frames over a trigger), attach.py (areas, dates,
ordered_by, reasons, quote), words.py (the cue words).
"""

from __future__ import annotations

from .component import DisruptionStatements, make_disruptions

__all__ = ["DisruptionStatements", "make_disruptions"]
