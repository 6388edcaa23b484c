"""Copies of a post made beside it by a sync app, a file manager or a download: `pain (1).md`, `pain - Copy.md`,
`pain copy.md`, `pain-DESKTOP-AB12CDE.md` (OneDrive), `pain (Rob's conflicted copy 2024-03-01).md` (Dropbox),
`pain.sync-conflict-20240301-101010-ABCDEFG.md` (Syncthing). Read as posts, each would double the post's findings and
share its title and address; a folder's walk leaves such a copy out when the post it copies is beside it, in one line
that names both and says whether their texts differ (then one of the two holds edits the other lacks)."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

# What a copy's name adds to its post's (before the file ending). The computer's name OneDrive adds is the one
# Windows gives a new machine (DESKTOP- or LAPTOP- and seven capitals or digits), so `care-laptop-tips.md` is no copy.
_COPY = re.compile(r"""^(?P<stem>.+?)(?:
      (?i:\ ?\(\d{1,3}\))                                   # pain (1): Windows, Google Drive, a browser's download
    | (?i:\ -\ copy(?:\ \(\d{1,3}\))?)                      # pain - Copy, pain - Copy (2): Windows' file manager
    | (?i:\ copy(?:\ \d{1,3})?)                             # pain copy, pain copy 2: the Mac's Finder
    | (?i:\ \([^()]*conflicted\ copy[^()]*(?:\(\d{1,3}\))?\))  # Dropbox, Nextcloud
    | -(?:DESKTOP|LAPTOP)-[A-Z0-9]{4,}(?:-\d{1,3})?          # OneDrive: the computer's name
    | (?i:\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]+)?)        # Syncthing
)$""", re.X)


def copy_of(name: str, names: set[str]) -> str | None:
    """The name of the file in the same folder (one of `names`) that the file `name` is a copy of, or None."""
    path = Path(name)
    m = _COPY.match(path.stem)
    if m is None:
        return None
    original = m.group("stem") + path.suffix
    return original if original in names and original != name else None


def copy_note(path: Path, original: str) -> str:
    """What is said of the copy `path` of the post `original` beside it, left out of a folder's posts."""
    try:
        same = filecmp.cmp(path, path.parent / original, shallow=False)
    except OSError:  # (either unreadable: the note does not compare them)
        same = None
    text = {True: "; its text is the same", False: "; its text differs: one of the two holds edits the other lacks",
            None: ""}[same]
    return f"a copy of {original} (as a sync app, a file manager or a download names one){text}; left out: name it " \
           "to check it"
