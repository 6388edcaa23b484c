"""Where things stand in an HTML fragment: where an element's text starts, after its start tag, and which paragraph
of loose text (text standing directly in a container, as WordPress's classic editor writes a post: paragraphs split
at blank lines) each of its links and images stands in."""

from __future__ import annotations

from bs4 import Tag

from smpseo.model.post import Image, Link


def after_start_tag(tag: Tag, source: list[str] | None) -> tuple[int, int] | None:
    """The line breaks inside `tag`'s start tag (`<p\\n class="x">`), and the column just after it: where its text
    starts, read from the fragment's lines, `source`. None when they are not known."""
    line, pos = getattr(tag, "sourceline", None), getattr(tag, "sourcepos", None)
    if not source or line is None or pos is None or line > len(source):
        return None
    quote, last = "", ""  # a quote opens a value only after `=`, as the parser reads it
    for n, text in enumerate(source[line - 1:line + 20]):
        for i in range(pos if n == 0 else 0, len(text)):
            c = text[i]
            if quote:
                quote = "" if c == quote else quote
            elif c in "\"'" and last == "=":
                quote = c
            elif c == ">":
                return n, i + 2
            last = c if not c.isspace() else last
    return None


# A paragraph of loose text: its first and last lines in the source, and its text.
Span = tuple[int, int, str]


def loose_paragraphs(chunks: list[str], raw: str, line: int, links: list[Link],
                     images: list[Image]) -> list[tuple[str, int, list[Link], list[Image]]]:
    """Each chunk of `raw` (its text starting at `line`) that holds text, with its line and the links and images
    standing in it (`placed`)."""
    parts, pos = [], 0
    for chunk in chunks:
        at = raw.find(chunk, pos)
        pos = at + len(chunk)
        if chunk.strip():
            parts.append((chunk, line + raw.count("\n", 0, at)))
    spans = [(here + c.count("\n", 0, len(c) - len(c.lstrip())), here + c.rstrip().count("\n"), c) for c, here in parts]
    if not parts:
        return []
    shared = placed(spans, links, images)
    return [(chunk, here, shared[0][i], shared[1][i]) for i, (chunk, here) in enumerate(parts)]


def placed(spans: list[Span], links: list[Link], images: list[Image]) -> tuple[list[list[Link]], list[list[Image]]]:
    """The links and the images of each paragraph of `spans`, in order: each goes to the paragraph whose lines hold
    its line (of those on one line, the one holding its text), else to the next one, else to the last; never to one
    before the paragraph of the link or image before it. None is lost: all of them were given to the first paragraph,
    so a link three paragraphs down was written under the post's first line."""
    shared_links: list[list[Link]] = [[] for _ in spans]
    shared_images: list[list[Image]] = [[] for _ in spans]
    at = 0
    for link in links:
        at = _place(spans, at, link.line, link.text)
        shared_links[at].append(link)
    at = 0
    for image in images:
        at = _place(spans, at, image.line, "")
        shared_images[at].append(image)
    return shared_links, shared_images


def _place(spans: list[Span], start: int, line: int, text: str) -> int:
    wanted = " ".join(text.split())
    holding = [i for i in range(start, len(spans)) if spans[i][0] <= line <= spans[i][1]]
    if wanted:
        found = next((i for i in holding if wanted in " ".join(spans[i][2].split())), None)
        if found is not None:
            return found
    if holding:
        return holding[0]
    return next((i for i in range(start, len(spans)) if spans[i][1] >= line), len(spans) - 1)
