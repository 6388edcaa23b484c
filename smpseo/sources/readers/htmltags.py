"""What every reader of a post's HTML shares, without importing an HTML parser: the elements it treats alike, named
once, and the text of HTML too deeply nested for a parser to walk."""

from __future__ import annotations

import functools
import re

from smpseo.core.text import clean_text
from smpseo.model.post import PARAGRAPH, Block, split_sentences

# Elements that never hold prose: a browser shows none of their content as text (scripts, styles, forms, drawings).
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "form", "button",
                       "input", "select", "textarea", "canvas", "head", "title", "meta", "link"})
# Elements that are a tag alone, with no content and no closing tag.
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                       "wbr"})


@functools.cache
def breaking_tag() -> re.Pattern:
    """An inline tag a browser breaks the line at: compiled when a post has inline HTML."""
    return re.compile(r"</?(?:br|p|div|li|dt|dd|h[1-6]|hr|ul|ol|table|tr|td|th|blockquote|section|article|"
                      r"header|footer|pre|figure|figcaption)\b", re.I)


_TAG = re.compile(r"<[^<>]*>")

# A style that hides an element from every reader, as a browser applies it: `display: none`, `visibility: hidden`.
# (`aria-hidden="true"` hides it from screen readers only: what it holds is shown, and stays the post's text.)
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?"
                           r"(?:;|$)", re.I)
_START_TAG = re.compile(r"<([A-Za-z][\w-]*)((?:\s[^>]*)?)/?>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def hides(attrs) -> bool:
    """Whether an element's attributes (a mapping of names, in lower case, to values) keep a browser from showing
    it and what it holds: `hidden` (but `hidden="until-found"`, which a search in the page opens), or a style of
    `display: none` or `visibility: hidden`."""
    if not attrs:
        return False
    flag = attrs.get("hidden")
    if flag is not None and str(flag).strip().lower() != "until-found":
        return True
    style = attrs.get("style")
    return bool(style) and _HIDING_STYLE.search(str(style)) is not None


def hiding_tag(tag: str) -> str:
    """The name, in lower case, of an HTML start tag written in a post's text (`<span style="display:none">`) that
    hides what it holds (`hides`), else ""."""
    m = _START_TAG.match(tag)
    if m is None or not m.group(2):
        return ""
    from html import unescape

    attrs = {a.group(1).lower(): unescape(next((g for g in a.groups()[1:] if g is not None), ""))
             for a in _ATTRIBUTE.finditer(m.group(2))}
    return m.group(1).lower() if hides(attrs) else ""


@functools.cache
def _hidden_element() -> re.Pattern:
    """In HTML read without a parser: an element whose content a browser never shows as text (a script, a form, an
    SVG drawing: `SKIP_TAGS` that hold something), or a comment. Compiled when a post needs it."""
    names = "|".join(sorted(SKIP_TAGS - VOID_TAGS))
    return re.compile(rf"(?is)<({names})\b.*?</\1\s*>|<!--.*?-->")


def tagless_paragraphs(html: str, line: int) -> list[Block]:
    """The text of an HTML block too deeply nested to read as HTML (`<div>` 10,000 deep), starting on `line`: its
    tags dropped, each run of lines with text a paragraph on its own lines."""
    from html import unescape

    def lines_kept(m: re.Match) -> str:
        return "\n" * m.group(0).count("\n")

    def tag_gone(m: re.Match) -> str:  # a tag a browser breaks the line at parts the words around it
        return lines_kept(m) or (" " if breaking_tag().match(m.group(0)) else "")

    rows = [" ".join(clean_text(unescape(row)).split()) for row in
            _TAG.sub(tag_gone, _hidden_element().sub(lines_kept, html)).split("\n")]
    blocks, k = [], 0
    while k < len(rows):
        if not rows[k]:
            k += 1
            continue
        end = k
        while end < len(rows) and rows[end]:
            end += 1
        text = "\n".join(rows[k:end])
        blocks.append(Block(PARAGRAPH, text, line + k, line + end - 1, sentences=split_sentences(text, line + k)))
        k = end
    return blocks


_ANY_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)\b[^>]*>")


def still_hidden(html: str, open_: tuple[str, int] = ("", 0)) -> tuple[str, int]:
    """The hidden element (`hiding_tag`) a piece of HTML leaves open at its end, as (its name, how many elements of
    that name are open), or ("", 0): where Markdown text below a `<div hidden>` and a blank line is still inside
    it, up to its end tag. `open_`: what was open before `html`."""
    name, depth = open_
    for m in _ANY_TAG.finditer(html):
        tag = m.group(2).lower()
        if name and tag == name:
            depth += -1 if m.group(1) else 1
            name = name if depth else ""
        elif not name and not m.group(1) and tag not in VOID_TAGS and hiding_tag(m.group(0)):
            name, depth = tag, 1
    return name, depth


def end_unclosed_comment(html: str) -> str:
    """A `<!--` never closed runs to the end of the page, as a browser reads it; it is dropped here (its newlines
    kept, so lines stay right) because Python's parser looks for the missing `-->` again from every later `<!--`:
    50,000 of them took 38 s."""
    closed = html.rfind("-->")
    start = html.find("<!--", closed + 3 if closed >= 0 else 0)
    if start < 0:
        return html
    return html[:start] + "\n" * html.count("\n", start)
