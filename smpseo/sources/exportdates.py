"""Which days a Search Console export's figures are of: the range its ZIP was downloaded for (`Dates.csv`, a row a
day), and the days a comparison export's header names for each of its two ranges ("10/1/25 - 10/31/25 Clicks")."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from smpseo.core.months import MONTH_NAMES, numeric_day
from smpseo.sources.searchconsole import QueryFileError, _delimiter, holds, read_export

DATES_FILE = "Dates.csv"  # the export's chart: a row a day, its first column the day ("2026-10-31")


def export_dates(path: str | Path) -> tuple[date, date] | None:
    """The first and last day of the range an export ZIP was downloaded for, from its `Dates.csv`; None when `path`
    is no ZIP holding one or its days cannot be read (a CSV alone does not say what range it covers)."""
    if not holds(path, DATES_FILE):
        return None
    try:
        text, _, _ = read_export(path, DATES_FILE)
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


_TO = r"\s*(?:-|\u2013|\u2014|to)\s*"
# A custom range as the English interface names it: month/day/year ("10/1/25 - 10/31/25"), a day ISO-written
# ("2025-10-01 - 2025-10-31"), or with the month's name ("Oct 1, 2025 - Oct 31, 2025").
_US = re.compile(rf"(\d{{1,2}}/\d{{1,2}}/\d{{2}}(?:\d{{2}})?){_TO}(\d{{1,2}}/\d{{1,2}}/\d{{2}}(?:\d{{2}})?)")
_ISO = re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}}){_TO}(\d{{4}}-\d{{2}}-\d{{2}})")
_NAMED = re.compile(rf"([A-Za-z]{{3,9}}\.? \d{{1,2}}, \d{{4}}){_TO}([A-Za-z]{{3,9}}\.? \d{{1,2}}, \d{{4}})")


def range_days(name: str) -> tuple[date, date] | None:
    """The first and last day a comparison export's range name gives (`Table.ranges`: "10/1/25 - 10/31/25", as
    Search Console in English names a custom range); None for a name of no dates ("Previous 28 days") or dates
    that are none."""
    text = " ".join(name.split())
    for pattern, read in ((_US, _us_day), (_ISO, date.fromisoformat), (_NAMED, _named_day)):
        found = pattern.fullmatch(text)
        if found:
            try:
                first, last = read(found.group(1)), read(found.group(2))
            except ValueError:
                return None
            return (first, last) if first <= last else None
    return None


def _us_day(text: str) -> date:
    """"10/1/25": month first, as Search Console in English writes a day."""
    day = numeric_day(text, day_first=False)
    if day is None:
        raise ValueError(text)
    return day


def _named_day(text: str) -> date:
    """"Oct 1, 2025" or "October 1, 2025" (English month names, whatever the machine's locale)."""
    name, day, year = text.replace(".", "").replace(",", "").split()
    months = [m for m in MONTH_NAMES if m.lower().startswith(name.lower()) and len(name) >= 3]
    if len(months) != 1:
        raise ValueError(text)
    return date(int(year), MONTH_NAMES.index(months[0]) + 1, int(day))
