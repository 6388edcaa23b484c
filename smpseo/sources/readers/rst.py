"""reStructuredText posts (Pelican, Nikola, ABlog), parsed with docutils.

The document's title is the post's title; Pelican's fields (`:date:`, `:slug:`, `:summary:`, `:tags:`,
`:category:`, `:status:`...) are its front matter, each with its line, and so are Nikola's, the comments the post
opens with (`.. title: ...`, `.. slug:`, `.. date:`, `.. tags:`, `.. description:`, `.. status: draft`, and any other
name, `.. keyphrase:`), or those of the `.meta` file beside it (`nikola.py`). Sections become headings, paragraphs, list
items, quotes, literal blocks, tables and images become blocks at their lines, and links keep their targets and the
line and column of their text.

Read safely: nothing is included from other files or URLs (`include`, `raw`, `csv-table :file:` are refused, as a
reader of untrusted text should), and docutils' own reports stay out of the output; what it could not parse is left
out of the post. The roles that link to another post, `:doc:` (Sphinx's and Nikola's, `` :doc:`text <slug>` ``) and
`:ref:`, are read as their text; a `:doc:` link keeps its target. Directives of other tools (Sphinx's, Pelican's plugins') are left out the same way. Each part left
out is a warning at its line (`_left_out`), so no text goes unchecked without a word.
"""

from __future__ import annotations

import re

from smpseo.model.post import (
    CODE,
    HEADING,
    IMAGE,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TABLE,
    Block,
    Image,
    Link,
    Post,
    split_sentences,
)
from smpseo.sources.readers.generator import generator_post
from smpseo.sources.readers.nikola import nikola_fields, register_roles
from smpseo.sources.readers.rsttables import table_html

SETTINGS = {
    "file_insertion_enabled": False,  # `include`, `csv-table :file:`/`:url:`, `raw :file:`
    "raw_enabled": False,
    "report_level": 5,  # no report printed
    "halt_level": 5,  # no report stops the parse
    "warning_stream": False,
    "_disable_config": True,  # no docutils.conf of the machine changes how posts read
    "input_encoding": "unicode",
    "line_length_limit": 1_000_000,
}
_FIELD = re.compile(r"^:([A-Za-z][\w-]*):")
SKIPPED = frozenset({"system_message", "comment", "substitution_definition", "target", "raw", "docinfo", "topic",
                     "footnote", "citation", "pending", "title", "subtitle", "field_list"})


def read_rst(text: str, path: str) -> list[Post]:
    from docutils import nodes
    from docutils.core import publish_doctree

    lines = text.split("\n")
    register_roles()
    document = publish_doctree(text, source_path=path or "<post>", settings_overrides=SETTINGS)
    meta, meta_lines = nikola_fields(lines, path)
    fields, field_lines = _fields(document, lines, nodes)
    for name in fields.keys() - meta.keys():  # Nikola's comments first: a post has one kind or the other
        meta[name] = fields[name]
        if name in field_lines:
            meta_lines[name] = field_lines[name]
    title_node = next((n for n in document.children if isinstance(n, nodes.title)), None)
    if title_node is not None and not meta.get("title"):  # the document's title, where no `:title:` field is set
        meta["title"] = " ".join(title_node.astext().split())
        meta_lines["title"] = _text_line(lines, meta["title"], 0)
    blocks = _Blocks(lines, nodes).of(document)
    return [generator_post(path, meta, meta_lines, blocks, "rst", _left_out(document, nodes))]


MAX_LEFT_OUT = 20  # warnings of what docutils could not read, a post at most


def _left_out(document, nodes) -> list[str]:
    """A warning at its line for each part of the post docutils could not read, and so left out of it (an unknown
    directive, a directive written wrong: the errors docutils prints building the site): its text is not checked, and
    the writer is told. What is refused on purpose (`include`, `raw`, a table from a file) is not said."""
    said = []
    for message in document.findall(nodes.system_message):
        text = " ".join(message.children[0].astext().split()) if message.children else ""
        if message["level"] >= 3:  # an error: docutils' warnings (an unclosed `) keep the text
            said.append(f"line {message.get('line') or 1}: {text.rstrip('.:')}; left out of the post")
    if len(said) > MAX_LEFT_OUT:
        said[MAX_LEFT_OUT:] = [f"line {said[MAX_LEFT_OUT].split(':', 1)[0][5:]}: {len(said) - MAX_LEFT_OUT} more parts "
                               "docutils could not read; left out of the post"]
    return said


def _fields(document, lines: list[str], nodes) -> tuple[dict[str, str], dict[str, int]]:
    """The document's fields (its docinfo: `:date:`, `:slug:`...) as text, and their lines in the file."""
    meta: dict[str, str] = {}
    for info in document.findall(nodes.docinfo):
        for node in info.children:
            if isinstance(node, nodes.field) and len(node.children) == 2:
                name, value = node.children[0].astext(), node.children[1].astext()
            else:
                name, value = node.tagname, node.astext()
            meta.setdefault(name.strip().lower(), " ".join(value.split()))
    meta_lines = {}
    for i, line in enumerate(lines):
        m = _FIELD.match(line)
        if m and m.group(1).lower() in meta and m.group(1).lower() not in meta_lines:
            meta_lines[m.group(1).lower()] = i + 1
    return meta, meta_lines


def _probe(text: str) -> re.Pattern | None:
    """The first words of `text` (up to three) as they stand on a source line, markup allowed between them."""
    words = re.findall(r"\w+", text)[:3]
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)") if words else None


