"""A Ghost post's text from its editor's document, for a post exported without its `html`.

Ghost keeps each post as its editor's JSON document too: `lexical` (Ghost 5) or `mobiledoc` (Ghost 1 to 4), a string
of JSON in the post's entry. When `html` is empty, the text is read from that document as simple HTML: paragraphs,
headings, quotes, lists and their links; images, HTML and Markdown cards. Other cards (buttons, embeds, galleries)
are left out. A document that is not one of these is no text (None), which the reader says.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

_LEXICAL_BLOCKS = {"paragraph": "p", "quote": "blockquote", "extended-quote": "blockquote", "aside": "blockquote",
                   "listitem": "li"}
_MOBILEDOC_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside", "pull-quote"}


def _markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)


def _card(name: str, card: dict, left: list[str]) -> str:
    """The HTML of a card that holds text or an image (lexical and mobiledoc cards have the same fields); the name
    of any other card is added to `left`."""
    if name == "image" and isinstance(card.get("src"), str):
        caption = card.get("caption") if isinstance(card.get("caption"), str) else ""
        alt = card.get("alt") if isinstance(card.get("alt"), str) else ""
        return f'<figure><img src="{escape(card["src"])}" alt="{escape(alt)}">' + \
            (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>"
    if name == "html" and isinstance(card.get("html"), str):
        return card["html"]
    if name in ("markdown", "card-markdown") and isinstance(card.get("markdown"), str):
        return _markdown(card["markdown"])
    left.append(name)
    return ""


def _lexical(node: Any, left: list[str], depth: int = 0) -> str:
    if not isinstance(node, dict) or depth > 200:
        return ""
    kind = node.get("type")
    if kind in ("text", "extended-text"):
        return escape(node.get("text")) if isinstance(node.get("text"), str) else ""
    if kind == "linebreak":
        return "<br>"
    children = node.get("children") if isinstance(node.get("children"), list) else []
    inner = "".join(_lexical(child, left, depth + 1) for child in children)
    if kind in ("heading", "extended-heading"):
        tag = node.get("tag") if node.get("tag") in {f"h{i}" for i in range(1, 7)} else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{inner}</{tag}>"
    if kind in ("link", "autolink") and isinstance(node.get("url"), str):
        return f'<a href="{escape(node["url"])}">{inner}</a>'
    if kind in _LEXICAL_BLOCKS:
        return f"<{_LEXICAL_BLOCKS[kind]}>{inner}</{_LEXICAL_BLOCKS[kind]}>"
    if isinstance(node.get("children"), list) or not isinstance(kind, str) or kind == "horizontalrule":
        return inner
    return _card(kind, node, left)


def _markers(markers: Any, markups: list, atoms: list) -> str:
    """A mobiledoc section's text: each marker opens markups (links, bold), writes its text, closes some."""
    written, open_tags = [], []
    for marker in markers if isinstance(markers, list) else []:
        if not (isinstance(marker, list) and len(marker) == 4 and isinstance(marker[1], list)):
            continue
        kind, opens, closes, value = marker
        for index in opens:
            markup = markups[index] if isinstance(index, int) and 0 <= index < len(markups) else None
            tag = markup[0] if isinstance(markup, list) and markup and isinstance(markup[0], str) else "span"
            attrs = markup[1] if isinstance(markup, list) and len(markup) > 1 and isinstance(markup[1], list) else []
            href = next((attrs[i + 1] for i in range(0, len(attrs) - 1, 2) if attrs[i] == "href"), None)
            tag = "a" if tag.lower() == "a" else "span"
            written.append(f'<a href="{escape(str(href))}">' if tag == "a" and href else f"<{tag}>")
            open_tags.append(tag)
        if kind == 0 and isinstance(value, str):
            written.append(escape(value))
        elif kind == 1 and isinstance(value, int) and 0 <= value < len(atoms) and isinstance(atoms[value], list):
            atom = atoms[value]
            written.append("<br>" if atom[0] == "soft-return" else escape(str(atom[1]) if len(atom) > 1 else ""))
        for _ in range(closes if isinstance(closes, int) else 0):
            if open_tags:
                written.append(f"</{open_tags.pop()}>")
    return "".join(written) + "".join(f"</{tag}>" for tag in reversed(open_tags))


def _mobiledoc(doc: dict, left: list[str]) -> str:
    markups = doc.get("markups") if isinstance(doc.get("markups"), list) else []
    atoms = doc.get("atoms") if isinstance(doc.get("atoms"), list) else []
    cards = doc.get("cards") if isinstance(doc.get("cards"), list) else []
    written = []
    for section in doc.get("sections") if isinstance(doc.get("sections"), list) else []:
        if not isinstance(section, list) or len(section) < 2:
            continue
        kind = section[0]
        if kind == 1 and len(section) > 2:
            tag = str(section[1]).lower()
            tag = "blockquote" if tag in ("aside", "pull-quote") else tag if tag in _MOBILEDOC_BLOCKS else "p"
            written.append(f"<{tag}>{_markers(section[2], markups, atoms)}</{tag}>")
        elif kind == 2 and isinstance(section[1], str):
            written.append(_card("image", {"src": section[1]}, left))
        elif kind == 3 and len(section) > 2 and isinstance(section[2], list):
            tag = "ol" if section[1] == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2])
            written.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and isinstance(section[1], int) and 0 <= section[1] < len(cards):
            card = cards[section[1]]
            if isinstance(card, list) and len(card) > 1 and isinstance(card[0], str) and isinstance(card[1], dict):
                written.append(_card(card[0], card[1], left))
    return "".join(written)


def editor_html(document: Any, left: list[str]) -> str | None:
    """The HTML of a post's `lexical` or `mobiledoc` document (a JSON string), or None when it is not one; the names
    of the cards it holds that are not read are added to `left`."""
    if not isinstance(document, str):
        return None
    try:
        doc = json.loads(document)
    except (ValueError, RecursionError):
        return None
    if isinstance(doc, dict) and isinstance(doc.get("root"), dict):
        return _lexical(doc["root"], left)
    if isinstance(doc, dict) and isinstance(doc.get("sections"), list):
        return _mobiledoc(doc, left)
    return None


__all__ = ["editor_html"]
