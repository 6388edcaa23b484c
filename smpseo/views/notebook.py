"""What the report notebooks display: tables, a traffic-light checklist, sentences in context, matplotlib charts.

Every helper takes results (plain data) and returns an object that renders itself in JupyterLab and in the HTML
export (`_repr_html_`). Nothing here analyses; every string that comes from a post, the config, a topic list or a
query file is escaped. Charts are PNGs embedded in the page: nothing is fetched from the network.
"""

from __future__ import annotations

import base64
import io
from html import escape
from pathlib import Path
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


# ---- monthly report ---------------------------------------------------------------------------------------------
def overview(report) -> HTML:
    """Headline figures of the month: posts, words, average reading ease, findings, unreadable files."""
    s = report.summary
    t = s["totals"]
    items = [("posts", t["posts"]), ("published this month", t.get("published")), ("words", t["words"]),
             ("average reading ease", t["flesch_reading_ease"]), ("average grade", t["grade"])]
    if s["available"]["findings"]:
        items.append(("findings", t["findings"]))
    if s["available"]["gaps"]:
        items.append(("FAQ topics not answered", s["gap_counts"].get("missing", 0)))
        items.append(("FAQ topics answered in part", s["gap_counts"].get("partial", 0)))
    items.append(("files that could not be read", t["read_errors"]))
    parts = [str(cards(items))]
    problems = [err for err in s["read_errors"]]
    if problems:
        parts.append(str(table(problems, {"path": "file", "line": "line", "severity": "severity",
                                          "message": "problem"})))
    return HTML("".join(parts))


