"""Markdown with YAML front matter (the format of `posts/`), parsed with markdown-it-py.

Every block keeps its source line (front matter included in the count), and every sentence its own line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from smpseo.core.text import MASK, clean_text, mask_templates, strip_markup_noise, unmask
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
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.frontmatter import split_front_matter
from smpseo.sources.readers.generator import generator_post
from smpseo.sources.readers.htmltags import breaking_tag, hiding_tag, still_hidden
from smpseo.sources.readers.mdextensions import masked_extensions
from smpseo.sources.readers.mdfigures import attributes, figures_as_images, with_captions
from smpseo.sources.readers.mdhtml import html_in_markdown, pasted_html
from smpseo.sources.readers.mdnesting import flattened, merged, past_nesting_limit
from smpseo.sources.readers.noteapps import note_page
from smpseo.sources.readers.references import reference_links
from smpseo.sources.readers.sitevalues import template_values

_md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
_GFM_TABLE = next(rule for rule in _md.block.ruler.__rules__ if rule.name == "table")
_gfm_table = _GFM_TABLE.fn


def _table_outline(state, start: int, end: int, silent: bool) -> bool:
    """markdown-it's table rule, keeping of a table only its first and last token (where it is): a post reads a
    table as its source lines, and the tokens of every cell (a dozen objects each, parsed as inline text after)
    took a table of 2,000 columns by 200 rows 900 times its size in memory."""
    if silent:
        return _gfm_table(state, start, end, silent)
    push, scratch = state.push, Token("", "", 0)

    def outline(ttype: str, tag: str, nesting: int) -> Token:
        return push(ttype, tag, nesting) if ttype in ("table_open", "table_close") else scratch

    state.push = outline  # the cells' opening and closing tokens balance: the levels stay as they were
    try:
        return _gfm_table(state, start, end, silent)
    finally:
        del state.push


_md.block.ruler.at("table", _table_outline, {"alt": _GFM_TABLE.alt})
_BRACES = re.compile(r"%7[BDC]", re.IGNORECASE)


def _as_written(url: str) -> str:
    """A link's or image's address as the post writes it: markdown-it percent-encodes braces and bars, which a
    generator's placeholder is made of (Pelican's `{static}/images/a.jpg`, `|filename|post.md`)."""
    return _BRACES.sub(lambda m: {"B": "{", "D": "}", "C": "|"}[m.group(0)[-1].upper()], unmask(url))


# Inline HTML in a Markdown paragraph whose content is code, not text (of `htmltags.SKIP_TAGS`, those that hold code:
# a form's or a button's words stay the paragraph's there)
_NOT_PROSE = "script|style|template|noscript"


@functools.cache
def _hidden_open() -> re.Pattern:
    """An inline tag whose content is not prose (<script> ...): compiled when a post has inline HTML."""
    return re.compile(rf"<({_NOT_PROSE})\b", re.I)


_LIST_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s+)?")


_FIRST_RE = re.compile(r"\S+")
_WORD_CHAR_RE = re.compile(r"\w")
_SPACES_RE = re.compile(r"[ \t]+")
_LINE_EDGES_RE = re.compile(r" ?\n ?")
_LEAD_RE = re.compile(rf"[\s{MASK}]*")  # blanks and masked tags, before (or after) a paragraph's text


def _column_in(source_line: str, text: str) -> int:
    """1-based column of `text`'s first word in a source line (skipping markup), or of the line's content."""
    first = _FIRST_RE.match(text)
    if first:
        idx = source_line.find(first.group(0))
        if idx >= 0:
            return idx + 1
        probe = _word_core(first.group(0))  # the word without the punctuation around it
        idx = source_line.find(probe) if probe else -1
        if idx >= 0:
            return idx + 1
    return _LIST_MARKER.match(source_line).end() + 1


def _line_column(source_line: str, part: str) -> int:
    """1-based column in a source line of a line of text that may open with a masked tag (MASK characters)."""
    words_ = part.lstrip(MASK)
    return max(1, _column_in(source_line, words_) - (len(part) - len(words_)))


_IMG_TAG = re.compile(r"<img\b", re.I)

def _clean_tokens(tokens: list[Token]) -> list[Token]:
    """Character references are text entering here: `&#x202e;` decoded by the Markdown parser is cleaned as decoded
    bytes are (`clean_text`), in every token's content and attributes."""
    todo = list(tokens)
    while todo:  # an image's alt text is in its children: every level, without recursion
        t = todo.pop()
        if t.content:
            t.content = clean_text(t.content)
        for key, value in list(t.attrs.items()):
            if isinstance(value, str):
                t.attrs[key] = clean_text(value)
        todo.extend(t.children or [])
    return tokens


