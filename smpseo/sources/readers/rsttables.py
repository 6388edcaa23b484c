"""A reStructuredText table (a grid or simple table, `.. list-table::`, `.. csv-table::`) as the HTML of a table of
data (`Block.markup`, `smpseo.sources.readers.htmlcells`), which `import` writes as a Markdown table, or as HTML
where Markdown has no form for one: its title as a caption, its header rows, its cells' spans, their links,
emphasis, code, images and lists. docutils gives every form of table the same nodes."""

from __future__ import annotations

from html import escape

_INLINE = {"emphasis": "em", "strong": "strong", "literal": "code", "subscript": "sub", "superscript": "sup",
           "bullet_list": "ul", "enumerated_list": "ol", "list_item": "li", "block_quote": "blockquote",
           "literal_block": "pre"}
_LEFT_OUT = frozenset({"system_message", "target", "substitution_definition", "comment", "footnote", "citation"})


def table_html(table, nodes) -> str:
    """The docutils `table` node as clean HTML (`htmlcells.table_markup`), "" where it holds no row."""
    from bs4 import BeautifulSoup

    from smpseo.sources.readers.htmlcells import table_markup

    out = ["<table>"]
    title = next((c for c in table.children if isinstance(c, nodes.title)), None)
    if title is not None:
        out.append(f"<caption>{_inline(title, nodes)}</caption>")
    for group in table.findall(nodes.tgroup):
        for part in group.children:
            if isinstance(part, (nodes.thead, nodes.tbody)):
                cell = "th" if isinstance(part, nodes.thead) else "td"
                out += ["<tr>" + "".join(_entry(entry, cell, nodes) for entry in row.children
                                         if isinstance(entry, nodes.entry)) + "</tr>"
                        for row in part.children if isinstance(row, nodes.row)]
    out.append("</table>")
    found = BeautifulSoup("".join(out), "html.parser").find("table")
    return table_markup(found) if found is not None and found.find("tr") is not None else ""


def _entry(entry, cell: str, nodes) -> str:
    spans = "".join(f' {name}="{int(entry[key]) + 1}"' for key, name in (("morecols", "colspan"),
                                                                          ("morerows", "rowspan")) if entry.get(key))
    paragraphs = [c for c in entry.children if isinstance(c, nodes.paragraph)]
    inner = _inline(paragraphs[0], nodes) if len(paragraphs) == len(entry.children) == 1 else _inline(entry, nodes)
    return f"<{cell}{spans}>{inner}</{cell}>"


def _inline(node, nodes) -> str:
    """The HTML of what `node` holds, walked without recursion (a list may hold lists deep down)."""
    out: list[str] = []
    todo: list = list(reversed(node.children))
    while todo:
        child = todo.pop()
        if isinstance(child, _End):
            out.append(child)  # (an end tag)
        elif isinstance(child, nodes.Text):
            out.append(escape(str(child), quote=False))
        elif child.tagname in _LEFT_OUT or isinstance(child, nodes.Invisible):
            continue
        elif isinstance(child, nodes.image):
            out.append(f'<img src="{escape(str(child.get("uri", "")))}" alt="{escape(str(child.get("alt", "")))}">')
        else:
            name = ("a" if child.get("refuri") else "") if isinstance(child, nodes.reference) else \
                "p" if isinstance(child, nodes.paragraph) else _INLINE.get(child.tagname, "")
            if name:
                out.append(f'<a href="{escape(str(child["refuri"]))}">' if name == "a" else f"<{name}>")
                todo.append(_End(f"</{name}>"))
            todo.extend(reversed(child.children))
    return "".join(out)


class _End(str):
    """Where the walk of `_inline` closes an element: its end tag."""
