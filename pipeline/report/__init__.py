"""The offline HTML report: ``load`` reads the tables, ``charts`` builds one chart per
function, ``page`` lays out the self-contained page, ``build`` writes it and ``browser``
opens it in headless Chromium (the test and the README's screenshot)."""

from pipeline.report.build import default_out, write_report

__all__ = ["default_out", "write_report"]
