"""Which HTML tables hold data (read as a table) and which lay out a page whose prose is in their cells."""

from __future__ import annotations

from bs4 import Tag

PROSE_CELL_WORDS = 25  # a table cell with this many words of its own holds prose, not a datum
_HEADER_TAGS = frozenset({"th", "thead", "tfoot", "col", "colgroup"})
_END_TABLE, _END_CAPTION = object(), object()  # where the walk of `TableKinds._learn` leaves one


class TableKinds:
    """Tells the tables of one page apart (`holds_data`). What that asks of everything a table holds (its first
    caption, a header cell, a table) is found for every table inside the first one asked about in one walk of it:
    asking each table in turn walked all it holds again, so a page of tables nested 2,500 deep took 7 s, and one
    nested 10,000 deep was not read within its 20 s."""

    def __init__(self) -> None:
        self.walked: set[int] = set()  # the tables (by id) walked through
        self.caption: dict[int, Tag] = {}  # a table's first caption, at any depth
        self.shown: set[int] = set()  # the captions with text a browser shows
        self.headed: set[int] = set()  # the tables with a header cell or a column group, at any depth
        self.nesting: set[int] = set()  # the tables holding another

    def holds_data(self, table: Tag) -> bool:
        """Whether a table holds data rather than laying out a page. As Mozilla Readability tells them apart, the
        markup decides first: a role of presentation lays out; a summary, a caption, header cells or column groups
        hold data. Else a table holding another table, or with a cell of prose (`PROSE_CELL_WORDS` or more), lays
        out; a table of short cells holds data."""
        if table.get("role") == "presentation" or table.get("datatable") == "0":
            return False
        if id(table) not in self.walked:
            self._learn(table)
        caption = self.caption.get(id(table))
        if table.get("summary") or (caption is not None and id(caption) in self.shown) or id(table) in self.headed:
            return True
        return id(table) not in self.nesting and _short_cells(table)

    def _learn(self, top: Tag) -> None:
        """One walk of `top`, without recursion. The open tables (or captions) not yet found to hold something are
        the innermost ones: each is marked once, from the innermost out, which keeps the walk linear."""
        tables: list[Tag] = []  # the tables and captions the walk is in, outermost first
        captions: list[Tag] = []
        caption: dict[int, Tag] = {}  # (what this walk finds: a table asked about before one holding it is walked
        shown: set[int] = set()  # again, and marked anew)
        headed: set[int] = set()
        todo: list = [top]
        while todo:
            node = todo.pop()
            if node is _END_TABLE or node is _END_CAPTION:
                (tables if node is _END_TABLE else captions).pop()
                continue
            if not isinstance(node, Tag):  # text: a caption shows it as `get_text` reads it
                if captions and type(node) in captions[-1].interesting_string_types and node.strip():
                    _mark(captions, shown)
                continue
            if node.name == "table":
                if tables:
                    self.nesting.add(id(tables[-1]))
                self.walked.add(id(node))
                tables.append(node)
                todo.append(_END_TABLE)
            elif node.name == "caption":
                for table in reversed(tables):
                    if id(table) in caption:
                        break
                    caption[id(table)] = node
                captions.append(node)
                todo.append(_END_CAPTION)
            elif node.name in _HEADER_TAGS:
                _mark(tables, headed)
            todo.extend(reversed(node.contents))
        self.caption.update(caption)
        self.shown |= shown
        self.headed |= headed


def _mark(open_: list[Tag], marked: set[int]) -> None:
    """Mark the open tags, from the innermost out to the first one already marked (all outside it are too)."""
    for tag in reversed(open_):
        if id(tag) in marked:
            break
        marked.add(id(tag))


def _short_cells(table: Tag) -> bool:
    """Whether no cell of `table` holds `PROSE_CELL_WORDS` words or more. A cell inside a cell holds fewer words than
    it: only the outermost are counted, each once."""
    todo = [c for c in reversed(table.contents) if isinstance(c, Tag)]
    while todo:
        tag = todo.pop()
        if tag.name == "td":
            if len(tag.get_text(" ").split()) >= PROSE_CELL_WORDS:
                return False
            continue
        todo.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return True
