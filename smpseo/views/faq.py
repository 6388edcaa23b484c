"""The FAQ report's sections: the status chart, candidate topics, one topic in detail."""

from __future__ import annotations

from smpseo.core.text import counted
from smpseo.model.gaps import Candidate, TopicResult
from smpseo.views.html import (
    GREY,
    HTML,
    STATUS_COLOUR,
    badge,
    e,
    fmt,
    message,
    table,
    unavailable,
)


def problems(lines: list[str] | None, notes: list[str] | None = None) -> HTML:
    """What could not be read or used (a post, a topics or queries file, a mark naming no post), one line each as
    `smpseo gaps` prints them on stderr, then `notes`, what was left out on purpose (drafts, a README), apart:
    they are no problem; nothing when everything was read."""
    parts = []
    if lines:
        items = "".join(f"<li>{e(line)}</li>" for line in lines)
        parts.append(f"<p><b>{e(counted(len(lines), 'problem'))} with what was given</b> (the rest is shown):</p>"
                     f"<ul>{items}</ul>")
    if notes:
        items = "".join(f"<li>{e(line)}</li>" for line in notes)
        parts.append(f'<p class="muted">Left out on purpose:</p><ul class="muted">{items}</ul>')
    return HTML("".join(parts))


def candidates_table(candidates: list[Candidate] | None, limit: int = 30) -> HTML:
    """Search queries phrased as questions that no FAQ topic covers yet."""
    if candidates is None:
        return unavailable("Search Console question queries")
    return table([c.to_dict() for c in candidates[:limit]],
                 empty="No uncovered question-style queries (or no Search Console file given).")


def topic_detail(topics: list[TopicResult] | None, topic_id: str) -> HTML:
    """One FAQ topic: its status and demand, the searches behind it, the posts and passages that answer it, and
    what to write."""
    if topics is None:
        return unavailable("FAQ gap analysis")
    if not topic_id:
        return message("Set `topic` in the parameters cell to a topic id (e.g. pain) to see its details.")
    t = next((t for t in topics if t.id == topic_id), None)
    if t is None:
        return message(f"No FAQ topic with id {topic_id!r}. Known ids: {', '.join(x.id for x in topics)}")
    parts = [f"<h4>{badge(t.status.replace('_', ' '), STATUS_COLOUR.get(t.status, GREY))} {e(t.question)}"
             f' <span class="muted">{e(t.id)}</span></h4>']
    flags = ["set by hand in a topics file"] if t.set_by_hand else []
    flags += ["check this: the evidence is borderline"] if t.confidence == "check" else []
    if t.note or flags:
        parts.append(f'<p class="muted">{e("; ".join([*flags, t.note]).strip("; "))}</p>')
    if t.impressions or t.clicks:
        parts.append(f"<p>{fmt(t.impressions)} search impressions, {fmt(t.clicks)} clicks"
                     + (f" (priority {fmt(t.priority)})" if t.priority else "") + "</p>")
    if t.queries:
        parts.append("<p>Searches: " + ", ".join(f"<i>{e(q)}</i>" for q in t.queries[:10]) + "</p>")
    suggestion = t.suggestion
    if suggestion is not None and suggestion.text:
        parts.append(f"<p><b>What to write:</b> {e(suggestion.text)}</p>")
        if suggestion.subheadings:
            parts.append("<ul>" + "".join(f"<li>{e(h)}</li>" for h in suggestion.subheadings) + "</ul>")
        if suggestion.keywords:
            parts.append(f'<p class="muted">Words to use: {e(", ".join(suggestion.keywords))}</p>')
    parts.append("<h4>Posts that answer it</h4>")
    parts.append(str(table([{"post": p.title or p.path, "section": p.section, "line": p.line, "status": p.status,
                             "match": round(p.score, 2)} for p in t.posts], empty="No post answers it yet.")))
    if t.evidence:
        parts.append("<h4>Where the posts answer it</h4>")
        for x in t.evidence[:5]:
            why = f" ({e(x.why)})" if x.why else ""
            parts.append(f'<blockquote>{e(x.text)}<br><span class="muted">{e(x.path)}, line '
                         f'{e(x.line)}{why}</span></blockquote>')
    return HTML("".join(parts))
