"""Markdown written in a note app: a page of a Notion export (`notion`), a note of an Obsidian vault (`obsidian`).
What the Markdown reader reads differently in one: the fields the app keeps in the text, its own syntax, its links.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from smpseo.model.post import Post
from smpseo.sources.readers import notion, obsidian


@dataclasses.dataclass
class NotePage:
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    body: str  # the body as the Markdown reader is to read it, line for line the file's
    tags: list[str]  # the tags its text names (Obsidian's `#tag`)
    notion: bool

    def finish(self, post: Post) -> Post:
        """The post read from the page, with the tags its text names and, in a Notion export, its links to other
        pages of the export as links to the posts they name."""
        post.tags += [tag for tag in self.tags if tag not in post.tags]
        if self.notion:
            for block in post.blocks:
                block.links = [dataclasses.replace(link, href=notion.page_href(link.href)) for link in block.links]
        return post


def note_page(path: str, lines: list[str], meta: dict[str, Any], meta_lines: dict[str, int],
              body_start: int) -> NotePage | None:
    """How to read a file that is a Notion page or a note of an Obsidian vault; None for other Markdown."""
    if notion.is_notion_page(path):
        body = list(lines[body_start:])
        if not meta:
            fields, field_lines, taken = notion.properties(lines, path)
            for i in taken:
                body[i] = ""  # (no front matter: the body starts at the first line)
            meta, meta_lines = notion.page_fields(fields, field_lines, path), field_lines
        else:
            meta = meta if meta.get("slug") else {**meta, "slug": notion.page_slug(path)}
        return NotePage(meta, meta_lines, "\n".join(body), [], notion=True)
    if obsidian.vault_of(path):
        body, tags = obsidian.vault_body(lines[body_start:])
        return NotePage(meta, meta_lines, "\n".join(body), tags, notion=False)
    return None


__all__ = ["NotePage", "note_page"]
