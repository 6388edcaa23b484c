"""MDX (Markdown with JSX: Docusaurus, Gatsby, Astro, Next.js), read as Markdown once its code is blanked."""

from __future__ import annotations

import re

from smpseo.core.text import MASK
from smpseo.model.post import Post
from smpseo.sources.readers.frontmatter import split_front_matter
from smpseo.sources.readers.markdown import markdown_post

_ESM = re.compile(r"^(?:import|export)[ \t{*]")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MDX_COMMENT = re.compile(r"^[ \t]*\{/\*.*\*/\}[ \t]*$")
_JSX_TAG = re.compile(r"^[ \t]*</?[A-Z][\w.]*")  # a component (capitalised): its props are code, its children text


_JSX_CLOSE = re.compile(r"(?:</[A-Z][\w.]*\s*>\s*)+")


def _tag_end(line: str) -> int | None:
    """Where the component tag opening `line` ends (just past its `>`), braces and quoted props skipped
    (`<Note icon={<Star />} title="a > b">`); None when it goes on past the line."""
    depth, quote = 0, ""
    for i in range(line.index("<") + 1, len(line)):
        c = line[i]
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'`":
            quote = c
        elif c == "{":
            depth += 1
        elif c == "}":
            depth = max(depth - 1, 0)
        elif c == ">" and depth == 0:
            return i + 1
    return None


def read_mdx(text: str, path: str) -> list[Post]:
    """MDX (Markdown with JSX: Docusaurus, Gatsby, Astro, Next.js): Markdown whose top-level `import` and `export`
    statements (each up to the next blank line), `{/* comments */}` and the lines of a component's tag (`<Chart
    data={...} />`, `</Note>`) are code, not text; what a component wraps is the post's. They are blanked, so every
    other line keeps its number."""
    lines = text.split("\n")
    meta, meta_lines, start = split_front_matter(text, path, lines)
    fence = None
    statement = tag = False
    for i in range(start, len(lines)):
        line = lines[i]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if statement or _ESM.match(line) or _MDX_COMMENT.match(line):
            statement = bool(line.strip()) and not _MDX_COMMENT.match(line)
            lines[i] = ""
            continue
        if tag or _JSX_TAG.match(line):
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
    return [markdown_post(lines, meta, meta_lines, start, path, [])]


__all__ = ["read_mdx"]
