"""The monthly report's sections: overview, readability, coverage, gaps, changes, the to-do list."""

from __future__ import annotations

from collections.abc import Sequence

from smpseo.core.text import counted
from smpseo.model.changes import TodoItem
from smpseo.model.gaps import TopicResult
from smpseo.model.results import Finding
from smpseo.views.html import (
    GREEN,
    GREY,
    HTML,
    RED,
    SEVERITY_COLOUR,
    cards,
    code_spans,
    dot,
    e,
    ease_colour,
    message,
    table,
    topic_status,
    unavailable,
)


def overview(report) -> HTML:
    """Headline figures of the month: posts, words, average reading ease, findings, unreadable files."""
    s = report.summary
    t = s.totals
    items = [("posts", t.posts), ("published this month", t.published), ("words", t.words),
             ("average reading ease", t.flesch_reading_ease), ("average grade", t.grade)]
    if s.available.findings:
        items.append(("findings", t.findings))
    if s.available.gaps:
        items.append(("FAQ topics not answered", s.gap_count("missing")))
        items.append(("FAQ topics answered in part", s.gap_count("partial")))
    items.append(("files that could not be read", t.read_errors))
    parts = [str(cards(items))]
    # a note about a whole file or folder has no line: none is shown
    problems = [{"path": err.path, "line": err.line or "", "severity": err.severity, "message": err.message}
                for err in s.read_errors if err.severity != "info"]
    if problems:
        parts.append(str(table(problems, {"path": "file", "line": "line", "severity": "severity",
                                          "message": "problem"})))
    # (a note on the posts folder itself, the drafts left out of it, is at "." in the summary: named so here)
    notes = [{"path": "the posts folder" if err.path == "." else err.path, "message": err.message}
             for err in s.read_errors if err.severity == "info"]
    if notes:  # what was left out on purpose (drafts, a README), a table read by its columns' order: no problem
        parts.append('<p class="muted">Left out on purpose, and how files were read:</p>'
                     + str(table(notes, {"path": "file", "message": "note"})))
    return HTML("".join(parts))


def readability_table(report) -> HTML:
    rows = []
    checked = report.summary.available.findings
    names = report.summary.titles()  # (two posts of one title told apart)
    for p in sorted(report.summary.posts, key=lambda p: (p.flesch_reading_ease is None, p.flesch_reading_ease or 0)):
        rows.append({"band": dot(ease_colour(p.flesch_reading_ease)), "title": names[(p.path, p.slug)], "words": p.words,
                     "sentences": p.sentences, "reading_ease": p.flesch_reading_ease, "grade": p.grade,
                     **({"findings": p.findings} if checked else {})})
    return table(rows, html_columns=("band",), empty="No posts.")


def gap_table(topics: list[TopicResult] | None, limit: int | None = None, include_answered: bool = True) -> HTML:
    """FAQ topics by priority (the gap analysis's rank: demand, then how open the question is)."""
    if topics is None:
        return unavailable("FAQ gap analysis")
    rows = list(topics)  # in priority order already
    if not include_answered:
        rows = [t for t in rows if t.status != "answered"]
    out = []
    for t in rows[:limit] if limit else rows:
        best = t.posts[0] if t.posts else None
        where = ""
        if best is not None and t.status != "missing":
            where = best.title or best.path
            if best.section and best.section != best.title:
                where += f" \u203a {best.section}"
        out.append({"#": t.priority or len(out) + 1, "status": topic_status(t),
                    "question": t.question, "demand": t.impressions, "answered_in": where,
                    "suggestion": t.suggestion.text if t.suggestion else ""})
    columns = {"#": "#", "status": "status", "question": "question", "demand": "impressions",
               "answered_in": "best answer so far", "suggestion": "what to write"}
    if not any(t.impressions for t in topics):  # no Search Console data: no demand column of zeros
        del columns["demand"]
    shown = table(out, columns,
                  html_columns=("status",), empty="Every FAQ topic is answered.")
    answered = sum(1 for t in topics if t.status == "answered")
    note = (f'<p class="muted">{answered} more topic{"s are" if answered != 1 else " is"} answered well.</p>'
            if answered and not include_answered else "")
    return HTML(str(shown) + note)