def _word_core(token: str) -> str:
    """`token` without the punctuation around it, in linear time (`\\W+$` is tried from every position of a run of
    "!!!...")."""
    start = _WORD_CHAR_RE.search(token)
    if not start:
        return ""
    return token[start.start(): len(token) - _WORD_CHAR_RE.search(token[::-1]).start()]


def _link_column(source: list[str], line: int, text: str, searched: dict[int, int]) -> int:
    """The source column of a link's text (`[text](...)` on `line`), after the links found on that line before it
    (`searched`); 1 when it cannot be told."""
    first = text.split()[0] if text.split() else ""
    if not first or not 0 < line <= len(source):
        return 1
    row = source[line - 1]
    at = row.find("[", searched.get(line, 0))
    while at >= 0:  # "[", emphasis marks and spaces, then the text, after as many marks as can be (a regular
        end, found = at + 1, -1  # expression compiled anew for each link made a paragraph of thousands slow)
        while True:
            if row.startswith(first, end):
                found = end
            if end < len(row) and (row[end] in "*_`~" or row[end].isspace()):
                end += 1
            else:
                break
        if found >= 0:
            searched[line] = found
            return found + 1
        at = row.find("[", at + 1)
    return 1


def _inline(token: Token, line: int, source: list[str] | None = None) -> tuple[str, list[Link], list[Image]]:
    """Plain text of an inline token (newline per source line break), with the links and images in it; `source`,
    the file's lines, gives each link its column."""
    parts: list[str] = []
    searched: dict[int, int] = {}
    links: list[Link] = []
    images: list[Image] = []
    current = line
    link_stack: list[tuple[str, int, int]] = []
    hidden = ""  # inside an inline <script>, <style> ... (code, not prose) or a hidden <span hidden> ...: not shown
    depth = 0  # the elements of that name open in it, the first one too
    code_at = 0  # where the next code span is looked for in the source
    children = token.children or []
    for i, child in enumerate(children):
        t = child.type
        if hidden:
            if t == "html_inline" and re.match(rf"</{hidden}\s*>", child.content, re.I):
                depth -= 1
                hidden = hidden if depth else ""
            elif t == "html_inline" and re.match(rf"<{hidden}\b", child.content, re.I):
                depth += 1
            elif t in ("softbreak", "hardbreak"):  # lines still count
                parts.append("\n")
                current += 1
            continue
        if t == "html_inline":
            m = _hidden_open().match(child.content)
            name = m.group(1).lower() if m else hiding_tag(child.content)
            # hidden up to its end tag; one never closed hides nothing (the words after it stay prose)
            if name and any(c.type == "html_inline" and re.match(rf"</{name}\s*>", c.content, re.I)
                            for c in children[i + 1:]):
                hidden, depth = name, 1
                continue
        if t == "text":
            parts.append(child.content)
        elif t in ("softbreak", "hardbreak"):
            parts.append("\n")
            current += 1
        elif t == "code_inline":  # code is not prose, but the line breaks inside it still count
            words_ = child.content.split()
            pattern = (re.escape(child.markup) + r"\s*" + r"\s+".join(map(re.escape, words_))
                       + (r"\s*" if words_ else "") + re.escape(child.markup))
            m = re.compile(pattern).search(token.content, code_at)
            if m:
                code_at = m.end()
                breaks = m.group(0).count("\n")
                parts.append("\n" * breaks)
                current += breaks
        elif t == "link_open":
            # where its text starts, as a count of parts: joining all the parts at every link took a paragraph of
            # thousands of links a time that grew with the square of their number
            link_stack.append((_as_written(str(child.attrs.get("href", ""))), len(parts), current))
        elif t == "link_close" and link_stack:
            href, start, at = link_stack.pop()
            text = " ".join("".join(parts[start:]).split())
            links.append(Link(href=href, text=text, line=at,
                              column=_link_column(source, at, text, searched) if source else 1))
        elif t == "image":
            alt = "".join(c.content for c in (child.children or []) if c.type in ("text", "code_inline"))
            images.append(Image(src=_as_written(str(child.attrs.get("src", ""))), alt=alt.replace(MASK, "").strip(),
                                title=str(child.attrs.get("title") or ""), line=current,
                                link=link_stack[-1][0] if link_stack else ""))
        elif t == "html_inline":
            if _IMG_TAG.match(child.content):  # an <img> written inside a paragraph is an image of the post
                attrs = attributes(child.content)
                images.append(Image(src=unmask(attrs.get("src", "")), alt=attrs.get("alt", "").strip(),
                                    title=attrs.get("title", ""), line=current))
            if breaking_tag().match(child.content):  # a browser breaks the line there: the words either side stay two
                parts.append(" ")
            breaks = child.content.count("\n")  # a tag or comment over several lines: they still count
            parts.append("\n" * breaks)
            current += breaks
        else:
            parts.append(child.content if t not in ("strong_open", "strong_close", "em_open", "em_close",
                                                    "s_open", "s_close") else "")
    return "".join(parts), links, images


