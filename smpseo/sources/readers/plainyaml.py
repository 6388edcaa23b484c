"""Front matter made of plain `key: value` lines and lists of plain items, read without PyYAML.

Most posts open with a few lines such as `title: "Coming soon"`, `date: 2024-03-01` and `tags:` followed by
`- item` lines. Importing PyYAML and its reader's check for unprintable characters cost a one-post check about
15 ms, more than reading the rest of the post. `read()` reads that shape as PyYAML's safe loader (`yaml.SafeLoader`,
YAML 1.1) does, with `frontmatter`'s cleaning of strings: a plain `yes` is True, `12` an int, `~` None,
`2024-03-01` a date (text when there is no such day). For anything else it returns None and `frontmatter` reads the
text with PyYAML: flow collections, anchors, aliases and tags, block scalars, nested mappings, a scalar over several
lines, escapes in double quotes, a comment after a value, a tab or a character that is not printable, a scalar
PyYAML resolves to a float, a time or a number written another way. `tests/test_frontmatter.py` holds the two to the
same result.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from smpseo.core.text import clean_text

# YAML 1.1's plain scalars that are not text, as PyYAML resolves them (its implicit resolvers).
_BOOLS = {**dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
          **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False)}
_NULLS = frozenset(("~", "null", "Null", "NULL"))
_NUMBER_STARTS = frozenset("-+0123456789.")  # where PyYAML tries its int, float and timestamp resolvers
_DECIMAL = re.compile(r"\+?(?:0|[1-9][0-9]*)")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# What cannot start a plain scalar here (PyYAML's indicators; `-`, `?` and `:` may start one, but not here).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


@functools.cache
def _resolves_to_other() -> re.Pattern:
    """PyYAML's float, int and timestamp resolvers in one expression, compiled when first needed."""
    return re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
            |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN)
            |[-+]?0b[0-1_]+
            |[-+]?0[0-7_]+
            |[-+]?(?:0|[1-9][0-9_]*)
            |[-+]?0x[0-9a-fA-F_]+
            |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
            |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
             (?:[Tt]|[ \t]+)[0-9][0-9]?
             :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
             (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X)


def _may_be_number_or_time(value: str) -> bool:
    """False when no resolver of `_resolves_to_other` can match `value` (so "18f" or "5 tips" need no expression):
    each of PyYAML's floats has a `.`, each int in another base starts with 0, a decimal or sexagesimal int has
    only digits, `_` and `:` after its sign, and each timestamp has a `-` after its four-digit year."""
    body = value[1:] if value[0] in "+-" else value
    return "." in value or body[:1] == "0" or value[4:5] == "-" \
        or (bool(body) and all(c in "0123456789_:" for c in body))


class _Other(Exception):
    """Not of the shape read here: PyYAML reads it."""


def _plain(value: str):
    """A one-line plain scalar as PyYAML constructs it (`value` has no space at either end)."""
    if value[0] in _INDICATORS or ": " in value or " #" in value or value[-1] == ":" or value in ("<<", "="):
        raise _Other  # (`<<` and `=` resolve to tags the safe loader cannot construct)
    if value in _BOOLS:
        return _BOOLS[value]
    if value in _NULLS:
        return None
    if value[0] in _NUMBER_STARTS:
        if _DECIMAL.fullmatch(value):
            return int(value)
        day = _DAY.fullmatch(value)
        if day:
            try:
                return dt.date(int(day[1]), int(day[2]), int(day[3]))
            except ValueError:  # no such day: text, as `frontmatter` keeps it
                return clean_text(value)
        if _may_be_number_or_time(value) and _resolves_to_other().match(value):
            raise _Other
    return clean_text(value)


def _scalar(value: str):
    """A one-line scalar: plain, 'single-quoted' or "double-quoted" without escapes; None when empty."""
    if not value:
        return None
    if value[0] == "'":
        parts, at = [], 1
        while True:
            end = value.find("'", at)
            if end < 0:  # closed on a later line, or never
                raise _Other
            if value[end + 1:end + 2] == "'":  # '' is one quote
                parts.append(value[at:end + 1])
                at = end + 2
                continue
            parts.append(value[at:end])
            if end != len(value) - 1:  # something after the closing quote
                raise _Other
            return clean_text("".join(parts))
    if value[0] == '"':
        body = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in body or "\\" in body:
            raise _Other
        return clean_text(body)
    return _plain(value)


def _is_key(key: str) -> bool:
    """A plain key made of ASCII letters, digits, `_` and `-` that PyYAML reads as text."""
    return key.isascii() and bool(key) and (key[0].isalpha() or key[0] == "_") \
        and key.replace("_", "").replace("-", "").isalnum() and key not in _BOOLS and key not in _NULLS


def read(source: str) -> dict | None:
    """The mapping PyYAML's safe loader reads from `source` (front matter without its fences, lines stripped of
    trailing spaces), or None when `source` is not of the plain shape read here."""
    if not source.replace("\n", "").isprintable():  # tabs, other breaks, what PyYAML refuses to read
        return None
    data: dict = {}
    listed: str | None = None  # the key of an empty value, whose `- item` lines may follow
    items: list = []
    indent = -1
    try:
        for line in source.split("\n"):
            if not line or line[0] == "#":
                continue
            if line[0] == " " or line[0] == "-":
                item = line.lstrip(" ")
                if listed is None or not (item == "-" or item.startswith("- ")):
                    return None
                if indent < 0:
                    indent = len(line) - len(item)
                    data[listed] = items = []
                elif len(line) - len(item) != indent:
                    return None
                items.append(_scalar(item[1:].lstrip(" ")))
                continue
            key, colon, rest = line.partition(":")
            if not colon or not _is_key(key) or rest[:1] not in ("", " "):
                return None
            value = rest.lstrip(" ")
            data[key] = _scalar(value)
            listed, indent = (None if value else key), -1
    except _Other:
        return None
    return data


__all__ = ["read"]
