"""Word's web pages ("Save as Web Page", filtered or not): a list is written as paragraphs, each opening with its
bullet or number and a run of no-break spaces, which this finds so the paragraph is read as a list item.

Word marks a list paragraph by its class (`MsoListParagraph`, `MsoListParagraphCxSpFirst`, `...CxSpMiddle`,
`...CxSpLast`, `MsoListBullet`, `MsoListNumber`), by an `mso-list` in its style (`mso-list:l0 level1 lfo1`), or, for
a list in the Normal style, by a hanging indent (`text-indent:-.25in`). Its marker is, unfiltered, the
`<span style='mso-list:Ignore'>` inside `<![if !supportLists]>`; filtered, the first text of the paragraph: the
bullet in the font that draws it (`<span style='font-family:Symbol'>·`, a Wingdings `§`, a Courier New `o`) or the
number (`1.`, `a)`), then a `<span style='font:7.0pt "Times New Roman"'>` of no-break spaces.
"""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

_LIST_CLASS = re.compile(r"^MsoList", re.I)
_LIST_STYLE = re.compile(r"mso-list\s*:\s*l\d", re.I)
_HANGING = re.compile(r"text-indent\s*:\s*-", re.I)
_IGNORE = re.compile(r"mso-list\s*:\s*ignore", re.I)
# A bullet or number (a few characters), then spaces, at least one of them a no-break space.
_MARKER = re.compile(r"[ \t\r\n]*[^\s]{1,6}[ \t\r\n\xa0]*\xa0[ \t\r\n\xa0]*")
_MARKER_CHARS = 12  # a marker is never longer than this


def word_list_marker(p: Tag) -> list:
    """The nodes that draw a Word list paragraph's bullet or number (to be left out of its text), or [] for a `<p>`
    that is not one."""
    classes = p.get("class") or []
    style = str(p.get("style") or "")
    word = any(str(c).startswith("Mso") for c in classes)
    if not (any(_LIST_CLASS.match(str(c)) for c in classes) or _LIST_STYLE.search(style)
            or (word and _HANGING.search(style))):
        return []
    ignored = p.find("span", style=_IGNORE)
    if ignored is not None:
        return [ignored]
    nodes, text = [], ""
    for child in p.children:
        if isinstance(child, Tag):
            piece = child.get_text()
        elif type(child) is NavigableString:
            piece = str(child)
        else:
            continue  # a comment, a declaration
        if not text and not piece.strip(" \t\r\n"):
            continue  # the blanks before the paragraph's text
        nodes.append(child)
        text += piece
        if _MARKER.fullmatch(text):
            return nodes
        if len(text) > _MARKER_CHARS:
            return []
    return []
