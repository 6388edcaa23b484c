"""The document model: a `Post` made of blocks, each block of sentences, every one with its source line.

This module is plain data. Readers build `Post`s; analysis reads them; nothing here reads files or prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath, PurePosixPath
from typing import Any

from smpseo.core.language_codes import file_language
from smpseo.core.paths import name_as_meant
from smpseo.core.sentences import sentence_spans
from smpseo.core.text import MASK, escaped, normalize_space, words
from smpseo.core.version import is_generated
from smpseo.model.records import from_plain, to_plain

# Block kinds. Prose kinds are analysed as text; the others are kept for structure and placement checks.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
IMAGE = "image"
CODE = "code"
TABLE = "table"
MEDIA = "media"  # an audio or video player: no text; its address is in its markup

PROSE_KINDS = frozenset({PARAGRAPH, LIST_ITEM, QUOTE})


@dataclass(frozen=True)
class Sentence:
    """One sentence of prose. `line`/`column` point at its first character in the source file."""

    text: str
    line: int
    column: int = 1

    @property
    def words(self) -> list[str]:
        return words(self.text)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    line: int
    column: int = 1
    reference: bool = False  # its address is a generator's reference to another post (`{{< ref "aftercare" >}}`)
    at: int = field(default=-1, compare=False)  # a link showing no text: where it stands in its block's text (-1: unknown)


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int
    title: str = ""
    caption: str = ""
    link: str = ""  # the address of the link the image is in, if it is in one


@dataclass
class Block:
    """A heading, paragraph, list item, quote, image, code, table or media player, with the lines it spans."""

    kind: str
    text: str
    line: int
    end_line: int | None = None
    level: int = 0  # heading level 1-6; list nesting depth for list items
    sentences: list[Sentence] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    markup: str = ""  # a table's rows and cells (its links, emphasis, spans), a player's element: clean HTML for `import`

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    @property
    def words(self) -> list[str]:
        return words(self.text)


@dataclass
class Section:
    """A heading and the blocks under it, up to the next heading of the same or a higher level.

    The section before the first heading has `heading=None` (the introduction).
    """

    heading: Block | None
    blocks: list[Block]

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def line(self) -> int:
        if self.heading:
            return self.heading.line
        return self.blocks[0].line if self.blocks else 1

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.blocks if b.is_prose for s in b.sentences]

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.is_prose)


# statuses of a post not (yet) on the site; a post scheduled for later (WordPress's `future`, Ghost's `scheduled`)
# is not on it yet
UNPUBLISHED = ("draft", "pending", "auto-draft", "future", "scheduled")


# the formats whose one file holds many posts (an export, a feed, a text dump): a post starts at its title's line
# The files a post is written in, one post a file: what a folder is searched for, and what a link to a post may end in
# ("../how-long.rst", "{filename}/aftercare.md"). Not the exports and dumps posts are imported from.
POST_SUFFIXES = (".md", ".markdown", ".mkdown", ".mkdn", ".mkd", ".mdown", ".mdx", ".rst", ".html", ".htm")
MANY_POSTS_A_FILE = frozenset({"wxr", "ghost", "feed", "text"})

# front matter fields that stand in for a missing one: Hugo's and Pelican's `summary`, Jekyll's `excerpt`
STANDS_IN = {"description": ("summary", "excerpt")}


@dataclass
class Post:
    """One blog post, whatever file it came from.

    `meta` keeps every front matter field as read; the named fields are the ones the toolkit understands.
    `title_line` is the line of the title in the source (front matter `title:` or the H1); 0 when unknown.
    `title_h1` says a saved page shows its title in an `<h1>` that is not one of `blocks` (the one the HTML reader
    took as the title, or the entry header's): every H1 of the content is then a second one. A title field or an
    export's title is not (a theme's heading is not in the text analysed, as Yoast reads a post: its body's H1s).
    """

    path: str | None
    slug: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    description: str = ""
    keyphrase: str = ""
    date: date | None = None
    status: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    canonical: str = ""
    source: str = ""
    jsonld: list[Any] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)
    title_line: int = 0
    format: str = ""
    warnings: list[str] = field(default_factory=list)
    title_h1: bool = False
    address: str = ""  # its address from the site's root as its generator's settings make it ("" when none say)

    # ---- views over the blocks -------------------------------------------------------------------
    def iter_blocks(self, *kinds: str) -> Iterator[Block]:
        return (b for b in self.blocks if not kinds or b.kind in kinds)

    @property
    def headings(self) -> list[Block]:
        return list(self.iter_blocks(HEADING))

    @property
    def paragraphs(self) -> list[Block]:
        return list(self.iter_blocks(PARAGRAPH))

    @property
    def prose(self) -> list[Block]:
        return [b for b in self.blocks if b.is_prose]

    @property
    def sentences(self) -> list[Sentence]:
        return [s for b in self.prose for s in b.sentences]

    @property
    def links(self) -> list[Link]:
        return [link for b in self.blocks for link in b.links]

    @property
    def images(self) -> list[Image]:
        return [img for b in self.blocks for img in b.images]

    @property
    def text(self) -> str:
        """The prose of the body, one block per paragraph: what readability and keyword extraction read."""
        return "\n\n".join(b.text for b in self.prose)

    @property
    def words(self) -> list[str]:
        return [w for b in self.prose for w in b.words]

    @property
    def word_count(self) -> int:
        return len(self.words)

    @property
    def first_paragraph(self) -> Block | None:
        return next(iter(self.paragraphs), None)

    @property
    def sections(self) -> list[Section]:
        """Sections split at every heading (of any level). The introduction comes first if present."""
        sections: list[Section] = []
        current = Section(heading=None, blocks=[])
        for block in self.blocks:
            if block.kind == HEADING:
                if current.heading is not None or current.blocks:
                    sections.append(current)
                current = Section(heading=block, blocks=[])
            else:
                current.blocks.append(block)
        if current.heading is not None or current.blocks:
            sections.append(current)
        return sections

    @property
    def not_a_post(self) -> str:
        """Why this page is left out of the blog's posts unless drafts are asked for: "draft" (a draft, a WordPress
        post pending review, a post scheduled for later (`status: future` or `scheduled`), Hugo's `draft = true`,
        Jekyll's `published: false` or a file of its `_drafts`), "section page" (Hugo's `_index.md`, a list page),
        "private post" (WordPress's private status: only its editors see it), "response" (Medium's comment on another
        writer's post, kept among the writer's posts by its export), "smpseo report" (a page smpseo wrote itself: its
        `<meta name="generator">` says so), "redirect page" (a page of no text of its own that sends the reader
        elsewhere, `<meta http-equiv="refresh" content="0; url=/new/">`: `meta["refresh"]` is where), or ""."""
        if self.path and PurePath(self.path).stem == "_index":
            return "section page"
        if is_generated(str(self.meta.get("generator") or "")):
            return "smpseo report"
        if self.meta.get("refresh") and not self.words:
            return "redirect page"
        if self.status.lower() in ("private", "response"):
            return "private post" if self.status.lower() == "private" else "response"
        if self.status.lower() in UNPUBLISHED or self.path and "_drafts" in PurePath(self.path).parts[:-1]:
            return "draft"  # (Jekyll keeps its drafts in `_drafts`, without a field that says so)
        return ""

    def meta_line(self, key: str) -> int:
        """The source line of a front matter field (for the description, of the `summary` or `excerpt` that stands
        in for a missing or empty one), or where the post starts when unknown."""
        names = (key, *STANDS_IN.get(key, ()))
        for name in (*(n for n in names if self.meta.get(n)), *names):  # a field with a value first
            if name in self.meta_lines:
                return self.meta_lines[name]
        return self.start_line

    @property
    def start_line(self) -> int:
        """Where the post starts in its file: line 1, or in an export, feed or dump its title's line."""
        return (self.title_line or 1) if self.format in MANY_POSTS_A_FILE else 1

    def __repr__(self) -> str:  # short, for notebooks
        return f"Post({self.path or self.slug!r}, title={self.title!r}, blocks={len(self.blocks)})"

    # ---- as plain data ---------------------------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The post as JSON-ready data (blocks as compact lists, front matter values tagged by
        `smpseo.model.records`), for `from_record`: what the cache stores of a post that was read."""
        return {
            "path": self.path, "slug": self.slug, "title": self.title,
            "blocks": [[b.kind, b.text, b.line, b.end_line, b.level,
                        [[s.text, s.line, s.column] for s in b.sentences],
                        [[k.href, k.text, k.line, k.column, k.reference] for k in b.links],
                        [[i.src, i.alt, i.line, i.title, i.caption, i.link] for i in b.images], b.markup]
                       for b in self.blocks],
            "description": self.description, "keyphrase": self.keyphrase,
            "date": to_plain(self.date), "status": self.status, "tags": to_plain(self.tags),
            "categories": to_plain(self.categories), "canonical": self.canonical, "source": self.source,
            "jsonld": to_plain(self.jsonld), "meta": to_plain(self.meta), "meta_lines": to_plain(self.meta_lines),
            "title_line": self.title_line, "format": self.format, "warnings": list(self.warnings),
            "title_h1": self.title_h1, "address": self.address,
        }

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Post:
        """The post `to_record()` was made from, equal to it field for field. Data of another shape raises
        KeyError, TypeError or ValueError."""
        blocks = [Block(kind, text, line, end_line, level, [Sentence(*s) for s in sentences], [Link(*k) for k in links],
                        [Image(*i) for i in images], markup)
                  for kind, text, line, end_line, level, sentences, links, images, markup in data["blocks"]]
        return cls(path=data["path"], slug=data["slug"], title=data["title"], blocks=blocks,
                   description=data["description"], keyphrase=data["keyphrase"], date=from_plain(data["date"]),
                   status=data["status"], tags=from_plain(data["tags"]), categories=from_plain(data["categories"]),
                   canonical=data["canonical"], source=data["source"], jsonld=from_plain(data["jsonld"]),
                   meta=from_plain(data["meta"]), meta_lines=from_plain(data["meta_lines"]),
                   title_line=data["title_line"], format=data["format"], warnings=list(data["warnings"]),
                   title_h1=bool(data["title_h1"]), address=str(data.get("address", "")))


@dataclass
class ReadError:
    """A source that could not be read (or read only in part). `line` is 0 when the whole file is at fault."""

    path: str
    message: str
    line: int = 0
    severity: str = "error"  # "error": the post is missing; "warning": read, with a caveat; "info": a note

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return one_line(f"{where}: {self.severity}: {self.message}")


def post_names(posts: list[Post]) -> list[str]:
    """What findings, gaps and metrics call each post: its path, or "path#slug" where one file holds several posts
    (a WordPress export, a feed, a text dump); the slug for a post read from no file."""
    shared: dict[str, int] = {}
    for post in posts:
        if post.path:
            shared[post.path] = shared.get(post.path, 0) + 1
    return [f"{p.path}#{p.slug}" if p.path and shared[p.path] > 1 else (p.path or p.slug) for p in posts]


def short_name(name: str) -> str:
    """What a table calls a post, from its name (`post_names`): its file's name without folder and suffix
    ("smp-aftercare"); for a page bundle's or a folder's own page (`how-long/index.md`, `_index.md`) its folder's
    name, as its slug is ("how-long"), a translation's language kept after a dot ("how-long.fr"); the slug after "#"
    where one file holds many posts ("export.xml#does-smp-hurt"); a Jekyll post's without its date
    ("_posts/2025-03-10-smp-cost.md": "smp-cost"), as its slug is."""
    if "#" in name:
        return name.rsplit("#", 1)[1]
    path = PurePosixPath(name_as_meant(name.replace("\\", "/")))
    stem = path.stem if path.suffix.lower() in POST_SUFFIXES else path.name
    language = file_language(path.name) if path.suffix.lower() in POST_SUFFIXES else ""
    if language:
        stem = stem[:-len(language) - 1]
    if stem.lower() in ("index", "_index") and path.parent.name:
        stem = path.parent.name
    if {"_posts", "_drafts"} & set(path.parts[:-1]):  # Jekyll's `2025-03-10-smp-cost.md`: its slug, without the date
        stem = JEKYLL_DATE.sub("", stem) or stem
    return f"{stem}.{language}" if language else stem


JEKYLL_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")


def one_line(text: str) -> str:
    """Text for one line of a terminal: control characters (newlines, escape sequences) shown as \\xNN, bidirectional
    overrides and lone surrogates (a file name that is not UTF-8) as \\uNNNN. Every line smpseo prints goes
    through here."""
    return escaped(str(text))


class Corpus(list):
    """The posts read from some paths, plus what could not be read. A list of `Post`s with `.errors`."""

    def __init__(self, posts: list[Post] | None = None, errors: list[ReadError] | None = None):
        super().__init__(posts or [])
        self.errors: list[ReadError] = list(errors or [])

    @property
    def failed(self) -> list[ReadError]:
        """Sources that yielded no post."""
        return [e for e in self.errors if e.severity == "error"]

    @property
    def warnings(self) -> list[ReadError]:
        """Sources read with a caveat (an encoding guessed, a field of the wrong type ignored)."""
        return [e for e in self.errors if e.severity == "warning"]

    def by_slug(self, slug: str) -> Post | None:
        return next((p for p in self if p.slug == slug), None)

    def __repr__(self) -> str:
        return f"Corpus({len(self)} posts, {len(self.failed)} errors, {len(self.warnings)} warnings)"


def split_sentences(text: str, line: int = 1, column: int = 1, line_columns: list[int] | None = None) -> list[Sentence]:
    """Sentences of one block of prose whose first character stands at `line`, `column` of the source.

    A newline in `text` is a line break in the source, so each sentence gets the line it starts on.
    The MASK characters a reader left where a template tag stood (so the split sees a sentence it opens) are no
    part of a sentence's text.
    `line_columns`, when given, is the source column of the first character of each text line.
    """
    result = []
    newlines, counted = 0, 0  # the line breaks before `counted`: counted on from the last sentence, not from the start
    for s, e in sentence_spans(text):
        newlines += text.count("\n", counted, s)
        counted = s
        line_start = text.rfind("\n", 0, s) + 1
        if newlines == 0:
            col = column + s
        elif line_columns and newlines < len(line_columns):
            col = line_columns[newlines] + (s - line_start)
        else:
            col = 1 + (s - line_start)
        result.append(Sentence(text=normalize_space(text[s:e].replace(MASK, "")), line=line + newlines, column=col))
    return result
