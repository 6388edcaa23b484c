"""Month arithmetic for monthly reports: months are `YYYY-MM` strings.

The default report month is the one that just ended. It is computed from the first day of the current month,
never by subtracting "one month" from today (on 31 March that lands in March again).
"""

from __future__ import annotations

import re
from datetime import date

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
FIRST_YEAR, LAST_YEAR = 1900, 9998  # a report compares with the month before and reads up to the month after
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # English, whatever the machine's locale


def parse_month(text: str) -> tuple[int, int]:
    """`"2026-10"` -> `(2026, 10)`. Raises ValueError for anything else, a trailing newline or space included: the
    month names a folder, exactly as given."""
    match = _MONTH.fullmatch(str(text))
    if not match:
        raise ValueError(f"month must look like YYYY-MM (e.g. 2026-10), not {text!r}")
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:  # the month before and after must be dates too
        raise ValueError(f"month must look like YYYY-MM between {FIRST_YEAR}-01 and {LAST_YEAR}-12, not {text!r}")
    return year, int(match.group(2))


def format_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(month: str, delta: int) -> str:
    """The month `delta` months after (negative: before) `month`."""
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + delta
    return format_month(index // 12, index % 12 + 1)


def previous_month(month: str) -> str:
    return shift_month(month, -1)


def month_of(day: date) -> str:
    return format_month(day.year, day.month)


def last_complete_month(today: date | None = None) -> str:
    """The month that ended most recently: on any day of November 2026, `"2026-10"`; in January, last December."""
    today = today or date.today()
    return previous_month(month_of(today.replace(day=1)))


def has_begun(month: str, today: date | None = None) -> bool:
    """True when `month` is the current month or one before it: a month to come has nothing to report yet."""
    return parse_month(month) <= parse_month(month_of(today or date.today()))


def month_bounds(month: str) -> tuple[date, date]:
    """First day of the month and first day of the next one (a half-open range)."""
    year, mon = parse_month(month)
    next_year, next_mon = parse_month(shift_month(month, 1))
    return date(year, mon, 1), date(next_year, next_mon, 1)


def month_title(month: str) -> str:
    """`"2026-10"` -> `"October 2026"` (English month names, independent of the machine's locale)."""
    year, mon = parse_month(month)
    return f"{MONTH_NAMES[mon - 1]} {year}"


def days_title(first: date, last: date) -> str:
    """A range of days as a report names it: "1-31 October 2025", "4 October - 2 November 2026", "28 December 2025
    - 3 January 2026", "5 October 2026" (English month names, independent of the machine's locale)."""
    def day(d: date, year: bool = True, month: bool = True) -> str:
        return " ".join([str(d.day), *([MONTH_NAMES[d.month - 1]] if month else []), *([str(d.year)] if year else [])])

    if first == last:
        return day(first)
    if first.year != last.year:
        return f"{day(first)} - {day(last)}"
    if first.month != last.month:
        return f"{day(first, year=False)} - {day(last)}"
    return f"{first.day}-{day(last)}"
