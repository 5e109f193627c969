"""Disruption events: statements about the same disruption merged into one row.

``merge`` is the rule (pure functions over statements), ``store`` reads the
statements held and writes the ``events`` and ``event_reports`` tables
(``schema``), ``present`` formats them and ``command`` is `pknews events`.
Every run that extracts calls ``update_events`` afterwards.
"""

from pipeline.events.store import update_events

__all__ = ["update_events"]
