"""Ghost's export (Settings > Labs > Export your content, a `.json` file): every post with its metadata and HTML.

The file holds `{"db": [{"data": {"posts": [...], "tags": [...], "posts_tags": [...]}}]}` (older exports put `data`
at the top). A post is an entry of `posts` whose `type` is `post` (pages are not posts); its content is its `html`,
its description `meta_description` (Ghost 4 and later keep it in the post's entry of `posts_meta`, older exports in
the post), else `custom_excerpt`; its tags are its public tags (not Ghost's internal `#tags`); a draft or scheduled
post is a draft, left out as other drafts are. Ghost's cards are read as they show on the page (`ghostcards`). An export is JSON, so a post's content is one string on one line of the file: its findings are at the
line of its `"html"` field (the first such line after its `"slug"`), not further inside.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import PurePath
from typing import Any

from smpseo.core.text import clean_text, slugify
from smpseo.model.post import Post
from smpseo.sources.readers.decode import SourceError, too_many_digits
from smpseo.sources.readers.frontmatter import export_date
from smpseo.sources.readers.ghostcards import ghost_html, site_relative
from smpseo.sources.readers.ghostdoc import editor_html
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.readers.xmlstream import plain

_FIELDS = ("slug", "html", "lexical", "mobiledoc", "title", "meta_description", "custom_excerpt")
_FIELD_LINE = re.compile(rf'"({"|".join(_FIELDS)})"\s*:')


def _data(export: Any) -> dict | None:
    """The `data` object of a Ghost export, or None when `export` is not one."""
    if isinstance(export, dict) and isinstance(export.get("db"), list) and export["db"]:
        export = export["db"][0]
    if isinstance(export, dict) and isinstance(export.get("data"), dict) and \
            isinstance(export["data"].get("posts"), list):
        return export["data"]
    return None


def _lines(text: str) -> dict[str, list[tuple[int, str]]]:
    """Each `"slug"`, `"html"`, `"title"` and description field's line (and its text, when short), in file order,
    by field."""
    found: dict[str, list[tuple[int, str]]] = {k: [] for k in _FIELDS}
    line = 1
    at = 0
    for m in _FIELD_LINE.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        start = _SPACE.match(text, m.end()).end()  # (matched in place: a slice of the rest of a large export each
        value = _STRING.match(text, start, start + 600)  # field made reading it take the square of its size)
        try:
            written = json.loads(value.group(0)) if value else ""
        except ValueError:
            written = ""
        found[m.group(1)].append((line, written))
    return found


_SPACE = re.compile(r"\s*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _by_value(found: dict[str, list[tuple[int, str]]]) -> dict[str, dict[str, list[int]]]:
    """The lines of `_lines`, by field and then by the text written there, in file order: what a post looks up
    without going through every post's fields."""
    by: dict[str, dict[str, list[int]]] = {field: {} for field in found}
    for field, lines in found.items():
        for line, written in lines:
            by[field].setdefault(written, []).append(line)
    return by


def _lines_of(by: dict[str, list[int]], value: Any) -> list[int]:
    """The lines (of one field of `_by_value`) where `value` is written; none for a value that is not text."""
    return by.get(value, []) if isinstance(value, str) else []


def _nearest(found: list[int], line: int) -> int:
    """The line among `found` (in order) nearest to `line` (a post's fields stand together, in any order), the
    earlier of two as near; else `line`."""
    i = bisect.bisect_left(found, line)
    return min(found[max(0, i - 1):i + 1], key=lambda n: (abs(n - line), n), default=line)


def _id(value: Any) -> str | int | None:
    """An id as a key: text or a number; anything else (a list, an object) is no id."""
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _internal(tag: dict) -> bool:
    """Whether a tag is one of Ghost's internal tags (`#newsletter`): the site's own sorting, not the post's tags."""
    visibility = _text(tag.get("visibility"))
    return visibility == "internal" or not visibility and _text(tag.get("name")).startswith("#")


def _kind(entry: dict) -> str:
    """`post` or `page`: the entry's `type`, or in an export from before Ghost 2 (no `type`), its `page` flag."""
    if "type" in entry:
        return _text(entry.get("type"))
    return "page" if entry.get("page") in (True, 1, "1", "true") else "post"


def _seo_fields(meta: Any) -> dict:
    """The fields with a value of a post's entry of `posts_meta` (Ghost 4 and later keep the meta description and
    title there, not in the post)."""
    return {k: v for k, v in meta.items() if k not in ("id", "post_id") and v not in (None, "")} \
        if isinstance(meta, dict) else {}


