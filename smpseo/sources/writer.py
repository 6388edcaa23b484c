"""A `Post` as a Markdown file with YAML front matter: the format of `posts/`.

    >>> text = to_markdown(post)           # front matter + body
    >>> write_post(post, "posts/")          # posts/<slug>.md, written atomically; FileExistsError if present

Front matter holds what the source knew (title, slug, description, keyphrase, date, status, tags, categories,
canonical, source) and nothing it did not: an empty field is left out, never invented. The body keeps headings,
paragraphs, list items, quotes, images (`![alt](src "title")`, a captioned one as an HTML figure), tables (as
Markdown tables, or HTML where Markdown has no form for one: `smpseo.sources.mdtables`) and every link inline where
the reader found it, never an empty one.
Text is escaped so that reading the file back gives the same headings and paragraphs.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import tempfile
from pathlib import Path

import yaml

from smpseo.core.paths import resolved
from smpseo.core.text import slugify
from smpseo.model.post import CODE, HEADING, IMAGE, LIST_ITEM, MEDIA, QUOTE, TABLE, Block, Image, Post
from smpseo.sources.mdinline import code_markdown, escape, escape_inline, image_markdown, link_markdown
from smpseo.sources.mdinline import destination as _destination
from smpseo.sources.mdinline import fix_line_starts as _fix_line_starts

# Front matter fields, in the order they are written.
FIELDS = ("title", "slug", "description", "keyphrase", "date", "status", "tags", "categories", "canonical", "source")

# A table written in Markdown (its text as the Markdown reader keeps it): a row, then the separator under it.
_MARKDOWN_TABLE = re.compile(r"[^\n]*\|[^\n]*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(\n|$)")


def front_matter(post: Post) -> dict:
    """The fields worth writing, in FIELDS order; empty ones left out."""
    values = {
        "title": post.title,
        "slug": post.slug,
        "description": post.description,
        "keyphrase": post.keyphrase,
        "date": post.date,
        "status": post.status,
        "tags": list(post.tags),
        "categories": list(post.categories),
        "canonical": post.canonical,
        "source": post.source,
    }
    return {k: values[k] for k in FIELDS if values[k] not in (None, "", [])}


def _image(img: Image) -> str:
    return image_markdown(img.src, img.alt, img.title)


def _figure(img: Image, href: str | None = None) -> str:
    """An image with its caption as an HTML figure, the form the Markdown reader reads a caption from (the title
    stays the title); inside a link when the image is one."""
    attrs = f'src="{_attr(img.src)}" alt="{_attr(" ".join(img.alt.split()))}"'
    if img.title:
        attrs += f' title="{_attr(img.title)}"'
    tag = f"<img {attrs}>"
    if href is not None:
        tag = f'<a href="{_attr(href)}">{tag}</a>'
    return f"<figure>{tag}<figcaption>{html.escape(' '.join(img.caption.split()), quote=False)}</figcaption></figure>"


def _attr(value: str) -> str:
    return html.escape(value.replace("\n", " "), quote=True)


def _images(block: Block) -> str:
    """An image block: each image on its own line, each once, in order; a captioned one as a figure. The block's
    links are the images' own (a linked image), given to them in order, and any left over follow, never lost."""
    links = [link.href for link in block.links]
    lines = []
    for img in block.images:
        href = links.pop(0) if links else None
        if img.caption:
            lines.append(_figure(img, href))
        else:
            lines.append(_image(img) if href is None else f"[{_image(img)}]({_destination(href)})")
    lines += [link_markdown("", href) for href in links]
    return "\n".join(lines)


def _inline(block: Block) -> tuple[str, list[Image]]:
    """The block's text, escaped, with every one of its links written inline, in order: where its text is found
    (runs of whitespace taken as equal, so a text broken across lines is found), one showing no text where the reader
    saw it (`Link.at`), else right after the one before, never empty: an image-only link holds its image,
    `[![alt](src)](href)`, and one showing no text has its address as its text. Also the block's images not written in a link, for the caller to write after the text."""
    text = block.text
    pieces: list[str] = []
    pos = 0
    rest = list(block.images)
    for link in block.links:
        found = _find_text(link.text, text, pos)
        if found is None and pos < link.at <= len(text):  # a link showing no text, where it stood (`Link.at`)
            pieces.append(escape_inline(text[pos:link.at]))
            pos = link.at
        if found is None:
            image = next((i for i in rest if i.link == link.href), None) if not link.text.split() else None
            if image is not None:
                rest.remove(image)
            written = link_markdown(_image(image) if image is not None else "", link.href)
            before, after = text[pos - 1:pos], text[pos:pos + 1]  # (a space where the prose has one already)
            spaced = image is None or link.at >= 0  # (an image link written after the one before: as it was)
            if spaced and before.isalnum() and not after.strip():
                written = " " + written  # never glued to the word it follows, or the one it precedes
            elif spaced and after.isalnum() and not before.strip():
                written += " "
            pieces.append(written)
            continue
        at, end = found
        pieces.append(escape_inline(text[pos:at]))
        pieces.append(link_markdown(escape_inline(text[at:end]), link.href))
        pos = end
    pieces.append(escape_inline(text[pos:]))
    return _fix_line_starts("".join(pieces)), rest


