"""Site-level analysis across all posts: internal links, orphans, duplicates, cannibalisation, link suggestions and
the keyword coverage matrix (targets x posts). Plain data in, plain data out; the SITE4xx rules report from it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from smpseo.analysis.jsonld import given_path
from smpseo.analysis.keyphrase import Matcher, Phrase
from smpseo.analysis.placement import (
    ALT,
    BODY,
    DESCRIPTION,
    INTRO,
    SLUG,
    SUBHEADING,
    TITLE,
    contains,
    count,
    introduction,
    synonyms_count,
)
from smpseo.core.text import slugify
from smpseo.model.post import JEKYLL_DATE, POST_SUFFIXES, Post, file_language, short_name

_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def is_internal(href: str, site_url: str = "") -> bool:
    """A link to this site: relative ("/aftercare/", "../x.md") or absolute on `site_url`'s host."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return False
    if href.startswith("//") or _SCHEME_RE.match(href):
        if not site_url:
            return False
        host = urlsplit(href if not href.startswith("//") else "https:" + href).netloc.lower()
        return bool(host) and host.removeprefix("www.") == urlsplit(site_url).netloc.lower().removeprefix("www.")
    return True


def link_slug(href: str) -> str:
    """The slug a link points at: the last path segment without extension ("/blog/how-long/" -> "how-long"), for a
    page bundle's or a folder's own page its folder ("how-long/index.md" -> "how-long"); percent-encoded as a link to
    a file whose name has spaces is ("How%20long.md" -> "how-long")."""
    path = unquote(urlsplit(href.strip()).path).rstrip("/")
    name = short_name(path) if path else ""
    name = JEKYLL_DATE.sub("", name) or name  # Jekyll's `{% post_url 2024-01-01-x %}` names the post "x" by its date
    return slugify(name) if name else ""


def dated_name(href: str) -> str:
    """The name a link or a file gives with the date in front of it, as Jekyll names its post files
    ("2024-05-01-old-post" for `2024-05-01-old-post.md`, `_posts/2024-05-01-old-post.md`, `/2024-05-01-old-post/`),
    as a slug; "" for a name with no date in front. `link_slug` drops the date."""
    parts = [s for s in unquote(urlsplit(href.strip()).path).replace("\\", "/").split("/") if s]
    if len(parts) > 1 and re.match(r"^_?index\.", parts[-1], re.I):
        parts.pop()  # a page bundle's own page: its folder's name
    name = re.sub(r"\.[A-Za-z]{1,8}$", "", parts[-1] if parts else "")  # its suffix: `.md`, `.html`, `.txt`
    return slugify(name) if JEKYLL_DATE.match(name) else ""


def is_address(href: str) -> bool:
    """Whether a link gives an address on the site rather than a post's file or a generator's reference: from the
    site's root ("/blog/x/"), a whole address, or a folder ("x/"), and not a post's source file (`x.md`)."""
    path = unquote(urlsplit(href.strip()).path)
    name = path.rstrip("/").rsplit("/", 1)[-1]
    source = name.lower().endswith(tuple(s for s in POST_SUFFIXES if s not in (".html", ".htm")))
    absolute = path.startswith("/") or bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", href.strip(), re.I))
    return not source and (absolute or path.endswith("/"))


def _redirects(post: Post) -> list[str]:
    """The old addresses the site sends to the post: Hugo's `aliases`, Jekyll's `redirect_from` (one or a list)."""
    found = []
    for key in ("aliases", "redirect_from"):
        value = (post.meta or {}).get(key)
        found += [v for v in ([value] if isinstance(value, str) else value if isinstance(value, list) else [])
                  if isinstance(v, str)]
    return found


