"""The pre-publish check's sections: the checklist, flagged sentences in context, placement, links, JSON-LD."""

from __future__ import annotations

from pathlib import Path

from smpseo.core.text import counted
from smpseo.model.gaps import elsewhere, passing_line
from smpseo.model.results import SEVERITY_ORDER
from smpseo.views.html import (
    GREEN,
    GREY,
    HTML,
    ORANGE,
    SEVERITY_COLOUR,
    _short,
    code_spans,
    dot,
    e,
    ease_colour,
    message,
    table,
    topic_status,
    unavailable,
)


def checklist(draft) -> HTML:
    """A traffic-light checklist: problems (red), improvements (orange), good results (green)."""
    groups: dict[str, list[str]] = {"Problems": [], "Improvements": [], "Good results": []}
    ease = draft.readability.flesch_reading_ease
    avg = draft.blog_average.flesch_reading_ease
    ease_text = f"Reading ease {ease:g}" if isinstance(ease, (int, float)) else "No prose to score yet"
    if isinstance(avg, (int, float)):
        ease_text += f" (blog average {avg:g})"
    band = ease_colour(ease)
    groups["Good results" if band == GREEN else "Improvements" if band == ORANGE else "Problems"].append(
        f"{dot(band)}{e(ease_text)}")
    if draft.findings is None:
        groups["Improvements"].append(f"{dot(GREY)}{e('Rule checks: not available in this version of smpseo.')}")
    else:
        by_rule: dict[str, list] = {}
        for f in sorted(draft.findings, key=lambda f: (f.line or 0, f.column or 0)):
            by_rule.setdefault(f.rule, []).append(f)
        for found in by_rule.values():  # one item per rule, its places listed under it
            worst = min(found, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
            groups["Problems" if worst.severity == "error" else "Improvements"].append(_checklist_item(draft, found))
        seen = {f.category for f in draft.findings}
        for area in draft.areas:
            if area not in seen:
                groups["Good results"].append(f"{dot(GREEN)}{e(area.replace('_', ' ').capitalize())}: no problems")
    parts = []
    for name, entries in groups.items():
        if entries:
            parts.append(f"<h4>{e(name)} ({len(entries)})</h4><ul style=\"list-style:none;padding-left:4px\">"
                         + "".join(f"<li>{x}</li>" for x in entries) + "</ul>")
    return HTML("".join(parts))


def _checklist_item(draft, found: list) -> str:
    """One rule's item of the checklist: its finding, or, for a rule that lists several places (56 passive
    sentences), its first finding's message and the number of places, with each place's line and sentence folded
    under it."""
    f = found[0]
    hint = f' <span class="note">&mdash; {code_spans(f.hint)}</span>' if f.hint else ""
    mark = dot(SEVERITY_COLOUR.get(f.severity, GREY), f.severity)
    if len(found) == 1:
        where = f' <span class="muted">line {e(f.line)}</span>' if f.line else ""
        return f"{mark}{e(f.message)}{where}{hint}"
    places = "".join(f'<li><span class="muted">line {e(x.line)}</span> {_place(draft.post, x)}</li>' for x in found)
    return (f"{mark}{e(f.message)}{hint}<details><summary>{e(counted(len(found), 'place'))}</summary>"
            f"<ul>{places}</ul></details>")


def _place(post, f) -> str:
    """A finding's sentence, its words marked (or its message, where it has no sentence)."""
    block = next((b for b in post.blocks if b.line <= (f.line or 0) <= (b.end_line or b.line)), None) \
        if f.line else None
    sentence = flagged_sentence(block, f.line, f.column or 0) if block is not None and block.sentences else None
    return _mark(sentence.text, f.match) if sentence is not None else e(f.message)


def _mark(text: str, match: str) -> str:
    """Escape `text`, marking the first occurrence of `match` (case-insensitive)."""
    if match:
        at = text.lower().find(match.lower())
        if at >= 0:
            return (e(text[:at]) + f'<mark class="hit">{e(text[at:at + len(match)])}</mark>'
                    + e(text[at + len(match):]))
    return e(text)


def flagged_sentence(block, line: int, column: int):
    """The sentence of `block` a finding at (line, column) is in: the last one starting at or before that place
    (a finding points at its sentence's start, or at a phrase inside it)."""
    if not column:
        return next((s for s in block.sentences if s.line == line), next(iter(block.sentences), None))
    started = [s for s in block.sentences if (s.line, s.column) <= (line, column)]
    return started[-1] if started else next(iter(block.sentences), None)


def highlighted_sentences(draft, limit: int = 40) -> HTML:
    """Each finding's sentence, marked inside its paragraph, with the rule's message above it."""
    if draft.findings is None:
        return unavailable("Rule checks")
    post = draft.post
    located = [f for f in draft.findings if f.line]
    if not located:
        return message("No sentence needs attention.")
    parts = []
    for f in sorted(located, key=lambda f: (f.line, f.column or 0))[:limit]:
        line = f.line
        block = next((b for b in post.blocks if b.line <= line <= (b.end_line or b.line)), None)
        head = (f"<h4>{dot(SEVERITY_COLOUR.get(f.severity, GREY))}{e(f.message)} "
                f'<span class="muted">line {e(line)} &middot; {e(f.rule)}</span></h4>')
        if block is None:
            parts.append(head)
            continue
        sentence = flagged_sentence(block, line, f.column or 0)
        pieces = []
        for s in block.sentences or []:
            if s is sentence:
                pieces.append(f"<mark>{_mark(s.text, f.match)}</mark>")
            else:
                pieces.append(e(s.text))
        body = " ".join(pieces) if block.sentences else _mark(block.text, f.match)
        parts.append(f"{head}<blockquote>{body}</blockquote>")
    return HTML("".join(parts))


def placement_table(draft) -> HTML:
    """Where each target keyword appears in the draft: how often, and in which places (title, introduction...)."""
    if draft.keyphrases is None:
        return unavailable("Keyword placement")
    rows = [{"target": c.target, "times": c.count, "where": ", ".join(c.placements) or "nowhere"}
            for c in draft.keyphrases]
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
        mine, avg = getattr(draft.readability, key), getattr(draft.blog_average, key)
        diff = round(mine - avg, 1) if isinstance(mine, (int, float)) and isinstance(avg, (int, float)) else None
        rows.append({"measure": label, "this draft": mine, "blog average": avg, "difference": diff})
    note = f'<p class="muted">Blog average over {counted(draft.blog_posts, "other post")}.</p>'
    return HTML(str(table(rows)) + note)


def topics_answered(draft) -> HTML:
    """The FAQ topics the draft answers or mentions, as if published on the blog: answered first, each with the
    sentence that counts and what the blog's other posts already say on it."""
    if draft.topics is None and not draft.blog_posts:
        return message("Which FAQ topics the draft answers is read against the blog's other posts, and none was "
                       "found beside the draft: name the blog's folder (--posts, or the notebook's posts setting).")
    if draft.topics is None:
        return unavailable("FAQ topics")
    rows = []
    for t in draft.topics:
        quote = t.evidence[0].text if t.evidence else ""
        rows.append({"status": topic_status(t), "question": t.question,
                     "evidence": _short(quote, 140),
                     "blog": elsewhere(t.posts[1:], update=getattr(draft, "replaces", None) is not None)})
    shown = table(rows, {"status": "status", "question": "question", "evidence": "where the draft answers it",
                         "blog": "the blog's other posts"},
                  html_columns=("status",), empty="This draft does not answer any of the FAQ topics yet.")
    few = draft.gap_report.few_posts() if draft.gap_report is not None else ""
    notes = [passing_line(draft.passing)] if draft.passing else []
    notes += [few] if few else []
    return HTML(str(shown) + "".join(f'<p class="muted">{e(n)}</p>' for n in notes))


def links_to_add(draft) -> HTML:
    """Mentions in the draft of what another post answers: link them."""
    if draft.opportunities is None:
        return unavailable("Internal link suggestions")
    rows = [{"line": f.line, "suggestion": f.message, "text": f.match} for f in draft.opportunities]
    return table(rows, {"line": "line", "suggestion": "link", "text": "the words to link"},
                 empty="No internal links to suggest.")


def jsonld(blocks: list[dict] | None) -> HTML:
    """The structured data to paste into the page's <head>, shown as text (escaped, never executed here)."""
    from smpseo.analysis.jsonld import script_tag

    if not blocks:
        return unavailable("JSON-LD")
    return HTML("".join(f"<pre>{e(script_tag(block))}</pre>" for block in blocks))



def draft_heading(draft) -> HTML:
    post = draft.post
    key = f" &middot; focus keyphrase <b>{e(draft.keyphrase)}</b>" if draft.keyphrase else \
        " &middot; no focus keyphrase set"
    return HTML(f"<h2 style=\"margin-top:0\">{e(post.title or post.slug)}</h2>"
                f'<p class="muted">{e(Path(post.path).name if post.path else "")}{key}</p>'
                + (f"<p>{e(replacing_line(draft.replaces))}</p>" if getattr(draft, "replaces", None) else "")
                + (f'<p class="note">{e(draft.language)}</p>' if getattr(draft, "language", "") else ""))


def replacing_line(published) -> str:
    """What the page says once of a draft that is an update of a published post."""
    return (f"This draft replaces the published {published.path} (the same address): the checks, the blog average "
            "and the FAQ topics read it in that post's place, against the blog's other posts.")
