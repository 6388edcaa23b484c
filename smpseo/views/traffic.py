"""The monthly report's search traffic section: clicks, impressions, CTR and position per post from Search
Console, the change since the period before, and which posts gained and lost traffic."""

from __future__ import annotations

from typing import Any

from smpseo.views.html import HTML, e, message, table


def _signed(value: Any, percent: bool = False) -> str:
    if not isinstance(value, (int, float)):
        return ""
    if percent:
        value = round(value * 100, 1)
    text = f"{value:+,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:+,.0f}"
    return text + (" pt" if percent else "")


def _names(slugs: list[str], titles: dict[str, str], rows: dict[str, dict]) -> str:
    return "; ".join(f"{titles.get(s) or s} ({_signed(rows[s]['clicks_change'])} clicks)" for s in slugs)


def movers_line(traffic: dict) -> str:
    """One sentence naming the posts that gained and lost the most clicks, and what they are compared with."""
    rows = {r["slug"]: r for r in traffic.get("posts", [])}
    titles = {s: r.get("title", "") for s, r in rows.items()}
    if not traffic.get("compared_with"):
        return ("No earlier figures to compare with: export Search Console's comparison (this month against the "
                "previous one), or next month's report compares with this one.")
    parts = []
    if traffic.get("gained"):
        parts.append("Gaining traffic: " + _names(traffic["gained"], titles, rows) + ".")
    if traffic.get("lost"):
        parts.append("Losing traffic: " + _names(traffic["lost"], titles, rows) + ".")
    if not parts:
        parts.append("No post's clicks changed.")
    return " ".join(parts) + f" Compared with {traffic['compared_with']}."


def traffic(report) -> HTML:
    """The section: one sentence on who gains and loses, then a table per post, most clicks first."""
    data = report.summary.get("traffic") if isinstance(report.summary, dict) else None
    if not data:
        return message("No Search Console pages export given (Pages.csv or the export ZIP): no traffic per post.")
    rows = [{**r, "ctr": round(r["ctr"] * 100, 1) if isinstance(r.get("ctr"), float) else r.get("ctr"),
             "clicks_change": _signed(r.get("clicks_change")),
             "impressions_change": _signed(r.get("impressions_change")),
             "ctr_change": _signed(r.get("ctr_change"), percent=True),
             "position_change": _signed(r.get("position_change"))} for r in data.get("posts", [])]
    columns = {"title": "post", "clicks": "clicks", "clicks_change": "change", "impressions": "impressions",
               "impressions_change": "change", "ctr": "CTR %", "ctr_change": "change", "position": "position",
               "position_change": "change (lower is better)"}
    parts = [f'<p>{e(movers_line(data))}</p>',
             str(table(rows, columns, empty="No page in the export matches a post (by address or slug)."))]
    if data.get("unmatched_pages"):
        parts.append(str(message(f"{data['unmatched_pages']} page(s) in {data.get('source', 'the export')} match "
                                 "no post (the home page, service pages ...) and are not shown.")))
    return HTML("".join(parts))
