"""A table of data as the post shows it, kept for `import` to write (`Block.markup`): its rows and cells as HTML
cleaned of all that is not the post's own (classes, styles, scripts, what a browser does not show), with its links
and images at the addresses the reader reads from them (a lazy-loaded image's, the address behind Google's
redirect), its emphasis, its cells' spans and alignment, its caption, and what a cell holds besides text (a list,
paragraphs). `smpseo.sources.mdtables` writes it as a Markdown table, or as this HTML where Markdown has no form
for it. Also an audio or video player as the HTML `import` writes of it (Markdown has no form for one either)."""

from __future__ import annotations

import re
from html import escape

from bs4 import NavigableString, Tag

from smpseo.sources.readers.htmlnodes import (
    FRAMES,
    frame_address,
    hidden,
    image_address,
    image_alt,
    is_image,
    is_player,
    link_address,
)

# What is kept, as it is: the table's structure, and what its cells hold.
_STRUCTURE = frozenset({"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"})
_CONTENT = frozenset({"a", "strong", "em", "code", "del", "br", "sub", "sup", "p", "ul", "ol", "li", "blockquote",
                      "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "hr"})
# What is kept under the name of its kind: emphasis by any tag, and a box of text in a cell as a paragraph (two of
# them are two lines, never one word glued to the next).
_RENAMED = {"b": "strong", "i": "em", "cite": "em", "var": "em", "dfn": "em", "s": "del", "strike": "del",
            "kbd": "code", "samp": "code", "tt": "code"}
_BOXES = frozenset({"div", "section", "article", "header", "footer", "aside", "main", "center", "address",
                    "details", "summary", "figure", "figcaption"})
_VOID = frozenset({"br", "col", "hr"})
_ON_A_LINE = frozenset({"caption", "colgroup", "thead", "tbody", "tfoot", "tr"})  # each starts a line of the HTML
_ALIGN_CLASS = re.compile(r"\bhas-text-align-(left|center|right)\b")
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(left|center|right)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f]+")


class _Close(str):
    """Where the walk of `table_markup` closes an element: its end tag."""


def table_markup(table: Tag) -> str:
    """The table as clean HTML, walked without recursion (a table may hold tables thousands deep), on no blank line:
    in Markdown a blank line would end it."""
    out: list[str] = []
    todo: list = [table]
    while todo:
        node = todo.pop()
        if isinstance(node, _Close):
            out.append(node)
            continue
        if hidden(node):
            continue
        if isinstance(node, NavigableString):
            out.append(escape(_SPACES.sub(" ", str(node)), quote=False))
            continue
        if not isinstance(node, Tag):
            continue
        if is_image(node):
            out.append(_image(node))
            continue
        name = "p" if node.name in _BOXES else _RENAMED.get(node.name, node.name)
        if name == "a" and not node.get("href"):
            name = ""  # an anchor that leads nowhere: its text only
        if name in _STRUCTURE or name in _CONTENT:
            out.append(("\n" if name in _ON_A_LINE or name == "table" and out else "") + f"<{name}{_attrs(node, name)}>")
            if name in _VOID:
                continue
            todo.append(_Close(("\n" if name == "table" else "") + f"</{name}>"))
        todo.extend(reversed(node.contents))
    return "".join(out)


MEDIA_TAGS = frozenset({"audio", "video", *FRAMES})  # (a frame that is no player is never shown: `hidden`)


def media_markup(tag: Tag) -> str:
    """An `<audio>` or `<video>` as a player of its address (its `src`, else its first `<source>`'s) with controls,
    and a video's poster image; "" for one of no address."""
    source = tag.find("source", src=True)
    src = str(tag.get("src") or (source.get("src") if source is not None else "") or "").strip()
    if not src:
        return ""
    poster = str(tag.get("poster") or "").strip() if tag.name == "video" else ""
    return (f'<{tag.name} controls src="{_value(src)}"' + (f' poster="{_value(poster)}"' if poster else "")
            + f"></{tag.name}>")


_URL = re.compile(r"https?://[^\s<>\"']+")


_EMBED_CLASSES = frozenset({"wp-block-embed", "kg-embed-card"})  # WordPress's embed block, Ghost's embed card


def is_embed(tag: Tag) -> bool:
    """Whether `tag` is an embedded post or player of another site: WordPress's embed block (a YouTube, Vimeo,
    Instagram or TikTok address it shows as the other site's player), Ghost's embed card, a figure showing a
    player, or the player's frame itself (`is_player`)."""
    if tag.name in FRAMES:
        return is_player(tag)
    classes = tag.get("class") or []
    return tag.name == "figure" and (bool(_EMBED_CLASSES & set(classes if isinstance(classes, list) else
                                                                 str(classes).split())) or tag.find(is_player) is not None)


def embed_markup(tag: Tag) -> str:
    """An embed (`is_embed`) as the HTML `import` writes of it: a figure of its address, as a link (a page that does
    not embed it still shows it, and it can be followed); "" for one of no address. The address is its link's, else
    the one it shows as text (as WordPress stores the block), else its player's (`<iframe src>`, as a page shows it)."""
    caption = tag.find("figcaption")
    link = next((a for a in tag.find_all("a", href=True) if caption is None or caption not in a.parents), None)
    frame = tag if tag.name in FRAMES else tag.find(list(FRAMES))
    text = "".join(s for s in tag.find_all(string=True) if caption is None or caption not in s.parents)
    found = _URL.search(text)
    src = (str(link["href"]) if link is not None else found.group(0) if found
           else frame_address(frame) if frame is not None else "").strip()
    if not src:
        return ""
    return f'<figure class="wp-block-embed"><a href="{_value(src)}">{escape(src, quote=False)}</a></figure>'


def _image(tag: Tag) -> str:
    title = str(tag.get("title") or "").strip()
    return (f'<img src="{_value(image_address(tag))}" alt="{_value(image_alt(tag))}"'
            + (f' title="{_value(title)}"' if title else "") + ">")


def _attrs(tag: Tag, name: str) -> str:
    """The attributes that say what the post shows: a link's address, a cell's spans and alignment, a column group's
    span, a table's summary."""
    found: dict[str, str] = {}
    if name == "a":
        found["href"] = link_address(str(tag["href"]))
    elif name in ("th", "td"):
        for key in ("rowspan", "colspan"):
            value = str(tag.get(key) or "").strip()
            if value.isdigit() and int(value) > 1:
                found[key] = value
        align = cell_alignment(tag)
        if align:
            found["align"] = align
    elif name in ("col", "colgroup") and str(tag.get("span") or "").strip().isdigit():
        found["span"] = str(tag["span"]).strip()
    elif name == "table" and tag.get("summary"):
        found["summary"] = str(tag["summary"])
    return "".join(f' {key}="{_value(value)}"' for key, value in found.items())


def cell_alignment(tag: Tag) -> str:
    """How a cell's text is aligned ("left", "center", "right"), as its `align`, its style, the WordPress table
    block's class or `data-align` say; "" where none does."""
    for value in (tag.get("align"), tag.get("data-align")):
        if str(value or "").strip().lower() in ("left", "center", "right"):
            return str(value).strip().lower()
    classes = tag.get("class") or []
    m = _ALIGN_CLASS.search(" ".join(classes) if isinstance(classes, list) else str(classes))
    m = m or _ALIGN_STYLE.search(str(tag.get("style") or ""))
    return m.group(1).lower() if m else ""


def _value(text: str) -> str:
    return escape(" ".join(text.split()), quote=True)
