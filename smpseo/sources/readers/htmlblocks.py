"""HTML fragments to blocks: shared by the HTML, WordPress and Markdown readers (raw HTML inside Markdown).

Line numbers: `line_offset` is added to the 1-based lines that the parser reports, so a fragment found at line
40 of a file is parsed with `line_offset=39`. Inside a block, newlines in the text are source line breaks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bs4 import BeautifulSoup, NavigableString, Tag

from smpseo.core.text import clean_text, strip_markup_noise
from smpseo.model.post import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    MEDIA,
    PARAGRAPH,
    QUOTE,
    TABLE,
    Block,
    Image,
    Link,
    split_sentences,
)
from smpseo.sources.readers.htmlcells import MEDIA_TAGS, embed_markup, is_embed, media_markup, table_markup
from smpseo.sources.readers.htmlnodes import (
    CAPTION_TEXT,
    IMAGE_TAGS,
    figure_around,
    hidden,
    image_address,
    image_alt,
    images_in,
    is_caption,
    is_caption_box,
    is_figure,
    is_image,
    is_question,
    line_breaks,
    link_address,
    shown,
)
from smpseo.sources.readers.htmlplaces import (
    LINK_MARK,
    after_start_tag,
    loose_paragraphs,
    marked_links,
    marks_alone,
    string_line,
    unmarked,
    without_marks,
)
from smpseo.sources.readers.htmltables import TableKinds
from smpseo.sources.readers.htmltags import end_unclosed_comment
from smpseo.sources.readers.htmlword import word_list_marker

HEADING_TAGS = {f"h{i}" for i in range(1, 7)}
BLOCK_TAGS = HEADING_TAGS | {
    "p", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "figure", "figcaption", "div",
    "section", "article", "main", "aside", "header", "footer", "nav", "hr", "details", "summary", "address",
    "center", "body", "html", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "audio", "video",
}
# Two line breaks in a row (<br><br>) inside inline content: a blank line on the page, where loose text is split
# into paragraphs (`_PARAGRAPH_ENDS`); a space anywhere else. Not a newline, so that the lines after it keep their
# numbers.
_PARAGRAPH_BREAK = "\x1d"
_PARAGRAPH_ENDS = re.compile(r"\n[ \t]*\n|\x1d")


def parse_html(html: str) -> BeautifulSoup:
    """Parse HTML as a browser would read it, whatever it holds.

    Python's parser gives up on a marked section it does not know (`<![if gte mso 9]>` pasted from Word); a
    browser reads one as a comment up to the next `>`, so it is read again with those dropped (lines unchanged).
    """
    from bs4.exceptions import ParserRejectedMarkup

    html = end_unclosed_comment(html)
    try:
        soup = _Soup(html, "html.parser")
    except ParserRejectedMarkup:
        html = _MARKED_SECTION.sub(lambda m: "\n" * m.group(0).count("\n"), html)
        soup = _Soup(html, "html.parser")
    soup.__dict__["source_lines"] = html.split("\n")  # where a tag's start ends: see `_Builder.after_start`
    return soup


class _Soup(BeautifulSoup):
    """BeautifulSoup keeping whitespace between tags as written. By default a run of blank lines between two tags
    shrinks to one newline, so text after it was placed lines too early, and a blank line in a classic WordPress
    post (a paragraph break) could vanish."""

    # Character references are text entering here: `&#27;` or `&#x202e;` is cleaned as decoded bytes are.
    def handle_data(self, data):
        super().handle_data(clean_text(data))

    def handle_starttag(self, name, namespace, nsprefix, attrs, *args, **kwargs):
        attrs = {k: clean_text(v) if isinstance(v, str) else v for k, v in (attrs or {}).items()}
        return super().handle_starttag(name, namespace, nsprefix, attrs, *args, **kwargs)

    def endData(self, containerClass=None):  # noqa: N802, N803 (bs4 API)
        self.preserve_whitespace_tag_stack.append(None)
        try:
            super().endData(containerClass)
        finally:
            self.preserve_whitespace_tag_stack.pop()


_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)[^>]*>?")


def _line(tag: Tag, offset: int) -> int:
    return (getattr(tag, "sourceline", None) or 1) + offset


def _column(tag: Tag) -> int:
    pos = getattr(tag, "sourcepos", None)
    return (pos or 0) + 1


class _Builder:
    def __init__(self, line_offset: int, source_lines: list[str] | None = None):
        self.offset = line_offset
        self.source = source_lines
        self.blocks: list[Block] = []
        self.tables = TableKinds()
        self.markers: set[int] = set()  # the nodes (by id) of Word's list bullets and numbers: not the item's text
        self.questions: set[int] = set()  # the headings (by id) read from an accordion's or FAQ block's questions

    def after_start(self, tag: Tag) -> tuple[int, int]:
        """The line breaks inside `tag`'s start tag, and the column just after it (`after_start_tag`)."""
        return after_start_tag(tag, self.source) or (0, _column(tag))

    # -- inline content ---------------------------------------------------------------------------
    def inline(self, node: Tag, links: list[Link], images: list[Image], line: int) -> str:
        """Text of `node`'s inline content, keeping source newlines; collects links and images on the way. A second
        line break in a row is `_PARAGRAPH_BREAK`."""
        parts, breaks = [], 0
        for child in node.children:
            part = self.inline_child(child, links, images, line)
            if isinstance(child, Tag) and child.name == "br":
                breaks += 1
                part = _PARAGRAPH_BREAK if breaks == 2 else part
            elif part.strip():
                breaks = 0
            parts.append(part)
        return "".join(parts)

    def inline_child(self, child, links: list[Link], images: list[Image], line: int) -> str:
        """The text one node of inline content contributes; its links and images are collected on the way."""
        if hidden(child):  # not shown, but its line breaks still count
            return "\n" * line_breaks(child)
        if id(child) in self.markers:  # Word's bullet or number: not the item's text, but its lines still count
            self.markers.discard(id(child))
            return "\n" * self.inline_child(child, [], [], line).count("\n")
        if isinstance(child, NavigableString):
            return str(child)
        if not isinstance(child, Tag):
            return ""
        name = child.name
        if name == "br":
            return " "
        if name in IMAGE_TAGS:
            images.append(self.image(child))
            return ""
        breaks = "\n" * self.after_start(child)[0]  # a start tag over several lines: the text after it is lower
        if name == "a":
            before, first = len(images), len(self.blocks)  # a link around blocks (a card's heading and summary)
            text = breaks + self.inline(child, links, images, line).replace(_PARAGRAPH_BREAK, " ")  # (one phrase)
            href, wrapped = child.get("href"), self.blocks[first:] if not text.strip() else []
            if href:  # (an image in it is a linked image, that `import` writes as one)
                images[before:] = [replace(i, link=i.link or link_address(str(href))) for i in images[before:]]
                (wrapped[0].links if wrapped else links).append(Link(
                    href=link_address(str(href)), text=" ".join(unmarked(text).split() or [b.text for b in wrapped]),
                    line=_line(child, self.offset), column=_column(child)))
            return text + (LINK_MARK if href and not unmarked(text).strip() and not wrapped else "")  # (its place)
        if name == "code":
            return breaks + "\n" * child.get_text().count("\n")  # inline code is not prose; its lines count
        if name == "p" and child.parent is not None and child.parent.name in _ITEMS:
            # `<li><p>...</p></li>` (Squarespace, Wix and many editors write lists so): the item's own text
            return " " + breaks + self.inline(child, links, images, line) + " "
        if name in MEDIA_TAGS:  # a player in a paragraph: a block of its own, before it
            return breaks + self.media(child)
        if name in BLOCK_TAGS:
            # A block inside an inline context (a list inside <li>, Google Docs' `<b>` around all it copies) is
            # emitted on its own, as a block; its line breaks stay in this text so that what follows keeps its line.
            self.walk(child.parent, [child])
            return breaks + "\n" * child.get_text().count("\n")
        return breaks + self.inline(child, links, images, line)

    def data_table(self, table: Tag) -> None:
        """A table of data: its text, the links and images in its cells in the order they are written, its markup."""
        links = [Link(href=link_address(str(a["href"])), text=" ".join(a.get_text(" ").split()),
                      line=_line(a, self.offset), column=_column(a)) for a in table.find_all("a", href=True) if shown(a, table)]
        self.add(TABLE, table.get_text(" "), _line(table, self.offset), links, [self.image(i) for i in images_in(table)],
                 markup=table_markup(table))

    def image(self, tag: Tag, caption: str = "") -> Image:
        return Image(src=image_address(tag), alt=image_alt(tag),
                     title=str(tag.get("title") or "").strip(), line=_line(tag, self.offset), caption=caption)

    # -- blocks -----------------------------------------------------------------------------------
    def add(self, kind: str, raw: str, line: int, links=(), images=(), level: int = 0, column: int = 1,
            markup: str = "") -> None:
        raw = strip_markup_noise(raw.replace(_PARAGRAPH_BREAK, " "))
        lead = len(unmarked(raw)) - len(unmarked(raw).lstrip())
        line += unmarked(raw).count("\n", 0, lead)
        text = raw.strip()
        if not unmarked(text).strip() and not images:
            return
        text_one = " ".join(text.split()) if kind in (HEADING, IMAGE, CODE, TABLE) else re.sub(r"[ \t]+", " ", text)
        text_one, marks = without_marks(re.sub(r" ?\n ?", "\n", text_one).strip(" "))
        block = Block(kind=kind, text=text_one, line=line, end_line=line + text_one.count("\n"), level=level,
                      links=marked_links(list(links), marks), images=list(images), markup=markup)
        if block.is_prose:
            block.sentences = split_sentences(text_one, line=line, column=column)
        self.blocks.append(block)

    def prose(self, kind: str, tag: Tag, level: int = 0) -> None:
        links: list[Link] = []
        images: list[Image] = []
        breaks, column = self.after_start(tag)
        line = _line(tag, self.offset) + breaks
        raw = self.inline(tag, links, images, line)
        if not unmarked(raw).strip() and images:
            for img in images:
                self.blocks.append(Block(kind=IMAGE, text=img.alt, line=img.line, images=[img], links=links))
            return
        self.add(kind, raw, line, links, images, level=level, column=column)

    def loose_text(self, raw: str, line: int, links: list[Link], images: list[Image]) -> None:
        """Text directly inside a container (WordPress classic content): paragraphs split at blank lines, each with
        the links and images standing in it."""
        raw = marks_alone(raw, _PARAGRAPH_ENDS)
        paragraphs = loose_paragraphs(_PARAGRAPH_ENDS.split(raw), raw, line, links, images)
        for chunk, here, own_links, own_images in paragraphs:
            self.add(PARAGRAPH, chunk, here, own_links, own_images)
        for img in images if not paragraphs else ():
            self.blocks.append(Block(kind=IMAGE, text=img.alt, line=img.line, images=[img], links=links))
            links = []

    def walk(self, node: Tag, children: list | None = None) -> None:
        """The blocks of `node`'s children (or of those given of them)."""
        pending: list[str] = []
        pending_line = _line(node, self.offset)
        pending_links: list[Link] = []
        pending_images: list[Image] = []

        def flush() -> None:
            nonlocal pending, pending_links, pending_images
            if "".join(pending).strip() or pending_images:
                self.loose_text("".join(pending), pending_line, pending_links, pending_images)
            pending, pending_links, pending_images = [], [], []

        breaks = 0  # line breaks (<br>) since the last word of loose text
        for child in list(node.children) if children is None else children:
            if hidden(child):
                if pending:  # inside loose text its line breaks count; before it, the next text's own line does
                    pending.append("\n" * line_breaks(child))
                continue
            if isinstance(child, NavigableString):
                if not pending:
                    pending_line = string_line(child, self.offset)
                pending.append(str(child))
                breaks = breaks if child.isspace() else 0
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if is_question(child) and name not in HEADING_TAGS and child.find(_HEADING_NAMES) is None:
                flush()
                self.question(child)
                continue
            if name not in BLOCK_TAGS:
                if not unmarked("".join(pending)).strip():  # only blanks so far: the text starts here, at its line
                    marks = "".join(pending).count(LINK_MARK)
                    pending, pending_line = [LINK_MARK * marks] if marks else [], _line(child, self.offset)
                if name in IMAGE_TAGS:
                    pending_images.append(self.image(child))
                elif name == "br" and breaks and "".join(pending).strip():
                    flush()  # a second break in a row shows as a blank line: the paragraph ends there
                    breaks = 0
                elif name == "br":
                    pending.append(" ")  # a visual break; the source's own newlines come with the text
                    breaks += 1
                else:
                    pending.append(self.inline_child(child, pending_links, pending_images, pending_line))
                    breaks = 0
                continue
            flush()
            if name in HEADING_TAGS:
                self.prose(HEADING, child, level=int(name[1]))
            elif name == "p":
                marker = word_list_marker(child)  # Word's list item, written as a paragraph opening with its bullet
                self.markers.update(map(id, marker))
                self.prose(LIST_ITEM if marker else PARAGRAPH, child)
            elif name in ("li", "dt", "dd"):
                self.prose(LIST_ITEM, child)
            elif name == "blockquote":
                before = len(self.blocks)
                self.walk(child)
                for b in self.blocks[before:]:
                    if b.kind == PARAGRAPH:
                        b.kind = QUOTE
            elif name == "pre":
                self.add(CODE, child.get_text(), _line(child, self.offset))
            elif name == "table" and self.tables.holds_data(child):
                self.data_table(child)
            elif name == "table":  # a table that lays out the page: its cells hold the prose
                self.walk(child)
            elif name == "figure" or is_caption_box(child):
                self.figure(child)
            elif name in MEDIA_TAGS:
                self.media(child)
            elif name == "hr":
                continue
            else:
                self.walk(child)
        flush()

    def media(self, tag: Tag) -> str:
        """A player, audio, video or another site's (an embed): a block of its own, at its place, without text; its
        address is kept in its markup (`media_markup`, `embed_markup`), never lost on import."""
        markup = embed_markup(tag) if is_embed(tag) else media_markup(tag)
        if markup:
            self.blocks.append(Block(kind=MEDIA, text="", line=_line(tag, self.offset), markup=markup))
        return "\n" * line_breaks(tag)

    def question(self, tag: Tag) -> None:
        """An accordion's or FAQ block's question written without a heading element (`is_question`): a heading of
        the answer under it, a level below the heading before the block (an `<h2>` of "Questions" makes its questions
        `<h3>`s; a post's first questions are `<h2>`s), as a question written as a heading would be."""
        before = len(self.blocks)
        self.walk(tag)
        found = self.blocks[before:]
        text = " ".join(b.text for b in found if b.kind != IMAGE)
        if not text:
            return
        above = next((b.level for b in reversed(self.blocks[:before]) if b.kind == HEADING
                      and id(b) not in self.questions), 1)
        del self.blocks[before:]
        self.add(HEADING, text, found[0].line, [k for b in found for k in b.links],
                 [i for b in found for i in b.images], level=min(above + 1, 6))
        self.questions.add(id(self.blocks[-1]))

    def figure(self, tag: Tag) -> None:
        if is_embed(tag):  # another site's player: a block of its own, as a player is; its caption after it
            self.media(tag)
            return self.walk(tag, tag.find_all("figcaption", limit=1))
        if tag.find(is_figure) is not None:
            self.gallery(tag)
            return
        cap = tag.find("figcaption") or tag.find(class_=CAPTION_TEXT)
        caption = " ".join(cap.get_text(" ").split()) if cap else ""
        imgs = images_in(tag)
        if not imgs:
            self.walk(tag)
            return
        for img in imgs:
            image = self.image(img, caption=caption)
            self.blocks.append(Block(kind=IMAGE, text=caption or image.alt, line=image.line, images=[image]))

    def gallery(self, tag: Tag) -> None:
        """A figure of figures (a WordPress gallery): each inner figure is an image with its own caption (or none), an
        image outside them has none, and the gallery's own caption is a paragraph of the post, where it stands."""
        for node in tag.find_all(lambda t: is_figure(t) or is_image(t) or is_caption(t)):
            if figure_around(node, tag) is not tag:
                continue  # inside an inner figure: read with it
            if is_figure(node):
                self.figure(node)
            elif is_image(node):
                image = self.image(node)
                self.blocks.append(Block(kind=IMAGE, text=image.alt, line=image.line, images=[image]))
            elif shown(node, tag):
                self.prose(PARAGRAPH, node)


_ITEMS = frozenset({"li", "dt", "dd"})
_HEADING_NAMES = sorted(HEADING_TAGS)


def html_to_blocks(fragment: str | Tag, line_offset: int = 0) -> list[Block]:
    """Blocks of an HTML fragment or element. Scripts, styles, forms and comments are not prose."""
    node = parse_html(fragment) if isinstance(fragment, str) else fragment
    root = node
    while root.parent is not None:
        root = root.parent
    builder = _Builder(line_offset, root.__dict__.get("source_lines"))
    builder.walk(node)
    return builder.blocks
