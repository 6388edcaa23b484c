"""Whole runs remembered: `check` and `gaps` over inputs that have not changed return their stored result instead of
reading, parsing and checking every post again.

A run is kept in a slot of the cache (`smpseo.app.cache`) named by what was asked: the kind of run, the paths (as given
and resolved) and the options that change the result. The entry in the slot holds the key of the run's inputs:
every file found under the paths with the sha256 of its bytes (reading bytes is cheap, parsing is not), the paths
that name nothing, the resolved settings, what else the run reads (topics, queries) and the versions (smpseo's code
digest included). A new, deleted or edited post, or other settings, make another key: the run is worked out afresh
(each unchanged post's textstat and YAKE results still come from the cache) and replaces the entry, so a slot holds
one run, not one per edit.

The value is the result as plain data (its `to_record()`), rebuilt with `from_record()`, so the views render it as
they render a fresh one: the same output, the same lines about unreadable files, the same exit status. A value that
does not rebuild is ignored and replaced, never trusted; a run whose files changed while it ran is not stored. With
the cache off (`--no-cache`), nothing is read or written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from smpseo.app import cache
from smpseo.core.hashing import file_sha256
from smpseo.core.paths import resolved

Result = TypeVar("Result")
# What rebuilding a value of the wrong shape raises (a missing field, a list for a dict, a string for a number ...).
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def source_paths(posts: Any) -> list[str | Path] | None:
    """The paths `posts` names (a path, or a list or tuple of paths), or None for posts already read: only runs
    over paths are remembered (posts in memory have no files to compare)."""
    if isinstance(posts, (str, Path)):
        return [posts]
    if isinstance(posts, (list, tuple)) and posts and all(isinstance(p, (str, Path)) for p in posts):
        return list(posts)
    return None


def file_state(path: str | Path) -> list:
    """A file for a key: its path and the sha256 of its bytes, or, for a file the readers refuse unread, why (its
    size, or the error reading it): an unreadable file is an input too, and its line about it must come back."""
    from smpseo.sources import readers

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > readers.MAX_SOURCE_BYTES:
            return [str(path), "too large", size]
        with path.open("rb") as data:
            return [str(path), file_sha256(data)]
    except OSError as exc:
        return [str(path), "unreadable", exc.strerror or str(exc)]


def sources_state(paths: Iterable[str | Path]) -> list:
    """The posts `load_posts(*paths)` would read, for a key: the paths as given, each file found under them (the
    set of posts) with its content, the site settings files they are read with (`site_state`), and the paths
    that name nothing."""
    from smpseo.sources.readers import iter_sources

    paths = list(paths)
    nothing: list = []
    files = iter_sources(paths, nothing)
    seen: dict[tuple[str, str], list] = {}
    for f in files:
        site_state(Path(f).parent, seen)
    site = [state for (kind, _), state in seen.items() if kind == "file"]  # each settings file once
    return [[str(p) for p in paths], [file_state(f) for f in files], [str(e) for e in nothing], *site]


def site_state(folder: str | Path, seen: dict[tuple[str, str], list] | None = None) -> list:
    """The site settings files a post in `folder` is read with (a Jekyll site's `_config.yml`, an Eleventy site's
    `_data`, a Hugo site's settings, an Obsidian vault's), each with its content, for a key: a post's addresses,
    and what its template tags print, change with them, so an edit to one reads its posts again. `seen` keeps, for
    one run, each folder's answer and each settings file's state, so a file many folders share is read once."""
    from smpseo.sources.readers.sites import settings_files_above

    seen = {} if seen is None else seen
    key = ("folder", str(folder))
    if key not in seen:
        files = settings_files_above(folder)
        for f in files:
            if ("file", f) not in seen:
                seen[("file", f)] = file_state(f)
        seen[key] = [seen[("file", f)] for f in files]
    return seen[key]


def plain(value: Any) -> Any:
    """Settings, topics or queries as plain data for a key: dataclasses as dicts, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def run_slot(paths: Iterable[str | Path], *options: Any) -> list:
    """Which run this is: the paths as given and resolved (the same words in another folder are another run) and
    the options that change its result."""
    paths = list(paths)
    return [[str(p) for p in paths], [str(resolved(p)) for p in paths], plain(list(options))]


def remembered(kind: str, slot: list, inputs: Callable[[], Any], compute: Callable[[], Result],
               record: Callable[[Result], Any], rebuild: Callable[[Any], Result],
               keep: Callable[[Result], bool] = lambda result: True) -> Result:
    """`compute()`, or the result stored for the same run (`slot`) over the same `inputs()`.

    `record` turns a result into plain data to store and `rebuild` turns that back into the result; `inputs` is
    called before and after computing, and a run whose inputs changed meanwhile is not stored (it would be filed
    under inputs it did not read), nor one `keep` says depends on more than its inputs."""
    if not cache.enabled():
        return compute()
    name = cache.key(kind, slot)
    before = cache.key(kind, slot, inputs())
    stored = cache.get(kind, name, holds=before)
    if stored is not None:
        try:
            return rebuild(stored)
        except SHAPE_ERRORS:
            pass  # not a whole result: worked out afresh below, and replaced
    result = compute()
    if keep(result) and cache.key(kind, slot, inputs()) == before:
        cache.put(kind, name, record(result), holds=before)
    return result


__all__ = ["file_state", "plain", "remembered", "run_slot", "site_state", "source_paths", "sources_state"]
