"""What a run keeps of the folder it writes into: files the user put into a month's folder, and every file in the
way of one the run writes that smpseo cannot show it wrote itself.

A run records the SHA-256 of each file it wrote in the folder's `.written.json`. A file there is smpseo's own only
when that record holds it with the content it has now: it is then replaced (or dropped) freely. Any other file in
the way of one the run writes (edited since it was written, or never written by smpseo: a site's own `index.html`,
a report written before records were kept, or while the record is missing or damaged) is kept beside the new one
as `<name>.edited<ext>` (`monthly_report.edited.html`) and named in one line (`Kept.line`). When the month is run
again, a file the run does not write (notes, a screenshot, `email_sent.json`, a named pipe) moves on into the new
report folder as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import NamedTuple

from smpseo.app.report.failed import ReportFailed
from smpseo.sources.writer import write_atomic

RECORD_NAME = ".written.json"


class Kept(NamedTuple):
    """A file of the user's in the way of one a run wrote, and where it is kept (`aside`). `written`: smpseo had
    written it and someone changed it since; else smpseo has no record of writing it."""

    file: Path
    aside: Path
    written: bool

    def line(self) -> str:
        why = "changed since it was written" if self.written else "smpseo has no record of writing it"
        return f"{self.file}: warning: {why}; your version is kept as {self.aside}"


def _digest(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def record(folder: Path, names) -> None:
    """Note in `folder/.written.json` what each of `names` (files this run wrote there) holds now; a name
    recorded earlier and not written now keeps its entry."""
    recorded = recorded_names(folder)
    for name in names:
        if (folder / name).is_file() and not (folder / name).is_symlink():
            recorded[name] = _digest(folder / name)
    write_atomic(folder / RECORD_NAME, json.dumps(recorded, indent=1, sort_keys=True) + "\n")


def recorded_names(folder: Path) -> dict[str, str]:
    """What `folder/.written.json` records: {name: SHA-256}; empty when it is missing or damaged."""
    try:
        data = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(data, dict) else {}


def ours(folder: Path, name: str, recorded: dict[str, str] | None = None) -> bool:
    """True when `folder/name` is a file smpseo wrote and nobody changed since: recorded, with this content."""
    written = (recorded_names(folder) if recorded is None else recorded).get(name)
    path = folder / name
    if written is None or path.is_symlink() or not path.is_file():
        return False
    return _digest(path) == written


def _free_name(folder: Path, name: str, *also: Path) -> Path:
    """`<stem>.edited<ext>` in `folder`, numbered (`.edited-2`) past the names taken there and in `also`."""
    stem, dot, ext = name.partition(".")
    number = 1
    while True:
        candidate = f"{stem}.edited{'' if number == 1 else f'-{number}'}{dot}{ext}"
        if not any((place / candidate).exists() or (place / candidate).is_symlink() for place in (folder, *also)):
            return folder / candidate
        number += 1


def keep_aside(folder: Path, name: str) -> Kept | None:
    """Move `folder/name` aside to its `.edited` name unless it is smpseo's own (`ours`), so that the run may
    write there; what was kept. A folder of that name is left where it is (writing over it fails, saying so)."""
    path = folder / name
    if not (path.exists() or path.is_symlink()) or (path.is_dir() and not path.is_symlink()):
        return None
    recorded = recorded_names(folder)
    if ours(folder, name, recorded):
        return None
    aside = _free_name(folder, name)
    path.rename(aside)
    return Kept(path, aside, name in recorded)


def write_keeping(path: Path, text: str, kept: list | None = None) -> Path:
    """Write `text` to `path` as every file a report writes is written: a file of the user's in the way (not
    smpseo's own, `ours`) is first kept aside (`keep_aside`; what was kept is appended to `kept`), the text goes in
    through a temporary file of its own, and the folder's record notes it as smpseo's."""
    path = Path(path)
    aside = keep_aside(path.parent, path.name)
    if aside is not None and kept is not None:
        kept.append(aside)
    write_atomic(path, text)
    record(path.parent, [path.name])
    return path


def carry_over(final: Path, staging: Path) -> list[Kept]:
    """Put into `staging` (the month's new report, about to replace `final`) what of `final` is the user's: every
    entry the new run did not write, as it is, and each file in the way of one the run wrote or had written that is
    not smpseo's own (`ours`), under its `.edited` name. What cannot be copied (a named pipe, a file or folder the
    user may not read) is moved instead, last, just before the swap. Returns what was kept under an `.edited` name.
    A run's leftovers (`*.FAILED.ipynb` and the earlier record) are not carried over. ReportFailed names an entry
    that can be neither copied nor moved: everything moved goes back, and the report that was there stays."""
    kept: list[Kept] = []
    if not final.is_dir():
        return kept
    recorded = recorded_names(final)
    to_move: list[tuple[Path, Path]] = []
    for entry in sorted(final.iterdir()):
        name = entry.name
        if name == RECORD_NAME or name.endswith(".FAILED.ipynb"):
            continue
        target = staging / name
        if target.exists() or target.is_symlink() or name in recorded:
            if ours(final, name, recorded):
                continue
            target = _free_name(staging, name, final)
            kept.append(Kept(entry, final / target.name, name in recorded))
        if not _copied(entry, target):
            to_move.append((entry, target))
    for done, (entry, target) in enumerate(to_move):
        try:
            os.rename(entry, target)
        except OSError as exc:
            for back, moved in reversed(to_move[:done]):
                os.rename(moved, back)
            raise ReportFailed(f"{entry}: cannot be copied or moved into the new report ({exc.strerror or exc}); "
                               f"the report that was there is kept: move it out of {final} and run again") from None
    return kept


def _copied(entry: Path, target: Path) -> bool:
    """Copy `entry` (a file, a link as a link, a folder with what it holds) to `target`; False, with nothing left
    at `target`, when it cannot be (a named pipe, a socket, a file that may not be read)."""
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target, symlinks=True)
        else:
            shutil.copy2(entry, target, follow_symlinks=False)
        return True
    except (OSError, shutil.Error):
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target, ignore_errors=True)
        elif target.exists() or target.is_symlink():
            target.unlink()
        return False
