"""A page's microformats2 `h-entry` (IndieWeb themes, many blog themes, Medium's export): its summary, canonical
link, date and content, and what Medium's export says of its post (the post id, a draft).

Medium exports each post as a page `YYYY-MM-DD_Title-Words-<post id>.html`, a draft as `draft_Title-<post id>.html`,
with a link to `https://medium.com/p/<post id>` in the entry's footer; a published post's footer has its
`dt-published` time, a draft's has none.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import NamedTuple

from bs4 import BeautifulSoup, Tag


def h_entry(soup: BeautifulSoup) -> dict:
    """A microformats2 `h-entry`'s summary (text, line), canonical URL and publication date (text, line), where the
    page marks them (`p-summary`, `p-canonical` or `u-url`, `dt-published`)."""
    found: dict = {"summary": None, "url": "", "published": None}
    entry = soup.find(class_="h-entry")
    if entry is None:
        return found
    summary = entry.find(class_="p-summary")
    if summary is not None and " ".join(summary.get_text(" ").split()):
        found["summary"] = (" ".join(summary.get_text(" ").split()), summary.sourceline or 0)
    link = entry.find("a", class_="p-canonical") or entry.find(class_="u-url", href=True)
    if link is not None and link.get("href"):
        found["url"] = str(link["href"]).strip()
    published = entry.find(class_="dt-published")
    if published is not None:
        value = str(published.get("datetime") or published.get_text(" ")).strip()
        found["published"] = (value, published.sourceline or 0) if value else None
    return found


def entry_content(soup: BeautifulSoup) -> Tag | None:
    """The `e-content` of the page's one `h-entry`: the post itself, as the page marks it (its title, summary and
    byline stand outside it). None on a page of several entries (a list of posts) or none."""
    entries = soup.find_all(class_="h-entry", limit=2)
    if len(entries) != 1:
        return None
    content = entries[0].find(class_="e-content")
    if content is None or not (content.get_text(" ").strip() or content.find("img")):
        return None
    return content


_MEDIUM_LINK = re.compile(r"^https?://(?:www\.)?medium\.com/p/([0-9a-f]{10,16})/?$", re.I)
_MEDIUM_FILE = re.compile(r"^(?:(draft)|\d{4}-\d{2}-\d{2})_.*?-([0-9a-f]{10,16})\.html?$", re.I)


class MediumPost(NamedTuple):
    post_id: str
    draft: bool
    response: bool = False  # a response: what its writer said under another's post, which the export keeps as hers


def medium_post(soup: BeautifulSoup, path: str) -> MediumPost | None:
    """The Medium post a page of Medium's export holds (an `h-entry` with a link to `medium.com/p/<id>`, or in a
    file named as the export names them); None for any other page."""
    entry = soup.find(class_="h-entry")
    if entry is None:
        return None
    name = PurePath(path).name if path and not re.match(r"https?://", path, re.I) else ""
    in_name = _MEDIUM_FILE.match(name)
    post_id = next((m[1] for a in entry.find_all("a", href=True) if (m := _MEDIUM_LINK.match(str(a["href"]).strip()))),
                   in_name[2] if in_name else "")
    if not post_id:
        return None
    draft = bool(in_name and in_name[1]) or entry.find(class_="dt-published") is None
    return MediumPost(post_id.lower(), draft, not draft and is_response(entry))


_WORDS = re.compile(r"\w+")


def is_response(entry: Tag) -> bool:
    """Whether a published entry of Medium's export is a response (a comment on another writer's post, which the
    export puts among the writer's posts): it says so (`u-in-reply-to`), or its body opens with no title (no
    `graf--title`, no heading of the entry's name) and its name is none or the first words of its text, as Medium
    names a response. A post shows its title at the top of its body."""
    if entry.find(class_=re.compile(r"^(?:u-)?in-reply-to$")) is not None:
        return True
    body = entry.find(class_="e-content")
    if body is None or body.find(class_="graf--title") is not None:
        return False
    name_tag = entry.find(class_="p-name")
    name = _WORDS.findall(name_tag.get_text(" ").lower()) if name_tag is not None else []
    if any(_WORDS.findall(h.get_text(" ").lower()) == name for h in body.find_all(re.compile(r"^h[1-6]$"))):
        return False
    return _WORDS.findall(body.get_text(" ").lower())[:len(name)] == name


def medium_slug(slug: str, post: MediumPost, from_file: bool) -> str:
    """A Medium post's slug without the post id Medium ends it with (`how-long-does-smp-last-9b8c7d6e5f40`), nor,
    when it comes from the file's name, the date or `draft` the export starts that with."""
    if from_file:
        slug = re.sub(r"^(?:draft|\d{4}-\d{2}-\d{2})-+", "", slug)
    return re.sub(rf"-+{post.post_id}$", "", slug) or slug
