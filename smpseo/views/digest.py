"""The email that carries the monthly report: its subject, and its body as plain text and as simple HTML (inline
styles only, as mail programs want; everything from the posts, settings or topics escaped)."""

from __future__ import annotations

from html import escape

from smpseo.model.digest import Digest
from smpseo.model.summary import GapFigures


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _change(delta) -> str:
    if not delta:
        return ""
    return f" ({'+' if delta > 0 else ''}{_number(delta)})"


def _gap(g: GapFigures) -> str:
    state = "not answered" if g.status == "missing" else "answered in part"
    demand = f", {g.impressions:,} search impressions" if g.impressions else ""
    return f"{g.question} ({state}{demand})"


def _one_line(text) -> str:
    return " ".join(str(text).split())


def subject(d: Digest) -> str:
    return _one_line(f"SEO report {d.title}" + (f": {d.site}" if d.site else ""))


def _since(d: Digest) -> str:
    return f"since {d.previous_month}" if d.previous_month else "(first report: no earlier month to compare)"


def digest_text(d: Digest) -> str:
    lines = [subject(d), "", f"The month at a glance, changes {_since(d)}:"]
    lines += [f"  {h.label}: {_number(h.value)}{_change(h.change)}" for h in d.headline]
    lines += ["", "Fix first:"]
    for i in d.fixes:
        lines += [f"  {i.rank}. {_one_line(i.action)}", f"     {_one_line(i.why)}"]
    if not d.fixes:
        lines.append("  Nothing urgent.")
    if d.fixes_total > len(d.fixes):
        lines.append(f"  ... {d.fixes_total - len(d.fixes)} more in the report")
    lines += ["", "New FAQ gaps (questions prospects ask that no post answers fully):"]
    lines += [f"  - {_one_line(_gap(g))}" for g in d.gaps] or ["  None new this month."]
    if d.gaps_total > len(d.gaps):
        lines.append(f"  ... {d.gaps_total - len(d.gaps)} more in the report")
    lines += ["", "The whole report is attached: open the .html file in a browser (or the PDF, when there is one)."]
    return "\n".join(lines) + "\n"


def digest_html(d: Digest) -> str:
    e = escape
    cell = 'style="padding:4px 12px 4px 0;border-bottom:1px solid #e3e6ea"'
    rows = "".join(f"<tr><td {cell}>{e(h.label)}</td><td {cell} align=\"right\"><b>{e(_number(h.value))}</b>"
                   f"{e(_change(h.change))}</td></tr>" for h in d.headline)
    fixes = "".join(f"<li style=\"margin-bottom:6px\"><b>{e(i.action)}</b><br>"
                    f"<span style=\"color:#57606a\">{e(i.why)}</span></li>" for i in d.fixes)
    gaps = "".join(f"<li>{e(_gap(g))}</li>" for g in d.gaps)
    more_fixes = (f"<p style=\"color:#57606a\">{d.fixes_total - len(d.fixes)} more in the report.</p>"
                  if d.fixes_total > len(d.fixes) else "")
    more_gaps = (f"<p style=\"color:#57606a\">{d.gaps_total - len(d.gaps)} more in the report.</p>"
                 if d.gaps_total > len(d.gaps) else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(subject(d))}</title></head>
<body style="margin:0;padding:16px;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2328">
<div style="max-width:640px;margin:0 auto">
<h1 style="font-size:20px;margin:0 0 4px">{e(subject(d))}</h1>
<p style="color:#57606a;margin:0 0 12px">The month at a glance, changes {e(_since(d))}.</p>
<table role="presentation" style="border-collapse:collapse;margin-bottom:16px">{rows}</table>
<h2 style="font-size:17px;margin:16px 0 6px">Fix first</h2>
{f'<ol style="padding-left:22px">{fixes}</ol>' if fixes else '<p>Nothing urgent.</p>'}{more_fixes}
<h2 style="font-size:17px;margin:16px 0 6px">New FAQ gaps</h2>
{f'<ul style="padding-left:22px">{gaps}</ul>' if gaps else '<p>None new this month.</p>'}{more_gaps}
<p style="color:#57606a;margin-top:20px">The whole report is attached: open the .html file in a browser (or the PDF,
when there is one).</p>
</div></body></html>
"""
