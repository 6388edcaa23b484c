"""Nikola's conventions for a reStructuredText post: its fields and its links to other posts.

A Nikola post opens with its fields as comments, one a line (`.. title: SMP aftercare`, `.. slug:`, `.. date:
2026-02-01 10:00:00 UTC-05:00`, `.. tags: aftercare, healing`, `.. description:`, `.. status: draft`, and any name of
the site's own, `.. keyphrase:`), or keeps them in a `.meta` file beside it (`aftercare.meta` for `aftercare.rst`):
the same comments, or Nikola's older form of one value a line, in the order title, slug, date, tags, link,
description, type. A post's own fields are read at their lines; those of a `.meta` file have no line in the post.

Its `:doc:` role (Sphinx's too) links to another post, `` :doc:`our aftercare guide <smp-aftercare>` `` (the label
the link's text, the target the post) or `` :doc:`smp-aftercare` ``; Sphinx's `:ref:` to a label of some page,
which is not a post's address: its text is kept, without a link.
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePath

from smpseo.core.textfile import TooLarge, read_regular

_COMMENT_FIELD = re.compile(r"^\.\.[ \t]+([A-Za-z][\w-]*):(?:[ \t]+(.*?))?[ \t]*$")
# Nikola writes a date's offset as "UTC-05:00" (or "UTC" alone): the ISO form, "-05:00", is what dates are read as
_UTC = re.compile(r"[ \t]*UTC(?=[+-]\d|[ \t]*$)")
META_ORDER = ("title", "slug", "date", "tags", "link", "description", "type")  # a `.meta` file's lines, in order
META_BYTES = 256 * 1024  # far past any `.meta` file


def nikola_fields(lines: list[str], path: str) -> tuple[dict[str, str], dict[str, int]]:
    """The fields of a Nikola post whose file is split into `lines`: the comments it opens with, at their lines,
    then those of its `.meta` file that it does not set itself."""
    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    for i in range(first, len(lines)):
        m = _COMMENT_FIELD.match(lines[i])
        if m is None:
            break
        name = m.group(1).lower()
        if name not in meta:
            meta[name], meta_lines[name] = _value(name, m.group(2) or ""), i + 1
    for name, value in _meta_file(path).items():
        meta.setdefault(name, value)
    return meta, meta_lines


def _value(name: str, value: str) -> str:
    return _UTC.sub("", value) if name == "date" else value


def _meta_file(path: str) -> dict[str, str]:
    """The fields of the `.meta` file beside the post at `path`, none when there is no such file."""
    if not path or PurePath(path).suffix.lower() == ".meta":
        return {}
    try:
        text = read_regular(PurePath(path).with_suffix(".meta"), META_BYTES).decode("utf-8", "replace")
    except (OSError, TooLarge):
        return {}
    lines = text.lstrip("\ufeff").split("\n")
    if any(_COMMENT_FIELD.match(line) for line in lines[:1]):
        fields, _ = nikola_fields(lines, "")
        return fields
    return {name: _value(name, line.strip()) for name, line in zip(META_ORDER, lines, strict=False)
            if line.strip()}


_LABELLED = re.compile(r"^(.*?)\s*<([^<>]+)>\s*$", re.S)


def _link_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`:doc:` as a link to the post it names, with its label as the text; `:ref:` as its label's text."""
    from docutils import nodes, utils

    text = utils.unescape(text)
    m = _LABELLED.match(text)
    label, target = (m.group(1) or m.group(2), m.group(2)) if m else (text, text)
    label, target = " ".join(label.split()), target.strip()
    if name.lower() == "doc":
        return [nodes.reference(rawtext, label, refuri=target)], []
    return [nodes.Text(label)], []


@functools.cache
def register_roles() -> None:
    """Make docutils read the roles that link to other posts (once a process)."""
    from docutils.parsers.rst import roles

    for name in ("doc", "ref"):
        roles.register_local_role(name, _link_role)


__all__ = ["nikola_fields", "register_roles"]
