"""Google Search Console performance exports: one table per tab (`Queries.csv`, `Pages.csv`), as a CSV file or
inside the export's ZIP, for one date range or two (the comparison export).

Search Console > Performance > Export > CSV downloads a ZIP with one CSV per tab. A table's header is its key column
(`"Top queries"`, `"Top pages"`) then `"Clicks","Impressions","CTR","Position"`; CTR is a percentage ("5.2%"),
Position a decimal, and large numbers may carry thousands separators ("1,234"). Saved again by a spreadsheet, the
columns may be separated by semicolons or tabs, and the file be UTF-16 with a byte order mark. With two date ranges compared, each
metric has a column per range, named by the range: `"Last 28 days Clicks","Previous 28 days Clicks", ...`; the
first range is the current one. Queries and pages are not linked in these files. An interface in another language
names the columns in it ("Häufigste Suchanfragen","Klicks", ...), in the same order: such a table is read by that
order when its rows have the export's shape.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from smpseo.core.text import clean_text, shortened
from smpseo.core.textfile import is_regular, read_regular
from smpseo.model.post import ReadError
from smpseo.sources.exporttables import by_columns, named

METRICS = ("Clicks", "Impressions", "CTR", "Position")
MAX_CSV_BYTES = 50 * 1024 * 1024  # an export holds at most 1,000 rows a table: a few hundred kilobytes
# The rows of a table read: 50 times what the export holds (a table put together from the API has more). Past
# them a file of a few megabytes held millions of short rows, and `gaps` weighed each against every topic for minutes.
MAX_ROWS = 50_000


class QueryFileError(Exception):
    """A Search Console file that cannot be used, naming the file (and line)."""

    def __init__(self, path: str, message: str, line: int = 0):
        self.path, self.message, self.line = str(path), message, line
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


class Table(list):
    """The rows read from a Search Console file, and `notes`: what was said of reading them, a ReadError each (a line
    not in UTF-8, read as Windows-1252; a header in another language, read by its columns' order; a row of figures
    no export has, left out); `ranges`: in a
    comparison export, the names its header gives the two date ranges, the current one first ("Last 28 days",
    "10/1/25 - 10/31/25"; `smpseo.sources.exportdates.range_days` reads their days), else empty."""

    def __init__(self, rows=(), notes=(), ranges=(), left_out=0):
        super().__init__(rows)
        self.notes: list[ReadError] = list(notes)
        self.ranges: tuple[str, ...] = tuple(ranges)
        self.left_out = left_out  # rows of figures no export has (more clicks than impressions), not read


@dataclass(frozen=True)
class Metrics:
    clicks: int
    impressions: int
    ctr: float | None  # a fraction: "5.2%" -> 0.052
    position: float | None


@dataclass(frozen=True)
class Row:
    """One row of a table: its key (a query or a page address), the current range's figures, the previous
    range's in a comparison export (else None), and its line in the file."""

    key: str
    current: Metrics
    previous: Metrics | None
    line: int


