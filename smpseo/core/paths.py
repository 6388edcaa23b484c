"""A path made absolute, with its symbolic links followed, that never fails on a link loop; and the name a file
was meant to have when its name ends in a space or a dot.

`Path.resolve()` raises RuntimeError ("Symlink loop from ...") on a link to itself before Python 3.13, where every
other path it cannot follow is resolved as far as it goes: a post named `loop.md -> loop.md` on the command line
stopped the whole run with an internal error instead of its one line. `resolved` resolves it as far as it goes too,
as Python 3.13 does, and whoever opens it then says what is wrong with it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath


def resolved(path: str | os.PathLike) -> Path:
    """`Path(path).resolve()`, a link loop resolved as far as it goes instead of a RuntimeError. OSError as
    `resolve()` (a relative path, from a current folder that was deleted)."""
    try:
        return Path(path).resolve()
    except RuntimeError:  # a symbolic link loop, before Python 3.13
        return Path(os.path.realpath(path))


_NAME_END = re.compile(r"(?<=[^\s.])[\s.]+$")  # the spaces and dots a file's name ends in ("post.md ", "post.md.")


def name_as_meant(name: str) -> str:
    """A file's name (or path) without the spaces and dots it ends in ("post.md ", "post.md.", "post.md\t"): the name
    it was meant to have, as Windows drops them, and the name its post is read by (its type, its address)."""
    return _NAME_END.sub("", name)


def file_suffix(path: str | PurePath) -> str:
    """The ending that says what a file holds (".md"), in lower case, read from `name_as_meant`."""
    return PurePath(name_as_meant(PurePath(path).name)).suffix.lower() if str(path) else ""


__all__ = ["file_suffix", "name_as_meant", "resolved"]
