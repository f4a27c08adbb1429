"""tradecheck.report: the notebooks -> one reproducible PDF.

Public API
----------
build_report(claims=None, as_of=None, pair=DEFAULT_PAIR, data=None, out=None, notebooks=None,
progress=True)
    Execute the numbered notebooks (papermill), convert them (pandoc, ``cells.lua``) and compile
    one PDF with a provenance appendix (typst, ``template.typ``).
    See :mod:`tradecheck.report.build`.

Helpers the notebooks call live in :mod:`tradecheck.report.notebook`; the appendix is written by
:mod:`tradecheck.report.provenance`.
"""

from tradecheck.report.build import ReportError, build_report

__all__ = ["ReportError", "build_report"]
