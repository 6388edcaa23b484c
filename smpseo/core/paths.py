"""A path made absolute, with its symbolic links followed, that never fails on a link loop.

`Path.resolve()` raises RuntimeError ("Symlink loop from ...") on a link to itself before Python 3.13, where every
other path it cannot follow is resolved as far as it goes: a post named `loop.md -> loop.md` on the command line
stopped the whole run with an internal error instead of its one line. `resolved` resolves it as far as it goes too,
as Python 3.13 does, and whoever opens it then says what is wrong with it.
"""

from __future__ import annotations

import os
from pathlib import Path


def resolved(path: str | os.PathLike) -> Path:
    """`Path(path).resolve()`, a link loop resolved as far as it goes instead of a RuntimeError. OSError as
    `resolve()` (a relative path, from a current folder that was deleted)."""
    try:
        return Path(path).resolve()
    except RuntimeError:  # a symbolic link loop, before Python 3.13
        return Path(os.path.realpath(path))


__all__ = ["resolved"]
