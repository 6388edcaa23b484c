"""Google Search Console performance exports: one table per tab (`Queries.csv`, `Pages.csv`), as a CSV file or
inside the export's ZIP, for one date range or two (the comparison export).

Search Console > Performance > Export > CSV downloads a ZIP with one CSV per tab. A table's header is its key column
(`"Top queries"`, `"Top pages"`) then `"Clicks","Impressions","CTR","Position"`; CTR is a percentage ("5.2%"),
Position a decimal, and large numbers may carry thousands separators ("1,234"). Saved again by a spreadsheet, the
columns may be separated by semicolons or tabs, and the file be UTF-16 with a byte order mark. With two date ranges compared, each
metric has a column per range, named by the range: `"Last 28 days Clicks","Previous 28 days Clicks", ...`; the
first range is the current one. Queries and pages are not linked in these files.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smpseo.core.text import clean_text, one_newline, shortened
from smpseo.core.textfile import BOMS, is_regular, read_regular

METRICS = ("Clicks", "Impressions", "CTR", "Position")
MAX_CSV_BYTES = 50 * 1024 * 1024  # an export holds at most 1,000 rows a table: a few hundred kilobytes


class QueryFileError(Exception):
    """A Search Console file that cannot be used, naming the file (and line)."""

    def __init__(self, path: str, message: str, line: int = 0):
        self.path, self.message, self.line = str(path), message, line
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


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
    value = clean_text(text).strip().replace("\u00a0", "").replace(" ", "")
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


def _columns(header: list[str], key: str, path: str, file_name: str) -> list[dict[str, int]]:
    """Per date range (current first), the index of each metric's column. Raises QueryFileError for another
    header."""
    names = [h.strip() for h in header]
    expected = ",".join(f'"{h}"' for h in (key, *METRICS))
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
    got = ",".join(f'"{h}"' for h in header)[:160]
    raise QueryFileError(path, f"not a Search Console {file_name}: header is {got}, expected {expected}", 1)


def _delimiter(text: str, key: str) -> str:
    """The export's comma, or the semicolon or tab of a spreadsheet that saved it again (Excel in a language with a
    decimal comma writes ";"; its "Unicode text" is tab-separated): the one that makes the header's first column
    `key`."""
    first = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        try:
            header = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(header) > 1 and header[0].strip() == key:
            return delimiter
    return ","


def parse_table(text: str, path: str, key: str, file_name: str) -> list[Row]:
    """The rows of one exported table whose key column is `key` ("Top queries", "Top pages"). Raises
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
    ranges = _columns(header, key, path, file_name)
    width = len(header)
    rows: list[Row] = []

    def metrics(row: list[str], cols: dict[str, int], line: int) -> Metrics:
        return Metrics(_number(row[cols["Clicks"]], path, line, "Clicks"),
                       _number(row[cols["Impressions"]], path, line, "Impressions"),
                       _percent(row[cols["CTR"]], path, line),
                       _number(row[cols["Position"]], path, line, "Position", float))

    try:
        for row in reader:
            line = reader.line_num
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) != width:
                raise QueryFileError(path, f"expected {width} columns, found {len(row)}", line)
            name = " ".join(clean_text(row[0]).split())
            if not name:
                continue
            rows.append(Row(name, metrics(row, ranges[0], line),
                            metrics(row, ranges[1], line) if len(ranges) > 1 else None, line))
    except csv.Error as exc:
        raise QueryFileError(path, f"malformed CSV: {exc}", reader.line_num) from None
    return rows


def read_export(path: str | Path, file_name: str) -> tuple[str, str]:
    """(text, name) of the CSV `file_name` ("Queries.csv"), given as itself or as the export ZIP holding it. The
    name is `export.zip!Queries.csv` for a member. A member is unpacked to MAX_CSV_BYTES at most, whatever its
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
                members = [m for m in names if Path(m).name.lower() == file_name.lower()]
                if len(members) > 1:  # two exports zipped together, or a table added twice: which is meant?
                    raise QueryFileError(name, f"the ZIP holds {len(members)} {file_name}, "
                                               f"{_entries(names, members)}; an export holds one: pass the one to "
                                               "use, unzipped, or the export as downloaded")
                member = members[0] if members else None
                if member is None:
                    raise QueryFileError(name, f"the ZIP holds no {file_name} (is it a Search Console performance "
                                               "export?)")
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
    for bom, codec in BOMS:  # a spreadsheet's "Unicode text" is UTF-16 with its byte order mark
        if data.startswith(bom):
            return one_newline(data[len(bom):].decode(codec, errors="replace")), name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return one_newline(text), name


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
            return any(Path(m).name.lower() == file_name.lower() for m in archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


DATES_FILE = "Dates.csv"  # the export's chart: a row a day, its first column the day ("2026-10-31")


def export_dates(path: str | Path) -> tuple[date, date] | None:
    """The first and last day of the range an export ZIP was downloaded for, from its `Dates.csv`; None when `path`
    is no ZIP holding one or its days cannot be read (a CSV alone does not say what range it covers)."""
    if not holds(path, DATES_FILE):
        return None
    try:
        text, _ = read_export(path, DATES_FILE)
    except QueryFileError:
        return None
    text = text.lstrip("\ufeff")
    days = []
    for row in csv.reader(io.StringIO(text), delimiter=_delimiter(text, "Date")):
        try:
            days.append(date.fromisoformat(row[0].strip()))
        except (IndexError, ValueError):
            continue  # the header, a blank line
    return (min(days), max(days)) if days else None
