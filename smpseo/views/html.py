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

from smpseo.analysis.readability import ease_band

# Old Yoast bands for Flesch reading ease.
GREEN, ORANGE, RED, GREY = "#1a7f37", "#d4760a", "#cf222e", "#8c959f"
SEVERITY_COLOUR = {"error": RED, "warning": ORANGE, "info": GREY}
STATUS_COLOUR = {"answered": GREEN, "partial": ORANGE, "missing": RED}

# Phones get tables as one labelled block per row and charts drawn for their width (NARROW); wider screens get
# tables in a frame that scrolls sideways, with a shadow at the edge that has more to show.
NARROW = "(max-width: 640px)"
CSS = """<style>
.smpseo { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px; color: #1f2328; }
.smpseo .frame { overflow-x: auto; width: fit-content; max-width: 100%; margin: 6px 0 12px; border: 1px solid #e3e6ea; border-radius: 6px;
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)) left / 32px 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) right / 32px 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) left / 12px 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) right / 12px 100% no-repeat scroll; }
.smpseo table.t { border-collapse: collapse; margin: 0; table-layout: auto; background: transparent; }
.smpseo table.t tr { background: transparent; }
.smpseo table.t th, .smpseo table.t td { text-align: left; padding: 5px 9px; border-bottom: 1px solid #e3e6ea; vertical-align: top;
  overflow-wrap: break-word; }
.smpseo table.t tbody tr:last-child td { border-bottom: none; }
.smpseo table.t th { font-size: 12px; color: #57606a; font-weight: 600; background: #f6f8fa; overflow-wrap: normal; }
.smpseo table.t td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.smpseo .dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 7px;
  vertical-align: -1px; }
.smpseo .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 6px 0 12px; }
.smpseo .card { border: 1px solid #e3e6ea; border-radius: 8px; padding: 10px 14px; }
.smpseo .card b { display: block; font-size: 22px; }
.smpseo .card span { color: #57606a; font-size: 12px; }
.smpseo .note { color: #57606a; }
.smpseo .muted { color: #57606a; font-size: 12px; }
.smpseo mark { background: #fff1a8; padding: 0 1px; }
.smpseo mark.hit { background: #ffd24d; }
.smpseo blockquote { margin: 4px 0 12px; padding: 6px 12px; border-left: 3px solid #d0d7de; background: #f6f8fa; }
.smpseo pre { background: #f6f8fa; padding: 10px 12px; border: 1px solid #e3e6ea; border-radius: 6px;
  white-space: pre-wrap; word-break: normal; overflow-wrap: anywhere; font-size: 12px; }
.smpseo ol li, .smpseo ul li { margin-bottom: 4px; }
.smpseo .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; color: #fff; font-size: 12px; }
.smpseo h4 { margin: 14px 0 4px; font-size: 14px; }
.smpseo img.chart { display: block; max-width: 100%; height: auto; }
@media """ + NARROW + """ {
  .smpseo img.chart { width: 100%; }
  .smpseo .cards { grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; }
  .smpseo .frame { overflow: visible; border: none; background: none; }
  .smpseo table.t, .smpseo table.t tbody, .smpseo table.t tr, .smpseo table.t td { display: block; width: auto; }
  .smpseo table.t thead { display: none; }
  .smpseo table.t tr { border: 1px solid #e3e6ea; border-radius: 6px; padding: 6px 10px; margin: 0 0 8px; }
  .smpseo table.t td, .smpseo table.t td.num { border: none; padding: 2px 0; text-align: left; white-space: normal; }
  .smpseo table.t td[data-label]::before { content: attr(data-label) ": "; color: #57606a; font-size: 12px;
    font-weight: 600; }
}
@media print {
  .smpseo * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .smpseo .frame { overflow: visible; border: none; background: none; }
  .smpseo table.t { width: 100%; }
  .smpseo tr, .smpseo .card, .smpseo li, .smpseo blockquote, .smpseo img.chart { break-inside: avoid; }
  .smpseo h4 { break-after: avoid; }
}
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
    """A matplotlib figure shown as an embedded PNG (with its title as the image's alt text), rendered once.

    `narrow` is the same chart drawn for a phone's width (labels that stay readable there); the page shows it on
    screens up to NARROW wide and `figure` elsewhere, on paper too."""

    DPI, NARROW_DPI = 110, 180  # the narrow picture is drawn sharper: it fills a phone's high-density screen

    def __init__(self, figure, alt: str, narrow=None):
        self.figure = figure
        self.alt = alt
        self.narrow = narrow
        self._png: dict[bool, bytes] = {}

    def png(self, narrow: bool = False) -> bytes:
        narrow = narrow and self.narrow is not None
        if narrow not in self._png:
            import matplotlib
            from matplotlib.text import Text

            figure, dpi = (self.narrow, self.NARROW_DPI) if narrow else (self.figure, self.DPI)
            # Labels are post titles and keywords: "Save $200 ... $1,000" is text, never mathtext or TeX. Texts
            # made so far are switched off here, tick labels made while drawing by the settings around it.
            with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
                for text in figure.findobj(Text):
                    text.set_parse_math(False)
                    text.set_usetex(False)
                buffer = io.BytesIO()
                figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
            self._png[narrow] = buffer.getvalue()
        return self._png[narrow]

    def _repr_png_(self) -> bytes:
        return self.png()

    def _repr_html_(self) -> str:
        def uri(narrow: bool) -> str:
            return "data:image/png;base64," + base64.b64encode(self.png(narrow)).decode("ascii")

        img = f'<img class="chart" src="{uri(False)}" alt="{escape(self.alt)}">'
        if self.narrow is not None:
            img = f'<picture><source media="{NARROW}" srcset="{uri(True)}">{img}</picture>'
        return f'{CSS}<div class="smpseo">{img}</div>'

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


def topic_status(t) -> str:
    """A FAQ topic's status as the HTML views show it: its badge, "(by hand)" when a topics file set it and "check?"
    when the evidence is borderline, as the command's tables say."""
    out = badge(t.status.replace("_", " "), STATUS_COLOUR.get(t.status, GREY))
    out += ' <span class="muted">(by hand)</span>' if t.set_by_hand else ""
    return out + (' <span class="muted">check?</span>' if t.confidence == "check" else "")


def ease_colour(value: float | None) -> str:
    if not isinstance(value, (int, float)):
        return GREY
    return {"good": GREEN, "ok": ORANGE, "poor": RED}[ease_band(value)]


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
    # On a phone each row is a block and each cell is labelled with its column's heading (`data-label`).
    named = {key: f' data-label="{e(label)}"' if str(label).strip() else "" for key, label in labels.items()}
    body = []
    for row in rows:
        cells = []
        for key in labels:
            value = row.get(key)
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            content = str(value) if key in html_columns else fmt(value)
            cells.append(f'<td class="num"{named[key]}>{content}</td>' if numeric else f"<td{named[key]}>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return HTML(f'<div class="frame"><table class="t"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table></div>")


def cards(items: list[tuple[str, Any]]) -> HTML:
    inner = "".join(f'<div class="card"><b>{fmt(value)}</b><span>{e(label)}</span></div>' for label, value in items)
    return HTML(f'<div class="cards">{inner}</div>')


def _short(text: str, width: int = 42) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def _figure(width: float, height: float, fit: bool = False):
    """A figure and its axes. `fit`: the labels are kept inside `width` (the axes shrink instead), so that the text
    keeps its size when the picture is shown at a fixed width."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained" if fit else None)
    return fig, fig.add_subplot()
