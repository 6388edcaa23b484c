"""The building blocks of the notebooks' display: escaped HTML, tables, cards, badges and matplotlib charts.

Every helper returns an object that renders itself in JupyterLab and in the HTML export (`_repr_html_`). Every
string that comes from a post, the config, a topic list or a query file is escaped. Charts are PNGs embedded in the
page: nothing is fetched from the network.
"""

from __future__ import annotations

import base64
import io
from html import escape
from typing import Any

# Old Yoast bands for Flesch reading ease.
EASE_GOOD, EASE_POOR = 60.0, 50.0
GREEN, ORANGE, RED, GREY = "#1a7f37", "#d4760a", "#cf222e", "#8c959f"
SEVERITY_COLOUR = {"error": RED, "warning": ORANGE, "info": GREY}
STATUS_COLOUR = {"answered": GREEN, "partial": ORANGE, "missing": RED}

CSS = """<style>
.smpseo { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px; color: #1f2328; }
.smpseo table.t { border-collapse: collapse; margin: 6px 0 12px; }
.smpseo table.t th, .smpseo table.t td { text-align: left; padding: 5px 9px; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
.smpseo table.t th { font-size: 12px; color: #57606a; font-weight: 600; background: #f6f8fa; }
.smpseo table.t td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.smpseo .dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 7px;
  vertical-align: -1px; }
.smpseo .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 6px 0 12px; }
.smpseo .card { border: 1px solid #e3e6ea; border-radius: 8px; padding: 10px 14px; min-width: 120px; }
.smpseo .card b { display: block; font-size: 22px; }
.smpseo .card span { color: #57606a; font-size: 12px; }
.smpseo .note { color: #57606a; }
.smpseo .muted { color: #57606a; font-size: 12px; }
.smpseo mark { background: #fff1a8; padding: 0 1px; }
.smpseo mark.hit { background: #ffd24d; }
.smpseo blockquote { margin: 4px 0 12px; padding: 6px 12px; border-left: 3px solid #d0d7de; background: #f6f8fa; }
.smpseo pre { background: #f6f8fa; padding: 10px 12px; border: 1px solid #e3e6ea; border-radius: 6px;
  white-space: pre-wrap; word-break: normal; overflow-wrap: break-word; font-size: 12px; }
.smpseo ol li, .smpseo ul li { margin-bottom: 4px; }
.smpseo .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; color: #fff; font-size: 12px; }
.smpseo h4 { margin: 14px 0 4px; font-size: 14px; }
</style>"""


class HTML:
    """A piece of report: renders as HTML in JupyterLab and in the exported page."""

    def __init__(self, body: str):
        self.body = body

    def _repr_html_(self) -> str:
        return f'{CSS}<div class="smpseo">{self.body}</div>'

    def __str__(self) -> str:
        return self.body


class Chart:
    """A matplotlib figure shown as an embedded PNG (with its title as the image's alt text), rendered once."""

    def __init__(self, figure, alt: str):
        self.figure = figure
        self.alt = alt
        self._png: bytes | None = None

    def png(self) -> bytes:
        if self._png is None:
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight", facecolor="white")
            self._png = buffer.getvalue()
        return self._png

    def _repr_png_(self) -> bytes:
        return self.png()

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png()).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" alt="{escape(self.alt)}" style="max-width:100%">'

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        # one rendering, stored once: the HTML <img> carries the PNG and its alt text
        return {"text/html": self._repr_html_(), "text/plain": f"<chart: {self.alt}>"}


def e(value: Any) -> str:
    """Escape anything for HTML text and attribute values."""
    return escape("" if value is None else str(value), quote=True)


def fmt(value: Any) -> str:
    if value is None or value == "":
        return "&ndash;"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return e(f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}")
    if isinstance(value, int):
        return e(f"{value:,}")
    if isinstance(value, (list, tuple)):
        return e(", ".join(str(v) for v in value))
    return e(value)


def code_spans(text: Any) -> str:
    """Escape `text`, showing `backticked` parts (as rule hints write settings) as code."""
    parts = e(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: leave the text as it is
        return e(text)
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def dot(colour: str, label: str = "") -> str:
    return f'<span class="dot" style="background:{colour}" title="{e(label)}"></span>'


def badge(text: str, colour: str) -> str:
    return f'<span class="badge" style="background:{colour}">{e(text)}</span>'


def ease_colour(value: float | None) -> str:
    if not isinstance(value, (int, float)):
        return GREY
    return GREEN if value >= EASE_GOOD else ORANGE if value >= EASE_POOR else RED


def unavailable(what: str) -> HTML:
    return HTML(f'<p class="note">{e(what)}: not available in this version of smpseo.</p>')


def message(text: str) -> HTML:
    return HTML(f'<p class="note">{e(text)}</p>')


def table(rows: list[dict], columns: list[str] | dict[str, str] | None = None, empty: str = "Nothing to show.",
          html_columns: tuple[str, ...] = ()) -> HTML:
    """Rows as an HTML table. `columns` lists keys, or maps keys to headings. Cells are escaped except the keys in
    `html_columns` (markup this module built)."""
    if not rows:
        return message(empty)
    if columns is None:
        columns = list(rows[0])
    labels = columns if isinstance(columns, dict) else {c: c.replace("_", " ") for c in columns}
    head = "".join(f"<th>{e(label)}</th>" for label in labels.values())
    body = []
    for row in rows:
        cells = []
        for key in labels:
            value = row.get(key)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            content = str(value) if key in html_columns else fmt(value)
            cells.append(f'<td class="num">{content}</td>' if numeric else f"<td>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return HTML(f"<table class=\"t\"><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def cards(items: list[tuple[str, Any]]) -> HTML:
    inner = "".join(f'<div class="card"><b>{fmt(value)}</b><span>{e(label)}</span></div>' for label, value in items)
    return HTML(f'<div class="cards">{inner}</div>')


def _short(text: str, width: int = 42) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    return fig, fig.add_subplot()
