"""What `smpseo cache info` and `smpseo cache clear` print, from the counts `smpseo.app.cache` gives. Views only format."""

from __future__ import annotations

from pathlib import Path

from smpseo.model.post import one_line


def size_text(size: int) -> str:
    """Bytes for a person: "0 B", "812 B", "4.3 KB", "2.5 MB" (powers of 1,000, as disk tools show them)."""
    if size < 1000:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            return f"{size:.1f} {unit}"
    return f"{size} B"  # not reached


def _total(counts: dict[str, dict[str, int]]) -> tuple[int, int]:
    return sum(c["entries"] for c in counts.values()), sum(c["bytes"] for c in counts.values())


def _entries_text(entries: int, size: int) -> str:
    return f"{entries:,} entr{'y' if entries == 1 else 'ies'} ({size_text(size)})"


def info_lines(folder: Path, exists: bool, enabled: bool, counts: dict[str, dict[str, int]],
               limit: int | None = None, unwritable: str | None = None) -> list[str]:
    """The folder, whether caching is on, the total and the folder's limit (None: none), then one line per kind of
    entry. `unwritable`: why a run cannot write entries there (`cache.unwritable`)."""
    entries, size = _total(counts)
    limited = f"limit {size_text(limit)}" if limit is not None else "no limit"
    if not enabled:
        caching = "off (SMPSEO_NO_CACHE is set)"
    elif unwritable and exists:
        caching = f"read only: entries there are read, none is written ({unwritable})"
    elif unwritable:
        caching = f"off: the folder cannot be made ({unwritable})"
    else:
        caching = "on"
    lines = [one_line(f"cache folder: {folder}{'' if exists or unwritable else ' (not created yet)'}"),
             one_line(f"caching: {caching}"),
             f"entries: {entries:,} ({size_text(size)}; {limited}, SMPSEO_CACHE_MAX_MB)"]
    width = max((len(kind) for kind in counts), default=0)
    for kind in sorted(counts):
        c = counts[kind]
        lines.append(f"  {kind.ljust(width)}  {c['entries']:>7,}  {size_text(c['bytes']):>9}")
    return lines


def cleared_line(folder: Path, freed: dict[str, dict[str, int]]) -> str:
    """How many entries and bytes were deleted, and from where."""
    return one_line(f"removed {_entries_text(*_total(freed))} from {folder}")