def _number(text: str, path: str, line: int, column: str, kind=int):
    """A count (`kind` int) or a rate. Thousands may be grouped by commas, spaces or, in a count, dots ("1.234", as
    a spreadsheet in another language writes it); a rate may have a decimal comma ("7,2"). A count with a fraction
    is refused rather than cut, and so is one with a control character in it ("1\\x0042": a damaged cell, never a
    number, which dropping the character would read as 142)."""
    if _CONTROL.search(text):
        raise QueryFileError(path, f"{column} is not a number: {shortened(text)}", line)
    value = clean_text(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if kind is float and _DECIMAL_COMMA.fullmatch(value):
        value = value.replace(",", ".")
    value = value.replace(",", "")
    if kind is int and _DOT_THOUSANDS.fullmatch(value):
        value = value.replace(".", "")
    if value in ("", "-"):
        return None if kind is float else 0
    try:
        number = float(value)
    except ValueError:
        raise QueryFileError(path, f"{column} is not a number: {shortened(text)}", line) from None
    if not math.isfinite(number) or number < 0:  # "inf", "nan", "1e400", "-5": no count or rate is that
        raise QueryFileError(path, f"{column} is not a count or a rate: {shortened(text)}", line)
    if kind is int and not number.is_integer():
        raise QueryFileError(path, f"{column} is not a whole number: {shortened(text)}", line)
    return int(number) if kind is int else number


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a NUL, an escape, a form feed: no digit, space or sign
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")  # "7,2", "12,35": a decimal comma (three digits would be thousands)
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "1.234", "12.345.678"


def _percent(text: str, path: str, line: int) -> float | None:
    if _CONTROL.search(text):  # before a form feed or a unit separator is stripped as white space
        return _number(text, path, line, "CTR", float)
    value = text.strip().rstrip("%").strip()
    if not value or value == "-":
        return None
    number = _number(value, path, line, "CTR", float)
    return None if number is None else round(number / 100.0, 6)


def _columns(header: list[str], key: str) -> list[dict[str, int]] | None:
    """Per date range (current first), the index of each metric's column; None for another header."""
    names = [h.strip() for h in header]
    if names and names[0] == key and names[1:] == list(METRICS):
        return [{m: i + 1 for i, m in enumerate(METRICS)}]
    ranges: dict[str, dict[str, int]] = {}
    if names and names[0] == key:
        for i, name in enumerate(names[1:], start=1):
            metric = next((m for m in METRICS if name.endswith(" " + m)), None)
            if metric is None:
                break
            ranges.setdefault(name[: -len(metric)].strip(), {})[metric] = i
        else:
            if len(ranges) == 2 and all(set(r) == set(METRICS) for r in ranges.values()):
                return list(ranges.values())
    return None


# The columns of a table in the export's order, one range or two (the comparison export: each metric's current
# range, then its previous one): how a header in another language than English is read.
_IN_ORDER = {1 + len(METRICS): [{m: i + 1 for i, m in enumerate(METRICS)}],
             1 + 2 * len(METRICS): [{m: 2 * i + 1 + r for i, m in enumerate(METRICS)} for r in (0, 1)]}
_KEY_NAMES = {"Top queries": "query", "Top pages": "page"}
_ADDRESS = re.compile(r"(?:https?://|/)\S*$", re.IGNORECASE)


def _has_shape(row: list[str], key: str, ranges: list[dict[str, int]], width: int) -> bool:
    """Whether a row is a row of the export's table whose key column is `key`: a page's address or a query's words,
    then clicks and impressions whole numbers, CTR a
    percentage and position a decimal, in each range."""
    if len(row) != width or not row[0].strip() or _looks_numeric(row[0]):
        return False
    if (key == "Top pages") != bool(_ADDRESS.match(row[0].strip())):  # a page's address, a query's words
        return False
    try:
        for cols in ranges:
            _number(row[cols["Clicks"]], "", 0, "Clicks")
            _number(row[cols["Impressions"]], "", 0, "Impressions")
            _number(row[cols["Position"]], "", 0, "Position", float)
            if "%" not in row[cols["CTR"]] or _percent(row[cols["CTR"]], "", 0) is None:
                return False
    except QueryFileError:
        return False
    return True


def _looks_numeric(text: str) -> bool:
    try:
        float(text.strip().replace(",", ".").rstrip("%"))
    except ValueError:
        return False
    return True


def _in_english(header: list[str]) -> bool:
    """Whether a header names its figures in English ("Clicks", "Last 28 days Clicks"): another table of an English
    export (Pages.csv given for Queries.csv), never one in another language to read by its columns' order."""
    return any(h.strip() == "Clicks" or h.strip().endswith(" Clicks") for h in header)


def _refused(header: list[str], key: str, path: str, file_name: str) -> QueryFileError:
    """The error for a table whose header is not the export's, saying what the export's is."""
    expected = ",".join(f'"{h}"' for h in (key, *METRICS))
    got = ",".join(f'"{h}"' for h in header)[:160]
    other = "" if _in_english(header) else (
        f" (or, in another language, the same {len(METRICS) + 1} columns in that order: the "
        f"{_KEY_NAMES.get(key, 'key')}, clicks, impressions, CTR as a percentage, position; else export it again "
        "with Search Console's language set to English)")
    return QueryFileError(path, f"not a Search Console {file_name}: header is {got}, expected {expected}{other}", 1)


def _delimiter(text: str, key: str) -> str:
    """The export's comma, or the semicolon or tab of a spreadsheet that saved it again (Excel in a language with a
    decimal comma writes ";"; its "Unicode text" is tab-separated): the one that makes the header's first column
    `key`, else the first that gives the header as many columns as the export has (a header in another language)."""
    first = text.split("\n", 1)[0]
    fits = None
    for delimiter in (",", ";", "\t"):
        try:
            header = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(header) > 1 and header[0].strip() == key:
            return delimiter
        if fits is None and len(header) in _IN_ORDER:
            fits = delimiter
    return fits or ","


def parse_table(text: str, path: str, key: str, file_name: str) -> Table:
    """The rows of one exported table whose key column is `key` ("Top queries", "Top pages"). A header in another
    language (Search Console's interface in German: "Häufigste Suchanfragen","Klicks",...) is read by its columns'
    order when it has the export's columns and its first row their shape, and a note says so. Raises
    QueryFileError naming the file (and line)."""
    # Cleaned where it enters, cell by cell (no escape sequence reaches a report): a query as text, a figure by
    # `_number`, which refuses what cleaning would drop from it.
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(clean_text(text.split("\n", 1)[0]), key))
    try:
        header = [clean_text(h) for h in next(reader)]
    except StopIteration:
        raise QueryFileError(path, f"empty file (expected a Search Console {file_name})") from None
    except csv.Error as exc:
        raise QueryFileError(path, f"not a CSV file: {exc}", 1) from None
    try:  # each row with its line (a quoted cell may hold a newline: a row's line is where it ends)
        lines = [(row, reader.line_num) for row in reader if row and any(c.strip() for c in row)]
    except csv.Error as exc:
        raise QueryFileError(path, f"malformed CSV: {exc}", reader.line_num) from None
    width = len(header)
    rows = Table()
    if len(lines) > MAX_ROWS:  # (an export lists its rows by clicks, the most first: those kept matter most)
        rows.notes.append(ReadError(path, f"{len(lines):,} rows, more than the {MAX_ROWS:,} read (an export holds at "
                                          f"most 1,000): the rows from this line on left out", lines[MAX_ROWS][1],
                                    "warning"))
        del lines[MAX_ROWS:]
    ranges = _columns(header, key)
    if ranges is None:  # another header: the export's in another language, when the first row has its shape
        ranges = None if _in_english(header) else _IN_ORDER.get(width)
        if ranges is None or not lines or not _has_shape(lines[0][0], key, ranges, width):
            raise _refused(header, key, path, file_name)
        shown = ",".join(f'"{h}"' for h in header)[:160]
        rows.notes.append(ReadError(path, f"header {shown} read as Search Console's columns in their order: the "
                                          f"{_KEY_NAMES.get(key, 'key')}, clicks, impressions, CTR, position",
                                    1, "info"))

    if len(ranges) > 1 and _in_english(header):  # each range's name: what its columns' names share
        rows.ranges = tuple(os.path.commonprefix([header[i] for i in cols.values()]).strip() for cols in ranges)

    def metrics(row: list[str], cols: dict[str, int], line: int) -> Metrics:
        return Metrics(_number(row[cols["Clicks"]], path, line, "Clicks"),
                       _number(row[cols["Impressions"]], path, line, "Impressions"),
                       _percent(row[cols["CTR"]], path, line),
                       _number(row[cols["Position"]], path, line, "Position", float))

    impossible = []
    for row, line in lines:
        if len(row) != width:
            raise QueryFileError(path, f"expected {width} columns, found {len(row)}", line)
        name = " ".join(clean_text(row[0]).split())
        if name:
            figures = [metrics(row, cols, line) for cols in ranges]
            wrong = next(filter(None, map(_impossible, figures)), "")
            if wrong:  # figures that cannot all be right: none is used rather than a wrong one
                impossible.append(ReadError(path, f"{wrong}: no Search Console export has that; row left out", line,
                                            "warning"))
                continue
            rows.append(Row(name, figures[0], figures[1] if len(figures) > 1 else None, line))
    rows.notes += impossible[:MAX_LINES_SAID]
    rows.left_out = len(impossible)
    if len(impossible) > MAX_LINES_SAID:
        rows.notes.append(ReadError(path, f"{len(impossible) - MAX_LINES_SAID:,} more rows of figures no export has "
                                          "left out", impossible[MAX_LINES_SAID].line, "warning"))
    return rows