def readability_chart(report) -> Chart | HTML:
    """Flesch reading ease per post as horizontal bars coloured by band, with the blog's average."""
    rows = [p for p in report.summary["posts"] if isinstance(p.get("flesch_reading_ease"), (int, float))]
    if not rows:
        return message("No post has prose to score yet.")
    rows.sort(key=lambda p: p["flesch_reading_ease"])
    fig, ax = _figure(8.5, 0.42 * len(rows) + 1.4)
    values = [p["flesch_reading_ease"] for p in rows]
    labels = [_short(p["title"] or p["slug"]) for p in rows]
    ax.barh(range(len(rows)), values, color=[ease_colour(v) for v in values], height=0.62)
    ax.set_yticks(range(len(rows)), labels, fontsize=9)
    for i, v in enumerate(values):
        ax.text(v + 0.8, i, f"{v:g}", va="center", fontsize=8.5,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
    average = report.summary["totals"]["flesch_reading_ease"]
    if average is not None:
        ax.axvline(average, color="#57606a", linestyle="--", linewidth=1, label=f"blog average ({average:g})")
    ax.axvline(EASE_GOOD, color=GREEN, linestyle=":", linewidth=1.2, label=f"aim: {EASE_GOOD:g} or more")
    ax.set_xlim(0, max(100, max(values) + 8))
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.legend(loc="lower right", fontsize=8.5, frameon=True, framealpha=0.95)
    ax.set_xlabel("Flesch reading ease (higher is easier; aim for 60 or more)")
    from ..report.months import month_title

    ax.set_title(f"Reading ease per post, {month_title(report.summary['month'])}", fontsize=11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(fig, "Reading ease per post")


def readability_table(report) -> HTML:
    rows = []
    for p in sorted(report.summary["posts"], key=lambda p: (p["flesch_reading_ease"] is None,
                                                            p["flesch_reading_ease"] or 0)):
        rows.append({"band": dot(ease_colour(p["flesch_reading_ease"])), "title": p["title"] or p["slug"],
                     "words": p["words"], "sentences": p["sentences"],
                     "reading_ease": p["flesch_reading_ease"], "grade": p["grade"],
                     **({"findings": p["findings"]} if report.summary["available"]["findings"] else {})})
    return table(rows, html_columns=("band",), empty="No posts.")


def coverage_heatmap(report) -> Chart | HTML:
    """How often each target keyword appears in each post (rows: targets, columns: posts)."""
    if report.coverage is None:
        return unavailable("Keyword coverage")
    cov = report.summary["coverage"]
    targets = list(dict.fromkeys(c["target"] for c in cov)) or list(report.config.targets)
    posts = report.summary["posts"]
    if not targets or not posts:
        return message("No target keywords in the settings (smpseo.toml [keywords] targets).")
    col = {p["slug"]: i for i, p in enumerate(posts)}
    grid = [[0] * len(posts) for _ in targets]
    row_of = {t: i for i, t in enumerate(targets)}
    for c in cov:
        if c["target"] in row_of and c["slug"] in col:
            grid[row_of[c["target"]]][col[c["slug"]]] = c["count"]
    fig, ax = _figure(max(6.0, 0.55 * len(posts) + 3.2), 0.5 * len(targets) + 2.6)
    top = max(max(r) for r in grid) or 1
    ax.imshow(grid, cmap="Greens", vmin=0, vmax=top, aspect="auto")
    for i, r in enumerate(grid):
        for j, v in enumerate(r):
            ax.text(j, i, str(v), ha="center", va="center", fontsize=9,
                    color="white" if v > top * 0.6 else (RED if v == 0 else "#1f2328"))
    ax.set_xticks(range(len(posts)), [_short(p["title"] or p["slug"], 28) for p in posts], rotation=35,
                  ha="right", fontsize=8.5)
    ax.set_yticks(range(len(targets)), [_short(t, 36) for t in targets], fontsize=9)
    ax.set_title("Target keywords per post (times used; 0 in red)", fontsize=11, loc="left")
    return Chart(fig, "Target keyword coverage per post")


def _suggestion_text(suggestion: Any) -> str:
    if isinstance(suggestion, dict):
        return str(suggestion.get("text") or suggestion.get("title") or "")
    return str(suggestion or "")


def gap_table(topics: list[dict] | None, limit: int | None = None, include_answered: bool = True) -> HTML:
    """FAQ topics by priority (the gap analysis's rank: demand, then how open the question is)."""
    from ..report.summary import gap_order

    if topics is None:
        return unavailable("FAQ gap analysis")
    rows = sorted(topics, key=gap_order)
    if not include_answered:
        rows = [t for t in rows if t.get("status") != "answered"]
    out = []
    for t in rows[:limit] if limit else rows:
        best = next(iter(t.get("posts") or []), None)
        where = ""
        if isinstance(best, dict) and t.get("status") != "missing":
            where = str(best.get("title") or best.get("path") or "")
            if best.get("section") and best.get("section") != best.get("title"):
                where += f" \u203a {best['section']}"
        out.append({"#": t.get("priority") or len(out) + 1,
                    "status": badge(t.get("status", ""), STATUS_COLOUR.get(t.get("status"), GREY)),
                    "question": t.get("question", ""), "demand": t.get("impressions"),
                    "answered_in": where, "suggestion": _suggestion_text(t.get("suggestion"))})
    columns = {"#": "#", "status": "status", "question": "question", "demand": "impressions",
               "answered_in": "best answer so far", "suggestion": "what to write"}
    if not any(t.get("impressions") for t in topics):  # no Search Console data: no demand column of zeros
        del columns["demand"]
    shown = table(out, columns,
                  html_columns=("status",), empty="Every FAQ topic is answered.")
    answered = sum(1 for t in topics if t.get("status") == "answered")
    note = (f'<p class="muted">{answered} more topic{"s are" if answered != 1 else " is"} answered well.</p>'
            if answered and not include_answered else "")
    return HTML(str(shown) + note)


def _findings_rows(findings: list[dict], titles: dict[str, str] | None = None) -> list[dict]:
    titles = titles or {}
    return [{"severity": dot(SEVERITY_COLOUR.get(f.get("severity"), GREY), f.get("severity", "")),
             "post": e(titles.get(f.get("path"), f.get("path", ""))), "line": f.get("line"),
             "rule": e(f.get("rule", "")), "message": code_spans(f.get("message", "")),
             "hint": code_spans(f.get("hint", ""))} for f in findings]


def findings_table(findings: list[dict] | None, categories: tuple[str, ...] = (), empty: str = "No findings.",
                   limit: int = 60, titles: dict[str, str] | None = None) -> HTML:
    """Findings (optionally only some categories), errors first. `titles` maps a post's path to its title."""
    if findings is None:
        return unavailable("Checks")
    chosen = [f for f in findings if not categories or str(f.get("category", "")) in categories]
    chosen.sort(key=lambda f: ({"error": 0, "warning": 1}.get(f.get("severity"), 2), str(f.get("path")),
                               f.get("line") or 0))
    shown = table(_findings_rows(chosen[:limit], titles),
                  {"severity": "", "post": "post", "line": "line", "rule": "rule", "message": "what",
                   "hint": "how to fix"},
                  html_columns=("severity", "post", "rule", "message", "hint"), empty=empty)
    more = f'<p class="muted">and {len(chosen) - limit} more</p>' if len(chosen) > limit else ""
    return HTML(str(shown) + more)


def cannibalisation_and_local(report) -> HTML:
    """Posts competing for one keyphrase, and local SEO findings (name, address, phone, city, call to action)."""
    from ..report.analysis import rule_ids

    if report.findings is None:
        return unavailable("Checks")
    competing = rule_ids("same-keyphrase", "same-strongest-target")
    titles = {p.path: p.title or p.slug for p in report.posts}
    # The checks flag each post of a competing group at its own line; a reader wants one row per group.
    groups: dict[tuple[str, str], dict] = {}
    for f in report.findings:
        if f.get("rule") in competing:
            group = groups.setdefault((str(f["rule"]), str(f.get("match", ""))),
                                      {"keyword": f.get("match", ""), "posts": [], "hint": f.get("hint", "")})
            group["posts"].append(titles.get(f.get("path"), f.get("path")))
    rows = [{**g, "count": len(g["posts"]), "posts": "; ".join(map(str, g["posts"]))} for g in groups.values()]
    local = [f for f in report.findings if f.get("category") == "local"]
    return HTML(
        "<h4>Posts competing for one keyword</h4>"
        + str(table(rows, {"keyword": "keyword", "count": "posts", "posts": "competing posts", "hint": "how to fix"},
                    empty="No two posts compete for the same keyword."))
        + "<h4>Local SEO</h4>"
        + str(findings_table(local, empty="No local SEO problems.", titles=titles))
    )


def changes(report) -> HTML:
    """What changed since last month's report."""
    c = report.changes
    if not c.get("previous_month"):
        return message("No report for the previous month was found, so there is nothing to compare yet. "
                       "Next month's report will show what changed.")
    parts = [f'<p>Compared with the report for <b>{e(c["previous_month"])}</b>.</p>']
    totals = c.get("totals", {})
    items = []
    for key, label in (("posts", "posts"), ("words", "words"), ("flesch_reading_ease", "average reading ease"),
                       ("findings", "findings")):
        if key in totals:
            d = totals[key]["delta"]
            items.append((f"{label} ({'+' if d > 0 else ''}{d:g})", totals[key]["after"]))
    if items:
        parts.append(str(cards(items)))
    parts.append(f"<h4>New posts ({len(c['new_posts'])})</h4>")
    parts.append(str(table([{"title": p["title"], "date": p.get("date"), "words": p["words"],
                             "reading_ease": p["flesch_reading_ease"]} for p in c["new_posts"]],
                           empty="No new posts.")))
    if c.get("removed_posts"):
        parts.append(f"<h4>Posts no longer there ({len(c['removed_posts'])})</h4>")
        parts.append(str(table([{"title": p["title"], "path": p["path"]} for p in c["removed_posts"]])))
    if report.summary["available"]["findings"] and (report.previous or {}).get("available", {}).get("findings"):
        titles = {p["slug"]: p["title"] or p["slug"] for p in (report.previous or {}).get("posts", [])}
        titles.update({p["slug"]: p["title"] or p["slug"] for p in report.summary["posts"]})
        fresh = {p["slug"] for p in c["new_posts"]}
        parts.append(f"<h4>Findings fixed ({len(c['fixed_findings'])})</h4>")
        parts.append(str(table([{"post": titles.get(f["slug"], f["path"]), "rule": f["rule"],
                                 "message": f["message"]} for f in c["fixed_findings"]], empty="None fixed.")))
        in_old = [f for f in c["new_findings"] if f.get("slug") not in fresh]
        in_new = len(c["new_findings"]) - len(in_old)
        parts.append(f"<h4>New findings in earlier posts ({len(in_old)})</h4>")
        parts.append(str(table([{"post": titles.get(f["slug"], f["path"]), "line": f["line"], "rule": f["rule"],
                                 "message": f["message"]} for f in in_old], empty="No new findings.")))
        if in_new:
            parts.append(f'<p class="muted">The new posts have {in_new} finding{"s" if in_new != 1 else ""} '
                         "of their own (see the tables above).</p>")
    parts.append("<h4>Score changes</h4>")
    rows = [{"trend": dot(GREY if d["improved"] is None else GREEN if d["improved"] else RED),
             "post": d["title"], "metric": d["metric"].replace("_", " "), "before": d["before"],
             "after": d["after"], "change": d["delta"]} for d in c["score_deltas"]]
    parts.append(str(table(rows, html_columns=("trend",), empty="No scores changed.")))
    if c.get("gap_changes"):
        parts.append("<h4>FAQ topics that changed</h4>")
        parts.append(str(table(c["gap_changes"], {"question": "question", "before": "before", "after": "now"})))
    return HTML("".join(parts))


def todo_list(items: list[dict]) -> HTML:
    if not items:
        return message("Nothing urgent: every post reads easily and no problems were found.")
    lis = "".join(f"<li><b>{code_spans(i['action'])}</b> <span class=\"note\">&mdash; {code_spans(i['why'])}"
                  "</span></li>" for i in items)
    return HTML(f"<ol>{lis}</ol>")


# ---- pre-publish check ------------------------------------------------------------------------------------------
def checklist(draft) -> HTML:
    """A traffic-light checklist: problems (red), improvements (orange), good results (green)."""
    m = draft.metrics
    groups: dict[str, list[str]] = {"Problems": [], "Improvements": [], "Good results": []}
    ease = m.get("flesch_reading_ease")
    avg = draft.blog_average.get("flesch_reading_ease")
    ease_text = f"Reading ease {ease:g}" if isinstance(ease, (int, float)) else "No prose to score yet"
    if isinstance(avg, (int, float)):
        ease_text += f" (blog average {avg:g})"
    band = ease_colour(ease)
    groups["Good results" if band == GREEN else "Improvements" if band == ORANGE else "Problems"].append(
        f"{dot(band)}{e(ease_text)}")
    if draft.findings is None:
        groups["Improvements"].append(f"{dot(GREY)}{e('Rule checks: not available in this version of smpseo.')}")
    else:
        for f in sorted(draft.findings, key=lambda f: (f.get("line") or 0)):
            sev = f.get("severity")
            where = f' <span class="muted">line {e(f.get("line"))}</span>' if f.get("line") else ""
            hint = f' <span class="note">&mdash; {code_spans(f.get("hint"))}</span>' if f.get("hint") else ""
            item = f"{dot(SEVERITY_COLOUR.get(sev, GREY), sev or '')}{e(f.get('message', ''))}{where}{hint}"
            groups["Problems" if sev == "error" else "Improvements"].append(item)
        seen = {str(f.get("category") or "") for f in draft.findings}
        for area in getattr(draft, "areas", None) or []:
            if area not in seen:
                groups["Good results"].append(f"{dot(GREEN)}{e(area.replace('_', ' ').capitalize())}: no problems")
    parts = []
    for name, entries in groups.items():
        if entries:
            parts.append(f"<h4>{e(name)} ({len(entries)})</h4><ul style=\"list-style:none;padding-left:4px\">"
                         + "".join(f"<li>{x}</li>" for x in entries) + "</ul>")
    return HTML("".join(parts))


def _mark(text: str, match: str) -> str:
    """Escape `text`, marking the first occurrence of `match` (case-insensitive)."""
    if match:
        at = text.lower().find(match.lower())
        if at >= 0:
            return (e(text[:at]) + f'<mark class="hit">{e(text[at:at + len(match)])}</mark>'
                    + e(text[at + len(match):]))
    return e(text)


def highlighted_sentences(draft, limit: int = 40) -> HTML:
    """Each finding's sentence, marked inside its paragraph, with the rule's message above it."""
    if draft.findings is None:
        return unavailable("Rule checks")
    post = draft.post
    located = [f for f in draft.findings if f.get("line")]
    if not located:
        return message("No sentence needs attention.")
    parts = []
    for f in sorted(located, key=lambda f: (f["line"], f.get("column") or 0))[:limit]:
        line = f["line"]
        block = next((b for b in post.blocks if b.line <= line <= (b.end_line or b.line)), None)
        head = (f"<h4>{dot(SEVERITY_COLOUR.get(f.get('severity'), GREY))}{e(f.get('message', ''))} "
                f'<span class="muted">line {e(line)} &middot; {e(f.get("rule", ""))}</span></h4>')
        if block is None:
            parts.append(head)
            continue
        sentence = next((s for s in block.sentences if s.line == line and (not f.get("column") or
                                                                            s.column <= f["column"])), None)
        pieces = []
        for s in block.sentences or []:
            if s is sentence:
                pieces.append(f"<mark>{_mark(s.text, f.get('match') or '')}</mark>")
            else:
                pieces.append(e(s.text))
        body = " ".join(pieces) if block.sentences else _mark(block.text, f.get("match") or "")
        parts.append(f"{head}<blockquote>{body}</blockquote>")
    return HTML("".join(parts))


def placement_table(draft) -> HTML:
    """Where each target keyword appears in the draft: how often, and in which places (title, introduction...)."""
    if draft.keyphrases is None:
        return unavailable("Keyword placement")
    rows = [{"target": c.get("target", ""), "times": c.get("count", 0),
             "where": ", ".join(c.get("placements") or []) or "nowhere"} for c in draft.keyphrases]
    focus = (f'<p>Focus keyphrase: <b>{e(draft.keyphrase)}</b> (its placement problems are in the checklist).</p>'
             if draft.keyphrase else "<p>No focus keyphrase set: add <code>keyphrase:</code> to the front matter."
             "</p>")
    return HTML(focus + str(table(rows, {"target": "target keyword", "times": "times used", "where": "where"},
                                  empty="No target keywords in the settings.")))


def readability_vs_blog(draft) -> HTML:
    labels = {"words": "words", "sentences": "sentences", "avg_sentence_words": "words per sentence",
              "flesch_reading_ease": "Flesch reading ease (higher is easier)",
              "flesch_kincaid_grade": "Flesch-Kincaid grade", "grade": "grade (consensus)"}
    rows = []
    for key, label in labels.items():
        mine, avg = draft.metrics.get(key), draft.blog_average.get(key)
        diff = round(mine - avg, 1) if isinstance(mine, (int, float)) and isinstance(avg, (int, float)) else None
        rows.append({"measure": label, "this draft": mine, "blog average": avg, "difference": diff})
    note = f'<p class="muted">Blog average over {draft.blog_posts} other post{"s" if draft.blog_posts != 1 else ""}.</p>'
    return HTML(str(table(rows)) + note)


def topics_answered(draft) -> HTML:
    if draft.topics is None:
        return unavailable("FAQ topics")
    rows = []
    for t in draft.topics:
        evidence = next(iter(t.get("evidence") or []), None)
        quote = evidence.get("text", "") if isinstance(evidence, dict) else str(evidence or "")
        rows.append({"status": badge(t.get("status", ""), STATUS_COLOUR.get(t.get("status"), GREY)),
                     "question": t.get("question", ""), "evidence": _short(quote, 140)})
    return table(rows, {"status": "status", "question": "question", "evidence": "where the draft answers it"},
                 html_columns=("status",), empty="This draft does not answer any of the FAQ topics yet.")


def links_to_add(draft) -> HTML:
    """Mentions in the draft of what another post answers: link them."""
    if draft.opportunities is None:
        return unavailable("Internal link suggestions")
    rows = [{"line": f.get("line"), "suggestion": f.get("message", ""), "text": f.get("match", "")}
            for f in draft.opportunities]
    return table(rows, {"line": "line", "suggestion": "link", "text": "the words to link"},
                 empty="No internal links to suggest.")


def jsonld(blocks: list[dict] | None) -> HTML:
    """The structured data to paste into the page's <head>, shown as text (escaped, never executed here)."""
    from ..jsonld import script_tag

    if not blocks:
        return unavailable("JSON-LD")
    return HTML("".join(f"<pre>{e(script_tag(block))}</pre>" for block in blocks))


# ---- headings ---------------------------------------------------------------------------------------------------
def heading(report) -> HTML:
    """The report's title line: month, site, when it was made."""
    from ..report.months import month_title

    s = report.summary
    site = f" &middot; {e(s['site'])}" if s.get("site") else ""
    return HTML(f'<p style="font-size:18px;margin:0"><b>{e(month_title(s["month"]))}</b>{site}</p>'
                f'<p class="muted">Made {e(s["generated_at"].replace("T", " ").rstrip("Z"))} UTC '
                f"with smpseo {e(s['smpseo_version'])} from {e(s['totals']['posts'])} posts.</p>")


def draft_heading(draft) -> HTML:
    post = draft.post
    key = f" &middot; focus keyphrase <b>{e(draft.keyphrase)}</b>" if draft.keyphrase else \
        " &middot; no focus keyphrase set"
    return HTML(f"<h2 style=\"margin-top:0\">{e(post.title or post.slug)}</h2>"
                f'<p class="muted">{e(Path(post.path).name if post.path else "")}{key}</p>')


# ---- FAQ gaps ---------------------------------------------------------------------------------------------------
def gap_chart(topics: list[dict] | None) -> Chart | HTML:
    """How many FAQ topics the blog answers, answers in part, or leaves open."""
    if topics is None:
        return unavailable("FAQ gap analysis")
    if not topics:
        return message("No FAQ topics configured.")
    order = ("answered", "partial", "missing")
    counts = [sum(1 for t in topics if t.get("status") == s) for s in order]
    fig, ax = _figure(7.5, 2.2)
    ax.barh(range(3), counts, color=[STATUS_COLOUR[s] for s in order], height=0.6)
    ax.set_yticks(range(3), ["answered", "answered in part", "not answered"], fontsize=9.5)
    for i, v in enumerate(counts):
        ax.text(v + 0.2, i, str(v), va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, max(counts) + 3)
    ax.set_xlabel(f"FAQ topics (of {len(topics)})")
    ax.set_title("Which questions prospects ask does the blog answer?", fontsize=11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(fig, "FAQ topics by status")


def candidates_table(candidates: list[dict] | None, limit: int = 30) -> HTML:
    """Search queries phrased as questions that no FAQ topic covers yet."""
    if candidates is None:
        return unavailable("Search Console question queries")
    return table(candidates[:limit], empty="No uncovered question-style queries (or no Search Console file given).")


def topic_detail(topics: list[dict] | None, topic_id: str) -> HTML:
    """One FAQ topic: its status and demand, the searches behind it, the posts and passages that answer it, and
    what to write."""
    if topics is None:
        return unavailable("FAQ gap analysis")
    if not topic_id:
        return message("Set `topic` in the parameters cell to a topic id (e.g. pain) to see its details.")
    t = next((t for t in topics if t.get("id") == topic_id), None)
    if t is None:
        return message(f"No FAQ topic with id {topic_id!r}. Known ids: {', '.join(x.get('id', '') for x in topics)}")
    parts = [f"<h4>{badge(t.get('status', ''), STATUS_COLOUR.get(t.get('status'), GREY))} {e(t.get('question'))}"
             f' <span class="muted">{e(t.get("id"))}</span></h4>']
    if t.get("impressions") or t.get("clicks"):
        parts.append(f"<p>{fmt(t.get('impressions'))} search impressions, {fmt(t.get('clicks'))} clicks"
                     + (f" (priority {fmt(t.get('priority'))})" if t.get("priority") else "") + "</p>")
    if t.get("queries"):
        parts.append("<p>Searches: " + ", ".join(f"<i>{e(q)}</i>" for q in t["queries"][:10]) + "</p>")
    suggestion = t.get("suggestion")
    if isinstance(suggestion, dict) and suggestion.get("text"):
        parts.append(f"<p><b>What to write:</b> {e(suggestion['text'])}</p>")
        if suggestion.get("subheadings"):
            parts.append("<ul>" + "".join(f"<li>{e(h)}</li>" for h in suggestion["subheadings"]) + "</ul>")
        if suggestion.get("keywords"):
            parts.append(f'<p class="muted">Words to use: {e(", ".join(suggestion["keywords"]))}</p>')
    posts = [p for p in t.get("posts") or [] if isinstance(p, dict)]
    parts.append("<h4>Posts that answer it</h4>")
    parts.append(str(table([{"post": p.get("title") or p.get("path"), "section": p.get("section"),
                             "line": p.get("line"), "status": p.get("status"), "match": p.get("score")}
                            for p in posts], empty="No post answers it yet.")))
    evidence = [x for x in t.get("evidence") or [] if isinstance(x, dict)]
    if evidence:
        parts.append("<h4>Where the posts answer it</h4>")
        for x in evidence[:5]:
            parts.append(f'<blockquote>{e(x.get("text"))}<br><span class="muted">{e(x.get("path"))}, line '
                         f'{e(x.get("line"))}</span></blockquote>')
    return HTML("".join(parts))
