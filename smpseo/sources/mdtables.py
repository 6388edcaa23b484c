"""A table of data (`Block.markup`, `smpseo.sources.readers.htmlcells`) as GitHub-flavoured Markdown, as pandoc and
turndown write one: a header row (an empty one where the table has none), its separator with each column's
alignment, then a line for each row; a pipe in a cell escaped, a line break in a cell `<br>`, links, images,
emphasis and code kept. A table Markdown has no form for (a cell spanning rows or columns, a caption, a list,
paragraphs or a table in a cell) is written as its HTML, which Markdown keeps as it is: nothing is lost either way.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from smpseo.sources.mdinline import code_markdown, escape_inline, image_markdown, link_markdown

# What a cell of a Markdown table cannot hold: anything but a line of text.
_NOT_INLINE = ("caption", "table", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl",
               "dt", "dd", "hr")
_MARKS = {"strong": "**", "em": "*", "del": "~~"}
_SEPARATOR = {"": "---", "left": ":---", "center": ":---:", "right": "---:"}
_PIPE = re.compile(r"(?<!\\)\|")
_END_BREAKS = re.compile(r"^(?:<br> ?)+|(?: ?<br>)+$")  # a line break at a cell's start or end shows nothing


def table_markdown(markup: str) -> str:
    """The table as a Markdown table, else (`_NOT_INLINE`, a span, paragraphs in a cell) as its HTML."""
    table = BeautifulSoup(markup, "html.parser").find("table")
    if not isinstance(table, Tag) or table.find(_NOT_INLINE) is not None:
        return markup
    rows = [tr.find_all(("th", "td"), recursive=False) for tr in table.find_all("tr")]
    rows = [row for row in rows if row]
    cells = [cell for row in rows for cell in row]
    if not rows or any(cell.get("rowspan") or cell.get("colspan") or len(cell.find_all("p")) > 1 for cell in cells):
        return markup
    header = rows.pop(0) if all(cell.name == "th" for cell in rows[0]) else []
    width = max(len(row) for row in [header, *rows])
    try:
        lines = [_row([_cell(cell) for cell in row], width) for row in [header, *rows]]
    except RecursionError:  # emphasis nested thousands deep: the HTML says it as well
        return markup
    aligns = [next((row[i].get("align", "") for row in [header, *rows] if i < len(row)), "") for i in range(width)]
    lines.insert(1, _row([_SEPARATOR.get(str(a), "---") for a in aligns], width))
    return "\n".join(lines)


def _row(cells: list[str], width: int) -> str:
    cells = cells + [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def _cell(cell: Tag) -> str:
    """A cell's content as one line of Markdown, every pipe escaped (in a link's address too: the table is split
    at its pipes before anything else is read)."""
    return _PIPE.sub(r"\\|", _END_BREAKS.sub("", " ".join(_inline(cell).split())))


def _inline(node: Tag) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(escape_inline(str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            parts.append("<br>")
        elif name == "img":
            parts.append(image_markdown(str(child.get("src") or ""), str(child.get("alt") or ""),
                                        str(child.get("title") or "")))
        elif name == "a":
            parts.append(link_markdown(_inline(child), str(child.get("href") or "")))
        elif name == "code":
            parts.append(code_markdown(child.get_text()))
        elif name in _MARKS:
            parts.append(_marked(_inline(child), _MARKS[name]))
        elif name in ("sub", "sup"):
            parts.append(f"<{name}>{_inline(child)}</{name}>")
        else:
            parts.append(_inline(child))
    return "".join(parts)


def _marked(text: str, mark: str) -> str:
    """Emphasis around `text`, the spaces at its ends left outside it (`** bold**` is no emphasis)."""
    core = text.strip()
    if not core:
        return text
    return text[:len(text) - len(text.lstrip())] + mark + core + mark + text[len(text.rstrip()):]