def _impossible(figures: Metrics) -> str:
    """What in a row's figures no Search Console export has ("" when nothing): more clicks than impressions (each
    click is on a result shown), a CTR over 100 %."""
    if figures.clicks > figures.impressions:
        return f"{figures.clicks:,} clicks above {figures.impressions:,} impressions"
    if figures.ctr is not None and figures.ctr > 1:
        return f"CTR {figures.ctr * 100:g} % over 100 %"
    return ""


def read_export(path: str | Path, file_name: str) -> tuple[str, str, list[ReadError]]:
    """(text, name, notes) of the CSV `file_name` ("Queries.csv"), given as itself or as the export ZIP holding it.
    The name is `export.zip!Queries.csv` for a member; the notes say the lines read as Windows-1252 (`_decoded`). A member is unpacked to MAX_CSV_BYTES at most, whatever its
    header claims. Raises QueryFileError."""
    path = Path(path)
    try:
        data = read_regular(path)  # a FIFO or a device is never opened
    except FileNotFoundError:
        raise QueryFileError(str(path), "file not found") from None
    except OSError as exc:
        raise QueryFileError(str(path), f"cannot read: {exc.strerror or exc}") from None
    name = str(path)
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
                # by its name, in English or another language (`Suchanfragen.csv`), else by its columns
                members = named(names, file_name) or by_columns(archive, names, file_name)
                if len(members) > 1:  # two exports zipped together, or a table added twice: which is meant?
                    raise QueryFileError(name, f"the ZIP holds {len(members)} {file_name}, "
                                               f"{_entries(names, members)}; an export holds one: pass the one to "
                                               "use, unzipped, or the export as downloaded")
                member = members[0] if members else None
                if member is None:
                    held = ", ".join(shortened(n, 80) for n in names[:8]) + (f" and {len(names) - 8:,} more" if
                                                                            len(names) > 8 else "") or "nothing"
                    raise QueryFileError(name, f"the ZIP holds no {file_name} (in English or another language) and "
                                               f"no table with its columns: it holds {held} (is it a Search Console "
                                               "performance export?)")
                size = archive.getinfo(member).file_size
                if size > MAX_CSV_BYTES:
                    raise QueryFileError(f"{path}!{member}", f"{size:,} bytes unpacked; a Search Console export "
                                                             f"is far smaller (limit {MAX_CSV_BYTES:,})")
                with archive.open(member) as stream:  # stops at the limit, so a lying header cannot get past it
                    data = stream.read(MAX_CSV_BYTES + 1)
                if len(data) > MAX_CSV_BYTES:
                    raise QueryFileError(f"{path}!{member}", f"more than {MAX_CSV_BYTES:,} bytes unpacked; a Search "
                                                             "Console export is far smaller")
                name = f"{path}!{member}"
        except zipfile.BadZipFile:
            raise QueryFileError(name, "not a valid ZIP file") from None
        except (RuntimeError, NotImplementedError, EOFError, OSError, zlib.error) as exc:  # encrypted, damaged
            raise QueryFileError(name, f"cannot unpack: {exc}") from None
    text, notes = _decoded(data, name)
    return text, name, notes