def link_target(posts: list[Post]) -> Callable[[Post, str], int | None]:
    """How an internal link of one of `posts` names another: a function of the linking post and the link's address
    giving the index of the post it points at, or None. A link names a post by its slug, its file's name or the last
    part of its address on the site (`link_slug`; Hugo's `/:year/:month/:title/` makes it of the title) or of an
    old address it keeps as a redirect to it (`_redirects`); where two posts answer to that name (a post and its translation with the same slug), the one in
    the linking post's language (`file_language`) is meant, as Hugo resolves it."""
    by_slug: dict[str, list[int]] = defaultdict(list)
    dated_files: dict[str, list[int]] = defaultdict(list)  # by the name of its file with its date
    dated_places: dict[str, list[int]] = defaultdict(list)  # by its address's, a redirect's or its slug's
    for i, p in enumerate(posts):
        names = [p.slug, link_slug(p.path) if p.path else "", link_slug(given_path(p)),
                 *(link_slug(old) for old in _redirects(p))]
        for name in dict.fromkeys(n for n in names if n):
            by_slug[name].append(i)
        if p.path and dated_name(p.path):
            dated_files[dated_name(p.path)].append(i)
        for name in dict.fromkeys(dated_name(a) for a in (p.slug, given_path(p), *_redirects(p))):
            if name:
                dated_places[name].append(i)

    def target(post: Post, href: str) -> int | None:
        dated = dated_name(href)
        if dated:  # a name with its date is a post's file's, or an address it is published at: that name alone
            address = is_address(href)
            named = [*dated_places.get(dated, []),
                     *(i for i in dated_files.get(dated, []) if not (address and given_path(posts[i])))]
        else:
            named = by_slug.get(link_slug(href), [])
        language = file_language(post.path or "")
        found = next((i for i in named if file_language(posts[i].path or "") == language), None)
        return named[0] if found is None and named else found

    return target


def incoming_links(posts: list[Post], site_url: str = "") -> dict[int, list[tuple[Post, int]]]:
    """For each post (by index), the (linking post, line) of every internal link pointing at it (`link_target`)."""
    target_of = link_target(posts)
    incoming: dict[int, list[tuple[Post, int]]] = defaultdict(list)
    for p in posts:
        for link in p.links:
            if not is_internal(link.href, site_url):
                continue
            target = target_of(p, link.href)
            if target is not None and posts[target] is not p:
                incoming[target].append((p, link.line))
    return incoming


def placements(post: Post, phrase: Phrase, matcher: Matcher, body_count: int | None = None) -> list[str]:
    """Where a phrase appears in a post, in PLACEMENTS order: a place holds it by `smpseo.analysis.placement`'s
    definition, synonyms counting where they count there."""
    def holds(place: str, text: str) -> bool:
        return bool(text) and contains(matcher, phrase, text, synonyms_count(place))

    found = []
    if holds(TITLE, post.title):
        found.append(TITLE)
    if matcher.share(phrase, post.slug.replace("-", " "), synonyms=False) == 1.0:
        found.append(SLUG)
    first = introduction(post)
    if first is not None and holds(INTRO, first.text):
        found.append(INTRO)
    if holds(DESCRIPTION, post.description):
        found.append(DESCRIPTION)
    if any(b.level in (2, 3) and holds(SUBHEADING, b.text) for b in post.headings):
        found.append(SUBHEADING)
    if any(holds(ALT, img.alt) for img in post.images):
        found.append(ALT)
    if body_count is None:
        body_count = sum(count(matcher, phrase, b.text, synonyms=False) for b in post.prose)
    if body_count:
        found.append(BODY)
    return found


def coverage_matrix(contexts, targets: list[Phrase]) -> list[dict]:
    """One row per target x post: target, path, title, count (matches in the body), placements."""
    rows = []
    for t in targets:
        for ctx in contexts:
            count = ctx.target_counts.get(t.text, 0)
            rows.append({"target": t.text, "path": ctx.name, "title": ctx.post.title,
                         "count": count, "placements": placements(ctx.post, t, ctx.matcher, count)})
    return rows


def normalized(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())
