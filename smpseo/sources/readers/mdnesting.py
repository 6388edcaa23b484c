"""Lists and quotes nested past the Markdown parser's limit: where they are, and how they are read again as a flat
list (the parser skips what such a container holds, to the end of the list it is in)."""
from __future__ import annotations

import re

from markdown_it.token import Token

from smpseo.model.post import Block

_CONTAINERS = frozenset({"bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open"})


def past_nesting_limit(tokens: list[Token], max_nesting: int) -> list[tuple[int, int]]:
    """The body lines (from, to) of each list or quote nested past markdown-it's limit (`maxNesting`): the parser
    skips what such a container holds, to the end of the list it is in (often the end of the post)."""
    limit = max_nesting - 1
    found: list[tuple[int, int]] = []
    for t in tokens:
        if t.level >= limit and t.nesting == 1 and t.type in _CONTAINERS and t.map \
                and not (found and t.map[0] < found[-1][1]):
            found.append((t.map[0], t.map[1]))
    return found


def merged(blocks: list[Block], more: list[Block]) -> list[Block]:
    """Two lists of blocks in the order of their lines, as one (`more`'s lines are not in `blocks`)."""
    out: list[Block] = []
    k = 0
    for block in more:
        while k < len(blocks) and blocks[k].line <= block.line:
            out.append(blocks[k])
            k += 1
        out.append(block)
    return out + blocks[k:]


_CONTAINER_MARK = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")


def flattened(line: str) -> str:
    """A line of a list or quote nested past the parser's limit as a line of a flat list: the markers of the lists
    and quotes around it dropped, but for its own item's (`    - - item` is `- item`; `> > text` is `text`)."""
    at, marker = 0, ""
    while (m := _CONTAINER_MARK.match(line, at)) is not None and m.end() > at:
        at, mark = m.end(), m.group().strip()
        marker = "" if mark == ">" else mark
    rest = line[at:].strip()
    return f"{marker} {rest}" if marker else rest
