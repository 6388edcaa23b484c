"""Reports: the monthly SEO report and the pre-publish check, as notebooks run by papermill and exported to HTML.

    >>> from smpseo.app.report import monthly_report, run_monthly
    >>> report = monthly_report("2026-10", posts="posts/")     # the figures, in a notebook or a script
    >>> run_monthly("2026-10", posts="posts/", out="reports/")  # reports/2026-10/monthly_report.html

Importing this package is cheap: papermill, nbconvert, pandas and matplotlib load only when a report runs.
"""

from __future__ import annotations

from smpseo.app.report.faq import FaqReport, faq_report
from smpseo.app.report.monthly import MonthlyReport, monthly_report
from smpseo.app.report.prepublish import PrepublishReport, prepublish_report
from smpseo.app.report.prepublish_run import run_prepublish
from smpseo.app.report.run import ReportFailed, RunResult, notebook_path, run_monthly
from smpseo.app.report.summary import compare, load_summary, todo
from smpseo.core.months import (
    last_complete_month,
    month_title,
    parse_month,
    previous_month,
    shift_month,
)

__all__ = [
    "FaqReport",
    "MonthlyReport",
    "PrepublishReport",
    "ReportFailed",
    "RunResult",
    "compare",
    "last_complete_month",
    "faq_report",
    "load_summary",
    "month_title",
    "monthly_report",
    "notebook_path",
    "parse_month",
    "prepublish_report",
    "previous_month",
    "run_monthly",
    "run_prepublish",
    "shift_month",
    "todo",
]