def _text_line(lines: list[str], text: str, start: int) -> int:
    """The first line from index `start` on where `text` starts (1-based), or 0. Its first words are looked for on
    one line, then, for a text whose first line holds fewer words, the first word alone."""
    for probe in (_probe(text), _probe(re.findall(r"\w+", text)[0]) if re.findall(r"\w+", text) else None):
        if probe is None:
            continue
        for i in range(max(start, 0), len(lines)):
            if probe.search(lines[i]):
                return i + 1
    return 0


class _Blocks:
    """The blocks of a docutils document, in order, each at its line in the source."""

    def __init__(self, lines: list[str], nodes):
        self.lines, self.nodes = lines, nodes
        self.blocks: list[Block] = []
        self.at = 0  # the line (0-based) the last block started on: the next starts there or later

    def of(self, document) -> list[Block]:
        self._walk(document, depth=0, items=0, quoted=False)
        return self.blocks

    def _line(self, node, text: str) -> int:
        """Where `text` starts: docutils' line for the node (a title's is its underline's) when the text is there,
        else the first line from the previous block's on that holds its first words."""
        given = node.line if isinstance(getattr(node, "line", None), int) else 0
        probe = _probe(text)
        line = next((c for c in (given, given - 1) if c - 1 >= self.at and _holds(self.lines, c, probe)), 0) \
            or _text_line(self.lines, text, self.at) or given or self.at + 1
        self.at = line - 1
        return line

    def _walk(self, node, depth: int, items: int, quoted: bool) -> None:
        n = self.nodes
        for child in node.children:
            name = child.tagname
            if name in SKIPPED or isinstance(child, n.Invisible):
                continue
            if isinstance(child, n.section):
                title = next((c for c in child.children if isinstance(c, n.title)), None)
                if title is not None:
                    self._add(HEADING, title, level=min(depth + 2, 6))
                self._walk(child, depth + 1, items, quoted)
            elif isinstance(child, n.paragraph):
                self._add(LIST_ITEM if items else QUOTE if quoted else PARAGRAPH, child, level=items)
            elif isinstance(child, (n.literal_block, n.doctest_block)):
                self._add(CODE, child)
            elif isinstance(child, n.table):
                self._add(TABLE, child, markup=table_html(child, n))
            elif isinstance(child, (n.image, n.figure)):
                self._image(child)
            elif isinstance(child, n.list_item):
                self._walk(child, depth, items + 1, quoted)
            elif isinstance(child, n.block_quote):
                self._walk(child, depth, items, True)
            elif isinstance(child, n.Element):  # lists, admonitions, line blocks, definitions: their prose
                self._walk(child, depth, items, quoted)

    def _add(self, kind: str, node, level: int = 0, markup: str = "") -> None:
        text = node.astext().strip()
        if not text:
            return
        if kind != CODE:
            text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        if kind in (HEADING, TABLE):
            text = " ".join(text.split())
        line = self._line(node, text)
        # the lines the block spans in the file: a link's address may break a line its text does not show
        raw = str(node.rawsource or "") if kind in (PARAGRAPH, LIST_ITEM, QUOTE) else ""
        end_line = line + max(text.count("\n"), raw.count("\n"))
        block = Block(kind=kind, text=text, line=line, end_line=end_line, level=level,
                      links=self._links(node, line, end_line), markup=markup)
        if block.is_prose:
            block.sentences = split_sentences(text, line=line)
        self.blocks.append(block)

    def _links(self, node, line: int, end_line: int) -> list[Link]:
        """The links of a block on lines `line` to `end_line`, each at the line and column of its text: its markup
        (`` `text <url>`_ ``, `` `text`_ ``, a bare address) looked for in those lines in order, whatever the
        spaces and line breaks in it. One not found there has the block's line and column 1 (looked up in the
        block's text where a finding needs it)."""
        source = "\n".join(self.lines[max(line - 1, 0):end_line])
        links, searched = [], 0
        for ref in node.findall(self.nodes.reference):
            if not ref.get("refuri"):
                continue
            text = " ".join(ref.astext().split())
            at, column = line, 1
            raw = str(ref.rawsource or "").split()
            found = re.compile(r"\s+".join(map(re.escape, raw))).search(source, searched) if raw else None
            if found:
                searched = found.end()
                start = found.start() + max(found.group(0).find(text.split()[0] if text.split() else text), 0)
                at = line + source.count("\n", 0, start)
                column = start - source.rfind("\n", 0, start)
            links.append(Link(str(ref["refuri"]), text, at, column))
        return links

    def _image(self, node) -> None:
        n = self.nodes
        image = node if isinstance(node, n.image) else next(node.findall(n.image), None)
        if image is None:
            return
        caption = next((" ".join(c.astext().split()) for c in node.findall(n.caption)), "")
        src = str(image.get("uri", ""))
        line = self._line(image, src)
        found = Image(src=src, alt=str(image.get("alt", "")).strip(), line=line, caption=caption)
        self.blocks.append(Block(kind=IMAGE, text=found.alt or caption, line=line, images=[found]))


def _holds(lines: list[str], line: int, probe: re.Pattern | None) -> bool:
    """Whether source line `line` (1-based) holds the first words `probe` looks for."""
    return probe is not None and 0 < line <= len(lines) and probe.search(lines[line - 1]) is not None


__all__ = ["read_rst"]