def _find_text(wanted: str, text: str, pos: int) -> tuple[int, int] | None:
    """Where `wanted` stands in `text` from `pos` on, any run of whitespace matching any other; None if it does not
    (or is only whitespace)."""
    words = wanted.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(map(re.escape, words))).search(text, pos)
    return (m.start(), m.end()) if m else None


def body(post: Post) -> str:
    """The Markdown body: blocks separated by blank lines, consecutive list items kept together."""
    parts: list[str] = []
    prev_kind = ""
    for block in post.blocks:
        kind = block.kind
        text, rest = _inline(block) if kind not in (IMAGE, CODE, TABLE, MEDIA) else ("", [])
        shown = [_image(img) for img in rest if img.src]  # every one, a repeated image too
        if kind == HEADING:
            level = min(max(block.level or 2, 1), 6)
            text = text.replace("\n", " ")
            if text.endswith("#"):
                text = text[:-1] + "\\#"
            chunk = "#" * level + " " + " ".join([text, *shown])
        elif kind == LIST_ITEM:
            indent = "  " * max((block.level or 1) - 1, 0)
            chunk = indent + "- " + ("\n" + indent + "  ").join(text.split("\n") + shown)
        elif kind == QUOTE:
            chunk = "\n".join("> " + line for line in text.split("\n") + shown)
        elif kind == IMAGE:
            chunk = _images(block if block.images else Block(IMAGE, block.text, block.line, images=[
                Image(src="", alt=block.text, line=block.line)], links=block.links))
        elif kind == TABLE and (block.markup or _MARKDOWN_TABLE.match(block.text)):
            from smpseo.sources.mdtables import table_markdown  # (bs4 loaded for tables only)

            chunk = table_markdown(block.markup) if block.markup else block.text  # (one written in Markdown: as is)
        elif kind == MEDIA:  # (in a figure: an HTML block Markdown keeps as it is, read back as the same player)
            chunk = block.markup if block.markup.startswith("<figure") or not block.markup else (  # (an embed: one)
                f"<figure>\n{block.markup}\n</figure>")
        elif kind in (CODE, TABLE):
            content = block.text.rstrip("\n")
            fence = "~~~" if "```" in content else "```"
            chunk = f"{fence}{'text' if kind == TABLE else ''}\n{content}\n{fence}"
        else:
            chunk = "\n".join([text, *shown])
        if not chunk.strip():
            continue
        sep = "\n" if kind == LIST_ITEM and prev_kind == LIST_ITEM else "\n\n"
        parts.append((sep if parts else "") + chunk)
        prev_kind = kind
    return "".join(parts) + "\n"


def to_markdown(post: Post) -> str:
    """The whole file: `---` front matter `---`, a blank line, then the body."""
    meta = yaml.safe_dump(front_matter(post), allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=10_000)
    return f"---\n{meta}---\n\n{body(post)}"


def safe_slug(slug: str) -> str:
    """A slug fit for a file name: no path separators, no '..', never empty."""
    return slugify(slug.replace("/", "-").replace("\\", "-"))


def _mode_for(path: Path) -> int:
    """The permissions a rewritten file keeps, or those a new file gets under the process's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, text: str, replace: bool = True) -> None:
    """Write a file so that readers see the old content or the new, never half of it. With `replace` false, a file
    that is there already (written by another run meanwhile) is kept: FileExistsError, checked and written in one
    step (a hard link), so two runs into one folder never overwrite each other."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _mode_for(path))  # mkstemp makes the file private; a post is as readable as its folder
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _link_new(tmp: str, path: Path) -> None:
    """Give the finished temporary file its name only if no file has it; the temporary name is then removed."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the next best, a check just before the rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def write_post(post: Post, folder: str | Path, force: bool = False, slug: str | None = None) -> Path:
    """Write `folder/<slug>.md`. Raises FileExistsError when it exists and `force` is false, OSError when a symbolic
    link has its name (never replaced)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_slug(slug or post.slug or post.title)
    if name != post.slug:
        post = dataclasses.replace(post, slug=name)
    target = folder / f"{name}.md"
    if target.is_symlink():  # whatever it points to, it is the user's: kept, even with `force`
        if not force:
            raise FileExistsError(str(target))
        raise OSError(0, "a symbolic link is there; not replaced", str(target))
    if resolved(target).parent != resolved(folder):
        raise ValueError(f"{target}: outside {folder}")
    if target.exists() and not force:
        raise FileExistsError(str(target))
    write_atomic(target, to_markdown(post), replace=force)
    return target


__all__ = ["to_markdown", "front_matter", "write_post", "write_atomic", "safe_slug", "escape", "escape_inline",
           "image_markdown", "link_markdown", "code_markdown"]
