"""The month in a few lines, for the email that carries the monthly report."""

from __future__ import annotations

from dataclasses import dataclass

from smpseo.model.changes import TodoItem
from smpseo.model.summary import GapFigures


@dataclass(frozen=True)
class Headline:
    """A headline figure: its label, its value, and its change since last month (None: not compared)."""

    label: str
    value: float
    change: float | None = None


@dataclass(frozen=True)
class Digest:
    """`fixes`: the first items of the to-do list (of `fixes_total`); `gaps`: FAQ topics newly left open (all open
    ones in a first report), the first of `gaps_total`."""

    month: str
    title: str
    site: str
    previous_month: str | None
    headline: tuple[Headline, ...]
    fixes: tuple[TodoItem, ...]
    fixes_total: int
    gaps: tuple[GapFigures, ...]
    gaps_total: int