def read_ghost(text: str, path: str) -> list[Post]:
    """The posts of a Ghost export, in file order. Raises SourceError for a file that is not JSON or not an export."""
    try:
        export = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise SourceError(path, "invalid JSON: nested too deeply", line=1) from None
    except ValueError as exc:
        raise too_many_digits(exc, path, text.split("\n"), "export") or SourceError(path, f"invalid JSON: {exc}",
                                                                                     line=1) from None
    data = _data(export)
    if data is None:
        raise SourceError(path, "not a Ghost export (no db[0].data.posts)")
    tag_names = {_id(t.get("id")): _text(t.get("name")) for t in _list(data.get("tags")) if isinstance(t, dict)
                 and not _internal(t)}
    tags: dict[Any, list[str]] = {}
    for link in _list(data.get("posts_tags")):
        if isinstance(link, dict) and tag_names.get(_id(link.get("tag_id"))):
            tags.setdefault(_id(link.get("post_id")), []).append(tag_names[_id(link.get("tag_id"))])
    seo = {_id(m.get("post_id")): m for m in _list(data.get("posts_meta")) if isinstance(m, dict)}
    lines = _lines(text)
    values = _by_value(lines)
    every = {field: [line for line, _ in found] for field, found in lines.items()}
    posts: list[Post] = []
    lost: list[int] = []
    for entry in data["posts"]:
        if not isinstance(entry, dict) or _kind(entry) != "post":
            continue
        try:
            posts.append(_post({**entry, **_seo_fields(seo.get(_id(entry.get("id"))))}, path, (values, every), tags))
        except RecursionError:  # one post nested too deeply for the HTML parser: only that post is lost
            lost.append(next(iter(_lines_of(values["slug"], entry.get("slug"))), 1))
    if lost:
        where = ", ".join(str(line) for line in lost)
        raise SourceError(path, f"the post{'s' if len(lost) > 1 else ''} at line {where} nested too deeply to read; "
                                f"the other {len(posts)} posts were read", lost[0], posts=posts)
    return posts


def _content(entry: dict) -> tuple[str | None, str, list[str]]:
    """A post's HTML, the field it is read from, and the cards of that field not read. A post without HTML is read
    from its editor's document (`ghostdoc`): its HTML is then None when the document is not one."""
    html = _text(entry.get("html"))
    if html.strip():
        return html, "html", []
    for field in ("lexical", "mobiledoc"):
        if isinstance(entry.get(field), str) and entry[field].strip():
            left: list[str] = []
            return editor_html(entry[field], left), field, left
    return html, "html", []


def _post(entry: dict, path: str, lines: tuple[dict, dict], tags: dict[Any, list[str]]) -> Post:
    """The post of one entry of the export's `posts`, its fields at their lines: `lines` is (`_by_value`, each
    field's lines in order)."""
    values, every = lines
    slug = slugify(_text(entry.get("slug")) or _text(entry.get("title")) or f"post-{_id(entry.get('id'))}")
    at = next(iter(_lines_of(values["slug"], entry.get("slug"))), 1)
    title_line = _nearest(_lines_of(values["title"], entry.get("title")), at)
    read, field, left = _content(entry)
    html_line = _nearest(every[field], at)
    html = ghost_html(read or "")
    blocks = html_to_blocks(html.replace("\n", " "), line_offset=html_line - 1) if html.strip() else []
    warnings = []
    if field != "html" and not blocks and (read is None or left):
        why = f"holds only cards that are not read ({', '.join(dict.fromkeys(left))})" if left else \
            "is not JSON of that editor"
        warnings.append(f"line {html_line}: the text of the post '{slug}' could not be read: it has no HTML, and its "
                        f"{field} document {why}; imported without its text")
    described = "meta_description" if _text(entry.get("meta_description")) else "custom_excerpt"
    described_line = _nearest(_lines_of(values[described], entry.get(described)), at)
    status = _text(entry.get("status"))
    return Post(
        path=path,
        slug=slug,
        title=" ".join(_text(entry.get("title")).split()),
        blocks=blocks,
        description=plain(_text(entry.get("meta_description")) or _text(entry.get("custom_excerpt"))),
        date=export_date(entry.get("published_at")) or export_date(entry.get("created_at")),
        status="draft" if status in ("draft", "scheduled") else status,
        tags=tags.get(_id(entry.get("id")), []) if _id(entry.get("id")) is not None else [],
        canonical=site_relative(_text(entry.get("canonical_url"))),
        source=f"{PurePath(path).name}#{slug}",
        meta={k: v for k, v in entry.items() if isinstance(v, (str, int, float, bool)) and k not in
              ("html", "mobiledoc", "lexical", "plaintext")},
        meta_lines={"title": title_line, "description": described_line},
        title_line=title_line,
        format="ghost",
        warnings=warnings,
    )


__all__ = ["read_ghost"]
