"""Writing a report into its folder so that nothing is lost: the run writes into a hidden staging folder beside its
destination and swaps it in only when it ran to the end; one run at a time writes into a folder (`locked`); what a
killed run left (its staging folder, an earlier report it had moved aside) is tidied by the next (`remove_stale`),
which puts back any file of the user's the killed run had moved;
a failed run's executed notebook is kept as `<name>.FAILED.ipynb`. Shared by the monthly and the pre-publish runs."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from smpseo.app.report.failed import ReportFailed
from smpseo.app.report.pids import alive

_LEFTOVER = re.compile(r"\.(?P<name>[^.]+)\.(?P<kind>running|old)-(?P<pid>\d+)(-.*)?")


def remove_stale(parent: Path) -> None:
    """Tidy what runs killed outright (kill -9, a power cut) left, for every month (or draft) in `parent`, since a
    scheduled run is of another month than the one killed: a dead run's staging folder goes; an earlier report it
    had moved aside to swap in the new one comes back if the new one never arrived."""
    for path in sorted(parent.iterdir()):
        found = _LEFTOVER.fullmatch(path.name)
        if not found or int(found["pid"]) == os.getpid() or alive(int(found["pid"])):
            continue
        final = parent / found["name"]
        if found["kind"] == "old" and not final.exists() and not final.is_symlink():
            os.replace(path, final)
        elif path.is_symlink():  # a link an earlier version moved aside: the folder it names is not touched
            path.unlink()
        else:
            if found["kind"] == "running":
                _put_back(path, final)
            shutil.rmtree(path, ignore_errors=True)


def _put_back(staging: Path, final: Path) -> None:
    """What a run killed just before its swap had moved from `final` into its staging folder (the user's files it
    could not copy) goes back: every entry the run did not write itself (`.written.json`) that `final` lacks."""
    from smpseo.app.report.keep import RECORD_NAME, recorded_names

    written = recorded_names(staging)
    if not written or not final.is_dir() or final.is_symlink():
        return  # killed before its report was complete: it holds nothing of the user's
    for entry in staging.iterdir():
        if entry.name not in written and entry.name != RECORD_NAME \
                and not (final / entry.name).exists() and not (final / entry.name).is_symlink():
            with contextlib.suppress(OSError):
                os.rename(entry, final / entry.name)


def staging_folder(parent: Path, name: str) -> Path:
    """A fresh folder next to the destination (same filesystem, so the final move is a rename), named with this
    process's id so that a later run can tell a dead run's leftovers from a live run's folder."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.running-{os.getpid()}-", dir=parent)).resolve()
    except OSError as exc:  # a read-only or someone else's folder: say so, not which hidden folder failed
        raise ReportFailed(f"{parent}: cannot write the report there: {exc.strerror or exc}; nothing written") \
            from None
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; a report folder is as readable as any other
    return staging


def make_folder(path: Path) -> None:
    """`path` and the folders above it; NotADirectoryError, naming the file in the way (`reports`, for
    `reports/prepublish` where `reports` is a file), when one is."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_way = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), path)
        raise NotADirectoryError(f"{in_way}: not a folder (a file is in the way)") from None
    except OSError as exc:
        raise ReportFailed(f"{path}: cannot make the folder: {exc.strerror or exc}; nothing written") from None


def swap_in(staging: Path, final: Path) -> None:
    """Replace `final` (a folder) by `staging` with renames on one filesystem; the old one goes only afterwards."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
    os.replace(staging, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def keep_failed(executed: Path, folder: Path, name: str) -> Path | None:
    """Keep a failed run's executed notebook as `name.FAILED.ipynb`, whole or not at all: on a full disk there is
    no empty or half-copied notebook and no temporary file left (None)."""
    from smpseo.sources.writer import write_atomic

    try:
        if not executed.is_file() or executed.stat().st_size == 0:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"{name}.FAILED.ipynb"
        write_atomic(kept, executed.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return kept


@contextlib.contextmanager
def locked(folder: Path):
    """One run at a time writing into `folder` (the reports folder, or its prepublish folder): a second run waits for
    the first, then runs, so concurrent runs never race on a staging folder, the swap or the index. The lock is
    taken on the folder itself, so it leaves no file behind and a killed run's lock goes with its process. Where
    there is no flock (Windows), the run goes ahead unlocked: the scheduled task's wrapper holds a lock of its own."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