def _findings_rows(findings: list[Finding], titles: dict[str, str] | None = None) -> list[dict]:
    titles = titles or {}
    return [{"severity": dot(SEVERITY_COLOUR.get(f.severity, GREY), f.severity),
             "post": e(titles.get(f.path, f.path)), "line": f.line, "rule": e(f.rule),
             "message": code_spans(f.message), "hint": code_spans(f.hint)} for f in findings]


def findings_table(findings: list[Finding] | None, categories: tuple[str, ...] = (), empty: str = "No findings.",
                   limit: int = 60, titles: dict[str, str] | None = None) -> HTML:
    """Findings (optionally only some categories), errors first. `titles` maps a post's path to its title."""
    if findings is None:
        return unavailable("Checks")
    chosen = [f for f in findings if not categories or f.category in categories]
    chosen.sort(key=lambda f: ({"error": 0, "warning": 1}.get(f.severity, 2), f.path, f.line or 0))
    shown = table(_findings_rows(chosen[:limit], titles),
                  {"severity": "", "post": "post", "line": "line", "rule": "rule", "message": "what",
                   "hint": "how to fix"},
                  html_columns=("severity", "post", "rule", "message", "hint"), empty=empty)
    more = f'<p class="muted">and {len(chosen) - limit} more</p>' if len(chosen) > limit else ""
    return HTML(str(shown) + more)


def cannibalisation_and_local(report) -> HTML:
    """Posts competing for one keyphrase, and local SEO findings (name, address, phone, city, call to action)."""
    if report.findings is None:
        return unavailable("Checks")
    titles = {p.path: p.title or p.slug for p in report.posts}
    summary = getattr(report, "summary", None)  # two posts of one title told apart
    titles.update({path: name for (path, _), name in (summary.titles() if summary else {}).items() if path})
    # The checks flag each post of a competing group at its own line; a reader wants one row per group.
    groups: dict[tuple[str, str], dict] = {}
    for f in report.competing or []:
        group = groups.setdefault((f.rule, f.match), {"keyword": f.match, "posts": [], "hint": f.hint})
        group["posts"].append(titles.get(f.path, f.path))
    rows = [{**g, "count": len(g["posts"]), "posts": "; ".join(map(str, g["posts"]))} for g in groups.values()]
    local = [f for f in report.findings if f.category == "local"]
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
    if not c.previous_month:
        return message("No report for the previous month was found, so there is nothing to compare yet. "
                       "Next month's report will show what changed.")
    parts = [f'<p>Compared with the report for <b>{e(c.previous_month)}</b>.</p>']
    items = []
    for key, label in (("posts", "posts"), ("words", "words"), ("flesch_reading_ease", "average reading ease"),
                       ("findings", "findings")):
        if key in c.totals:
            d = c.totals[key].delta
            items.append((f"{label} ({'+' if d > 0 else ''}{d:g})", c.totals[key].after))
    if items:
        parts.append(str(cards(items)))
    parts.append(f"<h4>New posts ({len(c.new_posts)})</h4>")
    parts.append(str(table([{"title": p.title, "date": p.date, "words": p.words,
                             "reading_ease": p.flesch_reading_ease} for p in c.new_posts],
                           empty="No new posts.")))
    if c.removed_posts:
        parts.append(f"<h4>Posts no longer there ({len(c.removed_posts)})</h4>")
        parts.append(str(table([{"title": p.title, "path": p.path} for p in c.removed_posts])))
    if report.summary.available.findings and report.previous is not None and report.previous.available.findings:
        titles = {**report.previous.titles(), **report.summary.titles()}
        fresh = {(p.path, p.slug) for p in c.new_posts}
        parts.append(f"<h4>Findings fixed ({len(c.fixed_findings)})</h4>")
        parts.append(str(table([{"post": titles.get((f.path, f.slug), f.path), "rule": f.rule, "message": f.message}
                                for f in c.fixed_findings], empty="None fixed.")))
        in_old = [f for f in c.new_findings if (f.path, f.slug) not in fresh]
        in_new = len(c.new_findings) - len(in_old)
        parts.append(f"<h4>New findings in earlier posts ({len(in_old)})</h4>")
        parts.append(str(table([{"post": titles.get((f.path, f.slug), f.path), "line": f.line, "rule": f.rule,
                                 "message": f.message} for f in in_old], empty="No new findings.")))
        if in_new:
            parts.append(f'<p class="muted">The new posts have {counted(in_new, "finding")} '
                         "of their own (see the tables above).</p>")
    parts.append("<h4>Score changes</h4>")
    rows = [{"trend": dot(GREY if d.improved is None else GREEN if d.improved else RED),
             "post": d.title, "metric": d.metric.replace("_", " "), "before": d.before,
             "after": d.after, "change": d.delta} for d in c.score_deltas]
    parts.append(str(table(rows, html_columns=("trend",), empty="No scores changed.")))
    parts += _gap_changes(c.gap_changes, {**report.previous.titles(), **report.summary.titles()}
                          if report.previous is not None else report.summary.titles())
    return HTML("".join(parts))


