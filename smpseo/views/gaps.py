"""A GapReport as a prioritised text table, a Markdown table, or JSON. Views only format; they never analyse."""

from __future__ import annotations

import json
import re

from smpseo.core.text import counted, escaped
from smpseo.model.gaps import best_place, elsewhere, passing_line

STATUS_LABEL = {"missing": "MISSING", "partial": "partial", "answered": "answered", "not_relevant": "not relevant"}


def _status(topic) -> str:
    """The status as shown: "(by hand)" when a topics file set it, "check?" when the evidence is borderline (or a
    hand mark names a post that was not read)."""
    label = STATUS_LABEL.get(topic.status, topic.status)
    if topic.set_by_hand:
        label = f"{label} (by hand)"
    return f"{label} check?" if topic.confidence == "check" else label


def _demand(topic, has_queries: bool) -> str:
    if not has_queries:
        return ""
    return f"{topic.impressions:,}" if topic.impressions else "0"


def _suggestion(topic) -> str:
    return topic.suggestion.short if topic.suggestion else ""


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def rows(report) -> list[dict]:
    return [{"#": t.priority, "id": t.id, "status": _status(t), "question": t.question,
             "where": best_place(t), "demand": _demand(t, report.has_queries), "suggestion": _suggestion(t)}
            for t in report.topics]


WIDTHS = {"id": 24, "question": 64, "where": 44, "suggestion": 44}


def _aligned(columns: list[str], cells: list[list[str]], right: frozenset[str] = frozenset()) -> list[str]:
    """A plain table: the header, a rule, then a line per row, each column as wide as its widest cell (`right`:
    the columns aligned right)."""
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]

    def fmt(values):
        return "  ".join(v.rjust(w) if c in right else v.ljust(w)
                         for v, w, c in zip(values, widths, columns, strict=True)).rstrip()

    return [fmt(columns), fmt(["-" * w for w in widths]), *(fmt(r) for r in cells)]


def text(report, width: int = 44) -> str:
    """A plain table, gaps first by demand, then a summary line and the candidate topics."""
    table = rows(report)
    columns = ["#", "id", "status", "question", "where", "demand", "suggestion"]
    if not report.has_queries:
        columns.remove("demand")
    cells = [[_clip(str(r[c]), WIDTHS.get(c, width)) for c in columns] for r in table]
    order = "gaps first, most searched first" if report.has_queries else "gaps first"
    lines = [f"FAQ topics by priority ({order}). MISSING: not answered; partial: mentioned in passing; "
             "check?: borderline, read the evidence; (by hand): set in a topics file, by the topic's id.", "",
             *_aligned(columns, cells, frozenset({"#", "demand"}))]
    lines.append("")
    lines.append(f"{counted(len(report.topics), 'topic')} over {counted(report.posts, 'post')}: {report.counts()}")
    if report.few_posts():
        lines.append(report.few_posts())
    if report.candidates:
        lines.append("")
        lines.append("Questions searchers ask that no topic covers (candidate topics):")
        for c in report.candidates:
            lines.append(f"  {c.impressions:>7,}  {c.query}")
    if report.unmatched:
        lines += ["", unmatched_line(report.unmatched)]
    from smpseo.model.post import one_line

    return "\n".join(one_line(line) for line in lines)  # text from posts and queries never drives the terminal


def unmatched_line(unmatched: list, shown: int = 5) -> str:
    """One line on the searches no topic counts (not questions, so not candidates), most searched first."""
    total = sum(c.impressions for c in unmatched)
    named = ", ".join(f"'{c.query}' ({c.impressions:,})" for c in unmatched[:shown])
    more = f" and {len(unmatched) - shown:,} more" if len(unmatched) > shown else ""
    searches = "1 search" if len(unmatched) == 1 else f"{len(unmatched):,} searches"
    return (f"{searches} ({total:,} impressions) count for no topic and ask no question: {named}{more}. To count "
            "one, add it to a topic's phrasings in a topics file (docs/gaps.md, Your own topics).")


_MARKUP = re.compile(r"([\\`*_\[\]!|])")  # what Markdown reads as markup in a line: escaped, it shows as written
_REFERENCE = re.compile(r"&(?=#?\w+;)")  # "&amp;", "&#60;": a character reference Markdown would turn into one
_OPENING = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")  # what makes a line a heading, quote, list or rule


