"""Notes of an Obsidian vault: a folder with Obsidian's settings folder, `.obsidian`, in it (the notes are in it
or in a folder under it).

Obsidian's own syntax is read in a vault's notes, and only there: elsewhere a site shows it as it is written (no
Markdown renders `[[x]]` as a link), so it is the post's text as the site shows it.

- `[[Note]]`, `[[Note|label]]` are links to the post whose file is `Note.md` (the text: the label, else the
  note's name; `[[Note#Heading]]` links to that heading of it);
- `![[photo.jpg]]`, `![[photo.jpg|alt]]` are images (the alt text: what follows `|`, none when that is a width,
  `|300`); `![[Note]]`, a note shown inside another, is a link to it;
- a callout, `> [!tip] Title`, is a quote: its marker is no words;
- `#tag` (a `#` right before a letter, after a space or at the start of a line) is one of the post's tags, not a
  word of its sentences;
- daily notes (named by their date, `2026-02-03.md`, or kept in the folder the Daily notes settings name) and
  templates (in the folder the Templates settings name, else `Templates`) are no posts.
Fenced code and code spans are left as they are.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path, PurePosixPath

from smpseo.core.text import MASK, slugify
from smpseo.sources.readers.mdextensions import FENCE
from smpseo.sources.readers.settingsfiles import settings_fields

SETTINGS = ".obsidian"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff"})
_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)")
_EMBED_OR_LINK = re.compile(r"(!?)\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*))?\]\]")
_CALLOUT = re.compile(r"^((?:[ \t]*>)+[ \t]*)(\[![\w-]+\][+-]?)")
_TAG = re.compile(r"(?<![^\s(])#(?=[^\W\d_])[\w/-]+")
_SIZE = re.compile(r"^\d+(?:x\d+)?$")
_DATE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{4}-W\d{2}$")


@functools.lru_cache(maxsize=4096)
def _vault_at(folder: str) -> str | None:
    """The vault `folder` is in (itself or a folder above it), or None."""
    while True:
        if os.path.isdir(os.path.join(folder, SETTINGS)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def vault_of(path: str | Path) -> str | None:
    """The root of the vault a note (an existing file) is in, or None."""
    if not path or not os.path.isfile(path):
        return None
    return _vault_at(os.path.dirname(os.path.abspath(path)))


def vault_above(folder: str | Path) -> str | None:
    """The root of the vault a folder is in (itself or one above it), or None."""
    return _vault_at(os.path.abspath(folder))


def _destination(target: str) -> str:
    return "<" + target.replace("<", "%3C").replace(">", "%3E") + ">"


def _escaped(text: str) -> str:
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _link(m: re.Match) -> str:
    """A wikilink or an embed written as Markdown."""
    bang, target, label = m.group(1), m.group(2).strip(), (m.group(3) or "").strip()
    note, _, heading = target.partition("#")
    suffix = PurePosixPath(note).suffix.lower()
    if bang and suffix in IMAGE_SUFFIXES:
        return f"![{_escaped('' if _SIZE.match(label) else label)}]({_destination(note)})"
    shown = label or (f"{note} > {heading}" if note and heading else note or heading)
    href = (note + ("" if suffix else ".md") if note else "") + (f"#{slugify(heading)}" if heading else "")
    return f"[{_escaped(shown.lstrip('^'))}]({_destination(href)})"


def _outside_code(line: str, change) -> str:
    """`line` with `change` applied to its parts outside code spans."""
    out, at = [], 0
    for m in _CODE_SPAN.finditer(line):
        out += [change(line[at:m.start()]), m.group(0)]
        at = m.end()
    return "".join([*out, change(line[at:])])


def vault_body(lines: list[str]) -> tuple[list[str], list[str]]:
    """A note's lines with Obsidian's syntax written as Markdown (line for line: a line stays where it is), and the
    tags its text names, in order."""
    tags: list[str] = []
    fence = ""

    def tagged(m: re.Match) -> str:
        tags.append(m.group(0)[1:])
        return MASK * len(m.group(0))

    def rewrite(part: str) -> str:
        return _TAG.sub(tagged, _EMBED_OR_LINK.sub(_link, part))

    out = []
    for line in lines:
        opened = FENCE.match(line)
        if fence:
            fence = "" if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) else fence
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        line = _CALLOUT.sub(lambda m: m.group(1) + MASK * len(m.group(2)), line)
        out.append(_outside_code(line, rewrite))
    return out, list(dict.fromkeys(tags))


class Vault:
    """A vault's root and the folders of its notes that are no posts: templates and daily notes."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        templates, templater, daily = (_setting(self.root, name, key) for name, key in SETTING_FILES)
        templates = templates or "Templates"
        self.aside = {os.path.normpath(os.path.join(self.root, f.strip("/"))) for f in (templates, templater, daily) if f}

    def holds(self, folder: str) -> bool:
        folder = os.path.abspath(folder)
        return folder == self.root or folder.startswith(self.root + os.sep)

    def is_aside(self, path: Path) -> bool:
        """Whether a note is a daily note or a template."""
        if _DATE_NAME.match(path.stem):
            return True
        folder = os.path.abspath(path.parent)
        return any(folder == f or folder.startswith(f + os.sep) for f in self.aside)


# The settings files of a vault's `.obsidian` folder that say which of its folders hold no posts, and the setting
SETTING_FILES = (("templates.json", "folder"), ("plugins/templater-obsidian/data.json", "templates_folder"),
                 ("daily-notes.json", "folder"))


def setting_paths(root: str) -> list[str]:
    """The settings files of the vault at `root` that are read (`SETTING_FILES`)."""
    return [os.path.join(root, SETTINGS, name) for name, _ in SETTING_FILES]


def _setting(root: str, name: str, key: str) -> str:
    """A text setting of the vault's `.obsidian/<name>` (a small JSON file), or ""."""
    value = settings_fields(os.path.join(root, SETTINGS, name)).get(key)
    return value if isinstance(value, str) else ""


__all__ = ["SETTINGS", "Vault", "vault_above", "vault_body", "vault_of"]
