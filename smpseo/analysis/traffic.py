"""Search traffic per post: Search Console's pages matched to the posts, with the change since the period before.

A page is a post's when its address is the post's canonical URL, else when the last part of its path is the post's
slug (`https://clinic.example/blog/does-smp-hurt/` -> `does-smp-hurt`). Several addresses of one post (http and
https, a tracking query, a trailing slash) add up: clicks and impressions summed, CTR worked out again, position
averaged by impressions.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import SplitResult, urlsplit

from smpseo.core.text import slugify
from smpseo.model.post import Post

FIGURES = ("clicks", "impressions", "ctr", "position")


def page_slug(url: str) -> str:
    """The slug a page address ends with ("" for the home page)."""
    path = _split(url).path if "://" in url else url.split("?", 1)[0].split("#", 1)[0]
    parts = [p for p in path.split("/") if p]
    if not parts:
        return ""
    last = parts[-1]
    if last.lower() in ("index.html", "index.htm", "index.php") and len(parts) > 1:
        last = parts[-2]
    return slugify(PurePosixPath(last).stem if "." in last else last)


def _address(url: str) -> str:
    """An address without scheme, `www.`, query, fragment or trailing slash, to compare two addresses."""
    parts = _split(url.lower())
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def _split(url: str):
    """`urlsplit`, and for what cannot be an address (a post's `canonical: http://[::1/`), the text as a path."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return SplitResult("", "", url.strip(), "", "")


def _sum(figures: list[tuple[int, int, float | None]]) -> dict[str, Any]:
    """(clicks, impressions, position) of some addresses as one: sums, CTR again, position weighted."""
    clicks = sum(c for c, _, _ in figures)
    impressions = sum(i for _, i, _ in figures)
    weighted = [(p, i) for _, i, p in figures if p is not None]
    weight = sum(i for _, i in weighted)
    position = (sum(p * i for p, i in weighted) / weight if weight else
                (sum(p for p, _ in weighted) / len(weighted) if weighted else None))
    return {"clicks": clicks, "impressions": impressions,
            "ctr": round(clicks / impressions, 4) if impressions else None,
            "position": round(position, 1) if position is not None else None}


def post_traffic(posts: list[Post], pages) -> tuple[list[dict[str, Any]], list[str]]:
    """One row per post with traffic: slug, title, path, the addresses matched, the figures (`clicks`,
    `impressions`, `ctr`, `position`) and `previous` (the same for the earlier range of a comparison export, else
    None); and the addresses no post matched. Posts without a page are left out of the rows."""
    by_address = {_address(p.canonical): p for p in posts if p.canonical}
    by_slug: dict[str, Post] = {}
    for post in posts:
        by_slug.setdefault(post.slug, post)
    matched: dict[int, tuple[Post, list]] = {}
    unmatched = []
    for page in pages:
        post = by_address.get(_address(page.url)) or by_slug.get(page_slug(page.url))
        if post is None:
            unmatched.append(page.url)
            continue
        matched.setdefault(id(post), (post, []))[1].append(page)
    rows = []
    for post, found in matched.values():
        previous = [p.previous for p in found if p.previous is not None]
        rows.append({"slug": post.slug, "title": post.title, "path": post.path, "urls": [p.url for p in found],
                     **_sum([(p.clicks, p.impressions, p.position) for p in found]),
                     "previous": _sum([(m.clicks, m.impressions, m.position) for m in previous]) if previous
                     else None})
    rows.sort(key=lambda r: (-r["clicks"], -r["impressions"], r["slug"]))
    return rows, unmatched


def with_changes(rows: list[dict[str, Any]], before: dict[str, dict[str, Any]] | None = None) -> list[dict]:
    """Each row with `<figure>_change` (now minus before; for position, a negative change is a climb) from the
    row's own `previous`, else from `before` (slug -> last month's figures); None where there is nothing to
    compare with."""
    out = []
    for row in rows:
        old = row.get("previous") or (before or {}).get(row["slug"])
        changed = dict(row)
        for key in FIGURES:
            now, then = row.get(key), (old or {}).get(key)
            changed[f"{key}_change"] = (round(now - then, 4) if isinstance(now, (int, float))
                                        and isinstance(then, (int, float)) else None)
        out.append(changed)
    return out


def movers(rows: list[dict[str, Any]], limit: int = 3) -> tuple[list[dict], list[dict]]:
    """The posts that gained the most clicks and those that lost the most (by clicks, then impressions)."""
    known = [r for r in rows if r.get("clicks_change") is not None]

    def change(r):
        return (r["clicks_change"], r.get("impressions_change") or 0)

    gained = sorted((r for r in known if change(r) > (0, 0)), key=change, reverse=True)[:limit]
    lost = sorted((r for r in known if change(r) < (0, 0)), key=change)[:limit]
    return gained, lost
