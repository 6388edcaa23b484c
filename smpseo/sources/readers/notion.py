"""Pages of a Notion export ("Export as Markdown"), known by the 32-digit id Notion ends every file name with
(`Does SMP Hurt 3f2a9c1e4b5d4e6f8a7b9c0d1e2f3a4b.md`).

A page opens with its title as a heading (`# Does SMP Hurt?`); a page of a database has its properties right under
it, one `Key: value` line each up to a blank line (`Created: January 5, 2026 10:00 AM`, `Tags: pain, aftercare`,
`Status: Draft`). Those lines are the post's fields, not its text: a property block is one whose keys the database's
table, exported beside the page's folder (`Blog 1a2b....csv`), lists as its columns; without that table, one that
names a field smpseo reads (`PROPERTY_NAMES`). The id is no part of the slug, nor of a link to another page of the
export (`Other%20page%208b1c....md` names the post `other-page`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from smpseo.core.text import clean_text, slugify

_ID = re.compile(r"(?:^|[ _-])[0-9a-f]{32}$")
_PROPERTY = re.compile(r"^([^\s:#>|*\-!\[][^:]{0,59}?):[ \t]*(.*)$")
_TITLE = re.compile(r"^# ")
_TIME = re.compile(r"\s*(?:\(|\b)\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s*\(?[A-Z]{2,5}\)?)?\)?$", re.I)
# The properties that give a post's date, description or keyphrase under another name, in order of preference:
# an explicit date first, the page's creation last.
DATE_NAMES = ("date", "published", "publish date", "published on", "date published", "created", "created time")
DESCRIPTION_NAMES = ("description", "meta description", "summary", "excerpt")
KEYPHRASE_NAMES = ("keyphrase", "focus keyphrase", "focus keyword", "keyword")
# A property block without the database's table beside it is one only when it names one of these.
PROPERTY_NAMES = frozenset({*DATE_NAMES, *DESCRIPTION_NAMES, *KEYPHRASE_NAMES, "tags", "status", "slug"})
# The values of Notion's Status and Select properties that say a page is not published yet.
DRAFT_STATUSES = frozenset({"draft", "not started", "in progress", "idea", "to do", "writing"})


def is_notion_page(path: str) -> bool:
    """Whether a file's name ends with a Notion page's id (`Title 3f2a....md`)."""
    return bool(path) and bool(_ID.search(PurePosixPath(path.replace("\\", "/")).stem))


def without_id(name: str) -> str:
    """A file or folder name without the Notion id before its suffix: `Aftercare 8b1c....md` -> `Aftercare.md`."""
    path = PurePosixPath(name)
    stem = _ID.sub("", path.stem)
    return (stem or path.stem) + path.suffix


def page_slug(path: str) -> str:
    """The slug of a page: its file's name without suffix and id."""
    return slugify(PurePosixPath(without_id(PurePosixPath(path.replace("\\", "/")).name)).stem)


def page_href(href: str) -> str:
    """A link to another page of the export as a link to the post it names: every part of its path without the
    Notion id (`Aftercare%208b1c....md` -> `Aftercare.md`, percent-encoded as it was written). Other links as they
    are."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return href
    segments = [quote(without_id(unquote(s)), safe="") for s in parts.path.split("/")]
    return "/".join(segments) + (f"#{parts.fragment}" if parts.fragment else "")


@functools.lru_cache(maxsize=1024)
def _table_columns(folder: str) -> frozenset[str] | None:
    """The columns of the database table exported beside a database's folder (`Blog 1a2b.../` and `Blog 1a2b....csv`
    or `..._all.csv`), in lower case; None when there is none."""
    import csv  # (only for a Notion export: a post of another kind is checked without it)

    here = Path(folder)
    for table in (here.with_name(here.name + ".csv"), here.with_name(here.name + "_all.csv")):
        try:
            with open(table, encoding="utf-8-sig", newline="") as file:
                return frozenset(c.strip().lower() for c in next(csv.reader(file), []))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
    return None


def properties(lines: list[str], path: str) -> tuple[dict[str, Any], dict[str, int], list[int]]:
    """The page's properties (keys in lower case; `Yes` and `No` as true and false), the line of each, and the
    indexes of the lines they are on; nothing when the page has no property block."""
    title = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title is None or not _TITLE.match(lines[title]):
        return {}, {}, []
    start = title + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    fields: dict[str, Any] = {}
    field_lines: dict[str, int] = {}
    taken: list[int] = []
    for i in range(start, len(lines)):
        if not lines[i].strip():
            break
        m = _PROPERTY.match(lines[i].strip())
        if not m:
            return {}, {}, []
        key, value = m.group(1).strip().lower(), clean_text(m.group(2).strip())
        if key not in fields:
            fields[key] = {"yes": True, "no": False}.get(value.lower(), value)
            field_lines[key] = i + 1
        taken.append(i)
    columns = _table_columns(str(Path(path).parent)) if path else None
    if not fields or (set(fields) - columns if columns is not None else not PROPERTY_NAMES & set(fields)):
        return {}, {}, []
    return fields, field_lines, taken


def page_fields(fields: dict[str, Any], field_lines: dict[str, int], path: str) -> dict[str, Any]:
    """The properties under the names the post's fields are read from (`date`, `description`, `keyphrase`,
    `status`, `slug`), the others as they are; their lines are added to `field_lines`."""
    out = dict(fields)
    for field, names in (("date", DATE_NAMES), ("description", DESCRIPTION_NAMES), ("keyphrase", KEYPHRASE_NAMES)):
        named = next((n for n in names if fields.get(n) not in (None, "", True, False)), None)
        if named is not None and not out.get(field):
            out[field], field_lines[field] = fields[named], field_lines[named]
    if isinstance(out.get("date"), str):  # "January 5, 2026 10:00 AM", "January 5, 2026 → January 7, 2026"
        out["date"] = _TIME.sub("", out["date"].split("→")[0].strip())
    status = out.get("status")
    if isinstance(status, str) and status.strip().lower() in DRAFT_STATUSES:
        out["status"] = "draft"
    if not out.get("slug"):
        out["slug"] = page_slug(path)
    return out


__all__ = ["is_notion_page", "page_fields", "page_href", "page_slug", "properties", "without_id"]
