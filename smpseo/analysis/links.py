"""Links to posts of the blog that no post answers to (SITE407): a relative link to a post's file, a generator's
reference to a post, an address in the blog's post addresses. Only where the link is certain to mean a post of the
blog; whether a file is on disk (a draft, a page) is asked of the caller (`OnDisk`), for analysis reads no files."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlsplit

from smpseo.analysis.jsonld import given_path
from smpseo.analysis.site import dated_name, is_address, is_internal, link_target
from smpseo.model.post import MANY_POSTS_A_FILE, POST_SUFFIXES, Link, Post

# Whether a file a post's link names is on disk (a draft, a page, a post not read): the linking post and the link's
# path as written ("../aftercare.md", "/blog/aftercare/"). The caller answers generously: any file that may be it.
OnDisk = Callable[[Post, str], bool]

_HTML = (".html", ".htm")
# the files a post is written in that a site never serves as they are: a link ending so names the post's source
_SOURCE_SUFFIXES = tuple(s for s in POST_SUFFIXES if s not in _HTML)
# A generator's placeholder for its content folder (Pelican's `{filename}/aftercare.md`, `|filename|aftercare.md`)
_PLACEHOLDER = re.compile(r"^(?:\{filename\}|\|filename\|)/?")
# Jekyll's `{% post_url 2024-01-01-x %}`, as the link's address it leaves ("2024-01-01-x", "smp/2024-01-01-x")
_POST_URL = re.compile(r"(?:[\w.-]+/)*\d{4}-\d{1,2}-\d{1,2}-[^/.?#\s]+")
# the pages a blog lists its posts on, under the posts' own section ("/blog/tag/smp/", "/blog/page/2/")
_LISTINGS = frozenset({"tag", "tags", "category", "categories", "page", "archive", "archives", "author", "authors",
                       "feed", "rss", "search", "topic", "topics", "series", "amp"})


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def post_addresses(posts: list[Post]) -> tuple[list[str], set[str]] | None:
    """The blog's post address pattern, where every post's address is known from its own file or its generator's
    settings (`given_path`; not a canonical URL: a page saved from the live site names posts not saved, which are
    not missing) and all of them share a section ("/blog/"): that section's segments, and the post addresses'
    shapes (number of segments, last suffix). None when any address is unknown or they share no section."""
    addresses = []
    for post in posts:
        address = given_path(post)
        if not address:
            return None
        addresses.append(_segments(unquote(address)))
    if len(addresses) < 2 or any(len(a) < 2 for a in addresses):
        return None
    prefix: list[str] = []
    for parts in zip(*(a[:-1] for a in addresses), strict=False):
        if len(set(parts)) != 1:
            break
        prefix.append(parts[0])
    if not prefix:
        return None
    return prefix, {f"{len(a)} {_suffix(a[-1])}" for a in addresses}


def _folder(post_path: str, path: str) -> str:
    """The folder a relative link `path` of the post read from `post_path` points into ("" and "." alike)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(post_path.replace("\\", "/")), posixpath.dirname(path)))


def _suffix(name: str) -> str:
    return name[name.rfind("."):].lower() if "." in name else ""


def _means_a_post(post: Post, link: Link, path: str, pattern, folders: set[str]) -> bool:
    """Whether an internal link is certain to mean a post of the blog: a link to a post's source file (`a.md`,
    `../a.rst`, `{filename}/a.md`), a generator's reference (`{{< ref "a" >}}`), a page of an HTML-pages blog
    (`a.html`, relative, into a folder of `folders`), Jekyll's `post_url` from a post of `_posts`, or an address in
    the posts' `pattern` (a relative one, "../old-post/", as it leads from the post's own address)."""
    suffix = _suffix(path.rsplit("/", 1)[-1])
    relative = not path.startswith("/") and not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", link.href, re.I)
    name = path.rsplit("/", 1)[-1].lower()
    if name.startswith("_index."):
        return False  # a section's page (Hugo's `_index.md`), not a post
    if suffix in _SOURCE_SUFFIXES or link.reference:
        return True
    if relative and suffix in _HTML and _suffix(post.path or "") in _HTML:
        # a page among the blog's own pages: not a folder's home page, not a page of a folder holding no post, and
        # not a page saved from the live site (its canonical address on the web): its links name the site's pages,
        # of which only some were saved
        saved = re.match(r"^https?://", post.canonical or "", re.I) is not None
        return not saved and not name.startswith("index.") and _folder(post.path or "", path) in folders
    if relative and not suffix and _POST_URL.fullmatch(path) and "_posts" in re.split(r"[\\/]", post.path or ""):
        return True
    if pattern is None or (relative and suffix):
        return False
    if relative:  # "old-post/", "../old-post/": the address it leads to from the post's own, as a browser reads it
        path = urlsplit(urljoin("https://site.invalid" + given_path(post), path)).path
    prefix, shapes = pattern
    parts = _segments(path)
    return parts[:len(prefix)] == prefix and f"{len(parts)} {suffix}" in shapes and not parts[-1].isdigit() \
        and not _LISTINGS.intersection(p.lower() for p in parts[len(prefix):])


def broken_links(posts: list[Post], site_url: str = "", on_disk: OnDisk | None = None) -> list[tuple[int, Link]]:
    """The links (with their post's index) that mean a post of the blog (`_means_a_post`) and name none: no post
    answers to them as `link_target` resolves links (by slug or file name), and no file on disk may be what they
    name (`on_disk`); and a link by a post's file's name with its date (`/2024-05-01-old-post/`) where the post is
    published at another address (`given_path`: its slug, a permalink), a file on disk or not. Nothing with fewer than two posts (a post checked alone), or without `on_disk`."""
    if len(posts) < 2 or on_disk is None:
        return []
    target_of = link_target(posts)
    pattern = post_addresses(posts)
    folders = {_folder(p.path, "") for p in posts if p.path}
    # the posts published elsewhere than their file's name with its date: a link by that name reaches no page
    published_elsewhere = {dated_name(p.path) for p in posts if p.path and given_path(p)} - {""}
    found = []
    for i, post in enumerate(posts):
        if not post.path or post.format in MANY_POSTS_A_FILE or re.match(r"^[a-z][a-z0-9+.-]*://", post.path, re.I):
            continue  # a post of an export or read from the web: its links name the live site's pages, not files
        for link in post.links:
            if not is_internal(link.href, site_url):
                continue
            path = _PLACEHOLDER.sub("", unquote(urlsplit(link.href.strip()).path))
            if not path or path in (".", "./") or re.search(r"[{}%|<>]", path):
                continue
            renamed = is_address(link.href) and dated_name(path) in published_elsewhere
            if not (renamed or _means_a_post(post, link, path, pattern, folders)) \
                    or target_of(post, link.href) is not None:
                continue
            if renamed or not on_disk(post, path):
                found.append((i, link))
    return found
