"""MDX (Markdown with JSX: Docusaurus, Gatsby, Astro, Next.js), read as Markdown once its code is blanked."""

from __future__ import annotations

import bisect
import re

from smpseo.core.text import MASK
from smpseo.model.post import Post
from smpseo.sources.readers.frontmatter import split_front_matter
from smpseo.sources.readers.jsximages import image_block, imported_files, is_image_tag, jsx_until, with_images
from smpseo.sources.readers.markdown import markdown_post

_ESM = re.compile(r"^(?:import|export)[ \t{*]")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MDX_COMMENT = re.compile(r"^[ \t]*\{/\*.*\*/\}[ \t]*$")
_JSX_TAG = re.compile(r"^[ \t]*</?[A-Z][\w.]*")  # a component (capitalised): its props are code, its children text


_JSX_CLOSE = re.compile(r"(?:</[A-Z][\w.]*\s*>\s*)+")


def _tag_end(line: str) -> int | None:
    """Where the component tag opening `line` ends (just past its `>`), braces and quoted props skipped
    (`<Note icon={<Star />} title="a > b">`); None when it goes on past the line."""
    end = jsx_until(line, line.index("<") + 1, ">")
    return None if end is None else end + 1


_EXPRESSION_MARK = re.compile(r"[{}\\`]")
_BACKTICKS = re.compile(r"`+")


def _mask_expressions(lines: list[str], start: int, code: set[int]) -> None:
    """MDX's `{expressions}` (`{frontMatter.title}`, `{/* a comment */}`, over several lines too) in `lines` from
    index `start` on masked in place, every line and column kept; an escaped `\\{`, a code span's and the `code`
    lines' braces are text. A `{` never closed is text, as is all after it (MDX would not compile it): the words
    are kept rather than lost."""
    depth = 0
    kept: dict[int, str] = {}  # the lines an expression still open masked, as they were: put back if it never closes
    for i in range(start, len(lines)):
        if i in code:
            continue
        line, j, opened, spans = lines[i], 0, 0, []
        closed = False
        runs: dict[int, list[int]] | None = None  # the line's backtick runs by length: where each ends
        while (m := _EXPRESSION_MARK.search(line, j)) is not None:
            k, c = m.start(), m.group()
            j = k + 1
            if c == "\\":
                j = k + 2
            elif c == "`" and not depth:  # a code span: to the next run of as many backticks
                if runs is None:
                    runs = {}
                    for r in _BACKTICKS.finditer(line):
                        runs.setdefault(r.end() - r.start(), []).append(r.end())
                run = _BACKTICKS.match(line, k).end() - k
                ends = runs.get(run, [])  # (a run after a backslash is part of a longer one)
                after = bisect.bisect_right(ends, k + run)
                j = ends[after] if after < len(ends) else k + run
            elif c == "{":
                opened = opened if depth else k
                depth += 1
            elif c == "}" and depth:
                depth -= 1
                if not depth:
                    spans.append((opened, k + 1))
                    closed = True
        if closed:
            kept.clear()
        if depth:
            kept[i] = _masked(line, spans)
            spans.append((opened, len(line)))
        lines[i] = _masked(line, spans)
    for i, line in kept.items():
        lines[i] = line


def _masked(line: str, spans: list[tuple[int, int]]) -> str:
    """`line` with the characters of `spans` (in order, apart) as MASK characters."""
    if not spans:
        return line
    parts, at = [], 0
    for begin, end in spans:
        parts += [line[at:begin], MASK * (end - begin)]
        at = end
    return "".join(parts) + line[at:]


def read_mdx(text: str, path: str) -> list[Post]:
    """MDX (Markdown with JSX: Docusaurus, Gatsby, Astro, Next.js): Markdown whose top-level `import` and `export`
    statements (each up to the next blank line), `{/* comments */}`, `{expressions}` and the lines of a component's
    tag (`<Chart data={...} />`, `</Note>`) are code, not text; what a component wraps is the post's. They are
    blanked or masked, so every other line and column keeps its number. An image component (`<Image src={hero}
    alt="..." />`, `jsximages`) is one of the post's images."""
    lines = text.split("\n")
    warnings: list[str] = []
    meta, meta_lines, start = split_front_matter(text, path, lines, warnings)
    fence = None
    statement = tag = False
    code: set[int] = set()  # the lines of fenced code
    imports, images = imported_files(text), []  # (the images written as components: `jsximages`)
    for i in range(start, len(lines)):
        line = lines[i]
        if fence is not None:
            code.add(i)
            if line.strip().startswith(fence):
                fence = None
            continue
        if statement or _ESM.match(line) or _MDX_COMMENT.match(line):
            statement = bool(line.strip()) and not _MDX_COMMENT.match(line)
            lines[i] = ""
            continue
        if tag or _JSX_TAG.match(line):
            if not tag and is_image_tag(line):
                image = _image(lines, i, imports)
                images += [image] if image is not None else []
            end = None if tag else _tag_end(line)
            if end is not None and line[end:].strip() and not _JSX_CLOSE.fullmatch(line[end:].strip()):
                # `<Note>Text ...</Note>` on one line: the tag is masked (every column kept), the text is the post's
                lines[i] = line[:end].replace(line[:end].lstrip(), MASK * len(line[:end].lstrip())) + line[end:]
                continue
            tag = not line.rstrip().endswith(">")
            lines[i] = ""
            continue
        m = _FENCE_OPEN.match(line)
        if m:
            fence = m.group(1)[0] * len(m.group(1))
            code.add(i)
    _mask_expressions(lines, start, code)
    post = markdown_post(lines, meta, meta_lines, start, path, warnings)
    post.blocks = with_images(post.blocks, images)
    return [post]


_TAG_LINES = 50  # the most lines an image component's tag is looked for over


def _image(lines: list[str], i: int, imports: dict[str, str]):
    """The image block of the image component whose tag opens on `lines[i]`, if its tag ends within a few lines."""
    for last in range(i, min(i + _TAG_LINES, len(lines))):
        tag = "\n".join(lines[i:last + 1])
        end = _tag_end(tag)
        if end is not None:
            return image_block(tag[:end], i + 1, imports)
    return None


__all__ = ["read_mdx"]
