"""The monthly report's search traffic section: clicks, impressions, CTR and position per post from Search
Console, the change against the period compared with (named by its days), and which posts gained and lost traffic."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from smpseo.core.months import days_title
from smpseo.model.summary import LAST_REPORT, PostTraffic, Traffic
from smpseo.views.html import HTML, e, message, table


def _signed(value: Any, percent: bool = False) -> str:
    if not isinstance(value, (int, float)):
        return ""
    if percent:
        value = round(value * 100, 1)
    text = f"{value:+,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:+,.0f}"
    return text + (" pt" if percent else "")


def _names(slugs: Sequence[str], rows: dict[str, PostTraffic]) -> str:
    return "; ".join(f"{rows[s].title or s} ({_signed(rows[s].clicks_change)} clicks)" for s in slugs)


def movers_line(traffic: Traffic) -> str:
    """One sentence naming the posts that gained and lost the most clicks, and what they are compared with."""
    rows = {r.slug: r for r in traffic.posts}
    if not traffic.compared_with:
        return ("No earlier figures to compare with: export Search Console's comparison (this month against the "
                "previous one), or next month's report compares with this one.")
    parts = []
    if traffic.gained:
        parts.append("Gaining traffic: " + _names(traffic.gained, rows) + ".")
    if traffic.lost:
        parts.append("Losing traffic: " + _names(traffic.lost, rows) + ".")
    if not parts:
        parts.append("No post's clicks changed.")
    return " ".join(parts) + f" Changes are against {compared_period(traffic)}."


def compared_period(traffic: Traffic) -> str:
    """The period the changes are against, named by its days where they are known: "1-31 October 2025 (the
    earlier date range of the export)", "September 2026 (last month's report)"."""
    from datetime import date

    if traffic.compared_with == LAST_REPORT and traffic.compared_range:
        return f"{traffic.compared_range} ({traffic.compared_with})"
    try:
        days = days_title(date.fromisoformat(traffic.compared_from or ""), date.fromisoformat(traffic.compared_to or ""))
    except ValueError:  # no days known: the range's name as the export gives it, if any
        return f"\u201c{traffic.compared_range}\u201d ({traffic.compared_with})" if traffic.compared_range \
            else str(traffic.compared_with)
    return f"{days} ({traffic.compared_with})"


def traffic(report) -> HTML:
    """The section: one sentence on who gains and loses, then a table per post, most clicks first."""
    data = report.summary.traffic
    if data is None:
        return message("No Search Console pages export given (Pages.csv or the export ZIP): no traffic per post.")
    rows = [{"title": r.title, "clicks": r.clicks, "clicks_change": _signed(r.clicks_change),
             "impressions": r.impressions, "impressions_change": _signed(r.impressions_change),
             "ctr": round(r.ctr * 100, 1) if isinstance(r.ctr, float) else r.ctr,
             "ctr_change": _signed(r.ctr_change, percent=True), "position": r.position,
             "position_change": _signed(r.position_change)} for r in data.posts]
    columns = {"title": "post", "clicks": "clicks", "clicks_change": "change", "impressions": "impressions",
               "impressions_change": "change", "ctr": "CTR %", "ctr_change": "change", "position": "position",
               "position_change": "change (lower is better)"}
    parts = [f'<p>{e(movers_line(data))}</p>',
             str(table(rows, columns, empty="No page in the export matches a post (by address or slug)."))]
    if data.unmatched_pages:
        parts.append(str(message(f"{data.unmatched_pages} page(s) in {data.source or 'the export'} match "
                                 "no post (the home page, service pages ...) and are not shown.")))
    return HTML("".join(parts))
