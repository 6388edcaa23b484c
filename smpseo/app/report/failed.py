"""`ReportFailed`: a report run that did not write its report, and why."""

from __future__ import annotations

from pathlib import Path


class ReportFailed(Exception):
    """A report notebook failed. `notebook` is the kept executed notebook, `cell` the failing cell's number."""

    def __init__(self, message: str, notebook: Path | None = None, cell: int | None = None):
        super().__init__(message)
        self.notebook = notebook
        self.cell = cell
