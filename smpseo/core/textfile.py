"""The text of a file smpseo's user writes by hand: the settings (`smpseo.toml`) and the topic files; and the bytes
of any file the user names beside the posts, read only when it is a regular file (`read_regular`).

UTF-8, with or without the byte order mark Notepad writes, or UTF-16 or UTF-32 with theirs (Notepad's "Unicode"
save): each is read as such. Anything else is one error naming the line of the first byte that is not UTF-8, not
Python's "'utf-8' codec can't decode byte 0xe9 in position 25", which named no line.
"""

from __future__ import annotations

import codecs
import errno
import functools
import os
import stat
from collections.abc import Callable
from typing import Any

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32's first: its little-endian mark starts as UTF-16's does


def utf16_without_bom(data: bytes) -> str | None:
    """`data` as UTF-16 without its byte order mark (as some Windows programs write it), when its zero bytes say so:
    text of mostly Latin letters has a zero byte every other byte, on one side of each pair (the second in
    little-endian, the first in big-endian). None when they do not, or when the bytes are not that text."""
    head = data[:8192]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if len(head) < 4 or max(odd, even) * 4 < len(head) or min(odd, even) * 10 > max(odd, even):
        return None
    try:
        return data[: len(data) // 2 * 2].decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None


class NotText(ValueError):
    """Bytes that are not text in an encoding a hand-written file can have: what is wrong, and its line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def file_text(data: bytes) -> str:
    """`data` as text (see the module's doc), each line ending a carriage return alone (an old Mac's, which TOML does
    not take) read as a newline. Raises NotText."""
    text = _decoded(data)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _decoded(data: bytes) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                line = data[len(bom):exc.start + len(bom)].decode(codec, errors="replace").count("\n") + 1
                raise NotText(f"not {codec.upper()[:-3]} text, though it starts as such; save it as UTF-8", line) \
                    from None
    if (text := utf16_without_bom(data)) is not None:
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotText(f"not UTF-8 (byte 0x{data[exc.start]:02x} on this line; Windows-1252 or Latin-1?): save it as "
                      "UTF-8", line) from None


MAX_BYTES = 64 * 1024 * 1024  # far past any settings, topic or summary file: what is larger is no such file


class TooLarge(OSError):
    """A file over the limit of what it can be: `size` its bytes (None when it grew past the limit while read)."""

    def __init__(self, path: str | os.PathLike, size: int | None, limit: int) -> None:
        self.size, self.limit = size, limit
        self.said = f"{size:,} bytes; the limit is {limit:,}" if size is not None else f"more than {limit:,} bytes"
        super().__init__(errno.EFBIG, f"file too large ({self.said})", str(path))


def read_regular(path: str | os.PathLike, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file: the posts, a file the user named beside them (settings, topics, a Search Console export,
    a summary) or a cache entry, when it is a regular file of at most `limit` bytes. OSError otherwise, with its
    `strerror` said as the posts' readers say it (`TooLarge` for a file over the limit). The file is opened without
    waiting and looked at as opened: a FIFO or a device is never read (reading a FIFO waits for a writer for ever,
    /dev/zero never ends), even one put in a file's place between a look and the opening."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode, size = (info := os.fstat(fd)).st_mode, info.st_size
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, socket or device)", str(path))
        if size > limit:
            raise TooLarge(path, size, limit)
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(path, None, limit)
    return data


def is_regular(path: str | os.PathLike) -> bool:
    """True for a regular file (or a link to one): what may be opened without blocking."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


__all__ = ["BOMS", "MAX_BYTES", "NotText", "TooLarge", "file_text", "is_regular", "read_regular"]


def read_once_a_change(read: Callable[[str], Any], missing: Any, maxsize: int = 64) -> Callable[[str], Any]:
    """`read(path)` kept until the file changes (its modification time or size): a site's settings read once for
    all its posts. `missing` when the file cannot be looked at."""
    kept = functools.lru_cache(maxsize=maxsize)(lambda path, mtime, size: read(path))

    def looked_up(path: str) -> Any:
        try:
            stamp = os.stat(path)
        except OSError:
            return missing
        return kept(path, stamp.st_mtime_ns, stamp.st_size)

    return looked_up
