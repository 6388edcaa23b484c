"""Results shown in a notebook cell: a heading line and a table as plain escaped HTML, for the `_repr_html_` of
the result objects (`smpseo.check(...)` or `smpseo.gaps(...)` as the last line of a cell). Every value is
escaped, so nothing a post says can run in the page. The reports' richer display is `smpseo.views`."""

from __future__ import annotations

from html import escape
from typing import Any

ROWS = 50  # a cell shows this many rows; the frame methods give all of them


def _cell(value: Any) -> str:
    if value is None or value == "":
        return "&ndash;"
    if isinstance(value, float):
        return escape(f"{value:,.2f}".rstrip("0").rstrip("."))
    return escape(str(value))


def result_html(heading: str, rows: list[dict[str, Any]], columns: dict[str, str], more: str = "",
                notes: list[str] | tuple[str, ...] = ()) -> str:
    """`heading` in bold, then the first ROWS rows as a table of `columns` (key -> label), then how many more, then
    `notes`, a paragraph each: what the command line says under its table (a caveat, each file that could not be
    read, as `path:line: error: why`)."""
    head = "".join(f"<th style=\"text-align:left\">{escape(label)}</th>" for label in columns.values())
    body = "".join("<tr>" + "".join(f"<td style=\"text-align:left\">{_cell(r.get(k))}</td>" for k in columns)
                   + "</tr>" for r in rows[:ROWS])
    rest = len(rows) - ROWS
    tail = f"<p>{rest:,} more rows{escape(more)}.</p>" if rest > 0 else ""
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if rows else ""
    said = "".join(f"<p>{escape(note)}</p>" for note in notes)
    return f'<div class="smpseo-result"><p><b>{escape(heading)}</b></p>{table}{tail}{said}</div>'
