"""The cache folder: smpseo's files in it (`files`: nothing else is ever counted or deleted), and keeping it within a
size: the entries used least recently are deleted once it grows past its limit.

Every edit of a post makes new entries (they are named by what they hold), and the old ones are never read again, so
a blog edited every day, or checked on every save, would fill the folder without end. Once a day at most, the first
process that writes to the cache measures the folder; past the limit (`SMPSEO_CACHE_MAX_MB`, in millions of bytes,
500 unless set; 0 for none), it deletes the entries used least recently until the folder holds four fifths of the
limit. An entry's modification time says when it was last used: an entry read more than a day after it was written
or last marked is marked again (`touch_if_stale`, from `cache.get`). Only smpseo's own entries are measured and
deleted (`files`), and a temporary file younger than a day may be a write in progress: it is left alone. A
deleted entry is rebuilt on the next run that needs it; runs going on meanwhile read it as missing, as they read a
folder emptied by `smpseo cache clear`.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path


@functools.cache
def _names() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The names of smpseo's folders of a kind of entry, of shards and of entries (`files`), compiled when the cache
    is listed."""
    return re.compile(r"[a-z][a-z0-9-]*"), re.compile(r"[0-9a-f]{2}"), re.compile(r"[0-9a-f]{64}\.json")


def files(root: Path) -> Iterator[tuple[str, Path]]:
    """(kind, file) for every file smpseo wrote under `root`: entries (`<kind>/<ab>/<ab...>.json`) and the `.tmp-`
    files of writes cut short. Nothing else is listed, so nothing else is ever counted or deleted (the folder may be
    one the user shares with other things), and symbolic links are never followed."""
    if not root.is_dir():
        return
    kind_name, shard_name, entry_name = _names()
    for kind_dir in sorted(root.iterdir()):
        if kind_dir.is_symlink() or not kind_dir.is_dir() or not kind_name.fullmatch(kind_dir.name):
            continue
        for shard in sorted(kind_dir.iterdir()):
            if shard.is_symlink() or not shard.is_dir() or not shard_name.fullmatch(shard.name):
                continue
            for file in sorted(shard.iterdir()):
                ours = (entry_name.fullmatch(file.name) and file.name.startswith(shard.name)) \
                    or file.name.startswith(".tmp-")
                if ours and not file.is_symlink() and file.is_file():
                    yield kind_dir.name, file


def tally(found: dict[str, dict[str, int]], kind: str, file: Path, size: int) -> None:
    counts = found.setdefault(kind, {"entries": 0, "bytes": 0})
    counts["entries"] += file.suffix == ".json"
    counts["bytes"] += size


ENV_MAX = "SMPSEO_CACHE_MAX_MB"
DEFAULT_MAX_MB = 500
DAY = 24 * 60 * 60
STAMP = ".trimmed"  # in the cache folder: its modification time is when the folder was last measured
KEEP = 0.8  # the share of the limit a trimmed folder holds, so that it is not trimmed again the next day


def limit() -> int | None:
    """The folder's limit in bytes, or None for none (`SMPSEO_CACHE_MAX_MB=0`, or `inf`); the default when the
    variable is unset or not a number of megabytes."""
    given = os.environ.get(ENV_MAX, "").strip()
    try:
        mb = float(given) if given else DEFAULT_MAX_MB
    except ValueError:
        mb = DEFAULT_MAX_MB
    if mb != mb or mb < 0:  # NaN or negative: as unset
        mb = DEFAULT_MAX_MB
    return None if mb == 0 or mb == float("inf") else int(mb * 1_000_000)


def touch_if_stale(path: str | os.PathLike, now: float | None = None) -> None:
    """Mark an entry just read as used, when its mark is more than a day old (one `stat` a read, a write a day)."""
    now = time.time() if now is None else now
    try:
        if now - os.stat(path).st_mtime > DAY:
            os.utime(path)
    except OSError:
        pass


def trim(root: Path, max_bytes: int | None = None, now: float | None = None) -> dict[str, dict[str, int]]:
    """Delete the entries used least recently until the folder holds `KEEP` of `max_bytes` (the `limit()` when not
    given), when it holds more than `max_bytes`; what was deleted, in the shape of `cache.usage()`."""
    max_bytes = limit() if max_bytes is None else max_bytes
    now = time.time() if now is None else now
    if max_bytes is None:
        return {}
    found = []
    for kind, file in files(root):
        try:
            info = file.lstat()
        except OSError:
            continue  # removed meanwhile
        if file.name.startswith(".tmp-") and now - info.st_mtime < DAY:
            continue  # perhaps a write in progress
        found.append((info.st_mtime, str(file), kind, info.st_size))
    total = sum(size for *_, size in found)
    freed: dict[str, dict[str, int]] = {}
    if total <= max_bytes:
        return freed
    for _, name, kind, size in sorted(found):
        if total <= max_bytes * KEEP:
            break
        try:
            os.unlink(name)
        except FileNotFoundError:
            total -= size
            continue
        except OSError:
            continue
        total -= size
        tally(freed, kind, Path(name), size)
    return freed


_measured: set[str] = set()  # the cache folders this process has had measured


def written_to(root: Path) -> None:
    """After a process's first write to a cache folder, the folder is measured (`now_and_then`)."""
    if str(root) in _measured:
        return
    _measured.add(str(root))
    now_and_then(root)


def now_and_then(root: Path, now: float | None = None) -> bool:
    """`trim()` when the folder was last measured more than a day ago (or never); whether it was measured."""
    now = time.time() if now is None else now
    stamp = root / STAMP
    try:
        if now - stamp.stat().st_mtime < DAY:
            return False
    except OSError:
        pass  # never measured
    try:
        stamp.touch()
        os.utime(stamp, (now, now))
    except OSError:
        return False  # a folder that cannot be written: nothing was written to it either
    try:
        trim(root, now=now)
    except OSError:  # a kind's folder that cannot be listed: left as it is, as `smpseo cache info` would say
        return False
    return True


__all__ = ["DEFAULT_MAX_MB", "ENV_MAX", "STAMP", "files", "limit", "now_and_then", "tally", "touch_if_stale", "trim",
           "written_to"]
