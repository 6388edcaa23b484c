"""What a re-run keeps of a reports folder: files the user put into a month's folder, and the user's edits to the
files a run writes.

A run records the SHA-256 of each file it wrote in the folder's `.written.json`. When the month is run again, a
file the run did not write (notes, a screenshot, `email_sent.json`) moves on into the new report folder as it is,
and a file the run writes that no longer matches its record was edited by someone: it is kept beside the new one as
`<name>.edited<ext>` (`monthly_report.edited.html`) instead of being overwritten. A file without a record (written
before records were kept) is replaced as before.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from smpseo.sources.writer import write_atomic

RECORD_NAME = ".written.json"


def _digest(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def record(folder: Path, names) -> None:
    """Note in `folder/.written.json` what each of `names` (files this run wrote there) holds now; a name
    recorded earlier and not written now keeps its entry."""
    recorded = _recorded(folder)
    for name in names:
        if (folder / name).is_file() and not (folder / name).is_symlink():
            recorded[name] = _digest(folder / name)
    write_atomic(folder / RECORD_NAME, json.dumps(recorded, indent=1, sort_keys=True) + "\n")


def _recorded(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
        if isinstance(data, dict) else {}


def edited(folder: Path, name: str) -> bool:
    """True when `folder/name` is not what the last run recorded writing there (someone changed it)."""
    written = _recorded(folder).get(name)
    path = folder / name
    if written is None or path.is_symlink() or not path.is_file():
        return False
    return _digest(path) != written


def _free_name(folder: Path, name: str, *also: Path) -> Path:
    """`<stem>.edited<ext>` in `folder`, numbered (`.edited-2`) past the names taken there and in `also`."""
    stem, dot, ext = name.partition(".")
    number = 1
    while True:
        candidate = f"{stem}.edited{'' if number == 1 else f'-{number}'}{dot}{ext}"
        if not any((place / candidate).exists() or (place / candidate).is_symlink() for place in (folder, *also)):
            return folder / candidate
        number += 1


def keep_edited(folder: Path, name: str) -> Path | None:
    """Move `folder/name` aside to its `.edited` name when it was changed since it was written; the new name."""
    if not edited(folder, name):
        return None
    aside = _free_name(folder, name)
    (folder / name).rename(aside)
    return aside


def carry_over(final: Path, staging: Path) -> list[tuple[Path, Path]]:
    """Copy into `staging` (the month's new report, about to replace `final`) what of `final` is the user's: every
    entry the new run did not write, and each file it wrote anew that was edited since the earlier run wrote it,
    under its `.edited` name. Returns (edited file, where its content will be) for each edited file kept. A run's
    leftovers (`*.FAILED.ipynb` and the earlier record) are not carried over."""
    kept: list[tuple[Path, Path]] = []
    if not final.is_dir():
        return kept
    written = _recorded(final)
    for entry in sorted(final.iterdir()):
        name = entry.name
        if name == RECORD_NAME or name.endswith(".FAILED.ipynb"):
            continue
        if (staging / name).exists() or (staging / name).is_symlink() or name in written:
            if not edited(final, name):
                continue
            target = _free_name(staging, name, final)
            shutil.copy2(entry, target)
            kept.append((entry, final / target.name))
        elif entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, staging / name, symlinks=True)
        else:
            shutil.copy2(entry, staging / name, follow_symlinks=False)
    return kept
