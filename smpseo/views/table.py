"""Rows of plain data as an aligned text table, JSON or CSV on stdout."""

from __future__ import annotations

import csv
import sys

from smpseo.core import jsontext
from smpseo.core.text import escaped


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: text (or a list of it) that would start a formula (=, +, -, @) gets a
    leading '. A number keeps its sign."""
    cell = escaped(_cell(value), keep_lines=True)  # a file name is not cleaned text: its escapes are shown
    if not isinstance(value, (int, float)) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def text_table(rows: list[dict], columns: list[str] | None = None, max_width: int = 40) -> str:
    if not rows:
        return "(no posts)"
    columns = columns or list(rows[0])
    from smpseo.model.post import one_line

    cells = [[one_line(_cell(r.get(c)))[:max_width] for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r.get(c), (int, float)) or r.get(c) is None for r in rows) for c in columns]

    def fmt(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    lines = [fmt(columns), fmt(["-" * w for w in widths])]
    lines += [fmt(row) for row in cells]
    return "\n".join(lines)


def write_rows(rows: list[dict], fmt: str, stream=None, columns: list[str] | None = None) -> None:
    stream = stream or sys.stdout
    if fmt == "json":
        stream.write(escaped(jsontext.dumps(rows, indent=2, ensure_ascii=False, default=str), json=True) + "\n")
    elif fmt == "csv":
        columns = columns or (list(rows[0]) if rows else [])
        writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: csv_cell(row.get(c)) for c in columns})
    else:
        text_cols = columns or [c for c in (rows[0] if rows else {}) if c not in ("path",)]
        stream.write(text_table(rows, text_cols) + "\n")
