"""Each post's rating (SEO and readability, good / ok / poor) and its most valuable fixes, as HTML for the
notebooks and reports."""

from __future__ import annotations

from collections.abc import Sequence

from smpseo.core.text import counted
from smpseo.model.results import Fix, PostRating, Rating
from smpseo.views.html import GREEN, GREY, HTML, ORANGE, RED, code_spans, dot, e, table, unavailable

RATING_COLOUR = {"good": GREEN, "ok": ORANGE, "poor": RED}


def _light(value: str | None) -> str:
    return f"{dot(RATING_COLOUR.get(value, GREY), value or '')}{e(value or '-')}"


def lights(rating: Rating | None) -> str:
    """"SEO ● good  Readability ● ok" as markup (no rating: nothing)."""
    if not rating:
        return ""
    return f"{e('SEO')} {_light(rating.seo)} &nbsp; {e('Readability')} {_light(rating.readability)}"


def fixes_list(fixes: Sequence[Fix] | None) -> str:
    """The fixes, best first, as an ordered list with where they are and how to do them."""
    if not fixes:
        return '<p class="note">Nothing to fix first.</p>'
    items = []
    for f in fixes:
        where = f' <span class="muted">line {e(f.line)} &middot; {e(f.rule)}</span>' if f.line else ""
        hint = f' <span class="note">&mdash; {code_spans(f.hint)}</span>' if f.hint else ""
        items.append(f"<li><b>{e(f.message)}</b>{where}{hint}</li>")
    return f"<ol>{''.join(items)}</ol>"


def post_rating(rating: Rating | None, fixes: Sequence[Fix] | None) -> HTML:
    """One post: its rating and the fixes that raise it most."""
    return HTML(f"<p>{lights(rating)}</p><h4>Fix first</h4>{fixes_list(fixes)}")


def ratings_table(posts: list[PostRating]) -> HTML:
    """Every post: title, SEO and readability rating and its first fix; the worst posts first."""
    order = {"poor": 0, "ok": 1, "good": 2}

    def worst_first(p: PostRating):
        seo, readability = (p.rating.seo, p.rating.readability) if p.rating else (None, None)
        return order.get(seo, 3), order.get(readability, 3), p.title

    rows = []
    for p in sorted(posts, key=worst_first):
        seo, readability = (p.rating.seo, p.rating.readability) if p.rating else (None, None)
        rows.append({"post": p.title or p.path,  # no rating: the post was not checked (past its time limit)
                     "seo": f'{dot(RATING_COLOUR.get(seo, GREY))}{e(seo or "not checked")}',
                     "readability": f'{dot(RATING_COLOUR.get(readability, GREY))}{e(readability or "not checked")}',
                     "fix first": fixes_list(p.fixes)})
    return table(rows, ["post", "seo", "readability", "fix first"], empty="No posts.",
                 html_columns=("seo", "readability", "fix first"))


def post_ratings(report) -> HTML:
    """The monthly report's per-post view: each post's rating and the fixes that matter, worst posts first; every
    finding, per post, one click away (folded)."""
    if report.ratings is None or report.findings is None:
        return unavailable("Ratings")
    parts = [str(ratings_table(report.ratings))]
    by_path: dict[str, list] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    folds = []
    for p in report.ratings:
        mine = by_path.get(p.path, [])
        if not mine:
            continue
        rows = "".join(f"<li>line {e(f.line)}: {e(f.message)} <span class=\"muted\">{e(f.rule)} "
                       f"{e(f.severity)}</span></li>" for f in mine)
        folds.append(f"<details><summary>{e(p.title or p.path)}: {counted(len(mine), 'finding')}"
                     f"</summary><ul>{rows}</ul></details>")
    if folds:
        parts.append("<h4>Every finding, per post</h4>" + "".join(folds))
    return HTML("".join(parts))


def draft_rating(draft) -> HTML:
    """The pre-publish view: the draft's rating and its three most valuable fixes."""
    if draft.rating is None:
        return unavailable("Rating")
    return post_rating(draft.rating, draft.fixes)
