"""TOML as smpseo reads it: where tomllib says reading stopped, and front matter whose impossible dates are read as
the text they are written as."""

from __future__ import annotations

import re
from typing import Any

_AT = re.compile(r" \(at line (\d+), column (\d+)\)$")
_AT_END = " (at end of document)"

# A date or date-time as someone writes one (`2024-02-30`, `0000-00-00`, `2024-13-01 10:00:00Z`), standing as a value:
# after `=`, `[`, `,` or `{`, or opening a line of a list, and before the end of the line, a comment or `,` `]` `}`.
_DATE = re.compile(r"(?:^|[=\[,{])[ \t]*(\d{4}-\d\d?-\d\d?(?:[Tt ]\d\d?:\d\d(?::\d\d)?(?:\.\d+)?"
                   r"(?:[Zz]|[+-]\d\d:?\d\d)?)?)(?=[ \t]*(?:[,\]}#]|\r?$))")
MAX_TEXT_DATES = 100  # impossible dates read as text in one document (a post has a few dates)


def error_place(exc: Exception) -> tuple[str, int | None, int | None]:
    """(the problem, the 1-based line, the 1-based column) of a `tomllib.TOMLDecodeError`: the problem without its
    place; the line and column None when reading stopped at the end of the document or the place is not given."""
    text = str(exc)
    where = _AT.search(text)
    if where:
        return text[:where.start()], int(where[1]), int(where[2])
    return text.removesuffix(_AT_END), None, None


def at_end(exc: Exception) -> bool:
    """Whether reading stopped at the end of the document (a string or list never closed)."""
    return str(exc).endswith(_AT_END)


def loads_dates_as_text(text: str) -> dict[str, Any]:
    """`text` read as TOML, where a date that cannot be (`2024-02-30`, `0000-00-00`) is read as the text it is
    written as instead of refusing the whole document: as PyYAML's dates are read for YAML front matter, so the
    field's own check can say what is wrong with it at its line. Any other error is raised as tomllib raises it."""
    import tomllib

    lines = text.split("\n")
    for _ in range(MAX_TEXT_DATES):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as exc:
            _, line, column = error_place(exc)
            quoted = _date_as_text(lines[line - 1], column - 1) if line and column and line <= len(lines) else None
            if quoted is None:
                raise
            lines[line - 1] = quoted
    return tomllib.loads("\n".join(lines))  # (more impossible dates than any post has: the error stands)


def _date_as_text(line: str, column: int) -> str | None:
    """`line` with the date-shaped value at 0-based `column` (where reading stopped) quoted, or None when no such
    value is there."""
    for m in _DATE.finditer(line):
        if m.start(1) <= column < m.end(1):
            return f'{line[:m.start(1)]}"{m[1]}"{line[m.end(1):]}'
    return None