def _md(text: str) -> str:
    """Text for a Markdown cell or line, shown as written: HTML as text (`<` as `&lt;`: a renderer that passes HTML
    through runs nothing), a post's `![image](https://...)`, `[link](javascript:...)`, emphasis or code marks as the
    characters they are (a backslash before each; before, an image from a post's title loaded from its address
    wherever the table was shown), a `|` as no column's end, and a line's first character as no heading, quote or
    list. The rest as it is: "post > section", "Q&A"."""
    text = _REFERENCE.sub(r"\\&", _MARKUP.sub(r"\\\1", str(text).replace("\n", " "))).replace("<", "&lt;")
    return _OPENING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\{m[4]}", text)


def markdown(report) -> str:
    """A Markdown table for a wiki or an issue, with the evidence and the phrasings to answer under each gap."""
    has_q = report.has_queries
    head = ["#", "Status", "Question", "Best answer so far", *(["Impressions"] if has_q else []), "Suggestion"]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" if h in ("#", "Impressions") else "---"
                                                         for h in head) + "|"]
    for r, t in zip(rows(report), report.topics, strict=True):
        cells = [str(r["#"]), r["status"], _md(t.question), _md(r["where"]), *([r["demand"]] if has_q else []),
                 _md(t.suggestion.text if t.suggestion else "")]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append(f"{counted(len(report.topics), 'topic')} over {counted(report.posts, 'post')}: {report.counts()}.")
    if report.few_posts():
        out += ["", report.few_posts()]
    gaps = [t for t in report.topics if t.suggestion]
    if gaps:
        out += ["", "## What to write next", ""]
        for t in gaps:
            sug = t.suggestion
            out.append(f"### {_md(t.question)}")
            out.append("")
            out.append(f"- {_md(sug.text)}")
            if sug.subheadings:
                out.append(f"- subheadings: {'; '.join(_md(x) for x in sug.subheadings)}")
            if sug.keywords:
                out.append(f"- keywords: {', '.join(_md(k) for k in sug.keywords)}")
            for e in t.evidence[:2]:
                why = f" ({_md(e.why)})" if e.why else ""
                out.append(f"- found: {_md(e.path)}:{e.line}: \"{_md(e.text)}\"{why}")
            out.append("")
    if report.candidates:
        out += ["## Candidate topics (question-style searches no topic covers)", "", "| Query | Impressions |",
                "|---|---:|"]
        out += [f"| {_md(c.query)} | {c.impressions:,} |" for c in report.candidates]
    if report.unmatched:
        out += ["", _md(unmatched_line(report.unmatched))]
    return "\n".join(out).rstrip() + "\n"


def to_json(report) -> str:
    return escaped(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), json=True)


def draft_text(report) -> str:
    """A draft's report (`smpseo gaps --draft`): the topics it answers or answers half-way, where in the draft, and
    what the blog's other posts already do for each; the topics it only touches on, counted."""
    listed, passing = report.in_draft()
    lines = [f"{report.draft_intro()} partial: answered half-way, worth a sentence or a section more.",
             ""]
    columns = ["status", "question", "where", "the blog's other posts"]
    cells = [[_clip(_status(t), 20), _clip(t.question, 64), _clip(best_place(t), 44), _clip(elsewhere(t.posts[1:]), 52)]
             for t in listed]
    if cells:
        lines += [*_aligned(columns, cells), ""]
    else:
        lines += ["The draft answers none of the FAQ topics yet.", ""]
    if passing:
        lines.append(passing_line(passing))
    if report.few_posts():
        lines.append(report.few_posts())
    from smpseo.model.post import one_line

    return "\n".join(one_line(line) for line in lines)


def draft_markdown(report) -> str:
    """`draft_text` as a Markdown table."""
    listed, passing = report.in_draft()
    out = [report.draft_intro(_md(report.draft)), "",
           "| Status | Question | Where | The blog's other posts |", "|---|---|---|---|"]
    out += [f"| {_status(t)} | {_md(t.question)} | {_md(best_place(t))} | {_md(elsewhere(t.posts[1:]))} |" for t in listed]
    if passing:
        out += ["", passing_line(passing)]
    out.append("")
    return "\n".join(out)


def render(report, fmt: str = "text") -> str:
    if fmt == "json":
        return to_json(report) + "\n"
    if fmt == "markdown":
        return escaped(draft_markdown(report) if report.draft else markdown(report), keep_lines=True)
    return (draft_text(report) if report.draft else text(report)) + "\n"
