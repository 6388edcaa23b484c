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


def error_place(exc: Exception, text: str = "") -> tuple[str, int | None, int | None]:
    """(the problem, the 1-based line, the 1-based column) of a `tomllib.TOMLDecodeError`: the problem without its
    place; the line and column None when the place is not given. Where reading stopped at the end of the document
    (a string, array or inline table never closed), the line is that of its opening in `text` (the document read),
    said in the problem, and the column None; both None without `text`, or when no opening is found."""
    message = str(exc)
    where = _AT.search(message)
    if where:
        line, column = int(where[1]), int(where[2])
        return message[:where.start()] + _typographic(text, line, column), line, column
    problem = message.removesuffix(_AT_END)
    opened = unclosed(text) if text and at_end(exc) else None
    if opened is None:
        return problem, None, None
    return f"{problem}: the {opened[1]} opened on this line is never closed", opened[0], None


_CURLY = "“”„‟‘’‚‛«»"  # quotes a word processor, TextEdit or a phone's keyboard types in place of `"` and `'`


def _typographic(text: str, line: int, column: int) -> str:
    """What is said of a typographic quote where TOML stopped reading (`name = “Calgary SMP”`, as TextEdit or Word
    types it), or on that line when it has no straight quote: TOML reads only straight quotes. "" when there is
    none."""
    rows = text.split("\n")
    if not text or not 0 < line <= len(rows):
        return ""
    row = rows[line - 1]
    at = row[column - 1:column]
    if not (at and at in _CURLY):
        at = next((c for c in row if c in "“”„"), "") if '"' not in row and "'" not in row else ""
    return f": {at} is a typographic quote, as a word processor types it; TOML reads only straight quotes (\" or ')" \
        if at else ""


_OPENERS = {'"""': '"""', "'''": "'''", '"': '"', "'": "'"}
_BRACKETS = {"[": ("]", "array"), "{": ("}", "inline table")}


def unclosed(text: str) -> tuple[int, str] | None:
    """(the 1-based line, what it is) of the string, array or inline table of a TOML text still open at its end:
    the outermost one; None when nothing is left open."""
    line, i, end = 1, 0, len(text)
    stack: list[tuple[int, str, str]] = []  # (line, closer, what) of each bracket open
    while i < end:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "#":
            i = text.find("\n", i)
            i = end if i < 0 else i
            continue
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in _OPENERS else c
            start, i = line, i + len(quote)
            while i < end and not text.startswith(quote, i):
                if text[i] == "\n":
                    if len(quote) == 1:  # a one-line string ends with its line (tomllib says so at that line)
                        break
                    line += 1
                i += 2 if text[i] == "\\" and c == '"' and i + 1 < end and text[i + 1] != "\n" else 1
            if i >= end:
                return start, "string"
            i += len(quote) if text.startswith(quote, i) else 0
            continue
        elif c in _BRACKETS:
            header = not stack and not text[text.rfind("\n", 0, i) + 1:i].strip()  # `[table]` opening a line
            stack.append((line, "]", "table name") if header else (line, *_BRACKETS[c]))
        elif stack and c == stack[-1][1]:
            stack.pop()
        i += 1
    return stack[0][::2] if stack else None


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
