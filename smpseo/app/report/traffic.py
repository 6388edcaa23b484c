"""The monthly report's search traffic: Search Console's `Pages.csv` per post, and the change since last month
(from the comparison export's earlier range, else from last month's summary.json)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from smpseo.analysis.traffic import movers, post_traffic, with_changes
from smpseo.core.months import month_bounds, month_title
from smpseo.model.summary import EARLIER_RANGE, LAST_REPORT
from smpseo.sources.exportdates import export_dates, range_days
from smpseo.sources.pages import FILE_NAME
from smpseo.sources.searchconsole import Table, holds


def pages_file(pages: str | Path | None, queries: str | Path | None) -> str | None:
    """The pages export to read: the one named, else the queries export when it is a ZIP that holds Pages.csv."""
    if pages:
        return str(pages)
    if queries and holds(queries, FILE_NAME):
        return str(queries)
    return None


def traffic_summary(posts, pages: Table, source: str | Path, previous: dict | None = None) -> dict[str, Any]:
    """The `traffic` part of summary.json from the pages read from `source` (`read_pages`): per post (slug, title,
    the figures and their changes), the posts that gained and lost the most clicks, what the changes compare with
    and the days of that period (the comparison export's earlier range, as its header names it: "10/1/25 -
    10/31/25"; else last month's report, its month), and how many pages matched no post."""
    rows, unmatched = post_traffic(list(posts), pages)
    before, name, days = None, "", None
    compared = EARLIER_RANGE if any(r["previous"] for r in rows) else None
    if compared:
        name = pages.ranges[1] if len(pages.ranges) > 1 else ""
        days = range_days(name)
    elif previous and previous.get("traffic"):
        before = {r["slug"]: r for r in previous["traffic"].get("posts", [])}
        compared = LAST_REPORT
        if isinstance(previous.get("month"), str):
            first, after = month_bounds(previous["month"])
            name, days = month_title(previous["month"]), (first, after - timedelta(days=1))
    rows = with_changes(rows, before)
    gained, lost = movers(rows)
    keep = ("slug", "title", "clicks", "impressions", "ctr", "position", "clicks_change", "impressions_change",
            "ctr_change", "position_change")
    return {"source": Path(source).name, "compared_with": compared, "compared_range": name,
            "compared_from": days[0].isoformat() if days else None,
            "compared_to": days[1].isoformat() if days else None, "unmatched_pages": len(unmatched),
            "posts": [{k: r[k] for k in keep} for r in rows],
            "gained": [r["slug"] for r in gained], "lost": [r["slug"] for r in lost]}


def range_warning(export: str | Path, month: str) -> str | None:
    """Why an export's figures are not `month`'s, when its ZIP says which days it covers (`Dates.csv`) and they are
    not that month: another month ("Last 28 days" downloaded a month late), or several ("Last 3 months"). A range
    within a few days of the month passes (an export of the last 28 days, taken on the 1st)."""
    days = export_dates(export)
    if days is None:
        return None
    first, last = days
    start, end = month_bounds(month)  # end: the first day of the next month
    month_days = (end - start).days
    covered = (min(last.toordinal() + 1, end.toordinal()) - max(first.toordinal(), start.toordinal()))
    if covered >= 0.8 * month_days and (last - first).days + 1 <= 1.25 * month_days:
        return None
    return (f"the export covers {first.isoformat()} to {last.isoformat()}, not {month}: its figures are shown as "
            f"{month}'s (in Search Console, set Date > Custom to the month before exporting)")