def parse_markdown(text: str, path: str, warnings: list[str] | None = None) -> Post:
    """Parse Markdown text (with optional front matter) into a Post. Raises SourceError on bad front matter."""
    lines = text.split("\n")
    warnings = [] if warnings is None else warnings
    meta, meta_lines, body_start = split_front_matter(text, path, lines, warnings)
    page = note_page(path, lines, meta, meta_lines, body_start)  # a Notion page, an Obsidian note
    if page is not None:
        return page.finish(markdown_post(lines, page.meta, page.meta_lines, body_start, path, warnings, page.body))
    return markdown_post(lines, meta, meta_lines, body_start, path, warnings)


def markdown_post(lines: list[str], meta: dict, meta_lines: dict[str, int], body_start: int, path: str,
                   warnings: list[str], body: str | None = None) -> Post:
    """The post of a file split into `lines` whose front matter (`split_front_matter`) ends before `body_start`;
    `body`, the body to read in the place of the file's, line for line (`noteapps`)."""
    body = "\n".join(lines[body_start:]) if body is None else body
    blocks = markdown_blocks(body, lines, body_start, warnings, template_values(path, meta) if "{{" in body else None)
    return generator_post(path, meta, meta_lines, blocks, "markdown", warnings)


def markdown_blocks(body: str, lines: list[str], offset: int, warnings: list[str] | None = None,
                    values: dict[str, str] | None = None) -> list[Block]:
    """Blocks of a Markdown body whose first line is line `offset + 1` of the file whose lines are `lines`. What
    is nested too deeply to read as written (HTML, lists, quotes) is read all the same, and said in `warnings`.
    `values`: what the template variables print (`sitevalues`)."""
    env: dict = {}  # the reference definitions ([text][ref]), which a table's links use too
    figured, captions = figures_as_images(body)
    tokens = _clean_tokens(_md.parse(mask_templates(masked_extensions(figured), values), env))
    blocks: list[Block] = []
    kind_stack: list[str] = []
    list_depth = 0
    pending_heading: tuple[int, int] | None = None
    hiding = ("", 0)  # a hidden element an HTML block left open (`<div hidden>`, a blank line): its text is not shown
    for i, tok in enumerate(tokens):
        t = tok.type
        if hiding[0] and t in ("inline", "fence", "code_block", "table_open", "html_block"):
            pending_heading = None
            if t != "html_block":
                continue
            hiding = still_hidden(tok.content, hiding)
            if hiding[0]:
                continue
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "blockquote_open":
            kind_stack.append(QUOTE)
        elif t == "blockquote_close":
            kind_stack.pop()
        elif t == "heading_open":
            pending_heading = (int(tok.tag[1]), tok.map[0] if tok.map else 0)
        elif t == "inline" and pending_heading is None and pasted_html(tok.children or []):
            blocks.extend(html_in_markdown(tok.content, (tok.map[0] if tok.map else 0) + offset + 1, warnings))
        elif t == "inline":
            start = (tok.map[0] if tok.map else 0) + offset + 1
            raw, links, images = _inline(tok, start, lines)
            raw = strip_markup_noise(raw, masked=True)  # (MASK where a tag stood: `split_sentences` sees it)
            prev = tokens[i - 1].type if i else ""
            if pending_heading is not None:
                level, _ = pending_heading
                pending_heading = None
                text = " ".join(unmask(raw).split())
                if text:
                    blocks.append(Block(HEADING, text, start, start, level=level, links=links, images=images))
                continue
            if prev == "paragraph_open" and not unmask(raw).strip() and images:
                for img in images:
                    blocks.append(Block(IMAGE, img.alt, img.line, img.line, images=[img], links=links))
                continue
            kind = QUOTE if kind_stack else (LIST_ITEM if list_depth else PARAGRAPH)
            # markdown-it drops leading lines of Unicode blanks (no-break spaces) from the content but not from the
            # block's map: the content starts at the first line with something on it.
            last = min((tok.map[1] if tok.map else 0) + offset, len(lines))
            while start < last and not lines[start - 1].strip():
                start += 1
            lead = _LEAD_RE.match(raw).end()
            start += raw.count("\n", 0, lead)
            text = raw[lead:max(lead, len(raw) - _LEAD_RE.match(raw[::-1]).end())]  # (MASK kept inside)
            text = _LINE_EDGES_RE.sub("\n", _SPACES_RE.sub(" ", text))
            plain = _LINE_EDGES_RE.sub("\n", _SPACES_RE.sub(" ", unmask(text)))
            if not plain:
                continue
            src_line = lines[start - 1] if 0 < start <= len(lines) else ""
            block = Block(kind, plain, start, start + text.count("\n"), level=list_depth if kind == LIST_ITEM else 0,
                          links=links, images=images)
            line_columns = [_line_column(lines[start - 1 + k], part) if start - 1 + k < len(lines) else 1
                            for k, part in enumerate(text.split("\n"))]
            block.sentences = split_sentences(text, start, _column_in(src_line, text), line_columns)
            blocks.append(block)
        elif t in ("fence", "code_block"):
            start = (tok.map[0] if tok.map else 0) + offset + 1
            blocks.append(Block(CODE, tok.content.replace(MASK, ""), start, (tok.map[1] if tok.map else 0) + offset))
        elif t == "html_block":
            hiding = still_hidden(tok.content)
            blocks.extend(html_in_markdown(tok.content, (tok.map[0] if tok.map else 0) + offset + 1, warnings))
        elif t == "table_open":
            start = (tok.map[0] if tok.map else 0) + offset + 1
            end = (tok.map[1] if tok.map else 0) + offset
            links, images = _table_links(lines, start, end, env)
            blocks.append(Block(TABLE, "\n".join(lines[start - 1 : end]), start, end, links=links, images=images))
    if captions:
        with_captions(blocks, captions, offset)
    skipped = past_nesting_limit(tokens, _md.options.maxNesting)
    if skipped and warnings is not None:
        warnings += [f"line {first + offset + 1}: lists or quotes nested too deeply for the Markdown parser; read as "
                     "a flat list" for first, _ in skipped]
    if skipped:  # what the parser skipped, read again as flat lists, every other line left blank
        body_lines = body.split("\n")
        flat = [""] * len(body_lines)
        for first, end in skipped:
            flat[first:end] = map(flattened, body_lines[first:end])
        if any(flat[first:end] != body_lines[first:end] for first, end in skipped):  # (markers go: it ends)
            blocks = merged(blocks, markdown_blocks("\n".join(flat), lines, offset, values=values))
    references = reference_links(body) if "](" in body else set()
    for block in blocks if references else ():  # a link written with a generator's reference names a post
        block.links = [replace(k, reference=True) if k.href in references else k for k in block.links]
    return blocks  # (a table's cells are no inline tokens, `_table_outline`: no paragraph falls in its lines)


def _table_links(lines: list[str], start: int, end: int, env: dict) -> tuple[list[Link], list[Image]]:
    """The links and images in a table's cells (lines `start`..`end`): each row that may hold one is read as
    inline Markdown on its own, so a table's memory stays that of its largest row (`_table_outline`)."""
    links: list[Link] = []
    images: list[Image] = []
    for number in range(start, end + 1):
        row = lines[number - 1] if 0 < number <= len(lines) else ""
        if "](" not in row and "<" not in row and "][" not in row:
            continue
        for token in _md.parseInline(mask_templates(row), env):
            more_links, more_images = _inline(token, number, lines)[1:]
            links += more_links
            images += more_images
    return links, images


def read_markdown(text: str, path: str) -> list[Post]:
    return [parse_markdown(text, path)]


__all__ = ["parse_markdown", "markdown_blocks", "markdown_post", "read_markdown", "SourceError"]
