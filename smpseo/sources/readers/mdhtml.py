"""HTML written in a Markdown post (Google Docs' paste, a `<div>` of the theme's): read as a browser shows it."""

from __future__ import annotations

import re

from smpseo.core.text import MASK
from smpseo.model.post import Block
from smpseo.sources.readers.htmltags import breaking_tag, tagless_paragraphs


def pasted_html(children: list) -> bool:
    """Whether a Markdown paragraph (its inline tokens, `children`) is HTML holding blocks (Google Docs copies
    `<meta charset="utf-8"><b id=...><p>...<h2>`): no HTML block to the Markdown parser, but headings, paragraphs and
    lists to a browser."""
    tags = [c.content for c in children if c.type == "html_inline"]
    return bool(tags) and children[0].type == "html_inline" and any(  # (a closing tag, a line break: no block)
        breaking_tag().match(tag) and not re.match(r"(?i)</|<(?:br|hr)\b", tag) for tag in tags)


def html_in_markdown(html: str, start: int, warnings: list[str] | None) -> list[Block]:
    """The blocks of HTML in a Markdown post, starting at line `start` of the file."""
    from smpseo.sources.readers.htmlblocks import html_to_blocks  # (bs4: loaded for posts with HTML only)

    try:
        return html_to_blocks(html.replace(MASK, " "), line_offset=start - 1)
    except RecursionError:  # nested deeper than the walk through it can go: its text is kept all the same
        if warnings is not None:
            warnings.append(f"line {start}: HTML nested too deeply to read its structure (headings, lists, links); "
                            "its text is read as paragraphs")
        return tagless_paragraphs(html.replace(MASK, " "), start)