AROUND = ("changed status, but the post and passage each rests on did not change: each passage is measured against "
          "the blog's other posts, so the posts added or changed around it moved its status. Not the blog's "
          "progress (or loss) on these questions.")


def _gap_changes(changes, titles: dict) -> list[str]:
    """FAQ topics whose status changed: those a post new, removed or changed moved (the blog's progress, or what
    it lost), then apart those whose post did not change (the blog around it moved them)."""
    def rows(found):
        return [{"question": g.question, "before": g.before, "after": g.after,
                 "post": titles.get((g.post, g.slug), g.post) + (f" \u203a {g.section}" if g.section else "")}
                for g in found]

    columns = {"question": "question", "before": "before", "after": "now", "post": "post it rests on"}
    moved = [g for g in changes if g.post_changed is not False]
    around = [g for g in changes if g.post_changed is False]
    parts = []
    if moved:
        parts += ["<h4>FAQ topics that changed</h4>", str(table(rows(moved), columns))]
    if around:
        these = "This FAQ topic" if len(around) == 1 else f"These {len(around)} FAQ topics"
        parts += [f"<h4>FAQ topics whose post did not change ({len(around)})</h4>",
                  f'<p class="muted">{these} {e(AROUND)}</p>', str(table(rows(around), columns))]
    return parts


def faq_gaps(report) -> HTML:
    """The questions no post answers yet, by priority; on a small blog, first the line `smpseo gaps` prints under
    its table (`GapReport.few_posts`): its statuses are leads."""
    few = report.gap_report.few_posts() if report.gap_report is not None else ""
    caveat = f"<p>{dot(SEVERITY_COLOUR['warning'])}{code_spans(few)}</p>" if few else ""
    return HTML(caveat + str(gap_table(report.topics, include_answered=False)))


def todo_list(items: Sequence[TodoItem]) -> HTML:
    if not items:
        return message("Nothing urgent: every post reads easily and no problems were found.")
    lis = "".join(f"<li><b>{code_spans(i.action)}</b> <span class=\"note\">&mdash; {code_spans(i.why)}"
                  "</span></li>" for i in items)
    return HTML(f"<ol>{lis}</ol>")



def heading(report) -> HTML:
    """The report's title line: month, site, when it was made; a file of the user's kept aside, one line each."""
    from smpseo.core.months import month_title

    s = report.summary
    site = f" &middot; {e(s.site)}" if s.site else ""
    return HTML(f'<p style="font-size:18px;margin:0"><b>{e(month_title(s.month))}</b>{site}</p>'
                f'<p class="muted">Made {e(s.generated_at.replace("T", " ").rstrip("Z"))} UTC '
                f"with smpseo {e(s.smpseo_version)} from {e(s.totals.posts)} posts.</p>"
                # a file of the user's that was in the way of one the report wrote, and where it is kept
                + "".join(f"<p>{dot(SEVERITY_COLOUR['warning'])}{e(kept.line())}</p>" for kept in report.kept))
