"""Month arithmetic for monthly reports: months are `YYYY-MM` strings; and a day written in numbers ("3/15/2025").

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


# A day written in numbers, day and month in either order: "3/15/2025", "15/03/2025", "15.03.25", "3-15-2025".
_NUMERIC_DAY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})")


class AmbiguousDay(ValueError):
    """A day written in numbers that names two days ("3/4/2025": 4 March, or 3 April): `days` holds both."""

    def __init__(self, text: str, days: tuple[date, date]) -> None:
        self.text, self.days = text, days
        self.said = " or ".join(f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}" for d in days)
        super().__init__(f"{text!r} is {self.said}")


def numeric_day(text: str, day_first: bool | None = None) -> date | None:
    """The day `text` writes in numbers, month and day in either order ("3/15/2025" and "15/03/2025" are 15 March
    2025; a two-digit year is read as `strptime`'s %y is: 69-99 the 1900s, else the 2000s), or None when it is not
    such a day. A part over 12 is the day; when both parts could be the month ("3/4/2025"), `day_first` says which
    is (True: 3 April, as most countries write it; False: 4 March, as the United States does); when it is None,
    AmbiguousDay is raised: the day is never guessed."""
    found = _NUMERIC_DAY.fullmatch(text.strip())
    if not found:
        return None
    first, second, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
    if len(found.group(4)) == 2:
        year += 1900 if year >= 69 else 2000
    days = []
    for month, day in ((first, second), (second, first)):  # month first, then day first
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    if len(days) == 2 and days[0] != days[1]:
        if day_first is None:
            raise AmbiguousDay(text.strip(), (days[0], days[1]))
        return days[1] if day_first else days[0]
    return days[0] if days else None
