"""The FAQ report's sections: the status chart, candidate topics, one topic in detail."""

from __future__ import annotations

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
    flags = ["set by hand in a topics file"] if t.get("set_by_hand") else []
    flags += ["check this: the evidence is borderline"] if t.get("confidence") == "check" else []
    if t.get("note") or flags:
        parts.append(f'<p class="muted">{e("; ".join([*flags, t.get("note") or ""]).strip("; "))}</p>')
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
            why = f" ({e(x.get('why'))})" if x.get("why") else ""
            parts.append(f'<blockquote>{e(x.get("text"))}<br><span class="muted">{e(x.get("path"))}, line '
                         f'{e(x.get("line"))}{why}</span></blockquote>')
    return HTML("".join(parts))
