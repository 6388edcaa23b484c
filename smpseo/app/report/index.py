"""`reports/index.html`: every monthly report in a reports folder, newest first, with its headline figures."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from smpseo.app.report.keep import write_keeping
from smpseo.core.months import month_title
from smpseo.core.text import counted
from smpseo.core.textfile import read_regular
from smpseo.core.version import GENERATOR_META
from smpseo.sources.readers.sites import MONTH_FOLDER

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{generator}
<title>{title}</title>
<style>
body {{ font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f7f9;
       margin: 0; }}
main {{ max-width: 880px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; }}
h1 {{ font-size: 1.7em; margin: 0 0 0.2em; }}
p.lead {{ color: #57606a; margin-top: 0; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 1em; }}
th, td {{ text-align: left; padding: 8px 10px; border-bottom: 1px solid #e3e6ea; }}
th {{ font-size: 13px; color: #57606a; font-weight: 600; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.failed {{ color: #b42318; font-weight: 600; }}
/* A phone: one block per month, each figure labelled. */
@media (max-width: 640px) {{
  main {{ padding: 14px 14px 40px; }}
  table, tbody, tr, td {{ display: block; }}
  thead {{ display: none; }}
  tr {{ border: 1px solid #e3e6ea; border-radius: 6px; padding: 6px 10px; margin-bottom: 8px; }}
  td, td.num {{ border: none; padding: 2px 0; text-align: left; }}
  td[data-label]::before {{ content: attr(data-label) ": "; color: #57606a; font-size: 13px; font-weight: 600; }}
}}
@media print {{
  body, main {{ background: #fff; }}
  main {{ max-width: none; padding: 0; min-height: 0; }}
  tr {{ break-inside: avoid; }}
  a[href]::after {{ content: " (" attr(href) ")"; font-size: 0.85em; color: #57606a; }}
}}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="lead">{lead}</p>
<table>
<thead><tr><th>Month</th><th>Report</th><th class="num">Posts</th><th class="num">Words</th>
<th class="num">Reading ease</th><th class="num">Findings</th><th>Status</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def _num(value) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return "&ndash;"  # missing, or whatever a damaged summary.json holds
    return escape(f"{value:,}" if isinstance(value, int) else f"{value:g}")


def month_rows(reports_dir: Path) -> list[dict]:
    rows = []
    for folder in sorted((p for p in reports_dir.iterdir() if p.is_dir() and MONTH_FOLDER.match(p.name)),
                         key=lambda p: p.name, reverse=True):
        html_file = folder / "monthly_report.html"
        summary = {}
        try:
            # a regular file only: a FIFO in its place would wait for ever, a link to /dev/zero never end
            summary = json.loads(read_regular(folder / "summary.json").decode("utf-8"))  # at most MAX_BYTES
        except (OSError, ValueError, RecursionError):
            pass
        if not isinstance(summary, dict):
            summary = {}
        totals, site = summary.get("totals"), summary.get("site")
        rows.append({"month": folder.name, "html": html_file if html_file.is_file() else None,
                     "pdf": (folder / "monthly_report.pdf").is_file(),
                     "totals": totals if isinstance(totals, dict) else {},
                     "failed": (folder / "monthly_report.FAILED.ipynb").is_file(),
                     "site": site if isinstance(site, str) else ""})
    return rows


def write_index(reports_dir: str | Path, kept: list | None = None) -> Path:
    """Write `index.html` listing every month folder (newest first); returns its path. An `index.html` that is not
    smpseo's own (edited since it was written, or never written by smpseo: a site's home page) is first moved aside
    to `index.edited.html` (`keep.keep_aside`; what was kept is appended to `kept`)."""
    reports_dir = Path(reports_dir)
    rows = month_rows(reports_dir)
    site = next((r["site"] for r in rows if r["site"]), "")
    lines = []
    for r in rows:
        t = r["totals"]
        link = (f'<a href="{escape(r["month"])}/monthly_report.html">{escape(month_title(r["month"]))}</a>'
                if r["html"] else escape(month_title(r["month"])))
        if r["html"] and r["pdf"]:
            link += f' &middot; <a href="{escape(r["month"])}/monthly_report.pdf">PDF</a>'
        if r["failed"] and r["html"]:
            status = '<span class="failed">last re-run failed; this is the earlier report</span>'
        elif r["failed"]:
            status = '<span class="failed">failed</span>'
        else:
            status = "ok"
        lines.append(f'<tr><td data-label="Month">{escape(r["month"])}</td><td data-label="Report">{link}</td>'
                     f'<td class="num" data-label="Posts">{_num(t.get("posts"))}</td>'
                     f'<td class="num" data-label="Words">{_num(t.get("words"))}</td>'
                     f'<td class="num" data-label="Reading ease">{_num(t.get("flesch_reading_ease"))}</td>'
                     f'<td class="num" data-label="Findings">{_num(t.get("findings"))}</td>'
                     f'<td data-label="Status">{status}</td></tr>')
    title = f"SEO reports: {site}" if site else "SEO reports"
    lead = f"{counted(len(rows), 'monthly report')}, newest first." if rows else \
        "No monthly reports yet: run <code>smpseo report monthly</code>."
    # a temporary file of its own (two runs at once never share one), removed if the disk is full
    return write_keeping(reports_dir / "index.html",
                         PAGE.format(title=escape(title), generator=GENERATOR_META, lead=lead, rows="\n".join(lines)),
                         kept)
