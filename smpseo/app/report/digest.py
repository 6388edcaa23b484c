"""The month in a few lines, for the email that carries the report: the headline figures (with the change since
last month), the first fixes of the to-do list and the FAQ questions newly left open."""

from __future__ import annotations

from smpseo.app.report.load import gaps_from_data, todo_from_data
from smpseo.app.report.summary import compare, gap_order, todo
from smpseo.core.months import month_title
from smpseo.model.digest import Digest, Headline

HEADLINE = (("posts", "posts"), ("words", "words"), ("flesch_reading_ease", "average reading ease"),
            ("findings", "findings"))
OPEN = ("missing", "partial")


def digest(summary: dict, previous: dict | None = None, fixes: int = 5, gaps: int = 5) -> Digest:
    """The month from its summary.json data (and last month's): the headline figures with their change, the first
    `fixes` items of the to-do list, and the first `gaps` FAQ topics that were not open last month (all open ones
    in a first report), with how many of each there are."""
    changes = compare(previous, summary)
    totals = summary.get("totals", {})
    headline = []
    for key, label in HEADLINE:
        if totals.get(key) is not None:
            change = changes["totals"].get(key, {}).get("delta")
            headline.append(Headline(label, totals[key], change))
    counts = summary.get("gap_counts", {})
    if summary.get("available", {}).get("gaps"):
        headline.append(Headline("FAQ questions not answered", counts.get("missing", 0)))
        headline.append(Headline("FAQ questions answered in part", counts.get("partial", 0)))
    was_open = {g["id"] for g in (previous or {}).get("gaps", []) if g.get("status") in OPEN}
    fresh = sorted((g for g in summary.get("gaps", []) if g.get("status") in OPEN and g["id"] not in was_open),
                   key=gap_order)
    items = todo_from_data(todo(summary, changes))
    return Digest(month=summary["month"], title=month_title(summary["month"]), site=summary.get("site", ""),
                  previous_month=changes["previous_month"], headline=tuple(headline), fixes=items[:fixes],
                  fixes_total=len(items), gaps=gaps_from_data(fresh[:gaps]), gaps_total=len(fresh))