MAX_LINES_SAID = 10  # lines named one by one as read in Windows-1252; the others are counted in one more line
_CP1252 = "not UTF-8; read as Windows-1252"


def _decoded(data: bytes, name: str) -> tuple[str, list[ReadError]]:
    """The text of an export's bytes, decoded as posts are (`decode`): UTF-8, UTF-16 with its byte order mark (a
    spreadsheet's "Unicode text"), and each line that is not UTF-8 as Windows-1252, with a warning at each such
    line (a query typed in one encoding is not garbled by a line saved in another). Raises QueryFileError for bytes
    that are not text."""
    from smpseo.sources.readers.decode import SourceError, decode

    if not data.strip():
        return "", []  # said by `parse_table`: an empty file
    try:
        text, warnings = decode(data, name, clean=False)  # cleaned cell by cell: a figure's NUL is refused, not lost
    except SourceError as exc:  # binary: at the first line with a NUL byte (UTF-16 pasted without its mark)
        nul = data.find(b"\x00")
        raise QueryFileError(name, exc.message, exc.line or data.count(b"\n", 0, nul) + 1 if nul >= 0 else 0) \
            from None
    notes = []
    for warning in warnings:  # "line 3: not UTF-8; read as Windows-1252"
        at, _, message = warning.partition(": ")
        line = int(at.removeprefix("line ")) if at.startswith("line ") else 0
        if message != _CP1252:
            notes.append(ReadError(name, message if line else warning, line, "warning"))
            continue
        lines = [n for n, row in enumerate(data.splitlines(), 1) if not _utf8(row)]
        notes += [ReadError(name, _CP1252, n, "warning") for n in lines[:MAX_LINES_SAID]]
        if len(lines) > MAX_LINES_SAID:
            notes.append(ReadError(name, f"{len(lines) - MAX_LINES_SAID:,} more lines not UTF-8, read as "
                                         "Windows-1252", lines[MAX_LINES_SAID], "warning"))
    return text, notes


def _utf8(row: bytes) -> bool:
    try:
        row.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _entries(names: list[str], members: list[str]) -> str:
    """The `members` of a ZIP (whose entries are `names`) as a message names them: `'a/Queries.csv' and
    'b/Queries.csv'`, with their place in the ZIP when two are named the same (`'Queries.csv' (entry 1) and ...`)."""
    same = len(set(members)) < len(members)
    shown = [shortened(n, 80) + (f" (entry {i + 1})" if same else "") for i, n in enumerate(names) if n in members][:5]
    if len(members) > 5:
        return ", ".join(shown) + f" and {len(members) - 5:,} more"
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def holds(path: str | Path, file_name: str) -> bool:
    """True when `path` is an export ZIP holding `file_name` (nothing is unpacked)."""
    if not is_regular(path):  # a FIFO is never opened: it would wait for a writer for ever
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            return bool(named(names, file_name) or by_columns(archive, names, file_name))
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
