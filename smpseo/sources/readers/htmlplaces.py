"""Where things stand in an HTML fragment: where an element's text starts, after its start tag, and which paragraph
of loose text (text standing directly in a container, as WordPress's classic editor writes a post: paragraphs split
at blank lines) each of its links and images stands in."""

from __future__ import annotations

import re
from dataclasses import replace

from bs4 import NavigableString, Tag

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


# Where a link showing no text (an icon's, an empty span's, an image's) stands in the text of its block: its text is
# nowhere to be found in the block's, so only this mark says where it was.
LINK_MARK = "\ufdd0"  # (a noncharacter: no text holds one; not whitespace, which `str.split` would take it for)


def unmarked(text: str) -> str:
    return text.replace(LINK_MARK, "")


def without_marks(text: str) -> tuple[str, list[int]]:
    """The text without its `LINK_MARK`s (and a space beside each, not to leave two), stripped, and where each
    mark stood."""
    found = []
    while (at := text.find(LINK_MARK)) != -1:
        end = at + 1
        if text[end:end + 1] == " " and (at == 0 or text[at - 1] in " \n"):
            end += 1
        elif text[at - 1:at] == " " and text[end:end + 1] in ("", "\n"):
            at -= 1
        text = text[:at] + text[end:]
        found.append(at)
    cut = len(text) - len(text.lstrip())  # (a mark that began or ended the text: what is left is stripped again)
    text = text.strip()
    return text, [min(max(at - cut, 0), len(text)) for at in found]


def marked_links(links: list[Link], marks: list[int]) -> list[Link]:
    """The links, those showing no text at the places the marks say, in order; where the marks do not match them
    (a heading made of several blocks), at no place: written where the link before them ends."""
    empty = [i for i, link in enumerate(links) if not link.text]
    places = marks if len(marks) == len(empty) else [-1] * len(empty)
    out = list(links)
    for i, at in zip(empty, places, strict=True):
        out[i] = replace(out[i], at=at)
    return out


def marks_alone(raw: str, ends: re.Pattern) -> str:
    """Loose text (split at `ends` into paragraphs) without the marks of a paragraph that holds nothing else: a link
    showing no text is no paragraph of its own (it goes with the next one, as it did)."""
    pieces = re.split(f"({ends.pattern})", raw)
    return "".join(p if i % 2 or unmarked(p).strip() else unmarked(p) for i, p in enumerate(pieces))


def string_line(s: NavigableString, offset: int) -> int:
    """A text node's first line: the last tag opened before it, plus the line breaks of the text in between."""
    newlines = 0
    prev = s.previous_element
    while prev is not None and not isinstance(prev, Tag):
        newlines += str(prev).count("\n")
        prev = prev.previous_element
    base = (getattr(prev, "sourceline", None) or 1) + offset if isinstance(prev, Tag) else 1 + offset
    return base + newlines
