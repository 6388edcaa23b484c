"""Turning a file's bytes into text: encodings, BOMs, and refusing what is not text."""

from __future__ import annotations

import codecs
import re
import sys

from smpseo.core.text import clean_text, one_newline
from smpseo.core.textfile import BOMS, utf16_without_bom


class SourceError(Exception):
    """A source that cannot be read. Carries the path and, where it applies, the 1-based line.

    `posts` holds what was read before the error (the complete posts of a cut-off export), so they are not lost.
    """

    def __init__(self, path: str, message: str, line: int = 0, posts: list | None = None):
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.posts = list(posts or [])

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


_DIGITS = sys.get_int_max_str_digits() or 4300


def too_many_digits(exc: ValueError, path: str, lines: list[str], what: str) -> SourceError | None:
    """Python's refusal to read a number of more digits than it allows (a guard against slow conversions), as one
    error at the line that holds the number; None for any other ValueError."""
    if "integer string conversion" not in str(exc):
        return None
    huge = re.compile(rf"\d{{{_DIGITS + 1}}}")
    line = next((i + 1 for i, row in enumerate(lines) if huge.search(row)), 1)
    return SourceError(path, f"{what} refused: a number of more than {_DIGITS:,} digits", line=line)


_BOMS = (*BOMS, (codecs.BOM_UTF8, "utf-8"))  # UTF-8's mark shares no first byte with the others


# Control characters but newline, tab and form feed (a carriage return is a newline by then): many of them in a
# file's first 8 KB mean a binary file.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0d-\x1f]")


def _utf8_else_cp1252(data: bytes) -> str:
    """Each line as UTF-8 where it is UTF-8, else as Windows-1252: a UTF-8 post with one line pasted from an old
    editor keeps its other lines' accents and dashes."""
    out = []
    for row in data.splitlines(keepends=True):
        try:
            out.append(row.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(row.decode("cp1252", errors="replace"))
    return "".join(out)


# The encoding an HTML page or an XML file declares in its first bytes: `<meta charset="...">`, `<meta
# http-equiv="Content-Type" content="text/html; charset=...">`, `<?xml ... encoding="..."?>`.
_DECLARED_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']"""
                          rb"""([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# What browsers read as Windows-1252 whatever the label says (WHATWG's Encoding Standard), as smpseo reads text that
# is not UTF-8 anyway; and UTF-8 itself.
_AS_CP1252 = frozenset({"cp1252", "latin_1", "ascii", "utf_8"})


def _declared(data: bytes) -> tuple[str, str] | None:
    """(label, codec) of the encoding the file declares in its first 4 KB, when Python knows it and it is not one
    that smpseo reads anyway (UTF-8, Windows-1252 and the labels browsers read as it)."""
    found = _DECLARED_RE.search(data, 0, 4096)
    if found is None:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii")
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    codec = info.name.replace("-", "_")
    if not getattr(info, "_is_text_encoding", True) or codec in _AS_CP1252 or codec.startswith(("utf_", "mbcs")):
        return None  # not an encoding of text (`rot13`, `base64`), or one no browser reads (UTF-7)
    return label, codec


def _as_declared(data: bytes) -> tuple[str, str] | None:
    """(text, label) of a file not in UTF-8, read in the encoding it declares (a page in Shift_JIS or ISO-8859-2
    read as Windows-1252 was nonsense: `Łódź` as `£ód¼`); None when it declares none, or its bytes are not in it."""
    declared = _declared(data)
    if declared is None:
        return None
    try:
        return data.decode(declared[1]), declared[0]
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, path: str, clean: bool = True) -> tuple[str, list[str]]:
    """Decode a text file. Returns (text, warnings). Raises SourceError for empty or binary files.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such; a file that is not valid UTF-8 is read in
    the encoding it declares (an HTML page's `<meta charset>`, an XML declaration's `encoding`) when its bytes are in
    it, else each line that is not valid UTF-8 as Windows-1252 (the usual culprit in old exports), with a warning. Line endings become "\\n";
    control characters and lone surrogates are taken out (`clean_text`), so no write or terminal ever meets them.
    `clean=False`: the text as the file has it, those characters left in (where a column of the file is counted).
    """
    warnings: list[str] = []
    if not data.strip():
        raise SourceError(path, "file is empty")
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"not valid {encoding} text despite its byte order mark ({exc.reason})") from None
            break
    if text is None:
        nuls = data.count(b"\x00", 0, 8192)
        if nuls > 8 or nuls * 16 > min(len(data), 8192):  # (UTF-16 without its byte order mark: every other byte)
            text = utf16_without_bom(data)
            if text is None or len(_CONTROL_RE.findall(text, 0, 8192)) > 8:
                raise SourceError(path, "binary file, not text")
            warnings.append("line 1: no byte order mark; read as UTF-16, as its bytes are")
    if text is None:
        try:
            text = data.decode("utf-8")
            if b"\x00" in data:  # a few NUL bytes in UTF-8 text (a damaged copy): the text is read without them
                line = data.count(b"\n", 0, data.index(b"\x00")) + 1
                warnings.append(f"line {line}: NUL bytes in the text ({data.count(0):,}); left out")
        except UnicodeDecodeError as exc:
            if nuls:
                raise SourceError(path, "binary file, not text") from None
            line = data[: exc.start].count(b"\n") + 1
            declared = _as_declared(data)
            if declared is not None:
                text = declared[0]
                warnings.append(f"line {line}: not UTF-8; read as {declared[1]}, the encoding it declares")
            else:
                text = _utf8_else_cp1252(data)
                warnings.append(f"line {line}: not UTF-8; read as Windows-1252")
    text = one_newline(text)
    if len(_CONTROL_RE.findall(text, 0, 8192)) > 8:
        raise SourceError(path, "binary file, not text")
    if clean:
        text = clean_text(text)
    if not text.strip():
        raise SourceError(path, "file is empty")
    return text, warnings
